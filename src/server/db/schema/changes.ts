// Issue 11: changes with a second pair of eyes — a registry change proposed by a village waits for the township's
// approval (change requests, their events), and which kinds of change need approval, set per office's region.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { actor, createdAt, decision, id, ofHousehold, recordedAt, signed, timestamptz, version } from './columns';

/**
 * One proposed change of a household: what would be written (`payload`: the household patch, or an income year's
 * items), the household as it was and as it would be (`before` / `after` snapshots, for the before → after table),
 * the household version it was proposed against, and its state (pending | returned | approved | rejected | withdrawn).
 * At most one open request (pending or returned) per household and target (`household`, or `income:<year>`).
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: id(),
    ...ofHousehold(),
    /** household | income */
    kind: varchar('kind', { length: 10 }).notNull(),
    /** The kinds of change of the rules it touches (facts, members, income). */
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    /** The income year (kind income). */
    year: smallint('year'),
    target: varchar('target', { length: 20 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    baseVersion: integer('base_version').notNull(),
    state: varchar('state', { length: 10 }).notNull().default('pending'),
    /** The proposer's words (变更原因). */
    note: text('note').notNull().default(''),
    ...signed('proposed'),
    /** Given by the database when the request is written. */
    proposedAt: timestamptz('proposed_at').notNull().defaultNow(),
    ...decision(),
    /** The reason of the last return or of the rejection. */
    decisionReason: text('decision_reason'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    index('change_requests_village_idx').on(t.villageCode, t.state),
    index('change_requests_household_idx').on(t.householdId),
    uniqueIndex('change_requests_open_target').on(t.householdId, t.target).where(sql`state in ('pending', 'returned')`),
  ],
);

/** Every step of a change request: proposed, returned (with its reason), resubmitted, approved, rejected, withdrawn. */
export const changeRequestEvents = pgTable(
  'change_request_events',
  {
    id: id(),
    requestId: integer('request_id').notNull(),
    /** propose | approve | return | reject | resubmit | withdraw */
    action: varchar('action', { length: 10 }).notNull(),
    reason: text('reason').notNull().default(''),
    ...actor(),
    at: recordedAt(),
  },
  (t) => [index('change_request_events_request_idx').on(t.requestId)],
);

/**
 * Which kinds of change need approval, set by an office holding 审批户情变更 for its region (`region_prefix`, the
 * region's code prefix; '' for the whole country). The narrowest rule above a village holds; none: approval needed.
 */
export const changeRules = pgTable(
  'change_rules',
  {
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    /** facts | members | income */
    kind: varchar('kind', { length: 10 }).notNull(),
    required: boolean('required').notNull(),
    ...actor(),
    at: recordedAt(),
  },
  (t) => [primaryKey({ columns: [t.regionPrefix, t.kind] })],
);
