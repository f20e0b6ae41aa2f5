// Issue 4: data quality (数据质量) — check runs, and what field checks found in households' 扶贫手册.
import { date, index, integer, jsonb, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { id, recordedBy, timestamptz } from './columns';

/** A run of the data-quality checks over a region: counts per check (they feed the assessment). */
export const qualityRuns = pgTable(
  'quality_runs',
  {
    id: id(),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    /** on_demand | scheduled */
    trigger: varchar('trigger', { length: 10 }).notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    userId: integer('user_id'),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [index('quality_runs_region_idx').on(t.regionPrefix, t.startedAt)],
);

/**
 * 三个一致 (seed 004: “扶贫手册、信息系统、农户实际”): what a field check found in the household's 扶贫手册, to compare
 * with the registry (the data-quality check handbook_mismatch).
 */
export const handbookChecks = pgTable(
  'handbook_checks',
  {
    id: id(),
    householdId: integer('household_id').notNull(),
    /** The income year the handbook's per-capita figure is for. */
    year: smallint('year').notNull(),
    persons: integer('persons').notNull(),
    perCapita: integer('per_capita').notNull(),
    /** Helper names as written in the handbook (、-separated in the UI). */
    helperNames: jsonb('helper_names').$type<string[]>().notNull().default([]),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    ...recordedBy(),
  },
  (t) => [index('handbook_checks_household_idx').on(t.householdId, t.checkedOn)],
);
