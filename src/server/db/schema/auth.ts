import { boolean, char, index, integer, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, version } from './columns';

export const users = pgTable('users', {
  id: id(),
  username: varchar('username', { length: 50 }).notNull().unique(),
  displayName: varchar('display_name', { length: 50 }).notNull(),
  passwordHash: text('password_hash').notNull(),
  role: varchar('role', { length: 20 }).notNull(),
  orgId: integer('org_id').notNull(),
  memberId: integer('member_id'),
  /** A 帮扶责任人's account: the helper record it speaks for (role helper sees that helper's households only). */
  helperId: integer('helper_id'),
  /** A 部门数据员's account: the department whose lists it uploads and sees (src/domain/compare/departments.ts). */
  department: varchar('department', { length: 30 }),
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

/**
 * Roles an administrator defined from the permission list (issue 11); the shipped roles are data in
 * src/domain/auth/roles.ts and have no row. `users.role` holds a shipped role's code or one of these codes.
 */
export const roles = pgTable('roles', {
  id: id(),
  code: varchar('code', { length: 30 }).notNull().unique(),
  name: varchar('name', { length: 30 }).notNull().unique(),
  description: varchar('description', { length: 200 }).notNull().default(''),
  permissions: text('permissions').array().notNull(),
  createdBy: integer('created_by').notNull(),
  version: version(),
  createdAt: createdAt(),
});

/**
 * Personal API tokens (issue 11: “a department's data clerk uploads its lists by script”): a request with
 * `Authorization: Bearer <token>` acts as the owner. `token_hash` holds the sha256 (hex) of the token, never the token;
 * `prefix` its first characters, shown so that the owner can tell their tokens apart.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: integer('user_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    prefix: varchar('prefix', { length: 12 }).notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    lastUsedAt: timestamptz('last_used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
