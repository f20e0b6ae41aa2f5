/**
 * Data-quality checks (/api/quality…): the checks, a run now and the latest counts of a region, the records one check
 * finds, and a household's 扶贫手册 checks (三个一致). What the server answers and what the web sends and reads.
 */
import { z } from 'zod';
import { CHECKS, type CheckKey } from '../domain/quality/checks';
import { pageSchema } from './page';
import { int, isoDate, list, name, page, pageSize, regionPrefix, smallInt, text } from './zod';

// --- requests ---------------------------------------------------------------------------------------------------------

export const regionQuery = z.object({ region: regionPrefix().optional() });
/** POST /api/quality/runs: every check over a region (none: the user's whole scope). */
export const runBody = regionQuery;

export const checkParams = z.object({ key: name(60) });
export const findingsQuery = z.object({ region: regionPrefix().optional(), page, pageSize });

/** POST /api/quality/households/:id/handbook: what a field check found in the 扶贫手册 (the service checks the ranges). */
export const handbookBody = z.object({
  year: smallInt(),
  persons: int(),
  /** 元, an integer. */
  perCapita: int(),
  helperNames: list(name(50), 50).optional(),
  checkedOn: isoDate().optional(),
  note: text(2000).optional(),
});
export type HandbookInput = z.output<typeof handbookBody>;

// --- answers ----------------------------------------------------------------------------------------------------------

export const checkKey = z.enum(CHECKS.map((c) => c.key) as [CheckKey, ...CheckKey[]]);

/** A check: its key, its label and the rule it checks. */
export const qualityCheck = z.object({ key: checkKey, label: z.string(), rule: z.string() });
export type QualityCheck = z.output<typeof qualityCheck>;
export const qualityChecks = z.array(qualityCheck);

export const checkCount = qualityCheck.extend({ count: z.number() });
export type CheckCount = z.output<typeof checkCount>;

export const RUN_TRIGGERS = ['on_demand', 'scheduled'] as const;

/** A run of every check over a region (on demand or scheduled), with the count of each. */
export const qualityRun = z.object({
  id: z.number(),
  regionPrefix: z.string(),
  trigger: z.enum(RUN_TRIGGERS),
  /** By check key (a run kept before a check was added lacks its key). */
  counts: z.record(z.string(), z.number()),
  userId: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The half-year the run counted visits in (2020 年上半年). */
  halfYear: z.string(),
  checks: z.array(checkCount),
});
export type QualityRun = z.output<typeof qualityRun>;
/** GET /api/quality/latest: the latest run over the region, or null before the first. */
export const latestRun = qualityRun.nullable();

/** One record a check found; `householdId` is null for a helper (帮扶责任人联系超过 3 户). */
export const finding = z.object({
  householdId: z.number().nullable(),
  villageCode: z.string(),
  number: z.string(),
  name: z.string(),
  idNumber: z.string(),
  detail: z.string(),
});
export type Finding = z.output<typeof finding>;
export const findingsPage = pageSchema(finding).extend({ check: qualityCheck });
export type FindingsPage = z.output<typeof findingsPage>;

/** What a field check found in a household's 扶贫手册. */
export const handbookCheck = z.object({
  id: z.number(),
  householdId: z.number(),
  year: z.number(),
  persons: z.number(),
  perCapita: z.number(),
  helperNames: z.array(z.string()),
  checkedOn: z.string(),
  note: z.string(),
  userId: z.number(),
  at: z.string(),
});
export type HandbookCheck = z.output<typeof handbookCheck>;
/** A household's handbook checks, newest first. */
export const handbookChecks = z.array(handbookCheck);
