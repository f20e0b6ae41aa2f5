/**
 * Accounts (users, sessions, passwords, sign-in): the requests the routes take and what they answer, declared once.
 * The server's routes declare these schemas (so /api/docs/json describes them); the web takes its types and checks
 * its forms here.
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../domain/auth/password-policy';
import { PERMISSIONS } from '../domain/auth/permissions';
import { DEPARTMENTS } from '../domain/compare/departments';
import { coercedInt, id, idParams, name, secret } from './zod';

/** A role's code: a shipped role's (src/domain/auth/roles.ts) or one an administrator defined. */
export const role = z.string();
export const permission = z.enum(PERMISSIONS);

/** The department of a 部门数据员 (seed 004's 一比对 lists). */
const department = z.enum(DEPARTMENTS, { error: `应为以下部门之一：${DEPARTMENTS.join('、')}` });

/** A password as typed at sign-in or when changing one's own: present, bounded (the policy is the domain's). */
const password = z.string({ error: '必填' }).min(1, { error: '必填' }).max(MAX_PASSWORD_LENGTH, { error: `不能超过 ${MAX_PASSWORD_LENGTH} 个字符` });
const sessionId = coercedInt(1);

export const loginBody = z.object({ username: z.string({ error: '必填' }).min(1, { error: '必填' }).max(100, { error: '不能超过 100 个字' }), password });
export type LoginInput = z.output<typeof loginBody>;

export const changePasswordBody = z.object({ currentPassword: password, newPassword: password });
export type ChangePasswordInput = z.output<typeof changePasswordBody>;


/** A live sign-in of a user: when, from where, with what browser. */
export const session = z.object({ id: z.number(), createdAt: z.string(), expiresAt: z.string(), ip: z.string(), userAgent: z.string() });
export type SessionInfo = z.output<typeof session>;
/** One's own sessions, the one of this browser marked. */
export const ownSession = session.extend({ current: z.boolean() });
export type OwnSession = z.output<typeof ownSession>;
export const ownSessions = z.object({ items: z.array(ownSession) });
export const userSessions = z.object({ items: z.array(session) });
export const sessionParams = z.object({ sessionId });
export const userSessionParams = idParams.extend({ sessionId });
export const sessionsEnded = z.object({ ended: z.number() });

/** A user as created or renamed. */
export const userAccount = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role,
  /** The role's name (a shipped role's label, or the name an administrator gave it). */
  roleName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  memberId: z.number().nullable(),
  /** A 帮扶责任人's account: the helper record it speaks for. */
  helperId: z.number().nullable(),
  /** A 部门数据员's account: the department whose lists it uploads. */
  department: z.string().nullable(),
});
export type UserAccount = z.output<typeof userAccount>;

/** The signed-in user (GET /api/auth/me, the answer of a sign-in). */
export const me = userAccount.extend({
  /** What the user's role permits: the web shows only the menu items and actions these allow. */
  permissions: z.array(permission),
  /** Set after an administrator's reset or a generated first password: every other API answers 403 until changed. */
  mustChangePassword: z.boolean(),
});
export type Me = z.output<typeof me>;
export const meAnswer = z.object({ user: me });

/** A user in the administrators' list, with the state of the account. */
export const userItem = userAccount.extend({ mustChangePassword: z.boolean(), disabled: z.boolean(), locked: z.boolean() });
export type User = z.output<typeof userItem>;
export const userList = z.object({ items: z.array(userItem) });

export const userInput = z.object({
  username: name(50),
  displayName: name(50),
  password: secret(MAX_PASSWORD_LENGTH),
  role: name(30),
  orgId: id(),
  memberId: id().nullish(),
  /** Required for role helper: the 帮扶责任人 record (in the caller's scope) the account speaks for. */
  helperId: id().nullish(),
  /** Required for role department_clerk: one of the departments of 一比对 (src/domain/compare/departments.ts). */
  department: department.nullish(),
});
export type UserInput = z.output<typeof userInput>;

/**
 * PATCH /api/users/:id: what an administrator changes of an account, each part optional (an absent part stays): the
 * name, the role (granted only when the caller holds all its permissions), the office and the links the role needs.
 * Accounts carry no version: the last change wins, as before.
 */
export const userPatch = z.object({
  displayName: z.string().max(100, { error: '不能超过 100 个字' }).optional(),
  role: name(30).optional(),
  orgId: id().optional(),
  memberId: id().nullish(),
  helperId: id().nullish(),
  department: department.nullish(),
});
export type UserPatch = z.output<typeof userPatch>;

export const resetPasswordBody = z
  .object({ password: z.string().max(MAX_PASSWORD_LENGTH, { error: `不能超过 ${MAX_PASSWORD_LENGTH} 个字符` }).optional() })
  .optional();
/** The generated password, shown once; absent when the administrator gave one. */
export const resetPasswordAnswer = z.object({ password: z.string().optional() });
export type ResetPasswordAnswer = z.output<typeof resetPasswordAnswer>;

export const userDisabled = z.object({ id: z.number(), disabled: z.boolean() });
