// Issue 5: assessment (考核) — stored schemes, rounds, the assessed units and the score grid.
import { boolean, integer, jsonb, pgTable, primaryKey, smallint, varchar } from 'drizzle-orm/pg-core';
import { id, recordedAt, recordedBy, version } from './columns';

/** A scheme (src/domain/assessment/scheme.ts) as stored: shipped ones and administrators' copies. */
export const assessmentSchemes = pgTable('assessment_schemes', {
  id: id(),
  /** The shipped scheme's id, or the copy's own code. */
  code: varchar('code', { length: 60 }).notNull().unique(),
  name: varchar('name', { length: 200 }).notNull(),
  year: smallint('year').notNull(),
  unitKind: varchar('unit_kind', { length: 20 }).notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  shipped: boolean('shipped').notNull().default(false),
  /** Used by a closed round: cannot change any more. */
  locked: boolean('locked').notNull().default(false),
  version: version(),
  userId: integer('user_id'),
  at: recordedAt(),
});

/** A round: a scheme, a year, the assessed units, deadlines; open while scores are entered, then closed. */
export const assessmentRounds = pgTable('assessment_rounds', {
  id: id(),
  schemeId: integer('scheme_id').notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  year: smallint('year').notNull(),
  /** open | closed */
  state: varchar('state', { length: 10 }).notNull().default('open'),
  /** { selfEvaluation?: date, methods: { [methodKey]: date } } */
  deadlines: jsonb('deadlines').$type<Record<string, unknown>>().notNull().default({}),
  /** The body that runs the round (materialised path): its subtree's administrators see it. */
  orgPath: varchar('org_path', { length: 200 }).notNull().default(''),
  version: version(),
  ...recordedBy(),
});

/** The assessed unit of a round a row belongs to (assessment_units' key). */
const unitOfRound = () => ({
  roundId: integer('round_id').notNull(),
  unitKey: varchar('unit_key', { length: 40 }).notNull(),
});

export const assessmentUnits = pgTable(
  'assessment_units',
  {
    ...unitOfRound(),
    name: varchar('name', { length: 100 }).notNull(),
    /** city | county | department | org | member */
    kind: varchar('kind', { length: 12 }).notNull(),
    /** What the unit is in the system (region code, org id, member id), for scores computed from the system. */
    ref: varchar('ref', { length: 40 }).notNull().default(''),
    facts: jsonb('facts').$type<Record<string, boolean>>().notNull().default({}),
    adjustments: jsonb('adjustments').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitKey] })],
);

/** One entry of the grid: unit × indicator × method (grade, points, value or done), with where it came from. */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    ...unitOfRound(),
    methodKey: varchar('method_key', { length: 30 }).notNull(),
    indicatorKey: varchar('indicator_key', { length: 40 }).notNull(),
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
    /** manual | import | system */
    origin: varchar('origin', { length: 8 }).notNull().default('manual'),
    userId: integer('user_id'),
    at: recordedAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitKey, t.methodKey, t.indicatorKey] })],
);

/** The 考核员 of a round (issue 11): a user with the assessor role scores the units of the rounds they are named in. */
export const assessmentAssessors = pgTable(
  'assessment_assessors',
  {
    roundId: integer('round_id').notNull(),
    userId: integer('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);
