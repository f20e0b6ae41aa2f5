import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors';

export type Role = 'sysadmin' | 'org_admin' | 'member';
export const ROLE_LABELS: Record<Role, string> = { sysadmin: '系统管理员', org_admin: '单位管理员', member: '委员' };

/** Who is asking: every route reads this and every service decides with it. */
export interface Auth {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  /** Materialised path of the user's body (`/1/4/`): the user's scope is this subtree. */
  orgPath: string;
  memberId: number | null;
  /**
   * Registry scope: the code prefix of the region of the user's body (`5134` for a city, `513431100` for a township);
   * empty for system administrators, who see the whole registry.
   */
  regionPrefix: string;
}

/**
 * The scope rule, in one place (DESIGN: “every user belongs to a node of the organisation tree and sees and changes
 * only that subtree”). A member further sees only the entries they take part in or entered themselves.
 */
export function inScope(auth: Auth, orgPath: string): boolean {
  return orgPath.startsWith(auth.orgPath);
}

export function requireInScope(auth: Auth, orgPath: string, what = '该单位'): void {
  if (!inScope(auth, orgPath)) throw new AppError('FORBIDDEN', `无权访问${what}：不在您所属单位的管辖范围内`);
}

export function requireRole(auth: Auth, ...roles: Role[]): void {
  if (!roles.includes(auth.role)) throw new AppError('FORBIDDEN', `此操作需要${roles.map((r) => ROLE_LABELS[r]).join('或')}权限`);
}

/** The SQL-side form of the scope, passed to repositories that list records. */
export interface Scope {
  orgPath: string;
  /** Set for the member role: only entries this member takes part in, or that this user entered. */
  ownMemberId: number | null;
  ownUserId: number | null;
}

export function scopeOf(auth: Auth): Scope {
  return auth.role === 'member'
    ? { orgPath: auth.orgPath, ownMemberId: auth.memberId ?? -1, ownUserId: auth.userId }
    : { orgPath: auth.orgPath, ownMemberId: null, ownUserId: null };
}

/** Whether the user may see one entry (same rule as `scopeOf`, for a record already loaded). */
export function canSeeEntry(auth: Auth, entry: { orgPath: string; memberIds: number[]; createdBy: number }): boolean {
  if (!inScope(auth, entry.orgPath)) return false;
  if (auth.role !== 'member') return true;
  return entry.createdBy === auth.userId || (auth.memberId !== null && entry.memberIds.includes(auth.memberId));
}

/** A member changes only what they entered; administrators anything in their subtree. */
export function canChangeEntry(auth: Auth, entry: { orgPath: string; memberIds: number[]; createdBy: number }): boolean {
  if (!inScope(auth, entry.orgPath)) return false;
  return auth.role !== 'member' || entry.createdBy === auth.userId;
}

/** The registry form of the scope rule: a region code the user may see and change. */
export function requireRegion(auth: Auth, regionCode: string, what = '该地区'): void {
  if (!regionCode.startsWith(auth.regionPrefix)) throw new AppError('FORBIDDEN', `无权访问${what}：不在您的管辖范围内`);
}

/** Whether the role may read ID numbers unmasked (DESIGN: masked unless the user's role may see them). */
export function maySeeIdNumbers(auth: Auth): boolean {
  return auth.role === 'sysadmin' || auth.role === 'org_admin';
}

/** The signed-in user as the session resolves it, with the name of their body for display. */
export type SessionAuth = Auth & { orgName: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionAuth | null;
  }
}

export function authOf(request: FastifyRequest): SessionAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.auth;
}
