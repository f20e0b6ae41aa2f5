/**
 * 帮扶措施 and 脱贫规划 (issue 15): a household's measures (each classified under 五个一批, 八大工程 and a policy kind),
 * its 脱贫时限 and 脱贫计划, and the 脱贫规划 of a village or a township against what happened, year by year.
 */
import { z } from 'zod';
import { coercedInt, id, idParam, int, isoDate, name, regionCode, text, year } from './zod';

/** POST /api/measures/households/:id (and PATCH /api/measures/:id with `version`): one measure as entered. */
export const measureInput = z.object({
  /** A MEASURE_KINDS name (src/domain/measures/catalog.ts); the domain names an unknown one. */
  kind: name(20),
  /** 计划 / 已实施 */
  state: name(6),
  /** 计划实施日期 or 实施日期 */
  on: isoDate(),
  /** A current 帮扶责任人 of the household (pairing's helper id), or `unit`. */
  helperId: id().nullish(),
  unit: name(60).optional(),
  /** 投入资金, integer yuan. */
  cost: int(0),
  /** A project of the funds' project library (issue 14). */
  projectId: id().nullish(),
  note: text(500).optional(),
});
export type MeasureInput = z.output<typeof measureInput>;
export const measureUpdate = measureInput.extend({ version: int(1) });
export type MeasureUpdate = z.output<typeof measureUpdate>;
export const measureDelete = z.object({ version: coercedInt(1) });

export const measure = z.object({
  id: z.number(),
  householdId: z.number(),
  villageCode: z.string(),
  kind: z.string(),
  /** 五个一批, 八大工程 and policy kind of the kind, from the catalog. */
  batch: z.string(),
  project: z.string(),
  policy: z.string(),
  state: z.string(),
  on: z.string(),
  helperId: z.number().nullable(),
  helperName: z.string(),
  unit: z.string(),
  /** Who is responsible, in words: the helper's name or the unit. */
  responsible: z.string(),
  cost: z.number(),
  projectId: z.number().nullable(),
  note: z.string(),
  version: z.number(),
});
export type Measure = z.output<typeof measure>;

/** PUT /api/measures/households/:id/plan: 脱贫时限 and 脱贫计划 (`version` when one is saved already). */
export const householdPlanInput = z.object({ targetYear: year().nullable(), plan: text(2000), version: int(1).optional() });
export type HouseholdPlanInput = z.output<typeof householdPlanInput>;
export const householdPlan = z.object({ targetYear: z.number().nullable(), plan: z.string(), version: z.number() });

/** GET /api/measures/households/:id: a household's measures, its plan and the 五个一批 its measures fall under. */
export const householdMeasures = z.object({
  householdId: z.number(),
  status: z.string(),
  identifiedYear: z.number(),
  measures: z.array(measure),
  plan: householdPlan.nullable(),
  batches: z.array(z.string()),
  /** Total cost of the measures, yuan. */
  cost: z.number(),
  /** Why the household may not be marked 稳定脱贫 (a measure under 社会保障兜底一批), or null. */
  stableMarkRefusal: z.string().nullable(),
});
export type HouseholdMeasures = z.output<typeof householdMeasures>;

export const regionYearParams = z.object({ code: regionCode(), year: coercedInt(1900, 2100) });

/**
 * PUT /api/measures/plans/:code/:year: a village's or a township's 脱贫规划 of a year. A village's planned households
 * and persons are its village year figures (the registry's 村情 year); planned village exits only of a township.
 */
export const regionPlanInput = z.object({
  plannedHouseholds: int(0).nullish(),
  plannedPersons: int(0).nullish(),
  plannedVillageExits: int(0).nullish(),
  plannedPerCapita: int(0).nullish(),
  version: int(1).optional(),
});
export type RegionPlanInput = z.output<typeof regionPlanInput>;

/** GET /api/measures/plans: planned against actual, year by year (at most 12 years). */
export const planQuery = z.object({ region: regionCode(), from: coercedInt(2000, 2100), to: coercedInt(2000, 2100) });
export type PlanQuery = z.output<typeof planQuery>;

const figures = z.object({ households: z.number().nullable(), persons: z.number().nullable(), villageExits: z.number().nullable(), perCapita: z.number().nullable() });
export const planYear = z.object({
  year: z.number(),
  planned: figures,
  actual: figures,
  /** A township's: what its villages planned (their village year figures summed); null for a village. */
  villagesPlanned: z.object({ households: z.number().nullable(), persons: z.number().nullable() }).nullable(),
  /** The version of the saved plan row (null: none saved yet). */
  version: z.number().nullable(),
});
export type PlanYear = z.output<typeof planYear>;
export const planVsActual = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.number() }),
  years: z.array(planYear),
  source: z.string(),
});
export type PlanVsActual = z.output<typeof planVsActual>;

export const measuresIdParams = z.object({ id: idParam() });
