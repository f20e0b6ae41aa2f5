/**
 * Issue 15 (rosters slice): 防返贫 monitoring of exited households (the at-risk list and its workbench count) and the
 * 扶贫手册“四个三” check of a household. The .xlsx rosters share the print lists' paths (`print-lists.ts`).
 */
import { z } from 'zod';
import { HANDBOOK_PARTS } from '../domain/rosters/handbook-check';
import { RISK_LABELS } from '../domain/rosters/return-risk';
import { householdRef } from './pairing';
import { pageSchema } from './page';
import { page, pageSize, regionPrefix } from './zod';

/** GET /api/rosters/return-risks: the exited households of a region at risk of 返贫 this half-year. */
export const returnRiskQuery = z.object({ region: regionPrefix().optional(), page, pageSize });
export type ReturnRiskQuery = z.output<typeof returnRiskQuery>;

const riskKey = z.enum(Object.keys(RISK_LABELS) as ['visit', 'guarantee', 'income']);
export const risk = z.object({ key: riskKey, label: z.string(), reason: z.string() });
export const returnRiskRow = householdRef.extend({ lastVisit: z.string().nullable(), risks: z.array(risk) });
export type ReturnRiskRow = z.output<typeof returnRiskRow>;
const halfYear = z.object({ year: z.number(), half: z.union([z.literal(1), z.literal(2)]), from: z.string(), to: z.string(), label: z.string() });
export const returnRiskPage = pageSchema(returnRiskRow).extend({ halfYear });
export type ReturnRiskPage = z.output<typeof returnRiskPage>;

/** GET /api/rosters/households/:id/handbook-check: what the household's 扶贫手册 lacks, part by part. */
const part = z.enum(Object.keys(HANDBOOK_PARTS) as ['basic', 'measures', 'results']);
export const handbookCheckResult = z.object({
  householdId: z.number(),
  year: z.number(),
  complete: z.boolean(),
  parts: z.array(z.object({ part, label: z.string(), gaps: z.array(z.object({ part, item: z.string(), message: z.string() })) })),
});
export type HandbookCheckResult = z.output<typeof handbookCheckResult>;
