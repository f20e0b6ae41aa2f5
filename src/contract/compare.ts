/**
 * Cross-department comparison (一比对, seed 004 and issue 4): department lists (preview, import, rows), comparison
 * runs, their hits by village, and the village assembly's decisions. What the server takes and answers, declared once;
 * the routes declare these schemas and the web takes its types here.
 */
import { z } from 'zod';
import { DECISIONS } from '../domain/compare/decision';
import { DEPARTMENTS } from '../domain/compare/departments';
import { decidedFields } from './decision';
import { historyItem } from './history';
import { pageSchema } from './page';
import { id, list, name, optionalBool, optionalInt, page, pageSize, regionPrefix, text, timestamp } from './zod';

// --- requests ------------------------------------------------------------------------------------------------------

/** How a CSV file is decoded: found from its bytes, or chosen by the user. */
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gbk'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];
const encoding = z.enum(ENCODING_CHOICES).optional();

/** POST /api/compare/lists/preview (the file goes as multipart field `file`). */
export const previewQuery = z.object({ encoding });

/** POST /api/compare/lists: the list's name and department, the columns chosen (letters; `-` for none). */
export const importListQuery = z.object({
  name: name(100).optional(),
  department: name(30).optional(),
  idColumn: name(100).optional(),
  nameColumn: name(100).optional(),
  detailColumn: name(100).optional(),
  encoding,
  skipInvalid: optionalBool,
});
export type ImportListQuery = z.output<typeof importListQuery>;

export const listRowsQuery = z.object({ q: name(100).optional(), page, pageSize });

const listIds = list(id(), 100);
/** POST /api/compare/runs: the region (default: the user's scope) and the lists. */
export const registryRunBody = z.object({ region: regionPrefix().optional(), listIds });
export type RegistryRunInput = z.output<typeof registryRunBody>;
/** POST /api/compare/procedures/:id/runs. */
export const procedureRunBody = z.object({ listIds });
export type ProcedureRunInput = z.output<typeof procedureRunBody>;

export const runsQuery = z.object({ procedureId: optionalInt, page, pageSize });
export const villagesQuery = z.object({ page, pageSize });

/** The hits not yet decided, or those decided one way. */
export const DECISION_FILTERS = ['undecided', ...DECISIONS] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];
export const hitsQuery = z.object({ village: name(12).optional(), decision: z.enum(DECISION_FILTERS).optional(), page, pageSize });
export type HitsQuery = z.output<typeof hitsQuery>;

/** The assembly's decision; `expectedDecidedAt` is the time of the decision read (null the first time). */
export const decisionBody = z.object({ decision: name(10), outcome: text(2000), expectedDecidedAt: timestamp().or(z.literal('')).nullable() });
export type DecisionInput = z.output<typeof decisionBody>;

// --- answers -------------------------------------------------------------------------------------------------------

export const departments = z.object({ items: z.array(z.enum(DEPARTMENTS)).readonly() });

const fieldError = z.object({ field: z.string(), label: z.string(), message: z.string(), row: z.number().optional(), column: z.string().optional() });

export const listPreview = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheet: z.string().nullable(),
  encoding: z.enum(['utf-8', 'gbk', 'utf-16le']).nullable(),
  headerRow: z.number(),
  headers: z.array(z.object({ letter: z.string(), header: z.string() })),
  detected: z.object({ idColumn: z.string().nullable(), nameColumn: z.string().nullable(), detailColumn: z.string().nullable() }),
  /** The first rows with a value: the file's row number and its cells (`numeric`: columns stored as numbers). */
  sample: z.array(z.object({ row: z.number(), cells: z.array(z.string()).readonly(), numeric: z.array(z.number()).readonly().optional() })),
  rows: z.number(),
});
export type ListPreview = z.output<typeof listPreview>;

export const departmentList = z.object({
  id: z.number(),
  name: z.string(),
  department: z.string(),
  fileName: z.string(),
  rows: z.number(),
  regionPrefix: z.string(),
  regionName: z.string(),
  userName: z.string(),
  at: z.string(),
  /** The user's office is at or above the importer's: may view the rows and delete the list. */
  canManage: z.boolean(),
});
export type DepartmentList = z.output<typeof departmentList>;
export const departmentLists = z.object({ items: z.array(departmentList) });

export const importListResult = z.object({
  list: departmentList,
  columns: z.object({ idColumn: z.string(), nameColumn: z.string().nullable(), detailColumn: z.string().nullable() }),
  written: z.number(),
  skippedRows: z.number(),
  /** The rows left out (at most 1,000 listed), each error with its row and column. */
  skipped: z.array(fieldError),
});
export type ImportListResult = z.output<typeof importListResult>;

export const listRow = z.object({ rowNo: z.number(), idNumber: z.string(), name: z.string(), detail: z.string() });
export type ListRow = z.output<typeof listRow>;
export const listRowPage = pageSchema(listRow);

/** What a run compared: every household of a region, or a procedure's persons. */
export const RUN_SCOPES = ['registry', 'procedure'] as const;
export type RunScope = (typeof RUN_SCOPES)[number];

const hitCounts = { households: z.number(), persons: z.number(), hits: z.number(), undecided: z.number(), confirmed: z.number() };
export const hitTotals = z.object({ villages: z.number(), ...hitCounts });
export type HitTotals = z.output<typeof hitTotals>;

/** What every view of a run shows: its scope, who ran it and when, how many persons and hits. */
const runBase = z.object({
  id: z.number(),
  scope: z.enum(RUN_SCOPES),
  procedureId: z.number().nullable(),
  regionPrefix: z.string(),
  regionName: z.string(),
  persons: z.number(),
  hits: z.number(),
  userName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** One run with its lists and the hits inside the user's own scope (all of them for the office that ran it). */
export const run = runBase.extend({
  lists: z.array(z.object({ id: z.number(), name: z.string(), department: z.string(), rows: z.number(), deleted: z.boolean() })),
  inScope: hitTotals,
});
export type Run = z.output<typeof run>;

/** A run in the list of runs: its lists by id, and its hits in the user's scope (and those undecided). */
export const runRow = runBase.extend({ listIds: z.array(z.number()), hitsInScope: z.number(), undecided: z.number() });
export type RunRow = z.output<typeof runRow>;
export const runPage = pageSchema(runRow);

export const villageHits = z.object({ villageCode: z.string(), villageName: z.string(), ...hitCounts });
export type VillageHits = z.output<typeof villageHits>;
export const villageHitsPage = pageSchema(villageHits);

export const hit = z.object({
  id: z.number(),
  runId: z.number(),
  householdId: z.number().nullable(),
  procedureId: z.number().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  idNumber: z.string(),
  personName: z.string(),
  /** The person's relation to the head, read from the registry (null for an applicant). */
  relation: z.string().nullable(),
  householdNumber: z.string().nullable(),
  headName: z.string().nullable(),
  listId: z.number(),
  listName: z.string().nullable(),
  rowNo: z.number(),
  department: z.string(),
  detail: z.string(),
  decision: z.enum(DECISIONS).nullable(),
  outcome: z.string().nullable(),
  decidedBy: z.number().nullable(),
  ...decidedFields,
});
export type Hit = z.output<typeof hit>;
export const hitPage = pageSchema(hit);

export const hitDetail = hit.extend({ history: z.array(historyItem) });
export type HitDetail = z.output<typeof hitDetail>;
