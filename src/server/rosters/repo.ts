/**
 * Issue 15 (rosters slice): the SQL of the 防返贫 list, the 项目受益花名册 and the 扶贫手册 check. One query per page of
 * the at-risk list (its total counted in the same query by a window).
 */
import { sql, type SQL } from 'drizzle-orm';
import { EXITED_STATUSES } from '../../domain/pairing/half-year-visit';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';

const HELPER_VISIT = '帮扶走访';
const list = (values: readonly string[]): SQL => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

export interface RiskCandidate {
  householdId: number;
  villageCode: string;
  villageName: string;
  number: string;
  head: string;
  status: string;
  lastVisit: string | null;
  foodSecure: boolean;
  clothingSecure: boolean;
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
  dropouts: number;
  uninsured: number;
  householdSize: number;
  incomeYear: number | null;
  netIncome: number | null;
  lineYuan: number | null;
  total: number;
}

/** The latest year's net income (年收入 − 生产经营性支出, as `computeIncome`) of household `h`. */
const NET = sql`(hi.wages + hi.business + hi.property + hi.subsidies + hi.minimum_living + hi.extreme_poverty + hi.pension + hi.ecological + hi.other_transfer - hi.business_costs)`;

export function makeRostersRepo(db: Db) {
  return {
    /**
     * A page of the exited households of `prefix` at risk in the half-year `from`–`to`: no helper's visit in it, one of
     * 两不愁三保障 not held, or the latest income below that year's line for the village (the same rule as `returnRisks`).
     */
    async riskPage(prefix: string, from: string, to: string, limit: number, offset: number, heldBy?: { helperId: number; day: string }): Promise<{ items: RiskCandidate[]; total: number }> {
      const held = heldBy
        ? sql` and exists (select 1 from helper_assignments a where a.household_id = h.id and a.helper_id = ${heldBy.helperId} and a.from_on <= ${heldBy.day}::date and (a.to_on is null or a.to_on > ${heldBy.day}::date))`
        : sql``;
      const rows = await queryRows<RiskCandidate>(
        db,
        sql`select h.id as "householdId", h.village_code as "villageCode", coalesce(r.name, '') as "villageName", h.number,
              coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' order by p.id limit 1), '') as head, h.status,
              x.last_visit::text as "lastVisit", h.food_secure as "foodSecure", h.clothing_secure as "clothingSecure", h.housing_safe as "housingSafe",
              h.drinking_water_safe as "drinkingWaterSafe", m.dropouts, m.uninsured, m.size as "householdSize",
              i.year as "incomeYear", i.net as "netIncome", l.yuan as "lineYuan", (count(*) over ())::int as total
            from households h
            left join regions r on r.code = h.village_code
            cross join lateral (select max(v.visited_on) as last_visit from household_visits v where v.household_id = h.id and v.kind = ${HELPER_VISIT}) x
            cross join lateral (
              select (count(*) filter (where p.schooling = '辍学' and p.dropout_for_poverty))::int as dropouts,
                     (count(*) filter (where p.medical_eligible and not p.medical_insured))::int as uninsured, count(*)::int as size
              from persons p where p.household_id = h.id) m
            left join lateral (select hi.year::int as year, ${NET}::int as net from household_incomes hi where hi.household_id = h.id order by hi.year desc limit 1) i on true
            left join lateral (
              select pl.yuan from poverty_lines pl where pl.year = i.year and h.village_code like pl.region_prefix || '%'
              order by case pl.scope when 'municipal' then 0 when 'provincial' then 1 else 2 end limit 1) l on true
            where ${underPrefix(sql`h.village_code`, prefix)} and h.status in ${list(EXITED_STATUSES)}${held}
              and (x.last_visit is null or x.last_visit < ${from}::date or x.last_visit > ${to}::date
                   or not (h.food_secure and h.clothing_secure and h.housing_safe and h.drinking_water_safe) or m.dropouts > 0 or m.uninsured > 0
                   or (m.size > 0 and l.yuan is not null and i.net < l.yuan * m.size))
            order by h.village_code, h.number, h.id limit ${limit} offset ${offset}`,
      );
      return { items: rows, total: rows[0]?.total ?? 0 };
    },

    /** The households a village's projects of `year` reach, with the project (登记到户受益), by project and household. */
    async beneficiaries(villageCode: string, year: number): Promise<Array<{ householdId: number; project: string; reach: string; paid: number }>> {
      return queryRows(
        db,
        sql`select ph.household_id as "householdId", p.name as project, p.reach, ph.paid::float8 as paid
            from project_households ph join projects p on p.id = ph.project_id
            where p.village_code = ${villageCode} and p.year = ${year} order by p.id, ph.household_id`,
      );
    },

    /** The helpers a household has on `day` and the helpers' visits it has had. */
    async handbookCounts(householdId: number, day: string): Promise<{ helpers: number; visits: number }> {
      const [row] = await queryRows<{ helpers: number; visits: number }>(
        db,
        sql`select (select count(*)::int from helper_assignments a where a.household_id = ${householdId} and a.from_on <= ${day}::date and (a.to_on is null or a.to_on > ${day}::date)) as helpers,
                   (select count(*)::int from household_visits v where v.household_id = ${householdId} and v.kind = ${HELPER_VISIT}) as visits`,
      );
      return row ?? { helpers: 0, visits: 0 };
    },
  };
}
export type RostersRepo = ReturnType<typeof makeRostersRepo>;
