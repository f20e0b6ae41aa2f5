import { eq, sql, type SQL } from 'drizzle-orm';
import type { Decision } from '../../domain/compare/decision';
import { NET_INCOME_TERMS, type NetIncomeItem } from '../../domain/registry/net-income';
import { EXITED_STATUSES, NOT_EXITED_STATUSES, type HouseholdEvidence, type ScreeningKind } from '../../domain/screening/flags';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { householdIncomes, screeningFlags, screeningRuns } from '../db/schema';

export type RunRow = typeof screeningRuns.$inferSelect & { userName: string | null };

/** A flag as shown: the evidence, the household it concerns (null for 漏评), the village's decision. */
export interface FlagView {
  id: number;
  runId: number;
  kind: ScreeningKind;
  regionCode: string;
  householdId: number | null;
  householdNumber: string | null;
  idNumber: string | null;
  personName: string;
  listId: number | null;
  listName: string | null;
  rowNo: number | null;
  listKind: string | null;
  /** The list row's 情况 (漏评): read from the row, or from the flag's copy once the list is deleted. */
  listDetail: string | null;
  evidence: Record<string, unknown>;
  decision: Decision | null;
  outcome: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: Date | null;
}

const list = (values: readonly string[]): SQL => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** 纯收入 of the income row `i`, term by term as the domain defines it (`NET_INCOME_TERMS`). */
const netIncome = (() => {
  const column = (k: NetIncomeItem) => sql`i.${sql.identifier(householdIncomes[k].name)}`;
  const added = sql.join(NET_INCOME_TERMS.added.map(column), sql` + `);
  return NET_INCOME_TERMS.subtracted.length ? sql`(${added} - ${sql.join(NET_INCOME_TERMS.subtracted.map(column), sql` - `)})` : sql`(${added})`;
})();

/**
 * The households of the region with the given statuses, each with the evidence the domain's rules read
 * (`HouseholdEvidence`): members, the uninsured and the dropouts for poverty; the latest year's 纯收入; the line of that
 * year that applies (`applicableLine`: municipal, then provincial, then national). Read-only over the registry.
 */
const householdEvidence = (prefix: string, statuses: readonly string[]) => sql`
  hh as (select h.id, h.village_code, h.status, h.food_secure, h.clothing_secure, h.housing_safe, h.drinking_water_safe
         from households h where ${underPrefix(sql`h.village_code`, prefix)} and h.status in ${list(statuses)}),
  m as (select p.household_id, count(*)::int as size,
          coalesce(jsonb_agg(p.name order by p.id) filter (where p.medical_eligible and not p.medical_insured), '[]'::jsonb) as uninsured,
          coalesce(jsonb_agg(p.name order by p.id) filter (where p.schooling = '辍学' and p.dropout_for_poverty), '[]'::jsonb) as dropouts,
          min(p.name) filter (where p.relation = '户主') as head, min(p.id_number) filter (where p.relation = '户主') as head_id
        from persons p join hh on hh.id = p.household_id group by p.household_id),
  inc as (select distinct on (i.household_id) i.household_id, i.year, ${netIncome} as net
          from household_incomes i join hh on hh.id = i.household_id order by i.household_id, i.year desc),
  lines as (select v.village_code, v.year, (select pl.yuan from poverty_lines pl
               where pl.year = v.year and pl.scope in ('municipal', 'provincial', 'national') and left(v.village_code, length(pl.region_prefix)) = pl.region_prefix
               order by case pl.scope when 'municipal' then 0 when 'provincial' then 1 else 2 end limit 1) as line
             from (select distinct hh.village_code, inc.year from hh join inc on inc.household_id = hh.id) v),
  ev as (select hh.*, coalesce(m.size, 0) as size, coalesce(m.uninsured, '[]'::jsonb) as uninsured, coalesce(m.dropouts, '[]'::jsonb) as dropouts,
           m.head, m.head_id, inc.year, inc.net,
           ln.line
         from hh left join m on m.household_id = hh.id left join inc on inc.household_id = hh.id
           left join lines ln on ln.village_code = hh.village_code and ln.year = inc.year)`;

const EVIDENCE = sql`jsonb_build_object('status', ev.status, 'year', ev.year, 'netIncome', ev.net, 'size', ev.size, 'lineYuan', ev.line,
  'foodSecure', ev.food_secure, 'clothingSecure', ev.clothing_secure, 'housingSafe', ev.housing_safe, 'drinkingWaterSafe', ev.drinking_water_safe,
  'uninsured', ev.uninsured, 'dropouts', ev.dropouts)`;

const insertHouseholdFlags = (runId: number, kind: ScreeningKind, where: SQL) => sql`
  insert into screening_flags (run_id, kind, region_code, household_id, id_number, person_name, evidence)
  select ${runId}::int, ${kind}, ev.village_code, ev.id, ev.head_id, coalesce(ev.head, ''), ${EVIDENCE} from ev where ${where}
  returning 1`;

const FLAG_COLUMNS = sql`f.id, f.run_id as "runId", f.kind, f.region_code as "regionCode", f.household_id as "householdId", h.number as "householdNumber",
  f.id_number as "idNumber", f.person_name as "personName", f.list_id as "listId", coalesce(l.name, f.evidence->>'listName') as "listName", f.row_no as "rowNo",
  coalesce(lr.detail, f.evidence->>'detail') as "listDetail",
  f.list_kind as "listKind", f.evidence, f.decision, f.outcome, f.decided_by as "decidedBy", u.display_name as "decidedByName", f.decided_at as "decidedAt"`;
const flagFrom = (source: SQL) => sql`from ${source} f
  left join department_lists l on l.id = f.list_id
  left join department_list_rows lr on lr.list_id = f.list_id and lr.row_no = f.row_no
  left join households h on h.id = f.household_id
  left join users u on u.id = f.decided_by`;
const FLAG_ORDER = sql`f.region_code, f.kind, f.household_id nulls first, f.list_id, f.row_no, f.id`;

export interface FlagFilter {
  prefix: string;
  kind?: ScreeningKind;
  village?: string;
  decision?: 'undecided' | Decision;
}
const flagWhere = (runId: number, q: FlagFilter) => sql`where f.run_id = ${runId} and ${underPrefix(sql`f.region_code`, q.prefix)}
  ${q.kind ? sql`and f.kind = ${q.kind}` : sql``} ${q.village ? sql`and f.region_code = ${q.village}` : sql``}
  ${q.decision === undefined ? sql`` : q.decision === 'undecided' ? sql`and f.decision is null` : sql`and f.decision = ${q.decision}`}`;

/** Screening runs and flags (issue 15). Reads the registry and the screening lists; writes only its own two tables. */
export function makeScreeningRepo(db: Db) {
  return {
    /**
     * For the run's transaction: memory for its hashes and sorts (a province's lists are millions of rows), and no JIT
     * (its estimates over the CTEs are large enough to trigger compilation that costs more than it saves).
     */
    async tuneForRun(): Promise<void> {
      await db.execute(sql`set local work_mem = '256MB'`);
      await db.execute(sql`set local jit = off`);
    },
    async insertRun(r: { regionPrefix: string; listIds: number[]; userId: number; startedAt: Date }): Promise<number> {
      const [row] = await db.insert(screeningRuns).values(r).returning({ id: screeningRuns.id });
      return row!.id;
    },
    async finishRun(id: number, c: { persons: number; listRows: number; missed: number; wrong: number; risk: number }, at: Date): Promise<void> {
      await db.update(screeningRuns).set({ ...c, finishedAt: at }).where(eq(screeningRuns.id, id));
    },
    async countPersons(prefix: string): Promise<number> {
      const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from persons p join households h on h.id = p.household_id where ${underPrefix(sql`h.village_code`, prefix)}`);
      return row?.n ?? 0;
    },
    async countListRows(listIds: number[]): Promise<number> {
      const [row] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(rows), 0)::int as n from department_lists where id = any(${sql.param(listIds)}::int[])`);
      return row?.n ?? 0;
    },
    /**
     * (a) 漏评 candidates, one statement: every row of the chosen screening lists whose ID number is no person of the
     * registry (an anti-join on the persons' unique ID index). The flag goes to the narrower of the list's region and
     * the run's. The flag points at its list row (list, row number) instead of copying the row's 情况 into its evidence:
     * a province's run writes a million of them (the copy is made when a list is deleted, `compare` repo `deleteList`).
     * Returns the number of flags.
     */
    async insertMissed(runId: number, prefix: string, listIds: number[]): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`with ins as (
              insert into screening_flags (run_id, kind, region_code, id_number, person_name, list_id, row_no, list_kind, evidence)
              select ${runId}::int, '漏评', case when length(l.region_prefix) > ${prefix.length} then l.region_prefix else ${prefix} end,
                r.id_number, r.name, r.list_id, r.row_no, l.department, '{}'::jsonb
              from department_list_rows r join department_lists l on l.id = r.list_id
              where r.list_id = any(${sql.param(listIds)}::int[]) and not exists (select 1 from persons p where p.id_number = r.id_number)
              returning 1)
            select count(*)::int as n from ins`,
      );
      return row?.n ?? 0;
    },
    /** (b) 错评 candidates, one statement: 未脱贫 / 返贫 households whose latest per-capita net income is not below the line (`wrongIdentification`). */
    async insertWrong(runId: number, prefix: string): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`with ${householdEvidence(prefix, NOT_EXITED_STATUSES)}, ins as (${insertHouseholdFlags(runId, '错评', sql`ev.net is not null and ev.line is not null and not (ev.size > 0 and ev.net < ev.line * ev.size)`)})
            select count(*)::int as n from ins`,
      );
      return row?.n ?? 0;
    },
    /** (c) 错退 / 返贫 risk, one statement: exited households failing `exitRisk` (两不愁三保障, 饮水, or the latest income not above the line). */
    async insertRisk(runId: number, prefix: string): Promise<number> {
      const fails = sql`not (ev.food_secure and ev.clothing_secure and ev.housing_safe and ev.drinking_water_safe)
        or jsonb_array_length(ev.uninsured) > 0 or jsonb_array_length(ev.dropouts) > 0
        or (ev.net is not null and ev.line is not null and not (ev.size > 0 and ev.net > ev.line * ev.size))`;
      const [row] = await queryRows<{ n: number }>(db, sql`with ${householdEvidence(prefix, EXITED_STATUSES)}, ins as (${insertHouseholdFlags(runId, '错退', fails)}) select count(*)::int as n from ins`);
      return row?.n ?? 0;
    },
    async run(id: number): Promise<RunRow | undefined> {
      const [row] = await queryRows<RunRow>(
        db,
        sql`select r.id, r.region_prefix as "regionPrefix", r.list_ids as "listIds", r.persons, r.list_rows as "listRows", r.missed, r.wrong, r.risk,
              r.user_id as "userId", r.started_at as "startedAt", r.finished_at as "finishedAt", u.display_name as "userName"
            from screening_runs r left join users u on u.id = r.user_id where r.id = ${id}`,
      );
      return row;
    },
    /** Runs on the user's line of the region tree (their subtree and the offices above), newest first. */
    async runs(prefix: string, limit: number, offset: number): Promise<{ items: Array<RunRow & { inScope: number; undecided: number }>; total: number }> {
      const where = sql`where (${underPrefix(sql`r.region_prefix`, prefix)} or ${prefix} like r.region_prefix || '%')`;
      const items = await queryRows<RunRow & { inScope: number; undecided: number }>(
        db,
        sql`select r.id, r.region_prefix as "regionPrefix", r.list_ids as "listIds", r.persons, r.list_rows as "listRows", r.missed, r.wrong, r.risk,
              r.user_id as "userId", r.started_at as "startedAt", r.finished_at as "finishedAt", u.display_name as "userName",
              (select count(*)::int from screening_flags f where f.run_id = r.id and ${underPrefix(sql`f.region_code`, prefix)}) as "inScope",
              (select count(*)::int from screening_flags f where f.run_id = r.id and ${underPrefix(sql`f.region_code`, prefix)} and f.decision is null) as undecided
            from screening_runs r left join users u on u.id = r.user_id ${where} order by r.id desc limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from screening_runs r ${where}`);
      return { items, total: count?.n ?? 0 };
    },
    /** Per region of a run (inside the user's scope): flags of each kind and those undecided. */
    async villages(runId: number, prefix: string, limit: number, offset: number) {
      const items = await queryRows<{ regionCode: string; missed: number; wrong: number; risk: number; undecided: number }>(
        db,
        sql`select f.region_code as "regionCode", count(*) filter (where f.kind = '漏评')::int as missed, count(*) filter (where f.kind = '错评')::int as wrong,
              count(*) filter (where f.kind = '错退')::int as risk, count(*) filter (where f.decision is null)::int as undecided
            from screening_flags f where f.run_id = ${runId} and ${underPrefix(sql`f.region_code`, prefix)}
            group by f.region_code order by f.region_code limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(distinct f.region_code)::int as n from screening_flags f where f.run_id = ${runId} and ${underPrefix(sql`f.region_code`, prefix)}`);
      return { items, total: count?.n ?? 0 };
    },
    /** The regions with undecided flags of a run (whose deciders are told). */
    async flagRegions(runId: number): Promise<string[]> {
      return (await queryRows<{ r: string }>(db, sql`select distinct f.region_code as r from screening_flags f where f.run_id = ${runId}`)).map((x) => x.r);
    },
    async flags(runId: number, q: FlagFilter & { limit: number; offset: number }): Promise<{ items: FlagView[]; total: number }> {
      const where = flagWhere(runId, q);
      const items = await queryRows<FlagView>(
        db,
        sql`with page as (select f.* from screening_flags f ${where} order by ${FLAG_ORDER} limit ${q.limit} offset ${q.offset})
            select ${FLAG_COLUMNS} ${flagFrom(sql`page`)} order by ${FLAG_ORDER}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from screening_flags f ${where}`);
      return { items, total: count?.n ?? 0 };
    },
    async flag(id: number): Promise<FlagView | undefined> {
      const [row] = await queryRows<FlagView>(db, sql`select ${FLAG_COLUMNS} ${flagFrom(sql`screening_flags`)} where f.id = ${id}`);
      return row;
    },
    /** Records the village's decision, only if the flag is still as the user saw it (its last decision time). */
    async decide(id: number, expectedDecidedAt: string | null, d: { decision: string; outcome: string; userId: number; at: Date }): Promise<boolean> {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update ${screeningFlags} set decision = ${d.decision}, outcome = ${d.outcome}, decided_by = ${d.userId}, decided_at = ${d.at.toISOString()}::timestamptz
            where id = ${id} and decided_at is not distinct from ${expectedDecidedAt}::timestamptz returning id`,
      );
      return rows.length === 1;
    },
  };
}
export type ScreeningRepo = ReturnType<typeof makeScreeningRepo>;

export type { HouseholdEvidence };
