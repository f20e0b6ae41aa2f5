import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { MAX_HOUSEHOLDS_PER_HELPER } from '../../domain/pairing/helper-limit';
import { STATUSES_NEEDING_HELPER } from '../../domain/pairing/helper-statuses';
import { EXITED_STATUSES, type VisitKind } from '../../domain/pairing/half-year-visit';
import { sqlCheckCharacterWrong, type CheckKey } from '../../domain/quality/checks';
import { CAUSES, MAX_SECONDARY_CAUSES } from '../../domain/registry/causes';
import { ABLE_LABOUR_KINDS, LABOUR_ELDERLY_AGE, LABOUR_MIN_AGE, type LabourKind } from '../../domain/registry/labour';
import { NET_INCOME_TERMS, type NetIncomeItem } from '../../domain/registry/net-income';
import type { Finding } from '../../contract/quality';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { insertOne } from '../db/rows';
import { handbookChecks, householdIncomes, qualityRuns } from '../db/schema';

/** One record a check found, in the same shape for every check (drill-down rows): the contract's. */
export type { Finding };
export type RunRow = typeof qualityRuns.$inferSelect;
export type HandbookCheckRow = typeof handbookChecks.$inferSelect;

/** A parenthesised list of values as parameters: `(${a}, ${b})`. */
const list = (values: readonly string[]): SQL => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
/** Whether an assignment `a` holds its household on a day (the end day is the successor's first: exclusive). */
const heldOn = (day: string) => sql`a.from_on <= ${day}::date and (a.to_on is null or a.to_on > ${day}::date)`;
/** The head's name of household `h`. */
const headName = sql`coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1), '')`;
/** 纯收入 of the income row `i`, term by term as the domain defines it (`NET_INCOME_TERMS`). */
const netIncome = (() => {
  const column = (k: NetIncomeItem) => sql`i.${sql.identifier(householdIncomes[k].name)}`;
  const added = sql.join(NET_INCOME_TERMS.added.map(column), sql` + `);
  return NET_INCOME_TERMS.subtracted.length ? sql`(${added} - ${sql.join(NET_INCOME_TERMS.subtracted.map(column), sql` - `)})` : sql`(${added})`;
})();
const years = (n: number) => sql`make_interval(years => ${n}::int)`;

export type SqlCheckKey = Exclude<CheckKey, 'exited_below_line'>;

/**
 * The checks as SQL over the registry, procedures and pairing tables (read-only analytics: this feature reads other
 * features' tables in joins and writes only its own runs). Each returns Finding columns; `today` is the run's date.
 * Every rule's constant comes from the domain as a parameter (labour ages and kinds, the causes, the statuses that keep
 * a helper, the helper's limit, the visit kind, the net-income terms); `queries.sql` beside this file is their text.
 */
export function checkQuery(key: SqlCheckKey, prefix: string, today: string, half: { from: string; to: string }): SQL {
  const under = (column: string) => underPrefix(sql.raw(column), prefix);
  const age = sql`age(${today}::date, p.birth_date)`;
  switch (key) {
    case 'invalid_id':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber",
          case when p.id_number !~ '^[0-9]{17}[0-9X]$' then '格式错误' else '校验位错误' end as detail
        from persons p join households h on h.id = p.household_id
        where ${under('h.village_code')} and (p.id_number !~ '^[0-9]{17}[0-9X]$' or ${sql.raw(sqlCheckCharacterWrong('p.id_number'))})`;
    case 'duplicate_id':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber", '同一身份证号出现 ' || d.n || ' 次' as detail
        from (select upper(trim(id_number)) as id, count(*) as n from persons group by 1 having count(*) > 1) d
        join persons p on upper(trim(p.id_number)) = d.id join households h on h.id = p.household_id where ${under('h.village_code')}`;
    case 'cause_rule':
      // checkCauses: one standard main cause; secondary causes standard, distinct, not the main one, at most MAX_SECONDARY_CAUSES.
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, ${headName} as name,
          '' as "idNumber", '主要：' || coalesce(h.main_cause, '') || '；次要：' || coalesce((select string_agg(c, '、') from jsonb_array_elements_text(h.secondary_causes) c), '') as detail
        from households h
        where ${under('h.village_code')} and (h.main_cause is null or h.main_cause not in ${list(CAUSES)}
          or jsonb_array_length(h.secondary_causes) > ${MAX_SECONDARY_CAUSES}::int or h.secondary_causes ? h.main_cause
          or exists (select 1 from jsonb_array_elements_text(h.secondary_causes) c where c not in ${list(CAUSES)})
          or (select count(distinct c) from jsonb_array_elements_text(h.secondary_causes) c) <> jsonb_array_length(h.secondary_causes))`;
    case 'labour_age':
      // checkLabour: under LABOUR_MIN_AGE not 无劳动力; from LABOUR_ELDERLY_AGE able only with work and work income; 技能 with a certificate.
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, p.name, trim(p.id_number) as "idNumber",
          date_part('year', ${age})::int || ' 岁，填报为' || p.labour as detail
        from persons p join households h on h.id = p.household_id
        where ${under('h.village_code')} and (
          (${age} < ${years(LABOUR_MIN_AGE)} and p.labour <> ${'无劳动力' satisfies LabourKind})
          or (${age} >= ${years(LABOUR_ELDERLY_AGE)} and p.labour in ${list(ABLE_LABOUR_KINDS)} and not (p.work_months > 0 and p.work_income > 0))
          or (p.labour = ${'技能劳动力' satisfies LabourKind} and not p.has_qualification))`;
    case 'exited_without_record':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, ${headName} as name,
          '' as "idNumber", h.status || coalesce('（' || h.status_year || ' 年）', '') as detail
        from households h
        where ${under('h.village_code')} and h.status in ${list(EXITED_STATUSES)} and not exists (
          select 1 from procedures pr where pr.household_id = h.id and pr.kind = 'exit' and pr.state = 'completed'
            and exists (select 1 from procedure_events e where e.procedure_id = pr.id and e.outcome = 'pass' and e.present is not null)
            and exists (select 1 from procedure_events e where e.procedure_id = pr.id and e.outcome = 'pass' and e.data ? 'confirmedBy'))`;
    case 'no_helper':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, ${headName} as name,
          '' as "idNumber", h.status as detail
        from households h
        where ${under('h.village_code')} and h.status in ${list(STATUSES_NEEDING_HELPER)} and not exists (
          select 1 from helper_assignments a where a.household_id = h.id and ${heldOn(today)})`;
    case 'helper_over_limit':
      // Only households that keep a helper count toward the limit (a 清退 household frees its place).
      return sql`select null::int as "householdId", hp.region_code as "villageCode", '' as number, hp.name, '' as "idNumber",
          hp.unit || '，联系 ' || count(*) || ' 户' as detail
        from helpers hp join helper_assignments a on a.helper_id = hp.id and ${heldOn(today)}
          join households h on h.id = a.household_id and h.status in ${list(STATUSES_NEEDING_HELPER)}
        where ${under('hp.region_code')} group by hp.id, hp.region_code, hp.name, hp.unit having count(*) > ${MAX_HOUSEHOLDS_PER_HELPER}::int`;
    case 'no_visit':
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, ${headName} as name,
          '' as "idNumber", h.status as detail
        from households h
        where ${under('h.village_code')} and h.status in ${list(EXITED_STATUSES)} and not exists (
          select 1 from household_visits v where v.household_id = h.id and v.kind = ${'帮扶走访' satisfies VisitKind} and v.visited_on between ${half.from}::date and ${half.to}::date)`;
    case 'handbook_mismatch':
      // The latest handbook check of each household against the registry now: size, per-capita net income of the
      // handbook's year (纯收入 ÷ 家庭人口, as computeIncome), and the current helpers' names.
      return sql`select h.id as "householdId", h.village_code as "villageCode", h.number, ${headName} as name,
          '' as "idNumber", concat_ws('；',
            case when c.persons <> f.size then '手册人口 ' || c.persons || ' 人，系统 ' || f.size || ' 人' end,
            case when f.per_capita is null then '系统无 ' || c.year || ' 年收入' when c.per_capita <> f.per_capita then c.year || ' 年人均纯收入手册 ' || c.per_capita || ' 元，系统 ' || f.per_capita || ' 元' end,
            case when f.helpers <> f.handbook_helpers then '帮扶责任人不一致' end) as detail
        from households h
        join lateral (select * from handbook_checks hc where hc.household_id = h.id order by hc.checked_on desc, hc.id desc limit 1) c on true
        cross join lateral (select
            (select count(*)::int from persons p where p.household_id = h.id) as size,
            (select round(${netIncome}::numeric / nullif((select count(*) from persons p where p.household_id = h.id), 0))::int
               from household_incomes i where i.household_id = h.id and i.year = c.year) as per_capita,
            (select coalesce(jsonb_agg(hp.name order by hp.name), '[]'::jsonb) from helper_assignments a join helpers hp on hp.id = a.helper_id
               where a.household_id = h.id and ${heldOn(today)}) as helpers,
            (select coalesce(jsonb_agg(x order by x), '[]'::jsonb) from jsonb_array_elements_text(c.helper_names) x) as handbook_helpers) f
        where ${under('h.village_code')} and (c.persons <> f.size or f.per_capita is null or c.per_capita <> f.per_capita or f.helpers <> f.handbook_helpers)`;
  }
  throw new Error(`unknown check ${String(key)}`);
}

/**
 * Exited households with the net income of their exit year (纯收入 as `NET_INCOME_TERMS`) and their size; the line and
 * the rule are applied in the service.
 */
export const exitedWithIncomeQuery = (prefix: string): SQL =>
  sql`select h.id as "householdId", h.village_code as "villageCode", h.number,
        ${headName} as name, '' as "idNumber", '' as detail,
        h.status_year as "statusYear", (select count(*)::int from persons p where p.household_id = h.id) as size,
        (select ${netIncome} from household_incomes i where i.household_id = h.id and i.year = h.status_year) as net
      from households h where ${underPrefix(sql`h.village_code`, prefix)} and h.status in ${list(EXITED_STATUSES)}
      order by h.village_code, h.number`;

export function makeQualityRepo(db: Db) {
  return {
    async count(key: SqlCheckKey, prefix: string, today: string, half: { from: string; to: string }): Promise<number> {
      const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${checkQuery(key, prefix, today, half)}) q`);
      return r?.n ?? 0;
    },
    list: (key: SqlCheckKey, prefix: string, today: string, half: { from: string; to: string }, limit: number, offset: number) =>
      queryRows<Finding>(db, sql`select * from (${checkQuery(key, prefix, today, half)}) q order by "villageCode", number, name limit ${limit} offset ${offset}`),
    exitedWithIncome: (prefix: string) => queryRows<Finding & { statusYear: number | null; size: number; net: number | null }>(db, exitedWithIncomeQuery(prefix)),
    async insertHandbookCheck(c: Omit<typeof handbookChecks.$inferInsert, 'id'>) {
      return await insertOne(db, handbookChecks, c);
    },
    handbookChecks: (householdId: number) => db.select().from(handbookChecks).where(eq(handbookChecks.householdId, householdId)).orderBy(desc(handbookChecks.checkedOn), desc(handbookChecks.id)),
    async insertRun(r: typeof qualityRuns.$inferInsert) {
      return await insertOne(db, qualityRuns, r);
    },
    async latestRun(prefix: string) {
      const [row] = await db.select().from(qualityRuns).where(eq(qualityRuns.regionPrefix, prefix)).orderBy(desc(qualityRuns.id)).limit(1);
      return row;
    },
  };
}
export type QualityRepo = ReturnType<typeof makeQualityRepo>;
