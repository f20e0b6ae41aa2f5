/**
 * 扶贫资金与项目库 (issue 14; seed 004 “财政专项扶贫资金绩效评价有关要求”): funds allocated by year down the region tree,
 * projects declared by a village and approved up the chain (a procedure of kind `project`), payments (拨付) from an
 * allocation to a project and, for a 到户 project, to its households, spending progress and its points, audit findings
 * and their rectification, and the random draw of projects for the field check. The server's routes declare these
 * schemas; the web takes its types and validates its forms here.
 */
import { z } from 'zod';
import { FUND_SOURCES, POSITIVE_USES, PROJECT_REACH } from '../domain/funds/catalog';
import { pageSchema } from './page';
import { regionStep } from './regions';
import { coercedInt, id, idParam, int, isoDate, name, oneOf, optionalInt, page, pageSize, regionCode, regionPrefix, text, year } from './zod';

/** A year in a query string (text, coerced). */
const queryYear = () => coercedInt(1900, 2100);

const positiveYuan = () => int(1);

// --- allocations (资金下达) -------------------------------------------------------------------------------------------

/**
 * POST /api/funds/allocations: money of one source and year allocated to a region (省 / 市 / 县, the 12-digit code of
 * its office's region), from the allocation of the level above it (`parentId`) when that one is in the system. An
 * allocation's children never add up to more than it.
 */
export const allocationInput = z.object({
  year: year(),
  source: oneOf(FUND_SOURCES),
  regionCode: regionCode(),
  parentId: id().nullish(),
  amount: positiveYuan(),
  documentNo: name(60),
  allocatedOn: isoDate(),
  note: text(2000).optional(),
});
export type AllocationInput = z.output<typeof allocationInput>;

export const allocationQuery = z.object({ region: regionPrefix().optional(), year: optionalInt, source: oneOf(FUND_SOURCES).optional(), page, pageSize });
export type AllocationQuery = z.output<typeof allocationQuery>;

export const allocation = z.object({
  id: z.number(),
  year: z.number(),
  source: z.enum(FUND_SOURCES),
  sourceLabel: z.string(),
  region: regionStep,
  parentId: z.number().nullable(),
  amount: z.number(),
  /** Passed on to allocations below it. */
  passedDown: z.number(),
  /** Paid from it to projects. */
  paid: z.number(),
  /** amount − passedDown − paid. */
  balance: z.number(),
  documentNo: z.string(),
  allocatedOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type Allocation = z.output<typeof allocation>;
export const allocationPage = pageSchema(allocation);

// --- projects (项目库) ------------------------------------------------------------------------------------------------

/**
 * POST /api/funds/projects: a project declared by a village (户申请、村申报), starting its approval procedure. `use` is the
 * 正面清单 category (null: none fits, `useReason` required); the name, content and every payment's purpose are checked
 * against the 负面清单 (refused with the clause).
 */
export const projectInput = z.object({
  year: year(),
  name: name(100),
  villageCode: regionCode(),
  reach: oneOf(PROJECT_REACH),
  use: oneOf(POSITIVE_USES).nullable(),
  useReason: text(2000).optional(),
  content: text(5000),
  budget: positiveYuan(),
  /** For a 到户 project: the registered households it reaches (of its village). */
  householdIds: z.array(id()).max(2000).optional(),
});
export type ProjectInput = z.output<typeof projectInput>;

export const projectQuery = z.object({
  region: regionPrefix().optional(),
  year: optionalInt,
  /** running: in its approval chain; approved: past 县审批 (payable); done: the chain finished (备案/公告). */
  stage: z.enum(['running', 'approved', 'done', 'withdrawn']).optional(),
  q: name(100).optional(),
  page,
  pageSize,
});
export type ProjectQuery = z.output<typeof projectQuery>;

export const projectStage = z.enum(['running', 'approved', 'done', 'withdrawn']);
export type ProjectStage = z.output<typeof projectStage>;

export const projectItem = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  village: regionStep,
  reach: z.enum(PROJECT_REACH),
  reachLabel: z.string(),
  use: z.enum(POSITIVE_USES).nullable(),
  useLabel: z.string(),
  budget: z.number(),
  paid: z.number(),
  households: z.number(),
  procedureId: z.number(),
  stage: projectStage,
  stageLabel: z.string(),
  /** The step the approval waits at (its name), null when none does. */
  currentStep: z.string().nullable(),
});
export type ProjectItem = z.output<typeof projectItem>;
export const projectPage = pageSchema(projectItem);

/** A household a 到户 project reaches, and what was paid to it. */
export const projectHousehold = z.object({ householdId: z.number(), number: z.string(), head: z.string().nullable(), paid: z.number() });
export type ProjectHousehold = z.output<typeof projectHousehold>;


// --- payments (拨付) --------------------------------------------------------------------------------------------------

/**
 * POST /api/funds/projects/:id/payments: money paid from an allocation (of the project's county or above it) to an
 * approved project; for a 到户 project, to one of its households. Refused beyond the allocation's balance or the
 * project's budget, before 县审批, or with a purpose on the 负面清单.
 */
export const paymentInput = z.object({
  allocationId: id(),
  paidOn: isoDate(),
  amount: positiveYuan(),
  purpose: text(500),
  voucherNo: name(60),
  householdId: id().nullish(),
});
export type PaymentInput = z.output<typeof paymentInput>;

export const payment = z.object({
  id: z.number(),
  projectId: z.number(),
  allocationId: z.number(),
  fundYear: z.number(),
  sourceLabel: z.string(),
  paidOn: z.string(),
  amount: z.number(),
  purpose: z.string(),
  voucherNo: z.string(),
  householdId: z.number().nullable(),
  createdAt: z.string(),
});
export type Payment = z.output<typeof payment>;

/** GET /api/funds/payments: the payments to projects of a region (their villages), of a fund year or of one project. */
export const paymentQuery = z.object({ region: regionPrefix().optional(), year: optionalInt, projectId: optionalInt, page, pageSize });
export type PaymentQuery = z.output<typeof paymentQuery>;
export const paymentPage = pageSchema(payment);

/** PUT /api/funds/projects/:id/households: the registered households of its village a 到户 project reaches (登记到户受益). */
export const projectHouseholdsInput = z.object({ householdIds: z.array(id()).max(2000), version: int() });
export type ProjectHouseholdsInput = z.output<typeof projectHouseholdsInput>;

/** GET /api/funds/households/:id/receipts — what reached a household (its 扶贫手册 shows it). */
export const householdReceipts = z.object({
  householdId: z.number(),
  total: z.number(),
  items: z.array(payment.extend({ projectName: z.string(), reachLabel: z.string() })),
});
export type HouseholdReceipts = z.output<typeof householdReceipts>;

// --- spending progress and its points ---------------------------------------------------------------------------------

/** GET /api/funds/progress?region=&year=&asOf=&by= — the year's funds under `region`, by the regions one level below it (`by=child`, the default) or by county (`by=county`), as of a date (default today). */
export const progressQuery = z.object({ region: regionPrefix().optional(), year: queryYear(), asOf: isoDate().optional(), by: z.enum(['child', 'county']).optional() });
export type ProgressQuery = z.output<typeof progressQuery>;

export const progressRow = z.object({
  region: regionStep,
  allocated: z.number(),
  spent: z.number(),
  /** Hundredths of a percent, rounded down; null when nothing was allocated. */
  basisPoints: z.number().nullable(),
  percentText: z.string(),
  /** Left of this year's funds as of the date (结转结余). */
  balance: z.number(),
});
export type ProgressRow = z.output<typeof progressRow>;
export const progress = z.object({ year: z.number(), asOf: z.string(), total: progressRow, rows: z.array(progressRow) });
export type Progress = z.output<typeof progress>;

/** GET /api/funds/performance?region=&year=&asOf= — the 7 + 3 + 2 points of 资金支出进度, with the reason of each. */
export const performanceQuery = z.object({ region: regionPrefix().optional(), year: queryYear(), asOf: isoDate().optional() });
export type PerformanceQuery = z.output<typeof performanceQuery>;
export const performance = z.object({
  region: regionStep.nullable(),
  year: z.number(),
  asOf: z.string(),
  points: z.number(),
  max: z.number(),
  items: z.array(z.object({ label: z.string(), points: z.number(), max: z.number(), reason: z.string() })),
  source: z.string(),
});
export type Performance = z.output<typeof performance>;

// --- audit findings and rectification (审计问题整改) --------------------------------------------------------------------

export const FINDING_STATES = ['open', 'rectifying', 'rectified'] as const;
export const findingInput = z.object({
  projectId: id().nullish(),
  allocationId: id().nullish(),
  foundOn: isoDate(),
  foundBy: name(60),
  problem: text(2000),
  deadline: isoDate(),
});
export type FindingInput = z.output<typeof findingInput>;
export const findingUpdate = z.object({ state: oneOf(FINDING_STATES), rectification: text(5000).optional(), rectifiedOn: isoDate().optional(), version: int() });
export type FindingUpdate = z.output<typeof findingUpdate>;
export const findingQuery = z.object({ region: regionPrefix().optional(), state: oneOf(FINDING_STATES).optional(), overdue: z.enum(['true', 'false']).optional(), page, pageSize });
export type FindingQuery = z.output<typeof findingQuery>;

export const finding = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  allocationId: z.number().nullable(),
  region: regionStep,
  foundOn: z.string(),
  foundBy: z.string(),
  problem: z.string(),
  deadline: z.string(),
  state: z.enum(FINDING_STATES),
  stateLabel: z.string(),
  overdue: z.boolean(),
  rectification: z.string(),
  rectifiedOn: z.string().nullable(),
  version: z.number(),
});
export type Finding = z.output<typeof finding>;
export const findingPage = pageSchema(finding);

// --- a project whole ----------------------------------------------------------------------------------------------

export const project = projectItem.extend({
  useReason: z.string(),
  content: z.string(),
  householdList: z.array(projectHousehold),
  payments: z.array(payment),
  findings: z.array(finding),
  createdAt: z.string(),
  /** Sent back with a change of the household list. */
  version: z.number(),
});
export type Project = z.output<typeof project>;

// --- the field check's random draw (实地抽查) ----------------------------------------------------------------------------

/** POST /api/funds/samples: draw `count` approved projects of a region and year with a seed anyone can re-run. */
export const sampleInput = z.object({ region: regionPrefix(), year: year(), count: int(1, 500), drawKey: name(100) });
export type SampleInput = z.output<typeof sampleInput>;
export const sample = z.object({ id: z.number(), region: regionStep.nullable(), year: z.number(), count: z.number(), drawKey: z.string(), drawnAt: z.string(), projects: z.array(projectItem) });
export type Sample = z.output<typeof sample>;

export const samples = z.array(sample);

export const fundsIdParams = z.object({ id: idParam() });
