/**
 * Pieces the registry's answers share (建档立卡, issue 10): the region a village or a statistic is about, a rule's
 * verdict, the income computed item by item and the poverty line a verdict applied.
 */
import { z } from 'zod';
import { STATUSES } from '../../domain/registry/status-transition';
import type { HouseholdStatus } from '../../domain/registry/household-rules';

/** The statuses of a household (未脱贫 … 清退), declared once in the domain. */
export const householdStatus = z.enum(STATUSES as [HouseholdStatus, ...HouseholdStatus[]]);

export { regionDetail, type RegionDetail } from '../regions';

/** One criterion of a rule: whether it holds (null: shown, not deciding), why, and the document's words it applies. */
export const criterion = z.object({ key: z.string(), label: z.string(), passed: z.boolean().nullable(), reason: z.string(), citation: z.string() });
/** A rule's answer (identification, household exit, stable-exit marking, village exit). */
export const verdict = z.object({ passed: z.boolean(), criteria: z.array(criterion) });
export type Criterion = z.output<typeof criterion>;
export type Verdict = z.output<typeof verdict>;

/** The income computed item by item (seed 004 “贫困户收入计算”), every step with its formula; integer yuan. */
export const incomeResult = z.object({
  transferTotal: z.number(),
  annualIncome: z.number(),
  netIncome: z.number(),
  perCapita: z.number(),
  householdSize: z.number(),
  overspent: z.boolean(),
  trace: z.array(z.object({ label: z.string(), formula: z.string(), value: z.number() })),
  // issue 15: benefits — the items counted at the departments' figures (政策享受), absent without department data.
  departmentFigures: z
    .array(z.object({ item: z.string(), label: z.string(), amount: z.number(), entered: z.number(), sources: z.array(z.object({ policy: z.string(), amount: z.number(), source: z.string() })) }))
    .optional(),
});
export type IncomeResult = z.output<typeof incomeResult>;

/** The poverty line a verdict applied: its year, scope in words (国家标准, 省标, 市标), yuan and source. */
export const appliedLine = z.object({ year: z.number(), scope: z.string(), yuan: z.number(), source: z.string() });

/** Identification, exit and stable-exit marking of one household against one line. */
export const householdVerdicts = z.object({ line: appliedLine, identification: verdict, exit: verdict, stableExit: verdict });
export type HouseholdVerdicts = z.output<typeof householdVerdicts>;

/** Households and persons of one status. */
export const statusCount = z.object({ status: z.string(), households: z.number(), persons: z.number() });
export type StatusCount = z.output<typeof statusCount>;
