// Issue 15: 帮扶措施 per household, the household's 脱贫时限 and 脱贫计划, and the 脱贫规划 of villages and townships.
import { bigint, date, index, integer, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, regionCode, version } from './columns';

/**
 * 帮扶措施: one measure of one household. `kind` is a MEASURE_KINDS name (src/domain/measures/catalog.ts); its 五个一批,
 * 工程 and policy kind are read from the catalog, not stored. `villageCode` is the household's, for region filters.
 * Responsible: a helper of the household (`helperId`, pairing's helpers) or a unit (`unit`). `projectId`: the funds'
 * project library (issue 14).
 */
export const householdMeasures = pgTable(
  'household_measures',
  {
    id: id(),
    householdId: integer('household_id').notNull(),
    villageCode: regionCode('village_code').notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    /** 计划 / 已实施 */
    state: varchar('state', { length: 6 }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    helperId: integer('helper_id'),
    helperName: varchar('helper_name', { length: 50 }).notNull().default(''),
    unit: varchar('unit', { length: 60 }).notNull().default(''),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    projectId: integer('project_id'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('household_measures_household_idx').on(t.householdId), index('household_measures_village_idx').on(t.villageCode, t.kind)],
);

/** 脱贫时限 (the year the household is planned to exit) and 脱贫计划 of a household. */
export const householdPlans = pgTable(
  'household_plans',
  {
    householdId: integer('household_id').primaryKey(),
    villageCode: regionCode('village_code').notNull(),
    targetYear: smallint('target_year'),
    plan: text('plan').notNull().default(''),
    version: version(),
  },
  (t) => [index('household_plans_target_idx').on(t.targetYear, t.villageCode)],
);

/**
 * 脱贫规划 of a village or a township for a year: what village_year_figures does not hold. A village's planned exit
 * households and persons stay in village_year_figures (the registry's village year); a township's are here, with its
 * planned village exits. `plannedPerCapita`: 年末人均纯收入 planned, integer yuan.
 */
export const regionPlans = pgTable(
  'region_plans',
  {
    regionCode: regionCode('region_code').notNull(),
    year: smallint('year').notNull(),
    plannedHouseholds: integer('planned_households'),
    plannedPersons: integer('planned_persons'),
    plannedVillageExits: integer('planned_village_exits'),
    plannedPerCapita: integer('planned_per_capita'),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
