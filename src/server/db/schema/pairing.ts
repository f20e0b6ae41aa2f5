// Issue 4: helper pairing (结对帮扶) — helpers, who holds which household, visits, and leaders' villages (seeds 002/004).
import { boolean, date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { id, recordedBy, regionCode, version } from './columns';

/** 帮扶责任人: a cadre of township level or above, or an enterprise manager of middle level or above (seed 004). */
export const helpers = pgTable(
  'helpers',
  {
    id: id(),
    name: varchar('name', { length: 50 }).notNull(),
    unit: varchar('unit', { length: 100 }).notNull(),
    /** cadre | enterprise */
    kind: varchar('kind', { length: 12 }).notNull(),
    /** Level of the unit (省/市/县/乡/村) for a cadre; 高层/中层/基层 for an enterprise manager. */
    level: varchar('level', { length: 6 }).notNull(),
    post: varchar('post', { length: 50 }).notNull().default(''),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    /** Where the helper works (scope), a region code. */
    regionCode: regionCode('region_code').notNull(),
    active: boolean('active').notNull().default(true),
    version: version(),
  },
  (t) => [index('helpers_region_idx').on(t.regionCode)],
);

/** Which helper holds which household, from when to when (the 扶贫手册 notes every change). */
export const helperAssignments = pgTable(
  'helper_assignments',
  {
    id: id(),
    householdId: integer('household_id').notNull(),
    helperId: integer('helper_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    ...recordedBy(),
  },
  (t) => [index('helper_assignments_household_idx').on(t.householdId), index('helper_assignments_helper_idx').on(t.helperId)],
);

/** Visits to a household: helpers' visits and family-doctor visits. */
export const householdVisits = pgTable(
  'household_visits',
  {
    id: id(),
    householdId: integer('household_id').notNull(),
    /** 帮扶走访 | 家庭医生 */
    kind: varchar('kind', { length: 10 }).notNull(),
    helperId: integer('helper_id'),
    visitor: varchar('visitor', { length: 50 }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    ...recordedBy(),
  },
  (t) => [index('household_visits_household_idx').on(t.householdId, t.visitedOn)],
);

/** Seed 002's leader–village links: a chair or vice-chair's villages, the office's own village, chambers' villages. */
export const leaderVillages = pgTable(
  'leader_villages',
  {
    id: id(),
    /** 领导联系村 | 机关定点帮扶村 | 经促分会帮扶村 | 工商联商会帮扶村 */
    kind: varchar('kind', { length: 12 }).notNull(),
    orgId: integer('org_id').notNull(),
    memberId: integer('member_id'),
    /** A chamber or group named when there is no member (经促分会, 商会). */
    holder: varchar('holder', { length: 100 }).notNull().default(''),
    villageCode: regionCode('village_code').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    ...recordedBy(),
  },
  (t) => [index('leader_villages_village_idx').on(t.villageCode)],
);
