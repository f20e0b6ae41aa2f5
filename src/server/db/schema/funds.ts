// Issue 14: 扶贫资金与项目库 — allocations down the region tree, the project library (each project's approval is a
// procedure of kind `project`), payments (拨付) to projects and households, audit findings, the field check's draws.
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { bigTotal, createdAt, id, regionCode, timestamptz, version } from './columns';

/**
 * 资金下达: money of one source and year allocated to a region (省 / 市 / 县), from the allocation above it
 * (`parentId`) when that one is in the system. `passedDown` (to allocations below) and `paid` (to projects) are
 * maintained in the transactions that write them, under a lock on this row, so the balance is never a scan.
 * `parentRegion` (the parent's region, null for a root) lets a region's incoming money be summed without a join.
 */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: id(),
    year: smallint('year').notNull(),
    /** FUND_SOURCES (src/domain/funds/catalog.ts). */
    source: varchar('source', { length: 20 }).notNull(),
    regionCode: regionCode('region_code').notNull(),
    parentId: integer('parent_id'),
    parentRegion: regionCode('parent_region'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    passedDown: bigTotal('passed_down'),
    paid: bigTotal('paid'),
    documentNo: varchar('document_no', { length: 60 }).notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('fund_allocations_region_idx').on(t.year, t.regionCode), index('fund_allocations_region_code_idx').on(t.regionCode, t.id), index('fund_allocations_parent_idx').on(t.parentId), index('fund_allocations_parent_region_idx').on(t.year, t.parentRegion)],
);

/**
 * 项目库: a project declared by a village. Its stage follows its procedure (`procedureId`): `approvalStep` is the index
 * of 县审批 in the definition it runs by (a procedure keeps its definition's version), so “approved” is
 * `current_step > approval_step`. `paid` and `households` are maintained with the payments and the household list.
 */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    year: smallint('year').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    villageCode: regionCode('village_code').notNull(),
    /** PROJECT_REACH */
    reach: varchar('reach', { length: 10 }).notNull(),
    /** POSITIVE_USES, null for a use the 正面清单 does not name (then `useReason`). */
    use: varchar('use', { length: 20 }),
    useReason: text('use_reason').notNull().default(''),
    content: text('content').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    paid: bigTotal('paid'),
    households: integer('households').notNull().default(0),
    procedureId: integer('procedure_id'),
    approvalStep: smallint('approval_step').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('projects_village_idx').on(t.villageCode, t.year), index('projects_procedure_idx').on(t.procedureId), index('projects_year_idx').on(t.year, t.villageCode)],
);

/** The registered households a 到户 project reaches, and what was paid to each. */
export const projectHouseholds = pgTable(
  'project_households',
  {
    projectId: integer('project_id').notNull(),
    householdId: integer('household_id').notNull(),
    paid: bigTotal('paid'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.householdId] }), index('project_households_household_idx').on(t.householdId)],
);

/** 拨付: money paid from an allocation to a project (for a 到户 project, to one of its households). */
export const fundPayments = pgTable(
  'fund_payments',
  {
    id: id(),
    projectId: integer('project_id').notNull(),
    allocationId: integer('allocation_id').notNull(),
    /** The allocation's year and region (kept so the payment is found by them without a join). */
    fundYear: smallint('fund_year').notNull(),
    regionCode: regionCode('region_code').notNull(),
    villageCode: regionCode('village_code').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    voucherNo: varchar('voucher_no', { length: 60 }).notNull(),
    householdId: integer('household_id'),
    createdBy: integer('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('fund_payments_project_idx').on(t.projectId, t.id),
    index('fund_payments_household_idx').on(t.householdId),
    index('fund_payments_allocation_idx').on(t.allocationId),
    index('fund_payments_village_idx').on(t.villageCode, t.id),
  ],
);

/**
 * Spending progress as maintained figures: what was paid of the funds of `year` allocated to `regionCode`, per day
 * (`paidOn`). Added to in the payment's transaction; a region's progress as of a date sums a range of this table
 * (days × regions), never the payments.
 */
export const fundSpending = pgTable(
  'fund_spending',
  {
    year: smallint('year').notNull(),
    regionCode: regionCode('region_code').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: bigTotal('amount'),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionCode, t.paidOn] })],
);

/** 审计问题整改: a finding on a project or an allocation, its deadline and its rectification. */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: id(),
    projectId: integer('project_id'),
    allocationId: integer('allocation_id'),
    /** The project's village, or the allocation's region: the finding's scope. */
    regionCode: regionCode('region_code').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    foundBy: varchar('found_by', { length: 60 }).notNull(),
    problem: text('problem').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** FINDING_STATES */
    state: varchar('state', { length: 12 }).notNull().default('open'),
    rectification: text('rectification').notNull().default(''),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    createdBy: integer('created_by').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('audit_findings_region_idx').on(t.regionCode, t.id), index('audit_findings_project_idx').on(t.projectId)],
);

/** A field check's draw (实地抽查): the region, year, count and seed, and the projects drawn (in the order drawn). */
export const fundSamples = pgTable(
  'fund_samples',
  {
    id: id(),
    /** The region-code prefix drawn from. */
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    year: smallint('year').notNull(),
    count: integer('count').notNull(),
    /** The text the draw's random numbers start from (anyone re-running the draw with it gets the same projects). */
    drawKey: varchar('draw_key', { length: 100 }).notNull(),
    projectIds: jsonb('project_ids').$type<number[]>().notNull(),
    drawnBy: integer('drawn_by').notNull(),
    drawnAt: timestamptz('drawn_at').notNull().defaultNow(),
  },
  (t) => [index('fund_samples_region_idx').on(t.regionPrefix, t.id)],
);
