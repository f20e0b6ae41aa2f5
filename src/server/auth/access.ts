import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors';
import { PERMISSION_DEFINITIONS, permissionsBeyond, isPermission, type Permission } from '../../domain/auth/permissions';
import { isShippedRole, ROLE_DEFINITIONS, ROLE_LABELS, type OwnScope, type Role } from '../../domain/auth/roles';
import { LEVEL_DIGITS } from '../regions/china-division';

export { ROLE_LABELS, type Role };

/** Who is asking: every route reads this and every service decides with it. */
export interface Auth {
  userId: number;
  username: string;
  displayName: string;
  /** A shipped role's code (src/domain/auth/roles.ts) or the code of a role an administrator defined. */
  role: string;
  /** What the role permits (checked by `requirePermission`). */
  permissions: ReadonlySet<Permission>;
  /** Which of the user's own records narrow the scope below the office's subtree (member, helper, department, assessor). */
  own: OwnScope | null;
  orgId: number;
  /** Materialised path of the user's body (`/1/4/`): the user's scope is this subtree. */
  orgPath: string;
  memberId: number | null;
  /** The helper record of a 帮扶责任人's account. */
  helperId?: number | null;
  /** The department of a 部门数据员's account. */
  department?: string | null;
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

/** The facts of a user the session (or a command) starts from; `authFor` turns them into an `Auth`. */
export interface AuthUser {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  orgId: number;
  orgPath: string;
  memberId: number | null;
  helperId?: number | null;
  department?: string | null;
  /** The office's region; the registry scope is its code prefix (none for a system administrator). */
  regionCode?: string;
  regionLevel?: number | null;
}

/**
 * The one place a user's permissions and scope are worked out: a shipped role's from its definition, a defined
 * role's from the permissions stored with it (`customPermissions`; unknown names are ignored).
 */
export function authFor(u: AuthUser, customPermissions: readonly string[] | null = null): Auth {
  const shipped = isShippedRole(u.role) ? ROLE_DEFINITIONS[u.role] : null;
  const permissions = new Set<Permission>(shipped ? shipped.permissions : (customPermissions ?? []).filter(isPermission));
  const { regionCode = '', regionLevel, ...rest } = u;
  return {
    ...rest,
    permissions,
    own: shipped?.own ?? null,
    regionPrefix: u.role === 'sysadmin' ? '' : regionCode.slice(0, LEVEL_DIGITS[regionLevel ?? 5] ?? 12),
  };
}

/** The system administrator acting for the system itself (bootstrap, commands, benchmarks): the root office. */
export function systemAuth(root: { id: number; path: string }, who: { userId?: number; username?: string; displayName?: string } = {}): Auth {
  return authFor({ userId: who.userId ?? 1, username: who.username ?? 'admin', displayName: who.displayName ?? '系统管理员', role: 'sysadmin', orgId: root.id, orgPath: root.path, memberId: null });
}

/** What a permission's refusal says: the permission by its name in the role editor. */
export function permissionRefusal(permission: Permission): string {
  return `此操作需要“${PERMISSION_DEFINITIONS[permission].label}”权限`;
}

/** Where an action lands, checked with the permission: a region code (registry) or an office's path (ledger, users). */
export interface PermissionTarget {
  region?: string;
  orgPath?: string;
  /** How the target is named in the refusal (`该户`, `该单位` …). */
  what?: string;
}

/**
 * The check every route and service makes (issue 11): the user's role holds `permission`, and the target, if given,
 * lies in the user's scope. A refusal names the permission, never the target's details.
 */
export function requirePermission(auth: Auth, permission: Permission, target: PermissionTarget = {}): void {
  if (!auth.permissions.has(permission)) throw new AppError('FORBIDDEN', permissionRefusal(permission), { permission });
  if (target.region !== undefined) requireRegion(auth, target.region, target.what);
  if (target.orgPath !== undefined) requireInScope(auth, target.orgPath, target.what);
}

/** Whether the user's role holds a permission (for what an answer shows, e.g. an edit button). */
export function can(auth: Auth, permission: Permission): boolean {
  return auth.permissions.has(permission);
}

/** The SQL-side form of the scope, passed to repositories that list records. */
export interface Scope {
  orgPath: string;
  /** Set when the role is narrowed to its own entries (政协委员): only entries this member takes part in, or that this user entered. */
  ownMemberId: number | null;
  ownUserId: number | null;
}

export function scopeOf(auth: Auth): Scope {
  return auth.own === 'entries'
    ? { orgPath: auth.orgPath, ownMemberId: auth.memberId ?? -1, ownUserId: auth.userId }
    : { orgPath: auth.orgPath, ownMemberId: null, ownUserId: null };
}

/** Whether the user may see one entry (same rule as `scopeOf`, for a record already loaded). */
export function canSeeEntry(auth: Auth, entry: { orgPath: string; memberIds: number[]; createdBy: number }): boolean {
  if (!inScope(auth, entry.orgPath)) return false;
  if (auth.own !== 'entries') return true;
  return entry.createdBy === auth.userId || (auth.memberId !== null && entry.memberIds.includes(auth.memberId));
}

/** A role narrowed to its own entries changes only what it entered; others anything in their subtree. */
export function canChangeEntry(auth: Auth, entry: { orgPath: string; memberIds: number[]; createdBy: number }): boolean {
  if (!inScope(auth, entry.orgPath)) return false;
  return auth.own !== 'entries' || entry.createdBy === auth.userId;
}

/** The registry form of the scope rule: a region code the user may see and change. */
export function requireRegion(auth: Auth, regionCode: string, what = '该地区'): void {
  if (!regionCode.startsWith(auth.regionPrefix)) throw new AppError('FORBIDDEN', `无权访问${what}：不在您的管辖范围内`);
}

/** Whether a region code lies within the user's registry scope (the prefix rule of `requireRegion`). */
export function inRegion(auth: Auth, regionCode: string): boolean {
  return regionCode.startsWith(auth.regionPrefix);
}

/**
 * Whether a region is in the user's scope or on the path above it: what an office above the user made for its whole
 * region (a county's department list, a county cadre as a township's helper) is seen, and used, below it. `code` is a
 * region code (12 digits) or a code prefix (`5134`).
 */
export function regionOnLine(auth: Auth, code: string): boolean {
  if (inRegion(auth, code)) return true;
  if (code.length < 12) return auth.regionPrefix.startsWith(code);
  return LEVEL_DIGITS.some((n) => n <= auth.regionPrefix.length && code === auth.regionPrefix.slice(0, n).padEnd(12, '0'));
}

/**
 * What an error may say about a record it ran into (an ID number already registered, a duplicate …): the record's own
 * details only when it lies in the user's registry scope, else a message that names nothing of it (DESIGN: “another
 * scope's data never appears, not even in an error”). `inside` is only called for a record in scope.
 */
export function scopedMessage(auth: Auth, regionCode: string, inside: () => string, outside: string): string {
  return inRegion(auth, regionCode) ? inside() : outside;
}

/** The message for an ID number already in a household outside the user's scope. */
export const ID_NUMBER_TAKEN_ELSEWHERE = '该身份证号已在其他户登记，不在您的管辖范围内';

/** The code prefix that identifies a region at its level (`513400000000` at level 2 → `5134`). */
export function regionPrefixOf(region: { code: string; level: number }): string {
  return region.code.slice(0, LEVEL_DIGITS[region.level] ?? 12);
}

/** Whether region `code` lies within `outer` (itself or one of its descendants). */
export function regionWithin(code: string, outer: { code: string; level: number }): boolean {
  return code.startsWith(regionPrefixOf(outer));
}

/**
 * A body's region, the scope every user of that body (and of its subtree) gets: it must lie within the parent body's
 * region and within the acting user's own scope, so that nobody can make a body, and then a user, that sees more than
 * they do (DESIGN: “a user never grants a scope or permission they do not hold”). `parent` is null for the root.
 */
export function requireBodyRegion(auth: Auth, regionCode: string, parent: { code: string; level: number; name: string } | null): void {
  if (!inRegion(auth, regionCode))
    throw new AppError('FORBIDDEN', '所在地区：不在您的管辖范围内', { fields: [{ field: 'regionCode', label: '所在地区', message: '不在您的管辖范围内' }] });
  if (parent && !regionWithin(regionCode, parent)) {
    const message = `须在上级单位所在地区（${parent.name}）之内`;
    throw new AppError('VALIDATION', `所在地区：${message}`, { fields: [{ field: 'regionCode', label: '所在地区', message }] });
  }
}

/**
 * A body's new region must still hold the regions of all bodies below it (a change may not leave a child outside its
 * parent's region). `below` are the regions of the body's descendants.
 */
export function requireHoldsChildren(region: { code: string; level: number }, below: Array<{ regionCode: string }>): void {
  const outside = below.filter((b) => !regionWithin(b.regionCode, region)).length;
  if (outside) {
    const message = `有 ${outside} 个下级单位的地区不在新地区之内，请先调整下级单位`;
    throw new AppError('VALIDATION', `所在地区：${message}`, { fields: [{ field: 'regionCode', label: '所在地区', message }] });
  }
}


/**
 * A user grants only what they hold: an account in a body of their own subtree (checked with `requireInScope` on the
 * body), with a role whose permissions are all the user's own (`permissions` are the role's).
 */
export function requireGrantableRole(auth: Auth, role: { name: string; permissions: readonly Permission[] }): void {
  const beyond = permissionsBeyond(role.permissions, auth.permissions);
  if (beyond.length)
    throw new AppError('FORBIDDEN', `角色：不能授予您自己没有的权限（${role.name}：${beyond.map((p) => PERMISSION_DEFINITIONS[p].label).slice(0, 3).join('、')}${beyond.length > 3 ? ' 等' : ''}）`);
}

/**
 * For account management (reset, disable, revoke): an administrator manages the accounts of their own subtree whose
 * role is not above their own; a system administrator every account.
 */
export function requireManageableUser(auth: Auth, user: { orgPath: string; role: { name: string; permissions: readonly Permission[] } }): void {
  requirePermission(auth, 'users.manage', { orgPath: user.orgPath, what: '该用户' });
  requireGrantableRole(auth, user.role);
}

/** Whether the role may read ID numbers unmasked (DESIGN: masked unless the user's role may see them). */
export function maySeeIdNumbers(auth: Auth): boolean {
  return auth.permissions.has('idNumbers.view');
}

/** The signed-in user as the session resolves it, with the name of their body for display. */
export type SessionAuth = Auth & { orgName: string; roleName: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionAuth | null;
  }
}

export function authOf(request: FastifyRequest): SessionAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.auth;
}
