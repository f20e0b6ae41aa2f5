// Registry (建档立卡): villages, households, persons, income, poverty lines, status history (issue 3, seeds 001/004).
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { actor, id, idNumber, ofHousehold, recordedAt, regionCode, version } from './columns';

/** What the registry knows of a village beyond its name and code. */
export const villageProfiles = pgTable('village_profiles', {
  regionCode: regionCode('region_code').primaryKey(),
  poorVillage: boolean('poor_village').notNull().default(false),
  identifiedYear: smallint('identified_year'),
  exited: boolean('exited').notNull().default(false),
  exitYear: smallint('exit_year'),
  certifiedPopulation: integer('certified_population'),
  populationYear: smallint('population_year'),
  specialtyIndustries: jsonb('specialty_industries').$type<string[]>().notNull().default([]),
  /** Seed 002 §二 targets: road, water, power grid, radio/TV/broadband, clinic, activity room (true = in place). */
  facilities: jsonb('facilities').$type<Record<string, boolean>>().notNull().default({}),
  infrastructureImproved: boolean('infrastructure_improved').notNull().default(false),
  publicServicesImproved: boolean('public_services_improved').notNull().default(false),
  version: version(),
});

export const villageYearFigures = pgTable(
  'village_year_figures',
  {
    regionCode: regionCode('region_code').notNull(),
    year: smallint('year').notNull(),
    /** Village collective income, transfer income excluded (seed 004), integer yuan. */
    collectiveIncome: bigint('collective_income', { mode: 'number' }),
    /** 脱贫规划 (seed 001): households and persons planned to exit this year. */
    plannedHouseholds: integer('planned_households'),
    plannedPersons: integer('planned_persons'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const povertyLines = pgTable(
  'poverty_lines',
  {
    id: id(),
    year: smallint('year').notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
    yuan: integer('yuan').notNull(),
    source: text('source').notNull().default(''),
  },
  (t) => [uniqueIndex('poverty_lines_key').on(t.year, t.scope, t.regionPrefix)],
);

/** Search indexes made by migration 0022 (custom SQL): households_number_trgm, households_status_village_number. */
export const households = pgTable(
  'households',
  {
    id: id(),
    villageCode: regionCode('village_code').notNull(),
    number: varchar('number', { length: 30 }).notNull(),
    attribute: varchar('attribute', { length: 10 }).notNull(),
    identifiedYear: smallint('identified_year').notNull(),
    identifiedOn: date('identified_on', { mode: 'string' }).notNull(),
    mainCause: varchar('main_cause', { length: 12 }).notNull(),
    secondaryCauses: jsonb('secondary_causes').$type<string[]>().notNull().default([]),
    housingSafe: boolean('housing_safe').notNull().default(false),
    drinkingWaterSafe: boolean('drinking_water_safe').notNull().default(false),
    foodSecure: boolean('food_secure').notNull().default(false),
    clothingSecure: boolean('clothing_secure').notNull().default(false),
    /** Current status; its history is in household_status_history. */
    status: varchar('status', { length: 6 }).notNull().default('未脱贫'),
    statusYear: smallint('status_year'),
    version: version(),
  },
  (t) => [uniqueIndex('households_village_number').on(t.villageCode, t.number), index('households_village_idx').on(t.villageCode.op('bpchar_pattern_ops'))],
);

/** Search indexes made by migration 0022 (custom SQL): persons_id_number_trgm, persons_name_trgm (pg_trgm). */
export const persons = pgTable(
  'persons',
  {
    id: id(),
    householdId: integer('household_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    /** Unique in the whole registry: one person, one household. */
    idNumber: idNumber('id_number').notNull().unique(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    relation: varchar('relation', { length: 10 }).notNull(),
    schooling: varchar('schooling', { length: 10 }).notNull().default('已毕业'),
    dropoutForPoverty: boolean('dropout_for_poverty').notNull().default(false),
    health: varchar('health', { length: 10 }).notNull().default('健康'),
    disabilityGrade: smallint('disability_grade'),
    labour: varchar('labour', { length: 10 }).notNull(),
    hasQualification: boolean('has_qualification').notNull().default(false),
    workMonths: smallint('work_months').notNull().default(0),
    workPlace: varchar('work_place', { length: 100 }).notNull().default(''),
    workIncome: integer('work_income').notNull().default(0),
    medicalEligible: boolean('medical_eligible').notNull().default(true),
    medicalInsured: boolean('medical_insured').notNull().default(false),
    seriousIllnessInsured: boolean('serious_illness_insured').notNull().default(false),
    pensionInsured: boolean('pension_insured').notNull().default(false),
  },
  (t) => [index('persons_household_idx').on(t.householdId)],
);

const yuan = (name: string) => integer(name).notNull().default(0);

/** Income item by item per household and year (seed 004), integer yuan. */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    householdId: integer('household_id').notNull(),
    year: smallint('year').notNull(),
    wages: yuan('wages'),
    business: yuan('business'),
    property: yuan('property'),
    subsidies: yuan('subsidies'),
    minimumLiving: yuan('minimum_living'),
    extremePoverty: yuan('extreme_poverty'),
    pension: yuan('pension'),
    ecological: yuan('ecological'),
    otherTransfer: yuan('other_transfer'),
    businessCosts: yuan('business_costs'),
    illnessCosts: yuan('illness_costs'),
    schoolingCosts: yuan('schooling_costs'),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.year] })],
);

/**
 * The registry's statistics, maintained on every write (issue 3): dated changes per region subtree ('' for all, then
 * the province, city, county and town prefixes), so a figure as of a date is the sum of the rows up to it. Villages
 * are counted from the status history directly through its index (a few hundred rows at most).
 */
export const registryRollup = pgTable(
  'registry_rollup',
  {
    region: varchar('region', { length: 9 }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** status, attribute, cause, labour, income (key = year), exit (key = year). */
    dim: varchar('dim', { length: 10 }).notNull(),
    key: varchar('key', { length: 12 }).notNull(),
    households: integer('households').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    /** Sum of per-capita net income in thousandths of a yuan (dim income). */
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.region, t.on, t.dim, t.key] })],
);

/**
 * The villages' statistics (贫困村 by identified and exit year, 公安认定总人口, year figures and 脱贫规划), maintained
 * with every write of village_profiles and village_year_figures (issue 13): sums of `profileFigures`/`yearFigures` per
 * region key as registry_rollup's ('' for all, province, city, county, town). A village's own are read from its rows.
 */
export const registryVillageRollup = pgTable(
  'registry_village_rollup',
  {
    region: varchar('region', { length: 9 }).notNull(),
    /** poor, exited (key = year), population (key 0), reported, collectiveIncome, plannedHouseholds, plannedPersons (key = year). */
    dim: varchar('dim', { length: 20 }).notNull(),
    key: smallint('key').notNull(),
    /** Villages counted (for a sum: those that gave the figure). */
    villages: integer('villages').notNull().default(0),
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.region, t.dim, t.key] })],
);

/** Every status change with its date and reason: the as-of figures read this. */
export const householdStatusHistory = pgTable(
  'household_status_history',
  {
    id: id(),
    ...ofHousehold(),
    status: varchar('status', { length: 6 }).notNull(),
    year: smallint('year'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** The day the next change of the household took effect (set by a trigger); null while this row is current. */
    validTo: date('valid_to', { mode: 'string' }),
    persons: integer('persons').notNull(),
    /** The household's facts while this row is current: every figure of the statistics can be asked as of a date. */
    attribute: varchar('attribute', { length: 10 }).notNull().default(''),
    mainCause: varchar('main_cause', { length: 12 }).notNull().default(''),
    /** Members by labour ability (seed 004's four classes, in LABOUR_KINDS order). */
    labourOrdinary: smallint('labour_ordinary').notNull().default(0),
    labourSkilled: smallint('labour_skilled').notNull().default(0),
    labourLost: smallint('labour_lost').notNull().default(0),
    labourNone: smallint('labour_none').notNull().default(0),
    reason: text('reason').notNull(),
    ...actor(),
    at: recordedAt(),
  },
  (t) => [index('household_status_history_idx').on(t.householdId, t.effectiveOn), index('household_status_history_village_idx').on(t.villageCode.op('bpchar_pattern_ops'), t.effectiveOn)],
);
