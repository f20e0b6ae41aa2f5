import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/shared/errors';
import type { Auth, Role } from './access';
import { requireGrantableRole, requireInScope, requireRole } from './access';
import { generatePassword, hashPassword, verifyPassword } from './password';
import type { AuthRepo } from './repo';
import { LEVEL_DIGITS } from '../regions/china-division';
import type { OrgsService } from '../orgs/service';
import type { MembersService } from '../members/service';

export const SESSION_COOKIE = 'tz_session';
const SESSION_CACHE_MS = 30_000;
const SESSION_DAYS = 7;

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  memberId: number | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgId: number;
  memberId?: number | null;
}

export function makeAuthService(deps: { repo: AuthRepo; orgs: OrgsService; members: MembersService; now: () => Date }) {
  const { repo, orgs, members, now } = deps;

  function meOf(auth: Auth & { orgName: string }): Me {
    return {
      id: auth.userId,
      username: auth.username,
      displayName: auth.displayName,
      role: auth.role,
      orgId: auth.orgId,
      orgName: auth.orgName,
      memberId: auth.memberId,
    };
  }

  const cache = new Map<string, { auth: Auth & { orgName: string }; expiresAt: Date; until: number }>();

  return {
    async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; user: Me }> {
      const user = await repo.findUserByName(username.trim());
      // Same message and same work whether the name or the password is wrong.
      const ok = user ? await verifyPassword(password, user.passwordHash) : (await hashPassword(password), false);
      if (!user || !ok) throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
      const token = randomBytes(32).toString('hex');
      const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86400_000);
      await repo.insertSession(token, user.id, expiresAt);
      await repo.deleteExpiredSessions(now());
      const auth = await this.authenticate(token);
      return { token, expiresAt, user: meOf(auth!) };
    },

    async logout(token: string): Promise<void> {
      cache.delete(token);
      await repo.deleteSession(token);
    },

    /**
     * The user behind a session token. Kept in memory for 30 s: a request does not wait for the database (on the
     * embedded database a long import holds every other query, and the import page polls its progress meanwhile).
     */
    async authenticate(token: string): Promise<(Auth & { orgName: string }) | undefined> {
      if (!/^[0-9a-f]{64}$/.test(token)) return undefined;
      const hit = cache.get(token);
      if (hit && hit.until > Date.now() && hit.expiresAt > now()) return hit.auth;
      const row = await repo.findAuthBySession(token, now());
      if (!row) {
        cache.delete(token);
        return undefined;
      }
      const { regionCode, regionLevel, expiresAt, ...rest } = row;
      const auth = { ...rest, regionPrefix: rest.role === 'sysadmin' ? '' : regionCode.slice(0, LEVEL_DIGITS[regionLevel ?? 5] ?? 12) };
      if (cache.size > 10_000) cache.clear();
      cache.set(token, { auth, expiresAt: new Date(expiresAt), until: Date.now() + SESSION_CACHE_MS });
      return auth;
    },

    meOf,

    async listUsers(auth: Auth) {
      requireRole(auth, 'sysadmin', 'org_admin');
      return repo.listUsers(auth.orgPath);
    },

    async createUser(auth: Auth, input: NewUser) {
      requireRole(auth, 'sysadmin', 'org_admin');
      requireGrantableRole(auth, input.role);
      const org = await orgs.get(auth, input.orgId);
      requireInScope(auth, org.path);
      const fields = [];
      if (!/^[A-Za-z0-9_.-]{3,50}$/.test(input.username))
        fields.push({ field: 'username', label: '用户名', message: '3–50 位字母、数字、下划线、点或连字符' });
      if (input.password.length < 8) fields.push({ field: 'password', label: '密码', message: '至少 8 位' });
      if (!input.displayName.trim()) fields.push({ field: 'displayName', label: '姓名', message: '请填写姓名' });
      if (input.role === 'member' && !input.memberId) fields.push({ field: 'memberId', label: '对应委员', message: '委员账号须对应一名委员' });
      if (fields.length) throw new AppError('VALIDATION', `${fields[0]!.label}：${fields[0]!.message}`, { fields });
      if (input.memberId) {
        const member = await members.get(auth, input.memberId);
        if (member.orgId !== org.id) throw new AppError('VALIDATION', '对应委员：该委员不属于所选单位', {
          fields: [{ field: 'memberId', label: '对应委员', message: '该委员不属于所选单位' }],
        });
      }
      if (await repo.findUserByName(input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已存在`);
      const id = await repo.insertUser({
        username: input.username,
        displayName: input.displayName.trim(),
        passwordHash: await hashPassword(input.password),
        role: input.role,
        orgId: org.id,
        memberId: input.memberId ?? null,
      });
      return { id, username: input.username, displayName: input.displayName.trim(), role: input.role, orgId: org.id, orgName: org.name, memberId: input.memberId ?? null };
    },

    /**
     * First start: creates the administrator `admin` bound to the root body, with the password from
     * TAIZHANG_ADMIN_PASSWORD or a generated one (returned so that the caller prints it once).
     */
    async ensureAdmin(rootOrgId: number, password: string | undefined): Promise<{ created: boolean; password?: string }> {
      if ((await repo.countUsers()) > 0) return { created: false };
      const pw = password && password.length > 0 ? password : generatePassword();
      await repo.insertUser({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(pw),
        role: 'sysadmin',
        orgId: rootOrgId,
        memberId: null,
      });
      return { created: true, password: pw };
    },

    /** For tests and demo data: a user without the scope checks of `createUser`. */
    async insertUserUnchecked(input: NewUser): Promise<number> {
      return repo.insertUser({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        orgId: input.orgId,
        memberId: input.memberId ?? null,
      });
    },
  };
}
export type AuthService = ReturnType<typeof makeAuthService>;
