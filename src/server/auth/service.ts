import { createHash, randomBytes } from 'node:crypto';
import { displayNameProblem } from '../../domain/auth/display-name';
import { afterFailure, isLocked, LOCKED_MESSAGE } from '../../domain/auth/lockout';
import { passwordProblems } from '../../domain/auth/password-policy';
import { isPermission, type Permission } from '../../domain/auth/permissions';
import { isShippedRole, ROLE_DEFINITIONS } from '../../domain/auth/roles';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../domain/auth/username';
import { AppError, type FieldError } from '../../domain/shared/errors';
import type { Me, OwnSession, ResetPasswordAnswer, SessionInfo, User, UserAccount, UserInput, UserPatch } from '../../contract/auth';
import type { AuditService } from '../audit/service';
import type { Auth } from './access';
import { authFor, inScope, requireGrantableRole, requireInScope, requirePermission } from './access';
import { generatePassword, hashPassword, verifyPassword } from './password';
import type { AuthRepo, RolesRepo, UserRow } from './repo';
import { definedRoleVisible } from './roles-service';
import type { OrgsService } from '../orgs/service';
import type { MembersService } from '../members/service';
import type { UserImportResult } from '../../contract/bulk-import';
import { DEPARTMENTS } from '../../domain/compare/departments';
import { uniqueViolationError } from '../http/errors';
import { cellError, importRefused, officeOfCell, placeError, type SheetRow } from '../http/import-sheet';
import { USER_COLUMN_OF, USER_SHEET, type UserImportKey } from './user-import-sheet';

export const SESSION_COOKIE = 'tz_session';
const SESSION_CACHE_MS = 30_000;
const SESSION_DAYS = 7;

/** Where a sign-in comes from, kept with the session so that its owner can tell their sessions apart. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

type SessionAuth = Auth & { orgName: string; roleName: string };

/** The cookie carries the token; the database and the cache only its sha256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function userSnapshot(u: Pick<UserRow, 'username' | 'displayName' | 'role' | 'orgId' | 'memberId'> & Partial<Pick<UserRow, 'helperId' | 'department'>> & { disabled?: boolean }) {
  return { username: u.username, displayName: u.displayName, role: u.role, orgId: u.orgId, memberId: u.memberId, helperId: u.helperId ?? null, department: u.department ?? null, disabled: u.disabled ?? false };
}

/** What links an account to the record its role narrows it to: a member, a helper, a department. */
interface Links {
  memberId: number | null;
  helperId: number | null;
  department: string | null;
}

function policyError(password: string, username: string, field: string, label: string): AppError | null {
  const problems = passwordProblems(password, { username });
  if (!problems.length) return null;
  const fields: FieldError[] = problems.map((message) => ({ field, label, message }));
  return new AppError('VALIDATION', problems.join('；'), { fields });
}

/** A role as the checks need it: its name and permissions (a shipped role's from the domain, a defined one's stored). */
export interface RoleGrant {
  code: string;
  name: string;
  permissions: Permission[];
}

export function makeAuthService(deps: {
  repo: AuthRepo;
  roles: RolesRepo;
  orgs: OrgsService;
  members: MembersService;
  audit: AuditService;
  now: () => Date;
  /** The pairing service's helper getter (in the caller's scope; throws NOT_FOUND / FORBIDDEN otherwise). */
  helperOf: (auth: Auth, helperId: number) => Promise<{ id: number; name: string }>;
  /** The helpers of that name the caller sees (pairing's list): the users' import links accounts by name and phone. */
  helpersNamed?: (auth: Auth, name: string) => Promise<Array<{ id: number; name: string; phone: string }>>;
  /** The repository in one transaction (the users' import writes all its accounts or none). */
  transaction?: <T>(fn: (repo: AuthRepo) => Promise<T>) => Promise<T>;
}) {
  const { repo, orgs, members, audit, now } = deps;
  const transaction = deps.transaction ?? ((fn) => fn(repo));

  /** A role's name: a shipped role's label, else the defined role's name (its code if it is gone). */
  function roleName(code: string, customName: string | null): string {
    return isShippedRole(code) ? ROLE_DEFINITIONS[code].label : (customName ?? code);
  }

  /** The role behind a code, or null for a code no role has (or, with `auth`, a defined role not seen in its scope). */
  async function roleOf(code: string, auth?: Auth): Promise<RoleGrant | null> {
    if (isShippedRole(code)) return { code, name: ROLE_DEFINITIONS[code].label, permissions: [...ROLE_DEFINITIONS[code].permissions] };
    const row = await deps.roles.findByCode(code);
    if (!row || (auth && !definedRoleVisible(auth, row))) return null;
    return { code, name: row.name, permissions: row.permissions.filter(isPermission) };
  }

  /** Sessions resolved in the last 30 s, by token hash; dropped at once when a session ends or its user changes. */
  const cache = new Map<string, { auth: SessionAuth; userId: number; sessionId: number; expiresAt: Date; until: number }>();
  /** What the session adds to the caller's `Auth`, for the very object `authenticate` returned. */
  const sessionOf = new WeakMap<object, { sessionId: number; mustChangePassword: boolean }>();

  function dropCached(match: (e: { userId: number; sessionId: number }) => boolean) {
    for (const [key, entry] of cache) if (match(entry)) cache.delete(key);
  }

  function meOf(auth: SessionAuth): Me {
    return {
      id: auth.userId,
      username: auth.username,
      displayName: auth.displayName,
      role: auth.role,
      roleName: auth.roleName,
      orgId: auth.orgId,
      orgName: auth.orgName,
      memberId: auth.memberId,
      helperId: auth.helperId ?? null,
      department: auth.department ?? null,
      permissions: [...auth.permissions],
      mustChangePassword: sessionOf.get(auth)?.mustChangePassword ?? false,
    };
  }

  /** A user the caller may manage: in their scope (else “not found”, nothing told), with no permission the caller lacks. */
  async function manageable(auth: Auth, userId: number) {
    requirePermission(auth, 'users.manage');
    const user = await repo.findUser(userId);
    if (!user || !inScope(auth, user.orgPath)) throw new AppError('NOT_FOUND', '用户不存在');
    const role = await roleOf(user.role);
    if (role && role.permissions.some((p) => !auth.permissions.has(p))) throw new AppError('FORBIDDEN', '不能管理权限高于您的用户');
    return user;
  }

  function notSelf(auth: Auth, userId: number, what: string) {
    if (auth.userId === userId) throw new AppError('FORBIDDEN', what);
  }

  async function endSessions(userId: number, keepSessionId?: number): Promise<number> {
    dropCached((e) => e.userId === userId && e.sessionId !== keepSessionId);
    const n = await repo.deleteSessionsOfUser(userId, keepSessionId);
    // A request resolved while the rows were being deleted may have cached one again.
    dropCached((e) => e.userId === userId && e.sessionId !== keepSessionId);
    return n;
  }

  /**
   * The links a role needs (issue 11: “a 帮扶责任人's account is linked to their helper record”): a member for 政协委员,
   * a helper in the caller's scope for 帮扶责任人, a department for 部门数据员; each missing or wrong one names its
   * field. The member link is kept for any role, as before; the helper and department links only for their roles.
   */
  function missingLinks(roleCode: string, links: Links): FieldError[] {
    const own = isShippedRole(roleCode) ? ROLE_DEFINITIONS[roleCode].own : undefined;
    const fields: FieldError[] = [];
    if (own === 'entries' && !links.memberId) fields.push({ field: 'memberId', label: '对应委员', message: '委员账号须对应一名委员' });
    if (own === 'households' && !links.helperId) fields.push({ field: 'helperId', label: '对应帮扶责任人', message: '帮扶责任人账号须对应一名帮扶责任人' });
    if (own === 'lists' && !links.department) fields.push({ field: 'department', label: '所属部门', message: '部门数据员账号须选择所属部门' });
    return fields;
  }

  async function checkedLinks(auth: Auth, roleCode: string, orgId: number, links: Links): Promise<Links> {
    const own = isShippedRole(roleCode) ? ROLE_DEFINITIONS[roleCode].own : undefined;
    if (links.memberId) {
      const member = await members.get(auth, links.memberId);
      if (member.orgId !== orgId) throw new AppError('VALIDATION', '对应委员：该委员不属于所选单位', {
        fields: [{ field: 'memberId', label: '对应委员', message: '该委员不属于所选单位' }],
      });
    }
    const helperId = own === 'households' ? links.helperId : null;
    if (helperId) {
      try {
        await deps.helperOf(auth, helperId);
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN')) throw e;
        throw new AppError('VALIDATION', '对应帮扶责任人：该帮扶责任人不存在或不在您的管辖范围内', {
          fields: [{ field: 'helperId', label: '对应帮扶责任人', message: '该帮扶责任人不存在或不在您的管辖范围内' }],
        });
      }
    }
    return { memberId: links.memberId, helperId, department: own === 'lists' ? links.department : null };
  }

  /** The helper record a cell names (its 编号, or its name — with the phone when the name is shared) among those the caller sees. */
  async function helperOfCell(auth: Auth, text: string, phone: string): Promise<{ id: number } | { key: UserImportKey; problem: string }> {
    if (/^\d+$/.test(text)) {
      try {
        return { id: (await deps.helperOf(auth, Number(text))).id };
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN')) throw e;
        return { key: 'helper', problem: `帮扶责任人编号 ${text} 不存在或不在您的管辖范围内` };
      }
    }
    const named = ((await deps.helpersNamed?.(auth, text)) ?? []).filter((h) => h.name === text);
    const digits = (s: string) => s.replace(/\D/g, '');
    const matching = phone ? named.filter((h) => digits(h.phone) === digits(phone)) : named;
    if (matching.length === 1) return { id: matching[0]!.id };
    if (matching.length > 1) return { key: 'helperPhone', problem: `有 ${matching.length} 名帮扶责任人名为“${text}”，请填写其联系电话或改填编号` };
    return phone && named.length
      ? { key: 'helperPhone', problem: `帮扶责任人“${text}”的联系电话不是 ${phone}` }
      : { key: 'helper', problem: `帮扶责任人名单中没有“${text}”（或不在您的管辖范围内），请先录入或导入帮扶责任人` };
  }

  /** The member a cell names (编号 or name) within the account's office. */
  async function memberOfCell(auth: Auth, orgId: number, text: string): Promise<{ id: number } | { problem: string }> {
    if (/^\d+$/.test(text)) {
      try {
        const m = await members.get(auth, Number(text));
        return m.orgId === orgId ? { id: m.id } : { problem: '该委员不属于所填单位' };
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN')) throw e;
        return { problem: `委员编号 ${text} 不存在或不在您的管辖范围内` };
      }
    }
    const found = (await members.list(auth, { orgId, q: text, page: 1, pageSize: 50 })).items.filter((m) => m.name === text && m.orgId === orgId);
    if (found.length === 1) return { id: found[0]!.id };
    return { problem: found.length ? `所填单位有 ${found.length} 名委员名为“${text}”，请改填委员编号` : `所填单位没有名为“${text}”的委员` };
  }

  const service = {
    async login(username: string, password: string, client: ClientInfo = { ip: '', userAgent: '' }): Promise<{ token: string; expiresAt: Date; user: Me }> {
      const name = username.trim();
      const user = await repo.findUserByName(name);
      const failed = (reason: string) => audit.event(user ? { userId: user.id, displayName: user.displayName } : null, 'login_failed', { username: name.slice(0, 50), reason, ip: client.ip });
      // While locked, every attempt gets the same answer, the right password included, and is not checked at all.
      if (user && isLocked(user, now())) {
        await failed('locked');
        throw new AppError('RATE_LIMITED', LOCKED_MESSAGE, { lockedUntil: user.lockedUntil!.toISOString() });
      }
      // Same message and same work whether the name or the password is wrong.
      const ok = user ? await verifyPassword(password, user.passwordHash) : (await hashPassword(password), false);
      if (!user || !ok) {
        await failed(user ? 'password' : 'unknown_user');
        if (user) {
          const state = afterFailure(await repo.countFailure(user.id), now());
          if (state.lockedUntil) {
            await repo.setLoginState(user.id, state);
            throw new AppError('RATE_LIMITED', LOCKED_MESSAGE, { lockedUntil: state.lockedUntil.toISOString() });
          }
        }
        throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
      }
      if (user.disabledAt) {
        await failed('disabled');
        throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员');
      }
      if (user.failedLogins > 0 || user.lockedUntil) await repo.setLoginState(user.id, { failedLogins: 0, lockedUntil: null });
      const token = randomBytes(32).toString('hex');
      const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86400_000);
      await repo.insertSession({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        createdAt: now(),
        ip: client.ip.slice(0, 64),
        userAgent: client.userAgent.slice(0, 200),
      });
      await repo.deleteExpiredSessions(now());
      const auth = await service.authenticate(token);
      await audit.event({ userId: user.id, displayName: user.displayName }, 'login', { username: user.username, ip: client.ip });
      return { token, expiresAt, user: meOf(auth!) };
    },

    async logout(token: string, auth: SessionAuth | null): Promise<void> {
      const hash = hashToken(token);
      cache.delete(hash);
      await repo.deleteSession(hash);
      cache.delete(hash);
      if (auth) await audit.event(auth, 'logout', { username: auth.username });
    },

    /**
     * The user behind a session token. Kept in memory for 30 s: a request does not wait for the database (on the
     * embedded database a long import holds every other query, and the import page polls its progress meanwhile).
     * Revoking, disabling and password changes drop the cached entries at once.
     */
    async authenticate(token: string): Promise<SessionAuth | undefined> {
      if (!/^[0-9a-f]{64}$/.test(token)) return undefined;
      const hash = hashToken(token);
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now() && hit.expiresAt > now()) return hit.auth;
      const row = await repo.findAuthBySession(hash, now());
      if (!row) {
        cache.delete(hash);
        return undefined;
      }
      const { expiresAt, sessionId, mustChangePassword, customPermissions, customRoleName, orgName, ...user } = row;
      const auth: SessionAuth = { ...authFor(user, customPermissions), orgName, roleName: roleName(user.role, customRoleName) };
      sessionOf.set(auth, { sessionId, mustChangePassword });
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, { auth, userId: auth.userId, sessionId, expiresAt: new Date(expiresAt), until: Date.now() + SESSION_CACHE_MS });
      return auth;
    },

    meOf,

    /** Whether this signed-in caller must change their password before anything else. */
    mustChangePassword(auth: SessionAuth): boolean {
      return sessionOf.get(auth)?.mustChangePassword ?? false;
    },

    /** Change one's own password: needs the current one; every other session of the user ends. */
    async changePassword(auth: SessionAuth, currentPassword: string, newPassword: string): Promise<void> {
      const user = await repo.findUser(auth.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (isLocked(user, now())) throw new AppError('RATE_LIMITED', LOCKED_MESSAGE, { lockedUntil: user.lockedUntil!.toISOString() });
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        const state = afterFailure(await repo.countFailure(user.id), now());
        if (state.lockedUntil) await repo.setLoginState(user.id, state);
        throw new AppError('VALIDATION', '当前密码：当前密码不正确', { fields: [{ field: 'currentPassword', label: '当前密码', message: '当前密码不正确' }] });
      }
      const policy = policyError(newPassword, user.username, 'newPassword', '新密码');
      if (policy) throw policy;
      if (newPassword === currentPassword)
        throw new AppError('VALIDATION', '新密码：密码不能与当前密码相同', { fields: [{ field: 'newPassword', label: '新密码', message: '密码不能与当前密码相同' }] });
      await repo.setPassword(user.id, await hashPassword(newPassword), false, now());
      const current = sessionOf.get(auth)?.sessionId;
      await endSessions(user.id, current);
      // The current session stays, without the flag: resolve it again on its next request.
      dropCached((e) => e.userId === user.id);
      await audit.event(auth, 'password_change', { username: user.username, endedSessions: true });
    },

    /**
     * An administrator sets a new password for a user in their scope, of a role not above theirs (generated when none
     * is given, and then returned once). The user must change it at their next sign-in; their sessions end at once.
     */
    async resetPassword(auth: Auth, userId: number, password?: string): Promise<ResetPasswordAnswer> {
      const user = await manageable(auth, userId);
      notSelf(auth, userId, '请通过“修改密码”修改您自己的密码');
      const generated = password ? undefined : generatePassword();
      if (password) {
        const policy = policyError(password, user.username, 'password', '密码');
        if (policy) throw policy;
      }
      await repo.setPassword(user.id, await hashPassword(password ?? generated!), true, now());
      const ended = await endSessions(user.id);
      await audit.event(auth, 'password_reset', { userId: user.id, username: user.username, endedSessions: ended });
      return generated ? { password: generated } : {};
    },

    /** Disable or enable a user; a disabled user cannot sign in and their sessions end at once. */
    async setDisabled(auth: Auth, userId: number, disabled: boolean): Promise<{ id: number; disabled: boolean }> {
      const user = await manageable(auth, userId);
      notSelf(auth, userId, '不能停用或启用您自己的账号');
      await repo.setDisabled(user.id, disabled ? now() : null);
      if (disabled) await endSessions(user.id);
      await audit.event(auth, disabled ? 'user_disable' : 'user_enable', { userId: user.id, username: user.username });
      await audit.record(auth, 'user', user.id, 'update', userSnapshot({ ...user, disabled: !!user.disabledAt }), userSnapshot({ ...user, disabled }));
      return { id: user.id, disabled };
    },

    /** One's own live sessions, the current one marked. */
    async listOwnSessions(auth: SessionAuth): Promise<OwnSession[]> {
      const current = sessionOf.get(auth)?.sessionId;
      return (await repo.listSessions(auth.userId, now())).map((s) => ({ ...sessionView(s), current: s.id === current }));
    },

    async revokeOwnSession(auth: SessionAuth, sessionId: number): Promise<void> {
      if (!(await repo.deleteSessionById(auth.userId, sessionId))) throw new AppError('NOT_FOUND', '会话不存在或已结束');
      dropCached((e) => e.sessionId === sessionId);
      await audit.event(auth, 'session_revoke', { userId: auth.userId, username: auth.username, sessionId });
    },

    async listUserSessions(auth: Auth, userId: number): Promise<SessionInfo[]> {
      const user = await manageable(auth, userId);
      return (await repo.listSessions(user.id, now())).map(sessionView);
    },

    /** An administrator ends one session of a user (or all of them when no session is named). */
    async revokeUserSessions(auth: Auth, userId: number, sessionId?: number): Promise<{ ended: number }> {
      const user = await manageable(auth, userId);
      let ended: number;
      if (sessionId === undefined) ended = await endSessions(user.id);
      else {
        if (!(await repo.deleteSessionById(user.id, sessionId))) throw new AppError('NOT_FOUND', '会话不存在或已结束');
        dropCached((e) => e.sessionId === sessionId);
        ended = 1;
      }
      await audit.event(auth, 'session_revoke', { userId: user.id, username: user.username, sessionId: sessionId ?? null, ended });
      return { ended };
    },

    roleOf,

    /**
     * Who a notification goes to (issue 11): the enabled accounts holding `permission` (a shipped role's, or a defined
     * role's) whose office covers `region` (or one of several), of region level `level` when given. For the system
     * itself, not a request.
     */
    async usersHolding(permission: Permission, where: { region: string | string[]; level?: number }): Promise<number[]> {
      const shipped = Object.entries(ROLE_DEFINITIONS).filter(([, d]) => (d.permissions as readonly Permission[]).includes(permission)).map(([code]) => code);
      return deps.repo.usersHolding({ roles: shipped, permission, regions: typeof where.region === 'string' ? [where.region] : where.region, level: where.level });
    },
    usersOfHelper: (helperId: number) => deps.repo.usersOfHelper(helperId),

    /** Drops the cached sessions of the users of a role whose permissions changed. */
    dropCachedRole(code: string) {
      for (const [key, entry] of cache) if (entry.auth.role === code) cache.delete(key);
    },

    async listUsers(auth: Auth): Promise<User[]> {
      requirePermission(auth, 'users.manage');
      const at = now();
      return (await repo.listUsers(auth.orgPath)).map(({ disabledAt, lockedUntil, customRoleName, ...u }) => ({
        ...u,
        roleName: roleName(u.role, customRoleName),
        disabled: disabledAt !== null,
        locked: isLocked({ lockedUntil: lockedUntil === null ? null : new Date(lockedUntil) }, at),
      }));
    },

    async createUser(auth: Auth, input: UserInput): Promise<UserAccount> {
      requirePermission(auth, 'users.manage');
      const role = await roleOf(input.role, auth);
      if (!role) throw new AppError('VALIDATION', '角色：没有这个角色', { fields: [{ field: 'role', label: '角色', message: '没有这个角色' }] });
      requireGrantableRole(auth, role);
      const org = await orgs.get(auth, input.orgId);
      requireInScope(auth, org.path);
      const fields: FieldError[] = [];
      if (!USERNAME_PATTERN.test(input.username)) fields.push({ field: 'username', label: '用户名', message: USERNAME_RULE });
      for (const message of passwordProblems(input.password, { username: input.username })) fields.push({ field: 'password', label: '密码', message });
      const nameProblem = displayNameProblem(input.displayName, { role: input.role });
      if (nameProblem) fields.push({ field: 'displayName', label: '姓名', message: nameProblem.replace(/^姓名：/, '') });
      const given: Links = { memberId: input.memberId ?? null, helperId: input.helperId ?? null, department: input.department ?? null };
      fields.push(...missingLinks(input.role, given));
      if (fields.length) throw new AppError('VALIDATION', fields[0]!.field === 'password' ? fields[0]!.message : `${fields[0]!.label}：${fields[0]!.message}`, { fields });
      const links = await checkedLinks(auth, input.role, org.id, given);
      if (await repo.findUserByName(input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已存在`);
      const row = {
        username: input.username,
        displayName: input.displayName.trim(),
        role: input.role,
        orgId: org.id,
        ...links,
      };
      const id = await repo.insertUser({ ...row, passwordHash: await hashPassword(input.password) });
      await audit.record(auth, 'user', id, 'create', null, userSnapshot(row));
      return { id, ...row, roleName: role.name, orgName: org.name };
    },

    /** What the users' import template offers the caller: the offices of their scope and the roles they may grant. */
    async userImportChoices(auth: Auth): Promise<{ offices: Array<{ id: number; name: string }>; roleNames: string[] }> {
      requirePermission(auth, 'users.manage');
      const grantable = (r: { permissions: readonly Permission[] }) => r.permissions.every((p) => auth.permissions.has(p));
      const shipped = Object.values(ROLE_DEFINITIONS).filter((d) => grantable(d)).map((d) => d.label);
      const defined = (await deps.roles.list()).filter((r) => definedRoleVisible(auth, r) && grantable({ permissions: r.permissions.filter(isPermission) })).map((r) => r.name);
      return { offices: (await orgs.list(auth)).map((o) => ({ id: o.id, name: o.name })), roleNames: [...shipped, ...defined] };
    },

    /**
     * The users' bulk import (issue 11: “bulk import of users … (template, all or nothing, errors by row and column); a
     * 帮扶责任人's account is linked to their helper record”). Every row is checked as `createUser` checks one — the
     * username rule and uniqueness (in the file too), the display-name rule, an office of the caller's scope, a role the
     * caller may grant (`requireGrantableRole`), the links the role needs (`missingLinks`, `checkedLinks`) — and every
     * error is placed on its row and column. Only when no row has one are the accounts written, in one transaction,
     * each with a generated first password returned once and to be changed at the first sign-in.
     */
    async importUsers(auth: Auth, rows: Array<SheetRow<UserImportKey>>): Promise<UserImportResult> {
      requirePermission(auth, 'users.manage');
      const offices = await orgs.list(auth);
      const definedRoles = (await deps.roles.list()).filter((r) => definedRoleVisible(auth, r));
      const roleOfCell = async (cell: string): Promise<RoleGrant | null> => {
        const shipped = Object.entries(ROLE_DEFINITIONS).find(([code, d]) => d.label === cell || code === cell);
        if (shipped) return roleOf(shipped[0]);
        const defined = definedRoles.find((r) => r.name === cell || r.code === cell);
        return defined ? roleOf(defined.code, auth) : null;
      };
      const errors: FieldError[] = [];
      const place = (row: number, e: FieldError) => errors.push(placeError(USER_SHEET, row, e, USER_COLUMN_OF));
      const cell = (row: number, key: UserImportKey, message: string) => errors.push(cellError(USER_SHEET, row, key, message));
      const ready: Array<{ row: number; values: { username: string; displayName: string; role: string; orgId: number } & Links; roleName: string; orgName: string }> = [];
      const usernames = new Map<string, number>();
      for (const r of rows) {
        const c = r.cells;
        const before = errors.length;
        // 用户名: the rule, once in the file, not taken.
        if (!c.username) cell(r.row, 'username', '请填写用户名');
        else if (!USERNAME_PATTERN.test(c.username)) cell(r.row, 'username', USERNAME_RULE);
        else if (usernames.has(c.username.toLowerCase())) cell(r.row, 'username', `与第 ${usernames.get(c.username.toLowerCase())} 行的用户名相同`);
        else if (await repo.findUserByName(c.username)) cell(r.row, 'username', `用户名“${c.username}”已存在`);
        if (c.username) usernames.set(c.username.toLowerCase(), usernames.get(c.username.toLowerCase()) ?? r.row);
        // 单位 and 角色.
        const office = officeOfCell(offices, c.org);
        if ('problem' in office) cell(r.row, 'org', office.problem);
        const role = c.role ? await roleOfCell(c.role) : null;
        if (!c.role) cell(r.row, 'role', '请填写角色');
        else if (!role) cell(r.row, 'role', `没有“${c.role}”这个角色`);
        else {
          try {
            requireGrantableRole(auth, role);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            cell(r.row, 'role', e.message.replace(/^角色：/, ''));
          }
        }
        const nameProblem = displayNameProblem(c.displayName, { role: role?.code ?? '' });
        if (nameProblem) cell(r.row, 'displayName', nameProblem.replace(/^姓名：/, ''));
        // The links the role needs: a department, a helper record, a member.
        const own = role && isShippedRole(role.code) ? ROLE_DEFINITIONS[role.code].own : undefined;
        const links: Links = { memberId: null, helperId: null, department: null };
        if (c.department) {
          if ((DEPARTMENTS as readonly string[]).includes(c.department)) links.department = c.department;
          else cell(r.row, 'department', `应为以下部门之一：${DEPARTMENTS.join('、')}`);
        }
        if (c.helper && own === 'households') {
          const found = await helperOfCell(auth, c.helper, c.helperPhone);
          if ('problem' in found) cell(r.row, found.key, found.problem);
          else links.helperId = found.id;
        } else if ((c.helper || c.helperPhone) && role) cell(r.row, 'helper', '只有帮扶责任人账号才对应帮扶责任人，请清空');
        if (c.member && !('problem' in office)) {
          const found = await memberOfCell(auth, office.office.id, c.member);
          if ('problem' in found) cell(r.row, 'member', found.problem);
          else links.memberId = found.id;
        }
        if (role && !(c.helper && own === 'households' && links.helperId === null) && !(c.member && links.memberId === null) && !(c.department && links.department === null))
          for (const e of missingLinks(role.code, links)) place(r.row, e);
        if (errors.length > before || !role || 'problem' in office) continue;
        let checked: Links;
        try {
          checked = await checkedLinks(auth, role.code, office.office.id, links);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          for (const f of e.details.fields ?? [{ field: 'helperId', label: '帮扶责任人', message: e.message }]) place(r.row, f);
          continue;
        }
        ready.push({
          row: r.row,
          values: { username: c.username, displayName: c.displayName.trim(), role: role.code, orgId: office.office.id, ...checked },
          roleName: role.name,
          orgName: office.office.name,
        });
      }
      if (errors.length) throw importRefused(USER_SHEET, errors);
      // Hashing is the slow part: done before the transaction, a few at a time (scrypt runs on libuv's threads).
      const passwords = ready.map(() => generatePassword());
      const hashes: string[] = [];
      for (let i = 0; i < passwords.length; i += 4) hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map((p) => hashPassword(p)))));
      const users = await transaction(async (tx) => {
        const out: UserImportResult['users'] = [];
        for (const [i, u] of ready.entries()) {
          let id: number;
          try {
            id = await tx.insertUser({ ...u.values, passwordHash: hashes[i]!, mustChangePassword: true });
          } catch (e) {
            // Taken meanwhile by another administrator: the whole file is refused, with the row.
            if (uniqueViolationError(e)) throw importRefused(USER_SHEET, [cellError(USER_SHEET, u.row, 'username', `用户名“${u.values.username}”已存在`)]);
            throw e;
          }
          await audit.record(auth, 'user', id, 'create', null, userSnapshot(u.values));
          out.push({ row: u.row, id, username: u.values.username, displayName: u.values.displayName, roleName: u.roleName, orgName: u.orgName, password: passwords[i]! });
        }
        return out;
      });
      return { created: users.length, users };
    },

    /**
     * An administrator changes a user in their scope: the name (the display-name rule applies), the role (only one whose
     * permissions are all the caller's own), the office (in the caller's scope) and the links the role needs. Parts not
     * given stay. The user's sessions follow at once.
     */
    async updateUser(auth: Auth, userId: number, input: UserPatch): Promise<UserAccount> {
      const user = await manageable(auth, userId);
      const roleCode = input.role ?? user.role;
      const orgId = input.orgId ?? user.orgId;
      if ((roleCode !== user.role || orgId !== user.orgId) && auth.userId === userId)
        throw new AppError('FORBIDDEN', '不能修改您自己的角色或所属单位');
      let role = await roleOf(user.role);
      if (roleCode !== user.role) {
        role = await roleOf(roleCode, auth);
        if (!role) throw new AppError('VALIDATION', '角色：没有这个角色', { fields: [{ field: 'role', label: '角色', message: '没有这个角色' }] });
        requireGrantableRole(auth, role);
      }
      let orgName = user.orgName;
      if (orgId !== user.orgId) {
        const org = await orgs.get(auth, orgId);
        requireInScope(auth, org.path);
        orgName = org.name;
      }
      const displayName = input.displayName === undefined ? user.displayName : input.displayName.trim();
      const fields: FieldError[] = [];
      if (input.displayName !== undefined) {
        const problem = displayNameProblem(input.displayName, { role: roleCode });
        if (problem) fields.push({ field: 'displayName', label: '姓名', message: problem.replace(/^姓名：/, '') });
      }
      const given: Links = {
        memberId: input.memberId === undefined ? user.memberId : input.memberId,
        helperId: input.helperId === undefined ? user.helperId : input.helperId,
        department: input.department === undefined ? user.department : input.department,
      };
      fields.push(...missingLinks(roleCode, given));
      if (fields.length) throw new AppError('VALIDATION', `${fields[0]!.label}：${fields[0]!.message}`, { fields });
      const relinked = roleCode !== user.role || orgId !== user.orgId || input.memberId !== undefined || input.helperId !== undefined || input.department !== undefined;
      const links = relinked ? await checkedLinks(auth, roleCode, orgId, given) : { memberId: user.memberId, helperId: user.helperId, department: user.department };
      const after = { displayName, role: roleCode, orgId, ...links };
      await repo.updateUser(user.id, after);
      dropCached((e) => e.userId === user.id);
      await audit.record(auth, 'user', user.id, 'update', userSnapshot(user), userSnapshot({ ...user, ...after }));
      return { id: user.id, username: user.username, ...after, roleName: role?.name ?? roleCode, orgName };
    },

    /**
     * First start: creates the administrator `admin` bound to the root body, with the password from
     * TAIZHANG_ADMIN_PASSWORD or a generated one (returned so that the caller shows it once; the administrator must
     * change a generated one at the first sign-in).
     */
    async ensureAdmin(rootOrgId: number, password: string | undefined): Promise<{ created: boolean; password?: string }> {
      if ((await repo.countUsers()) > 0) return { created: false };
      const given = !!password && password.length > 0;
      const pw = given ? password : generatePassword();
      await repo.insertUser({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(pw),
        role: 'sysadmin',
        orgId: rootOrgId,
        memberId: null,
        mustChangePassword: !given,
      });
      return { created: true, password: pw };
    },

    /**
     * The command line's reset (`taizhang user reset-password <name>`): whoever runs it owns the database. A
     * generated password must be changed at the next sign-in; a given one (TAIZHANG_NEW_PASSWORD) must pass the policy.
     */
    async resetPasswordByName(username: string, password: string | undefined): Promise<{ password: string; generated: boolean }> {
      const user = await repo.findUserByName(username);
      if (!user) throw new AppError('NOT_FOUND', `用户不存在：${username}`);
      if (password) {
        const policy = policyError(password, user.username, 'password', '密码');
        if (policy) throw policy;
      }
      const pw = password || generatePassword();
      await repo.setPassword(user.id, await hashPassword(pw), !password, now());
      await endSessions(user.id);
      await audit.event(null, 'password_reset', { username: user.username, userId: user.id, via: '命令行' });
      return { password: pw, generated: !password };
    },

    /** For tests and demo data: a user without the scope checks of `createUser`. */
    async insertUserUnchecked(input: UserInput): Promise<number> {
      return repo.insertUser({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        orgId: input.orgId,
        memberId: input.memberId ?? null,
        helperId: input.helperId ?? null,
        department: input.department ?? null,
      });
    },
  };
  return service;
}

function sessionView(s: { id: number; createdAt: Date | string; expiresAt: Date | string; ip: string; userAgent: string }): SessionInfo {
  return { id: s.id, createdAt: new Date(s.createdAt).toISOString(), expiresAt: new Date(s.expiresAt).toISOString(), ip: s.ip, userAgent: s.userAgent };
}

export type AuthService = ReturnType<typeof makeAuthService>;
