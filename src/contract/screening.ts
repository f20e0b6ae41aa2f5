/**
 * Screening (issue 15, seed 004 精准识别: 应纳尽纳“零漏评”, 应退尽退“零错评”, 应扶尽扶“零错退”): runs over the screening lists
 * and the registry, their flags by village and kind, and the village's recorded decisions. Declared once; the routes
 * declare these schemas and the web takes its types here.
 */
import { z } from 'zod';
import { DECISIONS } from '../domain/compare/decision';
import { SCREENING_KINDS } from '../domain/screening/flags';
import { decidedFields } from './decision';
import { historyItem } from './history';
import { pageSchema } from './page';
import { id, list, name, page, pageSize, regionPrefix, text, timestamp } from './zod';

// --- requests ------------------------------------------------------------------------------------------------------

/** POST /api/screening/runs: the region (default: the user's scope) and the screening lists (none: only 错评 / 错退). */
export const runBody = z.object({ region: regionPrefix().optional(), listIds: list(id(), 100).optional() });
export type RunInput = z.output<typeof runBody>;

export const runsQuery = z.object({ page, pageSize });
export const villagesQuery = z.object({ page, pageSize });

export const FLAG_DECISION_FILTERS = ['undecided', ...DECISIONS] as const;
export const flagsQuery = z.object({
  kind: z.enum(SCREENING_KINDS).optional(),
  village: name(12).optional(),
  decision: z.enum(FLAG_DECISION_FILTERS).optional(),
  page,
  pageSize,
});
export type FlagsQuery = z.output<typeof flagsQuery>;
export const exportQuery = flagsQuery.omit({ page: true, pageSize: true });

/** The village's decision; `expectedDecidedAt` is the time of the decision read (null the first time). */
export const decisionBody = z.object({ decision: name(10), outcome: text(2000), expectedDecidedAt: timestamp().or(z.literal('')).nullable() });
export type DecisionInput = z.output<typeof decisionBody>;

// --- answers -------------------------------------------------------------------------------------------------------

const counts = { missed: z.number(), wrong: z.number(), risk: z.number(), undecided: z.number() };

export const run = z.object({
  id: z.number(),
  regionPrefix: z.string(),
  regionName: z.string(),
  lists: z.array(z.object({ id: z.number(), name: z.string(), department: z.string(), rows: z.number(), deleted: z.boolean() })),
  persons: z.number(),
  listRows: z.number(),
  userName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The flags inside the user's own scope, by kind. */
  inScope: z.object(counts),
});
export type Run = z.output<typeof run>;

export const runRow = z.object({
  id: z.number(),
  regionPrefix: z.string(),
  regionName: z.string(),
  persons: z.number(),
  listRows: z.number(),
  missed: z.number(),
  wrong: z.number(),
  risk: z.number(),
  inScope: z.number(),
  undecided: z.number(),
  userName: z.string(),
  startedAt: z.string(),
});
export type RunRow = z.output<typeof runRow>;
export const runPage = pageSchema(runRow);

export const villageFlags = z.object({ regionCode: z.string(), regionName: z.string(), ...counts });
export type VillageFlags = z.output<typeof villageFlags>;
export const villageFlagsPage = pageSchema(villageFlags);

/** A failing criterion of the registry's rule: why a household is flagged. */
const reason = z.object({ key: z.string(), label: z.string(), reason: z.string(), citation: z.string() });

export const flag = z.object({
  id: z.number(),
  runId: z.number(),
  kind: z.enum(SCREENING_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  householdId: z.number().nullable(),
  householdNumber: z.string().nullable(),
  idNumber: z.string().nullable(),
  personName: z.string(),
  listId: z.number().nullable(),
  listName: z.string().nullable(),
  rowNo: z.number().nullable(),
  listKind: z.string().nullable(),
  /** What the list says of the person (漏评). */
  detail: z.string().nullable(),
  /** The failing criteria of the registry's identification or exit rule (错评 / 错退). */
  reasons: z.array(reason),
  /** The status, income, line and 两不愁三保障 the run saw (错评 / 错退). */
  evidence: z.record(z.string(), z.unknown()),
  decision: z.enum(DECISIONS).nullable(),
  outcome: z.string().nullable(),
  decidedBy: z.number().nullable(),
  ...decidedFields,
});
export type Flag = z.output<typeof flag>;
export const flagPage = pageSchema(flag);

export const flagDetail = flag.extend({ history: z.array(historyItem), meaning: z.record(z.string(), z.string()) });
export type FlagDetail = z.output<typeof flagDetail>;
