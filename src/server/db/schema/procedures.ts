// Issue 4: procedures (动态调整) — seed 004's step sequences as data, their runs and every transition.
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { actor, createdAt, id, recordedAt, regionCode, timestamptz, version } from './columns';

/**
 * A procedure as data (seed 004's step sequences): the steps of a kind, for the whole country ('') or a province's
 * adjustment (its 2-digit prefix). A new version replaces the active one; running procedures keep theirs.
 */
export const procedureDefinitions = pgTable(
  'procedure_definitions',
  {
    id: id(),
    /** identification | exit | removal | stable_exit | relapse | village_exit */
    kind: varchar('kind', { length: 20 }).notNull(),
    regionPrefix: varchar('region_prefix', { length: 2 }).notNull().default(''),
    version: integer('version').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    /** ProcedureStepDefinition[] (src/domain/procedures). */
    steps: jsonb('steps').$type<unknown[]>().notNull(),
    active: boolean('active').notNull().default(true),
    source: text('source').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('procedure_definitions_key').on(t.kind, t.regionPrefix, t.version)],
);

/** One household's or village's run of a procedure. */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    definitionId: integer('definition_id').notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    /** The household (null for a new identification until its last step enters it, and for a village). */
    householdId: integer('household_id'),
    villageCode: regionCode('village_code').notNull(),
    /** A project's approval (kind `project`, issue 14): the project of the funds' project library. */
    projectId: integer('project_id'),
    /** A new identification's applicant: the household as applied for (HouseholdInput). */
    applicant: jsonb('applicant'),
    /** The year the procedure is for (exit year, identification year). */
    year: smallint('year'),
    /** running | completed | withdrawn */
    state: varchar('state', { length: 10 }).notNull().default('running'),
    /** Index of the step now open. */
    currentStep: integer('current_step').notNull().default(0),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    startedBy: integer('started_by').notNull(),
    finishedAt: timestamptz('finished_at'),
    /** The 脱贫光荣证 number issued by the last step of a household exit. */
    certificateNo: varchar('certificate_no', { length: 40 }),
    version: version(),
  },
  (t) => [index('procedures_village_idx').on(t.villageCode, t.state), index('procedures_household_idx').on(t.householdId), index('procedures_project_idx').on(t.projectId)],
);

/**
 * The last 脱贫光荣证 number issued per county and year (issue 9: numbers from a counter, not a count, so two exits
 * finishing at once cannot get the same one). Incremented inside the transaction that completes the exit; the unique
 * index `procedures_certificate_no` (custom SQL of migration certificate_counters) backs it.
 */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    county: char('county', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.county, t.year] })],
);

/** Every transition of a procedure: a step passed, or returned to an earlier step, with who, when and what. */
export const procedureEvents = pgTable(
  'procedure_events',
  {
    id: id(),
    procedureId: integer('procedure_id').notNull(),
    stepIndex: integer('step_index').notNull(),
    stepKey: varchar('step_key', { length: 30 }).notNull(),
    /** start | pass | return | withdraw */
    outcome: varchar('outcome', { length: 10 }).notNull(),
    returnTo: integer('return_to'),
    reason: text('reason').notNull().default(''),
    /** Public notice: its first and last day, and the objections received. */
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeTo: date('notice_to', { mode: 'string' }),
    objections: text('objections'),
    /** Assembly: representatives entitled, present, and the votes. */
    representatives: integer('representatives'),
    present: integer('present'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    /** Anything else the step recorded (minutes number, review report, ...). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ...actor(),
    userRole: varchar('user_role', { length: 20 }).notNull(),
    userLevel: varchar('user_level', { length: 10 }).notNull().default(''),
    at: recordedAt(),
  },
  (t) => [index('procedure_events_idx').on(t.procedureId, t.id)],
);
