// Issue 11: 报送 of a region's year figures, their approval (locks the year), and correction requests (更正申请).
import { index, integer, jsonb, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { decision, id, regionCode, signed, version } from './columns';

/**
 * One region's report of one year: the figures as the registry knew them when reported (`figures`, recomputed when an
 * approved correction changes one), its state (submitted → approved | returned → submitted …), who reported and who
 * decided. `region_prefix` is the region's code prefix at its level, so the reports holding a village are found by
 * `village_code like region_prefix || '%'`.
 */
export const yearReports = pgTable(
  'year_reports',
  {
    id: id(),
    regionCode: regionCode('region_code').notNull(),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    regionLevel: smallint('region_level').notNull(),
    year: smallint('year').notNull(),
    /** submitted | approved | returned */
    state: varchar('state', { length: 10 }).notNull(),
    figures: jsonb('figures').notNull(),
    ...signed('submitted'),
    ...decision(),
    /** The approver's reason when returned. */
    returnReason: text('return_reason'),
    version: version(),
  },
  (t) => [uniqueIndex('year_reports_region_year_uq').on(t.regionCode, t.year), index('year_reports_year_idx').on(t.year, t.state)],
);

/**
 * 更正申请: a new value for a figure an approved report locked — a village's year figures (`village_year`) or a
 * household's income of the year (`income`) — with its reason; applied only when the approver of the report approves.
 * `report_id` is the outermost approved report holding the figure when proposed (its approver decides).
 */
export const reportCorrections = pgTable(
  'report_corrections',
  {
    id: id(),
    reportId: integer('report_id').notNull(),
    /** village_year | income */
    kind: varchar('kind', { length: 12 }).notNull(),
    /** The village the figure belongs to (the household's village for an income). */
    villageCode: regionCode('village_code').notNull(),
    householdId: integer('household_id'),
    year: smallint('year').notNull(),
    before: jsonb('before').notNull(),
    proposed: jsonb('proposed').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    state: varchar('state', { length: 10 }).notNull(),
    ...signed('proposed'),
    ...decision(),
    decisionReason: text('decision_reason'),
    version: version(),
  },
  (t) => [index('report_corrections_report_idx').on(t.reportId), index('report_corrections_village_idx').on(t.villageCode, t.year)],
);
