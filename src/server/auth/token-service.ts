import { randomBytes } from 'node:crypto';
import { isShippedRole, ROLE_DEFINITIONS } from '../../domain/auth/roles';
import { AppError } from '../../domain/shared/errors';
import type { TokenCreated, TokenInput, TokenItem } from '../../contract/tokens';
import { TOKEN_DAYS_DEFAULT } from '../../contract/tokens';
import type { AuditService } from '../audit/service';
import { authFor, type Auth } from './access';
import type { TokensRepo } from './repo';
import { hashToken } from './service';

/** A token as a script sends it: `tz_` and 64 hex digits (32 random bytes). */
const TOKEN_PATTERN = /^tz_[0-9a-f]{64}$/;

/**
 * A new token. Hex digits can run 15 or more decimal digits in a row (about once in 300 tokens), and such a run may read
 * as an ID number, which the answer's masking would then star out — the one time the token is shown. Drawn again
 * until no such run is left.
 */
export function newToken(): string {
  for (;;) {
    const token = `tz_${randomBytes(32).toString('hex')}`;
    if (!/\d{15}/.test(token)) return token;
  }
}
const PREFIX_LENGTH = 8;
export const TOKEN_REFUSED = '令牌无效、已过期或已撤销';

/** The token of an `Authorization: Bearer …` header, or null when the request carries none. */
export function bearerOf(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S*)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * Personal API tokens (issue 11: “personal tokens with expiry and the owner's permissions, revocable, every use in the
 * audit log”). A token acts as its owner: the same `Auth` as the owner's session (authFor, the role's permissions and
 * scope), resolved on every request without a cache so that a revocation holds at once.
 */
export function makeTokensService(deps: { repo: TokensRepo; audit: AuditService; now: () => Date }) {
  const { repo, audit, now } = deps;
  /** The `Auth`s resolved from a token (and which token), for the very objects `authenticate` returned. */
  const tokenOf = new WeakMap<object, { id: number; name: string }>();

  function notByToken(auth: Auth) {
    if (tokenOf.has(auth)) throw new AppError('FORBIDDEN', 'API 令牌不能用于管理令牌，请登录后操作');
  }

  return {
    /** Which token this caller signed in with (null for a session). */
    tokenOf: (auth: Auth | null): { id: number; name: string } | null => (auth && tokenOf.get(auth)) ?? null,

    /**
     * The owner behind a bearer token, as their session would have it; 401 for a malformed, unknown, revoked or
     * expired token (or a disabled owner), 403 while the owner must change their password. Every use is audited.
     */
    async authenticate(token: string, request: { method: string; route: string; ip: string }): Promise<Auth & { orgName: string; roleName: string }> {
      const row = TOKEN_PATTERN.test(token) ? await repo.use(hashToken(token), now()) : undefined;
      if (!row) throw new AppError('UNAUTHENTICATED', TOKEN_REFUSED);
      const { tokenId, tokenName, mustChangePassword, customPermissions, customRoleName, orgName, ...user } = row;
      const roleName = isShippedRole(user.role) ? ROLE_DEFINITIONS[user.role].label : (customRoleName ?? user.role);
      const auth = { ...authFor(user, customPermissions), orgName, roleName };
      tokenOf.set(auth, { id: tokenId, name: tokenName });
      await audit.event(auth, 'token_use', { username: auth.username, tokenId, tokenName, method: request.method, route: request.route, ip: request.ip });
      if (mustChangePassword)
        throw new AppError('FORBIDDEN', '请先修改密码：您的密码是管理员重置或系统生成的初始密码，修改后才能继续使用', { mustChangePassword: true });
      return auth;
    },

    async list(auth: Auth): Promise<TokenItem[]> {
      return (await repo.listOfUser(auth.userId)).map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        createdAt: iso(t.createdAt),
        expiresAt: iso(t.expiresAt),
        lastUsedAt: t.lastUsedAt === null ? null : iso(t.lastUsedAt),
        revokedAt: t.revokedAt === null ? null : iso(t.revokedAt),
      }));
    },

    /** A new token of the caller's, living `days` days; the token is answered this once and only its hash is kept. */
    async create(auth: Auth, input: TokenInput): Promise<TokenCreated> {
      notByToken(auth);
      const token = newToken();
      const prefix = token.slice(0, PREFIX_LENGTH);
      const at = now();
      const expiresAt = new Date(at.getTime() + (input.days ?? TOKEN_DAYS_DEFAULT) * 86400_000);
      const id = await repo.insert({ userId: auth.userId, name: input.name, tokenHash: hashToken(token), prefix, expiresAt, createdAt: at });
      await audit.event(auth, 'token_create', { username: auth.username, tokenId: id, tokenName: input.name, expiresAt: expiresAt.toISOString() });
      return { id, name: input.name, prefix, expiresAt: expiresAt.toISOString(), token };
    },

    /** Revokes one of the caller's own live tokens; another user's token is “not found”, nothing told. */
    async revoke(auth: Auth, id: number): Promise<void> {
      notByToken(auth);
      const hit = await repo.revoke(auth.userId, id, now());
      if (!hit) throw new AppError('NOT_FOUND', '令牌不存在或已撤销');
      await audit.event(auth, 'token_revoke', { username: auth.username, tokenId: id, tokenName: hit.name });
    },
  };
}
export type TokensService = ReturnType<typeof makeTokensService>;
