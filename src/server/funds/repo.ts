/**
 * SQL of 扶贫资金与项目库 (issue 14). Region filters are code ranges (`underPrefix`); balances, paid totals and spending
 * progress are maintained figures (allocation and project rows, `fund_spending`), written in the payment's transaction.
 * A project's stage is read from its procedure (the procedures' table, joined by id), a household's number and head
 * from the registry's tables (names only, as the procedures' list does).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ProjectStage } from '../../contract/funds';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { insertOne } from '../db/rows';
import { updateAtVersion } from '../db/versioned';
import { auditFindings, fundAllocations, fundPayments, fundSamples, fundSpending, procedureDefinitions, procedures, projectHouseholds, projects } from '../db/schema';

export type AllocationRow = typeof fundAllocations.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type PaymentRow = typeof fundPayments.$inferSelect;
export type FindingRow = typeof auditFindings.$inferSelect;
export type SampleRow = typeof fundSamples.$inferSelect;

/** A project with what its procedure says: the stage, the open step's name, the procedure's state and version. */
export type ProjectView = ProjectRow & { stage: ProjectStage; currentStep: string | null };

/** The stage of a project from its procedure (running → approved past 县审批 → done; withdrawn). */
const stageSql = sql<ProjectStage>`case when ${procedures.state} = 'withdrawn' then 'withdrawn' when ${procedures.state} = 'completed' then 'done' when ${procedures.currentStep} > ${projects.approvalStep} then 'approved' else 'running' end`;
const currentStepSql = sql<string | null>`case when ${procedures.state} = 'running' then (select d.steps -> ${procedures.currentStep} ->> 'name' from ${procedureDefinitions} d where d.id = ${procedures.definitionId}) end`;
const projectColumns = { project: projects, stage: stageSql, currentStep: currentStepSql };
const viewOf = (r: { project: ProjectRow; stage: ProjectStage; currentStep: string | null }): ProjectView => ({ ...r.project, stage: r.stage, currentStep: r.currentStep });

/** Money of a region group: what came into it (net of what it passed on to another group) and what it spent. */
export interface GroupFigures {
  group: string;
  allocated: number;
  spent: number;
}

export function makeFundsRepo(db: Db) {
  const projectQuery = () => db.select(projectColumns).from(projects).leftJoin(procedures, eq(procedures.id, projects.procedureId));

  return {
    // --- allocations ------------------------------------------------------------------------------------------------
    insertAllocation: (a: Omit<typeof fundAllocations.$inferInsert, 'id'>) => insertOne(db, fundAllocations, a),
    async allocation(id: number): Promise<AllocationRow | undefined> {
      const [row] = await db.select().from(fundAllocations).where(eq(fundAllocations.id, id));
      return row;
    },
    /** The allocation's row, locked until the transaction ends (children and payments are checked against it in turn). */
    async lockAllocation(id: number): Promise<AllocationRow | undefined> {
      const [row] = await db.select().from(fundAllocations).where(eq(fundAllocations.id, id)).for('update');
      return row;
    },
    async addToAllocation(id: number, add: { passedDown?: number; paid?: number }): Promise<void> {
      await db
        .update(fundAllocations)
        .set({ passedDown: sql`${fundAllocations.passedDown} + ${add.passedDown ?? 0}`, paid: sql`${fundAllocations.paid} + ${add.paid ?? 0}` })
        .where(eq(fundAllocations.id, id));
    },
    async allocations(q: { prefix: string; year?: number; source?: string; limit: number; offset: number }) {
      const where = and(underPrefix(fundAllocations.regionCode, q.prefix), q.year ? eq(fundAllocations.year, q.year) : undefined, q.source ? eq(fundAllocations.source, q.source) : undefined);
      const items = await db.select().from(fundAllocations).where(where).orderBy(desc(fundAllocations.year), asc(fundAllocations.regionCode), desc(fundAllocations.id)).limit(q.limit).offset(q.offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(fundAllocations).where(where);
      return { items, total: count?.n ?? 0 };
    },

    // --- projects ---------------------------------------------------------------------------------------------------
    insertProject: (p: Omit<typeof projects.$inferInsert, 'id'>) => insertOne(db, projects, p),
    async setProcedure(id: number, procedureId: number): Promise<void> {
      await db.update(projects).set({ procedureId }).where(eq(projects.id, id));
    },
    async project(id: number): Promise<ProjectView | undefined> {
      const [row] = await projectQuery().where(eq(projects.id, id));
      return row ? viewOf(row) : undefined;
    },
    /** The project's row locked until the transaction ends, with its stage (payments to it are checked one after another). */
    async lockProject(id: number): Promise<ProjectView | undefined> {
      const [row] = await projectQuery().where(eq(projects.id, id)).for('update', { of: projects });
      return row ? viewOf(row) : undefined;
    },
    async projects(q: { prefix: string; year?: number; stage?: ProjectStage; q?: string; limit: number; offset: number }) {
      const where = and(
        underPrefix(projects.villageCode, q.prefix),
        q.year ? eq(projects.year, q.year) : undefined,
        q.stage ? sql`${stageSql} = ${q.stage}` : undefined,
        q.q ? sql`strpos(${projects.name}, ${q.q}) > 0` : undefined,
      );
      const rows = await projectQuery().where(where).orderBy(desc(projects.id)).limit(q.limit).offset(q.offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).leftJoin(procedures, eq(procedures.id, projects.procedureId)).where(where);
      return { items: rows.map(viewOf), total: count?.n ?? 0 };
    },
    /** Projects by id (a sample's, in any order), with their stages. */
    async projectsById(ids: number[]): Promise<ProjectView[]> {
      if (!ids.length) return [];
      return (await projectQuery().where(sql`${projects.id} = any(${sql.param(ids)}::int[])`)).map(viewOf);
    },
    /** The ids of the payable projects (approved or done) of a region and year: what a field check draws from. */
    async payableProjectIds(prefix: string, year: number): Promise<number[]> {
      const rows = await db
        .select({ id: projects.id })
        .from(projects)
        .leftJoin(procedures, eq(procedures.id, projects.procedureId))
        .where(and(underPrefix(projects.villageCode, prefix), eq(projects.year, year), sql`${stageSql} in ('approved', 'done')`));
      return rows.map((r) => r.id);
    },
    async updateProject(id: number, version: number, values: Partial<typeof projects.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, projects, id, version, values);
    },
    async addToProject(id: number, paid: number): Promise<void> {
      await db.update(projects).set({ paid: sql`${projects.paid} + ${paid}` }).where(eq(projects.id, id));
    },
    /** Names of projects by id (the procedures' list shows a project's approval by its name). */
    async projectNames(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db.select({ id: projects.id, name: projects.name }).from(projects).where(sql`${projects.id} = any(${sql.param(ids)}::int[])`);
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    // --- households of a project ------------------------------------------------------------------------------------
    /** Registered households by id: village, number and head (the registry's tables, names only). */
    async householdFacts(ids: number[]): Promise<Array<{ id: number; villageCode: string; number: string; head: string | null }>> {
      if (!ids.length) return [];
      return queryRows(
        db,
        sql`select h.id, h.village_code as "villageCode", h.number, (select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1) as head
            from households h where h.id = any(${sql.param(ids)}::int[])`,
      );
    },
    async projectHouseholds(projectId: number): Promise<Array<{ householdId: number; number: string; head: string | null; paid: number }>> {
      return queryRows(
        db,
        sql`select ph.household_id as "householdId", h.number, (select p.name from persons p where p.household_id = h.id and p.relation = '户主' limit 1) as head, ph.paid::float8 as paid
            from ${projectHouseholds} ph join households h on h.id = ph.household_id where ph.project_id = ${projectId} order by h.number, h.id`,
      );
    },
    /** Replaces a project's household list, keeping what was paid to the households that stay. */
    async setProjectHouseholds(projectId: number, householdIds: number[]): Promise<void> {
      await db.delete(projectHouseholds).where(and(eq(projectHouseholds.projectId, projectId), householdIds.length ? sql`not (${projectHouseholds.householdId} = any(${sql.param(householdIds)}::int[]))` : undefined));
      if (householdIds.length) await db.insert(projectHouseholds).values(householdIds.map((householdId) => ({ projectId, householdId }))).onConflictDoNothing();
      await db.update(projects).set({ households: householdIds.length }).where(eq(projects.id, projectId));
    },
    /** Adds to what reached a household of the project; false when the household is not on its list. */
    async addToHousehold(projectId: number, householdId: number, paid: number): Promise<boolean> {
      const rows = await db
        .update(projectHouseholds)
        .set({ paid: sql`${projectHouseholds.paid} + ${paid}` })
        .where(and(eq(projectHouseholds.projectId, projectId), eq(projectHouseholds.householdId, householdId)))
        .returning({ id: projectHouseholds.householdId });
      return rows.length === 1;
    },

    // --- payments ---------------------------------------------------------------------------------------------------
    insertPayment: (p: Omit<typeof fundPayments.$inferInsert, 'id'>) => insertOne(db, fundPayments, p),
    /** The day's spending of a year's funds of a region, added to in the payment's transaction. */
    async addSpending(year: number, regionCode: string, paidOn: string, amount: number): Promise<void> {
      await db
        .insert(fundSpending)
        .values({ year, regionCode, paidOn, amount })
        .onConflictDoUpdate({ target: [fundSpending.year, fundSpending.regionCode, fundSpending.paidOn], set: { amount: sql`${fundSpending.amount} + ${amount}` } });
    },
    paymentsOfProject: (projectId: number) => db.select().from(fundPayments).where(eq(fundPayments.projectId, projectId)).orderBy(asc(fundPayments.paidOn), asc(fundPayments.id)),
    async payments(q: { prefix: string; year?: number; projectId?: number; limit: number; offset: number }) {
      const where = and(underPrefix(fundPayments.villageCode, q.prefix), q.year ? eq(fundPayments.fundYear, q.year) : undefined, q.projectId ? eq(fundPayments.projectId, q.projectId) : undefined);
      const items = await db.select().from(fundPayments).where(where).orderBy(desc(fundPayments.id)).limit(q.limit).offset(q.offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(fundPayments).where(where);
      return { items, total: count?.n ?? 0 };
    },
    async receipts(householdId: number) {
      return db
        .select({ payment: fundPayments, projectName: projects.name, reach: projects.reach })
        .from(fundPayments)
        .innerJoin(projects, eq(projects.id, fundPayments.projectId))
        .where(eq(fundPayments.householdId, householdId))
        .orderBy(asc(fundPayments.paidOn), asc(fundPayments.id));
    },
    /** The allocations' sources by id (a page of payments names each one's source). */
    async sourcesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db.select({ id: fundAllocations.id, source: fundAllocations.source }).from(fundAllocations).where(sql`${fundAllocations.id} = any(${sql.param(ids)}::int[])`);
      return new Map(rows.map((r) => [r.id, r.source]));
    },

    // --- spending progress ------------------------------------------------------------------------------------------
    /**
     * The funds of `years` under `prefix` as of `asOf`, by group (the first `digits` digits of the region code): what
     * came into each group (an allocation whose parent lies in another group or outside, less what the group passed
     * on to another group) and what was paid of it (`fund_spending`). The groups add up to the prefix's own figures.
     */
    async groupFigures(q: { prefix: string; years: { from: number; to: number }; asOf: string; digits: number }): Promise<GroupFigures[]> {
      const d = q.digits;
      const a = fundAllocations;
      const inYears = (col: AnyPgColumn) => sql`${col} between ${q.years.from} and ${q.years.to}`;
      const entering = sql`(${a.parentRegion} is null or substr(${a.parentRegion}, 1, ${d}) <> substr(${a.regionCode}, 1, ${d}))`;
      const rows = await queryRows<{ g: string; allocated: number; spent: number }>(
        db,
        sql`select g, sum(allocated)::float8 as allocated, sum(spent)::float8 as spent from (
              select substr(${a.regionCode}, 1, ${d}) as g, ${a.amount} as allocated, 0 as spent from ${a}
               where ${inYears(a.year)} and ${underPrefix(a.regionCode, q.prefix)} and ${a.allocatedOn} <= ${q.asOf}::date and ${entering}
              union all
              select substr(${a.parentRegion}, 1, ${d}), -${a.amount}, 0 from ${a}
               where ${inYears(a.year)} and ${underPrefix(a.parentRegion, q.prefix)} and ${a.allocatedOn} <= ${q.asOf}::date and ${a.parentRegion} is not null and ${entering}
              union all
              select substr(${fundSpending.regionCode}, 1, ${d}), 0, ${fundSpending.amount} from ${fundSpending}
               where ${inYears(fundSpending.year)} and ${underPrefix(fundSpending.regionCode, q.prefix)} and ${fundSpending.paidOn} <= ${q.asOf}::date
            ) x group by g order by g`,
      );
      return rows.map((r) => ({ group: r.g, allocated: Number(r.allocated), spent: Number(r.spent) }));
    },

    // --- audit findings ---------------------------------------------------------------------------------------------
    insertFinding: (f: Omit<typeof auditFindings.$inferInsert, 'id'>) => insertOne(db, auditFindings, f),
    async finding(id: number): Promise<FindingRow | undefined> {
      const [row] = await db.select().from(auditFindings).where(eq(auditFindings.id, id));
      return row;
    },
    async updateFinding(id: number, version: number, values: Partial<typeof auditFindings.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, auditFindings, id, version, values);
    },
    findingsOfProject: (projectId: number) => db.select().from(auditFindings).where(eq(auditFindings.projectId, projectId)).orderBy(asc(auditFindings.id)),
    async findings(q: { prefix: string; state?: string; overdue?: boolean; today: string; limit: number; offset: number }) {
      const overdue = sql`(${auditFindings.state} <> 'rectified' and ${auditFindings.deadline} < ${q.today}::date)`;
      const where = and(
        underPrefix(auditFindings.regionCode, q.prefix),
        q.state ? eq(auditFindings.state, q.state) : undefined,
        q.overdue === undefined ? undefined : q.overdue ? overdue : sql`not ${overdue}`,
      );
      const items = await db.select().from(auditFindings).where(where).orderBy(desc(auditFindings.id)).limit(q.limit).offset(q.offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditFindings).where(where);
      return { items, total: count?.n ?? 0 };
    },

    // --- samples ----------------------------------------------------------------------------------------------------
    insertSample: (s: Omit<typeof fundSamples.$inferInsert, 'id'>) => insertOne(db, fundSamples, s),
    async sample(id: number): Promise<SampleRow | undefined> {
      const [row] = await db.select().from(fundSamples).where(eq(fundSamples.id, id));
      return row;
    },
    samples: (prefix: string) => db.select().from(fundSamples).where(underPrefix(fundSamples.regionPrefix, prefix)).orderBy(desc(fundSamples.id)).limit(50),
  };
}
export type FundsRepo = ReturnType<typeof makeFundsRepo>;
