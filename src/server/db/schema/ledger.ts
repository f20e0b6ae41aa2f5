import { boolean, char, date, index, integer, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { bigTotal, change, createdAt, fundColumns, id, regionCode, timestamptz, version } from './columns';

/** 事项: one deed, entered once (seed 000). Money in integer yuan. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    orgId: integer('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    categoryCode: char('category_code', { length: 2 }).notNull(),
    subtypeCode: char('subtype_code', { length: 4 }).notNull(),
    unit: varchar('unit', { length: 2 }).notNull(),
    count: integer('count').notNull().default(1),
    targetRegionCode: regionCode('target_region_code'),
    targetText: varchar('target_text', { length: 200 }),
    targetKey: varchar('target_key', { length: 220 }).notNull(),
    content: text('content').notNull(),
    ...fundColumns(),
    beneficiaries: integer('beneficiaries').notNull().default(0),
    deepPoverty: boolean('deep_poverty').notNull().default(false),
    startYear: smallint('start_year').notNull(),
    endYear: smallint('end_year'),
    documentNumber: varchar('document_number', { length: 100 }),
    createdBy: integer('created_by').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_org_path_idx').on(t.orgPath.op('text_pattern_ops'), t.startYear),
    index('ledger_entries_dup_idx').on(t.orgId, t.subtypeCode, t.targetKey),
    index('ledger_entries_year_idx').on(t.startYear, t.id),
  ],
);

export const ledgerEntryMembers = pgTable(
  'ledger_entry_members',
  {
    entryId: integer('entry_id').notNull(),
    memberId: integer('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.memberId] }), index('ledger_entry_members_member_idx').on(t.memberId)],
);

/** Every change to an entry: who, when, before → after (DESIGN: history). */
export const ledgerHistory = pgTable(
  'ledger_history',
  {
    id: id(),
    entryId: integer('entry_id').notNull(),
    ...change(10),
  },
  (t) => [index('ledger_history_entry_idx').on(t.entryId, t.id)],
);

/**
 * Maintained totals of each body's whole subtree, kept in the same transaction as every entry write: one row per
 * body × start year × sub-type × deep-poverty flag, and an entry adds to the row of its own body and of every body
 * above it. A subtree's totals are then the few hundred rows of one body, whatever the number of entries below it.
 */
export const ledgerTotals = pgTable(
  'ledger_totals',
  {
    /** The body whose subtree (itself included) the row sums. */
    orgId: integer('org_id').notNull(),
    year: smallint('year').notNull(),
    subtypeCode: char('subtype_code', { length: 4 }).notNull(),
    deepPoverty: boolean('deep_poverty').notNull(),
    entries: bigTotal('entries'),
    villages: bigTotal('villages'),
    households: bigTotal('households'),
    ...fundColumns(),
    beneficiaries: bigTotal('beneficiaries'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.subtypeCode, t.deepPoverty] })],
);

/**
 * Per-member yearly figures (an entry with several members counts once for each member), maintained like totals. Its
 * triggers keep `ledger_participation` (below).
 */
export const memberYearTotals = pgTable(
  'member_year_totals',
  {
    memberId: integer('member_id').notNull(),
    year: smallint('year').notNull(),
    entries: integer('entries').notNull().default(0),
    funds: bigTotal('funds'),
    beneficiaries: bigTotal('beneficiaries'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.year] })],
);

/**
 * 委员数, maintained: the members of each body's subtree, by `serving_until` — a member serves on a day d iff
 * serving_until > d: 'infinity' in normal status, `unable_from` for a member marked 特殊情况不能履职 from that date,
 * '-infinity' for one marked without a date (as `memberServes` in src/domain/ledger/member-serves.ts). A member adds 1
 * to the row of its body and of every body above it. Kept by the trigger `ledger_members_maintain` on `members`
 * (migration 0023), so a body's member count reads a few rows whatever the number of members.
 */
export const ledgerMemberCounts = pgTable(
  'ledger_member_counts',
  {
    orgId: integer('org_id').notNull(),
    servingUntil: date('serving_until', { mode: 'string' }).notNull(),
    members: integer('members').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.servingUntil] })],
);

/**
 * 参与委员数, maintained: the members of each body's subtree who took part (at least one entry) in a start year, keyed
 * by the member's previous year of taking part (`prev_year`, 0 for none), so that distinct members over a range of
 * years add up: a member took part in [a, b] iff exactly one of its years y in [a, b] has prev_year < a (the first of
 * them). One row per body × year × prev_year × serving_until (as in `ledger_member_counts`); a member adds 1 to the
 * rows of its body and of every body above it. Kept in the same transaction by the triggers (migration 0023)
 * `ledger_participation_insert` / `_update` / `_delete` on `member_year_totals` (a member's count of a year going
 * 0 ↔ ≥ 1) and `ledger_members_maintain` / `_update` on `members` (a member created, deleted, moving body or changing
 * status); functions `ledger_serving_until`, `ledger_member_place`, `ledger_participation_shift`.
 */
export const ledgerParticipation = pgTable(
  'ledger_participation',
  {
    orgId: integer('org_id').notNull(),
    year: smallint('year').notNull(),
    prevYear: smallint('prev_year').notNull(),
    servingUntil: date('serving_until', { mode: 'string' }).notNull(),
    members: integer('members').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.prevYear, t.servingUntil] })],
);
