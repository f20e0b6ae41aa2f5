// Issue 15: screening (漏评 / 错评 / 错退) — runs over the screening lists and the registry, and their flags.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { id, timestamptz } from './columns';

/** A screening run over a region: the screening lists it used and what it found. */
export const screeningRuns = pgTable('screening_runs', {
  id: id(),
  regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
  listIds: jsonb('list_ids').$type<number[]>().notNull(),
  /** Registry persons under the region, list rows screened, and the flags of each kind. */
  persons: integer('persons').notNull().default(0),
  listRows: integer('list_rows').notNull().default(0),
  missed: integer('missed').notNull().default(0),
  wrong: integer('wrong').notNull().default(0),
  risk: integer('risk').notNull().default(0),
  userId: integer('user_id').notNull(),
  startedAt: timestamptz('started_at').notNull().defaultNow(),
  finishedAt: timestamptz('finished_at'),
});

/**
 * A flag: 漏评 (a list row not in the registry), 错评 (a household failing identification) or 错退 (an exited household
 * failing exit today), with its evidence and the village's recorded decision. A flag never changes the registry.
 */
export const screeningFlags = pgTable(
  'screening_flags',
  {
    id: id(),
    runId: integer('run_id').notNull(),
    /** 漏评 | 错评 | 错退 */
    kind: varchar('kind', { length: 4 }).notNull(),
    /** Who decides: the household's village, or for 漏评 the narrower of the list's region and the run's. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    householdId: integer('household_id'),
    idNumber: varchar('id_number', { length: 18 }),
    personName: varchar('person_name', { length: 50 }).notNull().default(''),
    listId: integer('list_id'),
    rowNo: integer('row_no'),
    listKind: varchar('list_kind', { length: 30 }),
    /** What the run saw: the list's detail, or the household's status, income, line and 两不愁三保障. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    /** 属实 | 不属实, null until the village decides. */
    decision: varchar('decision', { length: 4 }),
    outcome: text('outcome'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamptz('decided_at'),
  },
  (t) => [index('screening_flags_run_idx').on(t.runId, t.regionCode), index('screening_flags_household_idx').on(t.householdId).where(sql`household_id is not null`)],
);
