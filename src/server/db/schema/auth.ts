import { boolean, char, index, integer, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from './columns';

export const users = pgTable('users', {
  id: id(),
  username: varchar('username', { length: 50 }).notNull().unique(),
  displayName: varchar('display_name', { length: 50 }).notNull(),
  passwordHash: text('password_hash').notNull(),
  role: varchar('role', { length: 20 }).notNull(),
  orgId: integer('org_id').notNull(),
  memberId: integer('member_id'),
  createdAt: createdAt(),
  /** Consecutive failed sign-ins since the last success or lock (src/domain/auth/lockout.ts). */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  /** Set by an administrator's reset and for a generated first password: every other API answers 403 until changed. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabledAt: timestamptz('disabled_at'),
  passwordChangedAt: timestamptz('password_changed_at'),
});

/** Sessions: `token` holds the sha256 (hex) of the cookie's token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    token: char('token', { length: 64 }).primaryKey(),
    id: serial('id').notNull(),
    userId: integer('user_id').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: createdAt(),
    ip: varchar('ip', { length: 64 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 200 }).notNull().default(''),
  },
  (t) => [uniqueIndex('sessions_id_idx').on(t.id), index('sessions_user_idx').on(t.userId)],
);
