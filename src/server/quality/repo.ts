import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { sqlCheckCharacterWrong, type CheckKey } from '../../domain/quality/checks';
import { queryRows, type Db } from '../db/connection';
import { handbookChecks, qualityRuns } from '../db/schema';

/** One record a check found, in the same shape for every check (drill-down rows). */
export interface Finding {
  householdId: number | null;
  villageCode: string;
  number: string;
  name: string;
  idNumber: string;
  detail: string;
}

const POOR = `('未脱贫', '返贫')`;
const EXITED = `('已脱贫', '稳定脱贫')`;

/**
 * The checks as SQL over the registry, procedures and pairing tables (read-only analytics: this feature reads other
 * features' tables in joins and writes only its own runs). Each returns Finding columns; `today` is the run's date.
 */
function checkQuery(key: Exclude<CheckKey, 'exited_below_line'>, prefix: string, today: string, half: { from: string; to: string }): SQL {
  const like = `${prefix}%`;
  switch (key) {
    case 'invalid_id':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber",
          case when p.id_number !~ '^[0-9]{17}[0-9X]$' then '格式错误' else '校验位错误' end as detail
        from persons p join households h on h.id = p.household_id
        where h.village_code like ${like} and (p.id_number !~ '^[0-9]{17}[0-9X]$' or ${sql.raw(sqlCheckCharacterWrong('p.id_number'))})`;
    case 'duplicate_id':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber", '同一身份证号出现 ' || d.n || ' 次' as detail
        from (select upper(trim(id_number)) as id, count(*) as n from persons group by 1 having count(*) > 1) d
        join persons p on upper(trim(p.id_number)) = d.id join households h on h.id = p.household_id where h.village_code like ${like}`;
    case 'cause_rule':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name,
          '' as "idNumber", '主要：' || h.main_cause || '；次要：' || coalesce((select string_agg(c, '、') from jsonb_array_elements_text(h.secondary_causes) c), '') as detail
        from households h
        where h.village_code like ${like} and (jsonb_array_length(h.secondary_causes) > 2 or h.secondary_causes ? h.main_cause
          or h.main_cause not in ('因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '交通条件落后', '自身发展动力不足'))`;
    case 'labour_age':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber",
          date_part('year', age(${today}::date, p.birth_date))::int || ' 岁，填报为' || p.labour as detail
        from persons p join households h on h.id = p.household_id
        where h.village_code like ${like} and (
          (age(${today}::date, p.birth_date) < interval '16 years' and p.labour <> '无劳动力')
          or (age(${today}::date, p.birth_date) >= interval '65 years' and p.labour in ('普通劳动力', '技能劳动力') and not (p.work_months > 0 and p.work_income > 0))
          or (p.labour = '技能劳动力' and not p.has_qualification))`;
    case 'exited_without_record':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name,
          '' as "idNumber", h.status || coalesce('（' || h.status_year || ' 年）', '') as detail
        from households h
        where h.village_code like ${like} and h.status in ${sql.raw(EXITED)} and not exists (
          select 1 from procedures pr where pr.household_id = h.id and pr.kind = 'exit' and pr.state = 'completed'
            and exists (select 1 from procedure_events e where e.procedure_id = pr.id and e.outcome = 'pass' and e.present is not null)
            and exists (select 1 from procedure_events e where e.procedure_id = pr.id and e.outcome = 'pass' and e.data ? 'confirmedBy'))`;
    case 'no_helper':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name,
          '' as "idNumber", h.status as detail
        from households h
        where h.village_code like ${like} and h.status in ${sql.raw(POOR)} and not exists (
          select 1 from helper_assignments a where a.household_id = h.id and a.from_on <= ${today}::date and (a.to_on is null or a.to_on > ${today}::date))`;
    case 'helper_over_limit':
      return sql`select null::int as "householdId", hp.region_code as "villageCode", '' as number, hp.name, '' as "idNumber",
          hp.unit || '，联系 ' || count(*) || ' 户' as detail
        from helpers hp join helper_assignments a on a.helper_id = hp.id and a.from_on <= ${today}::date and (a.to_on is null or a.to_on > ${today}::date)
        where hp.region_code like ${like} group by hp.id, hp.region_code, hp.name, hp.unit having count(*) > 3`;
    case 'no_visit':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name,
          '' as "idNumber", h.status as detail
        from households h
        where h.village_code like ${like} and h.status in ${sql.raw(EXITED)} and not exists (
          select 1 from household_visits v where v.household_id = h.id and v.kind = '帮扶走访' and v.visited_on between ${half.from}::date and ${half.to}::date)`;
    case 'handbook_mismatch':
      // The latest handbook check of each household against the registry now: size, per-capita net income of the
      // handbook's year (纯收入 ÷ 家庭人口, as computeIncome), and the current helpers' names.
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name,
          '' as "idNumber", concat_ws('；',
            case when c.persons <> f.size then '手册人口 ' || c.persons || ' 人，系统 ' || f.size || ' 人' end,
            case when f.per_capita is null then '系统无 ' || c.year || ' 年收入' when c.per_capita <> f.per_capita then c.year || ' 年人均纯收入手册 ' || c.per_capita || ' 元，系统 ' || f.per_capita || ' 元' end,
            case when f.helpers <> f.handbook_helpers then '帮扶责任人不一致' end) as detail
        from households h
        join lateral (select * from handbook_checks hc where hc.household_id = h.id order by hc.checked_on desc, hc.id desc limit 1) c on true
        cross join lateral (select
            (select count(*)::int from persons p where p.household_id = h.id) as size,
            (select round((i.wages + i.business + i.property + i.subsidies + i.minimum_living + i.extreme_poverty + i.pension + i.ecological + i.other_transfer - i.business_costs)::numeric
                 / nullif((select count(*) from persons p where p.household_id = h.id), 0))::int
               from household_incomes i where i.household_id = h.id and i.year = c.year) as per_capita,
            (select coalesce(jsonb_agg(hp.name order by hp.name), '[]'::jsonb) from helper_assignments a join helpers hp on hp.id = a.helper_id
               where a.household_id = h.id and a.from_on <= ${today}::date and (a.to_on is null or a.to_on > ${today}::date)) as helpers,
            (select coalesce(jsonb_agg(x order by x), '[]'::jsonb) from jsonb_array_elements_text(c.helper_names) x) as handbook_helpers) f
        where h.village_code like ${like} and (c.persons <> f.size or f.per_capita is null or c.per_capita <> f.per_capita or f.helpers <> f.handbook_helpers)`;
  }
  throw new Error(`unknown check ${String(key)}`);
}

export function makeQualityRepo(db: Db) {
  return {
    async count(key: Exclude<CheckKey, 'exited_below_line'>, prefix: string, today: string, half: { from: string; to: string }): Promise<number> {
      const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${checkQuery(key, prefix, today, half)}) q`);
      return r?.n ?? 0;
    },
    list: (key: Exclude<CheckKey, 'exited_below_line'>, prefix: string, today: string, half: { from: string; to: string }, limit: number, offset: number) =>
      queryRows<Finding>(db, sql`select * from (${checkQuery(key, prefix, today, half)}) q order by "villageCode", number, name limit ${limit} offset ${offset}`),
    /**
     * Exited households with the net income of their exit year (纯收入 = 年收入 − 生产经营性支出, as computeIncome) and their
     * size; the line and the rule are applied in the service.
     */
    exitedWithIncome: (prefix: string) =>
      queryRows<Finding & { statusYear: number | null; size: number; net: number | null }>(
        db,
        sql`select h.id as "householdId", h.village_code as "villageCode", h.number,
              coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '') as name, '' as "idNumber", '' as detail,
              h.status_year as "statusYear", (select count(*)::int from persons p where p.household_id = h.id) as size,
              (select i.wages + i.business + i.property + i.subsidies + i.minimum_living + i.extreme_poverty + i.pension + i.ecological + i.other_transfer - i.business_costs
                 from household_incomes i where i.household_id = h.id and i.year = h.status_year) as net
            from households h where h.village_code like ${`${prefix}%`} and h.status in ${sql.raw(EXITED)}
            order by h.village_code, h.number`,
      ),
    async insertHandbookCheck(c: Omit<typeof handbookChecks.$inferInsert, 'id'>) {
      const [row] = await db.insert(handbookChecks).values(c).returning();
      return row!;
    },
    handbookChecks: (householdId: number) => db.select().from(handbookChecks).where(eq(handbookChecks.householdId, householdId)).orderBy(desc(handbookChecks.checkedOn), desc(handbookChecks.id)),
    async insertRun(r: typeof qualityRuns.$inferInsert) {
      const [row] = await db.insert(qualityRuns).values(r).returning();
      return row!;
    },
    async latestRun(prefix: string) {
      const [row] = await db.select().from(qualityRuns).where(eq(qualityRuns.regionPrefix, prefix)).orderBy(desc(qualityRuns.id)).limit(1);
      return row;
    },
  };
}
export type QualityRepo = ReturnType<typeof makeQualityRepo>;
