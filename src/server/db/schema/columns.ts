import { bigint, char, customType, integer, jsonb, serial, timestamp, varchar } from 'drizzle-orm/pg-core';

// Column builders shared by the feature files. Each call makes a new column (Drizzle columns belong to one table).
// Not re-exported by index.ts: the schema object holds tables only.

/** The serial primary key `id`. */
export const id = () => serial('id').primaryKey();

/** Optimistic-locking counter: a write names the version it read and bumps it. */
export const version = () => integer('version').notNull().default(1);

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** `at`: when the row was recorded (set on insert). */
export const recordedAt = () => timestamptz('at').notNull().defaultNow();

/** Who recorded a row and when: the acting user's id and `at`. */
export const recordedBy = () => ({ userId: integer('user_id').notNull(), at: recordedAt() });

/** The acting user, id and name as they were then (a history row reads without a join, and outlives a renamed user). */
export const actor = () => ({ userId: integer('user_id').notNull(), userName: varchar('user_name', { length: 50 }).notNull() });

/**
 * A history row's change (DESIGN: history): who, what (`action`, up to `actionLength` characters), before → after (null
 * for a creation or a removal), and when.
 */
export const change = (actionLength: number) => ({
  ...actor(),
  action: varchar('action', { length: actionLength }).notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  at: recordedAt(),
});

type Prefixed<A extends string, C> = { [K in keyof C & string as `${A}${K}`]: C[K] };
const prefixed = <A extends string, C extends object>(act: A, columns: C) =>
  Object.fromEntries(Object.entries(columns).map(([k, c]) => [`${act}${k}`, c])) as Prefixed<A, C>;

/**
 * Who did an act every row has (`proposed`, `submitted`: one lowercase word, also the columns' prefix) and when:
 * `<act>By` (the user's id), `<act>ByName` (the name as it was then, as `actor`), `<act>At`.
 */
export const signed = <A extends string>(act: A) =>
  prefixed(act, {
    By: integer(`${act}_by`).notNull(),
    ByName: varchar(`${act}_by_name`, { length: 50 }).notNull(),
    At: timestamptz(`${act}_at`).notNull(),
  });

/** The decision on what a row proposes or reports (approved, returned, rejected): as `signed('decided')`, null until decided. */
export const decision = () =>
  prefixed('decided', {
    By: integer('decided_by'),
    ByName: varchar('decided_by_name', { length: 50 }),
    At: timestamptz('decided_at'),
  });

/** A GB/T 2260 region code padded to 12 digits (src/server/regions/china-division.ts). */
export const regionCode = (name: string) => char(name, { length: 12 });

/** A resident identity card number (18 characters). */
export const idNumber = (name: string) => char(name, { length: 18 });

/**
 * The household a row is about, and its village (the household's, kept on the row so that a scope's rows are found
 * by region code without a join).
 */
export const ofHousehold = () => ({
  householdId: integer('household_id').notNull(),
  villageCode: regionCode('village_code').notNull(),
});

/** A maintained sum or an amount in integer yuan: bigint read as a number, 0 until something is added. */
export const bigTotal = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** The five fund sources of seed 000, in integer yuan. */
export const fundColumns = () => ({
  fundDonation: bigTotal('fund_donation'),
  fundPersonal: bigTotal('fund_personal'),
  fundSocial: bigTotal('fund_social'),
  fundBank: bigTotal('fund_bank'),
  fundFiscal: bigTotal('fund_fiscal'),
});

/** Binary content (evidence files, signatures) kept in the database, so one backup holds everything. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
