import { eq, sql, type SQL } from 'drizzle-orm';
import type { RunScope } from '../../contract/compare';
import type { Decision } from '../../domain/compare/decision';
import type { ListRow } from '../../domain/compare/list-row';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { copyRows } from '../db/copy';
import { comparisonHits, comparisonRuns, departmentListRows, departmentLists } from '../db/schema';

export type ListMeta = typeof departmentLists.$inferSelect & { userName: string | null };
export type RunRow = Omit<typeof comparisonRuns.$inferSelect, 'scope'> & { scope: RunScope };

/** A hit as shown: the evidence, the household it belongs to, the assembly's decision and who recorded it. */
export interface HitView {
  id: number;
  runId: number;
  householdId: number | null;
  procedureId: number | null;
  villageCode: string;
  idNumber: string;
  personName: string;
  /** The person's relation to the head, read from the registry (null for an applicant). */
  relation: string | null;
  householdNumber: string | null;
  headName: string | null;
  listId: number;
  listName: string | null;
  rowNo: number;
  department: string;
  detail: string;
  decision: Decision | null;
  outcome: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: Date | null;
}

/** A person to compare who is not (yet) in the registry: a procedure's applicant, or a household member. */
export interface Subject {
  householdId: number | null;
  procedureId: number | null;
  villageCode: string;
  idNumber: string;
  name: string;
}

const CHUNK = 5000;

/** Lists and runs are visible along the user's line of the region tree: their own subtree and the offices above them. */
const onLine = (column: SQL, prefix: string) => sql`(${underPrefix(column, prefix)} or ${prefix} like ${column} || '%')`;

/** A 部门数据员's narrowing (issue 11): only what comes from their department's lists; nothing for everyone else. */
const ofDepartment = (column: SQL, department: string | null | undefined) => (department == null ? sql`` : sql`and ${column} = ${department}`);

const HIT_COLUMNS = sql`c.id, c.run_id as "runId", c.household_id as "householdId", c.procedure_id as "procedureId", c.village_code as "villageCode",
  c.id_number as "idNumber", c.person_name as "personName", p.relation, h.number as "householdNumber",
  (select hp.name from persons hp where hp.household_id = c.household_id and hp.relation = '户主' limit 1) as "headName",
  c.list_id as "listId", l.name as "listName", c.row_no as "rowNo", c.department, c.detail, c.decision, c.outcome,
  c.decided_by as "decidedBy", u.display_name as "decidedByName", c.decided_at as "decidedAt"`;

/*
 * The evidence of a hit joins the registry's `households` and `persons` (number, head, relation) and the `users` table
 * (who decided) read-only, for display; the comparison joins `persons` and `households` as its left side. Nothing of
 * those tables is ever written here: a hit never changes a household.
 */
const hitFrom = (source: SQL) => sql`from ${source} c
  left join department_lists l on l.id = c.list_id
  left join households h on h.id = c.household_id
  left join persons p on p.household_id = c.household_id and p.id_number = c.id_number
  left join users u on u.id = c.decided_by`;

/** A run (`r`) that used one of a department's lists, or holds a hit from one (its list since deleted). */
const runOfDepartment = (department: string) => sql`(exists (select 1 from department_lists l where r.list_ids @> to_jsonb(l.id) and l.department = ${department})
  or exists (select 1 from comparison_hits c where c.run_id = r.id and c.department = ${department}))`;

/** Village → household → person → list order (applicants, without a household, after the households of a village). */
const HIT_ORDER = sql`c.village_code, c.household_id nulls last, c.procedure_id nulls last, c.id_number, c.list_id, c.row_no`;

/** Department lists, comparison runs and hits (一比对, issue 4). */
export function makeCompareRepo(db: Db) {
  return {
    // --- department lists ------------------------------------------------------------------------------------------
    async insertList(l: { name: string; department: string; fileName: string; regionPrefix: string; userId: number; at: Date }): Promise<number> {
      const [row] = await db.insert(departmentLists).values({ ...l, rows: 0 }).returning({ id: departmentLists.id });
      return row!.id;
    },
    async insertListRows(listId: number, rows: ListRow[]): Promise<void> {
      await copyRows(
        db,
        'department_list_rows',
        ['list_id', 'row_no', 'id_number', 'name', 'detail'],
        rows.map((r) => [listId, r.rowNo, r.idNumber, r.name, r.detail]),
      );
    },
    async setListRows(listId: number, rows: number): Promise<void> {
      await db.update(departmentLists).set({ rows }).where(eq(departmentLists.id, listId));
    },
    /** Fresh statistics after a bulk load, so that the comparison's join is planned for the list's real size (PGlite has no autovacuum). */
    async analyzeListRows(): Promise<void> {
      await db.execute(sql`analyze department_list_rows`);
    },
    async list(id: number): Promise<ListMeta | undefined> {
      const [row] = await queryRows<ListMeta>(
        db,
        sql`select l.id, l.name, l.department, l.file_name as "fileName", l.rows, l.region_prefix as "regionPrefix", l.user_id as "userId", l.at,
              u.display_name as "userName"
            from department_lists l left join users u on u.id = l.user_id where l.id = ${id}`,
      );
      return row;
    },
    /** Lists on the user's line of the region tree (of one department when given), newest first. */
    async lists(prefix: string, department?: string | null): Promise<ListMeta[]> {
      return queryRows<ListMeta>(
        db,
        sql`select l.id, l.name, l.department, l.file_name as "fileName", l.rows, l.region_prefix as "regionPrefix", l.user_id as "userId", l.at,
              u.display_name as "userName"
            from department_lists l left join users u on u.id = l.user_id
            where ${onLine(sql`l.region_prefix`, prefix)} ${ofDepartment(sql`l.department`, department)}
            order by l.id desc limit 1000`,
      );
    },
    async listRows(listId: number, q: { search?: string; limit: number; offset: number }): Promise<{ items: ListRow[]; total: number }> {
      const filter = q.search ? sql`and (r.id_number like ${`${q.search.toUpperCase()}%`} or r.name like ${`%${q.search}%`})` : sql``;
      const items = await queryRows<ListRow>(
        db,
        sql`select r.row_no as "rowNo", r.id_number as "idNumber", r.name, r.detail from department_list_rows r
            where r.list_id = ${listId} ${filter} order by r.row_no limit ${q.limit} offset ${q.offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from department_list_rows r where r.list_id = ${listId} ${filter}`);
      return { items, total: count?.n ?? 0 };
    },
    /**
     * Deletes a list and its rows; hits keep their copy of the evidence (department, row number, detail), and the
     * screening's 漏评 flags, which point at their row while it exists, get their copy (the row's 情况 and the list's name) now.
     */
    async deleteList(id: number): Promise<void> {
      await db.execute(sql`update screening_flags f set evidence = f.evidence || jsonb_build_object('detail', r.detail, 'listName', l.name)
        from department_list_rows r, department_lists l where f.list_id = ${id} and r.list_id = f.list_id and r.row_no = f.row_no and l.id = f.list_id`);
      await db.delete(departmentListRows).where(eq(departmentListRows.listId, id));
      await db.delete(departmentLists).where(eq(departmentLists.id, id));
    },

    // --- comparison runs -------------------------------------------------------------------------------------------
    async insertRun(r: { scope: RunScope; procedureId: number | null; regionPrefix: string; listIds: number[]; userId: number; startedAt: Date }): Promise<number> {
      const [row] = await db.insert(comparisonRuns).values(r).returning({ id: comparisonRuns.id });
      return row!.id;
    },
    async finishRun(id: number, persons: number, hits: number, at: Date): Promise<void> {
      await db.update(comparisonRuns).set({ persons, hits, finishedAt: at }).where(eq(comparisonRuns.id, id));
    },
    /** Registry persons under a prefix (households struck off, 清退, left out), or of one household. */
    async countRegistryPersons(prefix: string, householdId: number | null): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from persons p join households h on h.id = p.household_id
            where ${underPrefix(sql`h.village_code`, prefix)} ${householdId === null ? sql`and h.status <> '清退'` : sql`and h.id = ${householdId}`}`,
      );
      return row?.n ?? 0;
    },
    /**
     * The comparison itself, one set-based statement: every member of every household under the prefix (or of one
     * household) joined on ID number with the rows of the chosen lists; each match is written as a hit with its
     * evidence. Returns the number of hits.
     */
    async insertRegistryHits(runId: number, prefix: string, listIds: number[], only: { householdId: number | null; procedureId: number | null }): Promise<number> {
      // A region's join hashes up to millions of persons: room for it in memory, for this transaction only.
      if (only.householdId === null) await db.execute(sql`set local work_mem = '128MB'`);
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`with ins as (
              insert into comparison_hits (run_id, household_id, procedure_id, village_code, id_number, person_name, list_id, row_no, department, detail)
              select ${runId}::int, h.id, ${only.procedureId}::int, h.village_code, p.id_number, p.name, r.list_id, r.row_no, l.department, r.detail
              from persons p
              join households h on h.id = p.household_id
              join department_list_rows r on r.id_number = p.id_number
              join department_lists l on l.id = r.list_id
              where r.list_id = any(${sql.param(listIds)}::int[]) and ${underPrefix(sql`h.village_code`, prefix)}
                ${only.householdId === null ? sql`and h.status <> '清退'` : sql`and h.id = ${only.householdId}`}
              returning 1)
            select count(*)::int as n from ins`,
      );
      return row?.n ?? 0;
    },
    /** The same join for a list of persons given by the caller (applicants of a procedure). Returns the number of hits. */
    async insertSubjectHits(runId: number, listIds: number[], subjects: Subject[]): Promise<number> {
      let n = 0;
      for (let i = 0; i < subjects.length; i += CHUNK) {
        const part = subjects.slice(i, i + CHUNK);
        const col = <K extends keyof Subject>(k: K) => sql.param(part.map((s) => s[k]));
        const [row] = await queryRows<{ n: number }>(
          db,
          sql`with ins as (
                insert into comparison_hits (run_id, household_id, procedure_id, village_code, id_number, person_name, list_id, row_no, department, detail)
                select ${runId}::int, s.hid, s.pid, s.v::bpchar, s.id::bpchar, s.name, r.list_id, r.row_no, l.department, r.detail
                from unnest(${col('householdId')}::int[], ${col('procedureId')}::int[], ${col('villageCode')}::text[], ${col('idNumber')}::text[], ${col('name')}::text[])
                  as s(hid, pid, v, id, name)
                join department_list_rows r on r.id_number = s.id::bpchar
                join department_lists l on l.id = r.list_id
                where r.list_id = any(${sql.param(listIds)}::int[])
                returning 1)
              select count(*)::int as n from ins`,
        );
        n += row?.n ?? 0;
      }
      return n;
    },
    async run(id: number): Promise<(RunRow & { userName: string | null }) | undefined> {
      const [row] = await queryRows<RunRow & { userName: string | null }>(
        db,
        sql`select r.id, r.scope, r.procedure_id as "procedureId", r.region_prefix as "regionPrefix", r.list_ids as "listIds", r.persons, r.hits,
              r.user_id as "userId", r.started_at as "startedAt", r.finished_at as "finishedAt", u.display_name as "userName"
            from comparison_runs r left join users u on u.id = r.user_id where r.id = ${id}`,
      );
      return row;
    },
    /**
     * Runs on the user's line of the region tree, with the hits inside the user's own scope counted; for a department,
     * only the runs that used one of its lists (or hold a hit from one), and only those hits counted.
     */
    async runs(q: { prefix: string; department?: string | null; procedureId?: number; limit: number; offset: number }) {
      const dept = q.department == null ? sql`` : sql`and ${runOfDepartment(q.department)}`;
      const where = sql`where ${onLine(sql`r.region_prefix`, q.prefix)} ${dept} ${q.procedureId === undefined ? sql`` : sql`and r.procedure_id = ${q.procedureId}`}
`;
      const hitDept = ofDepartment(sql`c.department`, q.department);
      const items = await queryRows<RunRow & { userName: string | null; hitsInScope: number; undecided: number }>(
        db,
        sql`select r.id, r.scope, r.procedure_id as "procedureId", r.region_prefix as "regionPrefix", r.list_ids as "listIds", r.persons, r.hits,
              r.user_id as "userId", r.started_at as "startedAt", r.finished_at as "finishedAt", u.display_name as "userName",
              (select count(*)::int from comparison_hits c where c.run_id = r.id and ${underPrefix(sql`c.village_code`, q.prefix)} ${hitDept}) as "hitsInScope",
              (select count(*)::int from comparison_hits c where c.run_id = r.id and ${underPrefix(sql`c.village_code`, q.prefix)} ${hitDept} and c.decision is null) as "undecided"
            from comparison_runs r left join users u on u.id = r.user_id
            ${where} order by r.id desc limit ${q.limit} offset ${q.offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from comparison_runs r ${where}`);
      return { items, total: count?.n ?? 0 };
    },
    /** Whether a run used one of a department's lists, or holds a hit from one (what its 部门数据员 may see). */
    async runUsesDepartment(runId: number, department: string): Promise<boolean> {
      const rows = await queryRows<{ id: number }>(db, sql`select r.id from comparison_runs r where r.id = ${runId} and ${runOfDepartment(department)}`);
      return rows.length === 1;
    },
    async hasRunForProcedure(procedureId: number): Promise<boolean> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from comparison_runs where procedure_id = ${procedureId} and finished_at is not null`,
      );
      return (row?.n ?? 0) > 0;
    },

    // --- hits --------------------------------------------------------------------------------------------------------
    /** Per village of a run (inside the user's scope): households, persons, hits and hits not yet decided. */
    async villageSummary(runId: number, prefix: string, q: { department?: string | null; limit: number; offset: number }) {
      return queryRows<{ villageCode: string; households: number; persons: number; hits: number; undecided: number; confirmed: number }>(
        db,
        sql`select c.village_code as "villageCode", count(distinct coalesce(c.household_id, -c.procedure_id))::int as households,
              count(distinct c.id_number)::int as persons, count(*)::int as hits, count(*) filter (where c.decision is null)::int as undecided,
              count(*) filter (where c.decision = '属实')::int as confirmed
            from comparison_hits c where c.run_id = ${runId} and ${underPrefix(sql`c.village_code`, prefix)} ${ofDepartment(sql`c.department`, q.department)}
            group by c.village_code order by c.village_code limit ${q.limit} offset ${q.offset}`,
      );
    },
    /** The same counts over the whole run (inside the user's scope), and the number of villages. */
    async hitTotals(runId: number, prefix: string, department?: string | null) {
      const [totals] = await queryRows<{ villages: number; households: number; persons: number; hits: number; undecided: number; confirmed: number }>(
        db,
        // A household and a person belong to one village: the run's figures are sums of the villages'.
        sql`select count(*)::int as villages, coalesce(sum(v.households), 0)::int as households, coalesce(sum(v.persons), 0)::int as persons,
              coalesce(sum(v.hits), 0)::int as hits, coalesce(sum(v.undecided), 0)::int as undecided, coalesce(sum(v.confirmed), 0)::int as confirmed
            from (select count(distinct coalesce(c.household_id, -c.procedure_id)) as households, count(distinct c.id_number) as persons, count(*) as hits,
                    count(*) filter (where c.decision is null) as undecided, count(*) filter (where c.decision = '属实') as confirmed
                  from comparison_hits c where c.run_id = ${runId} and ${underPrefix(sql`c.village_code`, prefix)} ${ofDepartment(sql`c.department`, department)}
                  group by c.village_code) v`,
      );
      return totals!;
    },
    /** A run's hits inside the user's scope, in village → household → person → list order. */
    async hits(runId: number, q: { prefix: string; department?: string | null; village?: string; decision?: 'undecided' | '属实' | '不属实'; limit: number; offset: number }) {
      const where = sql`where c.run_id = ${runId} and ${underPrefix(sql`c.village_code`, q.prefix)} ${ofDepartment(sql`c.department`, q.department)}
        ${q.village ? sql`and c.village_code = ${q.village}` : sql``}
        ${q.decision === undefined ? sql`` : q.decision === 'undecided' ? sql`and c.decision is null` : sql`and c.decision = ${q.decision}`}`;
      // The page is chosen on the hits alone, then joined for display: the joins run for one page, not the whole run.
      const items = await queryRows<HitView>(
        db,
        sql`with page as (select c.* from comparison_hits c ${where} order by ${HIT_ORDER} limit ${q.limit} offset ${q.offset})
            select ${HIT_COLUMNS} ${hitFrom(sql`page`)} order by ${HIT_ORDER}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from comparison_hits c ${where}`);
      return { items, total: count?.n ?? 0 };
    },
    async hit(id: number): Promise<HitView | undefined> {
      const [row] = await queryRows<HitView>(db, sql`select ${HIT_COLUMNS} ${hitFrom(sql`comparison_hits`)} where c.id = ${id}`);
      return row;
    },
    /** Records the assembly's decision, only if the hit is still as the user saw it (its last decision time). */
    async decide(id: number, expectedDecidedAt: string | null, d: { decision: string; outcome: string; userId: number; at: Date }): Promise<boolean> {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update ${comparisonHits} set decision = ${d.decision}, outcome = ${d.outcome}, decided_by = ${d.userId}, decided_at = ${d.at.toISOString()}::timestamptz
            where id = ${id} and decided_at is not distinct from ${expectedDecidedAt}::timestamptz returning id`,
      );
      return rows.length === 1;
    },
  };
}
export type CompareRepo = ReturnType<typeof makeCompareRepo>;
