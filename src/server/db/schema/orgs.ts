import { date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, regionCode, version } from './columns';

/** CPPCC bodies and their groups, as a tree with a materialised path (`/1/4/9/`). */
export const orgs = pgTable(
  'orgs',
  {
    id: id(),
    parentId: integer('parent_id'),
    path: text('path').notNull().default(''),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    level: varchar('level', { length: 10 }).notNull(),
    regionCode: regionCode('region_code').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('orgs_path_idx').on(t.path.op('text_pattern_ops')), index('orgs_parent_idx').on(t.parentId)],
);

/** 委员信息管理: members and their service status. */
export const members = pgTable(
  'members',
  {
    id: id(),
    orgId: integer('org_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    sector: varchar('sector', { length: 50 }).notNull().default(''),
    phone: varchar('phone', { length: 30 }).notNull().default(''),
    skills: text('skills').notNull().default(''),
    status: varchar('status', { length: 10 }).notNull().default('normal'),
    unableReason: text('unable_reason'),
    unableFrom: date('unable_from', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('members_org_idx').on(t.orgId)],
);
