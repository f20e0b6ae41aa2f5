import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, like, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
import { apiTokens, orgs, regions, roles, sessions, users } from '../db/schema';
import type { AuthUser } from './access';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  orgId: number;
  memberId: number | null;
  helperId: number | null;
  department: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  passwordChangedAt: Date | null;
}

export type NewUserRow = Pick<UserRow, 'username' | 'displayName' | 'passwordHash' | 'role' | 'orgId' | 'memberId'> &
  Partial<Pick<UserRow, 'helperId' | 'department'>> & { mustChangePassword?: boolean };

export type SessionAuthRow = AuthUser & {
  orgName: string;
  regionCode: string;
  regionLevel: number | null;
  /** A defined role's permissions (null for a shipped role). */
  customPermissions: string[] | null;
  customRoleName: string | null;
  expiresAt: Date;
  sessionId: number;
  mustChangePassword: boolean;
};

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toUserRow(row: typeof users.$inferSelect): UserRow {
  return {
    ...row,
    lockedUntil: asDate(row.lockedUntil),
    disabledAt: asDate(row.disabledAt),
    passwordChangedAt: asDate(row.passwordChangedAt),
  };
}

/** An account as a list and a session show it: who, which role, which office, and the record the role speaks for. */
const ACCOUNT_COLUMNS = {
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgId: users.orgId,
  orgName: orgs.name,
  memberId: users.memberId,
  helperId: users.helperId,
  department: users.department,
};

/**
 * What a session or a token resolves to: the account, its office and region (the scope), and a defined role's
 * permissions and name (null for a shipped role). Read with users joined to orgs, regions and roles.
 */
const AUTH_COLUMNS = {
  userId: users.id,
  ...ACCOUNT_COLUMNS,
  orgPath: orgs.path,
  mustChangePassword: users.mustChangePassword,
  regionCode: orgs.regionCode,
  regionLevel: regions.level,
  customPermissions: roles.permissions,
  customRoleName: roles.name,
};

export function makeAuthRepo(db: Db) {
  return {
    async findUserByName(username: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.username, username));
      return row && toUserRow(row);
    },
    async findUser(id: number): Promise<(UserRow & { orgPath: string; orgName: string }) | undefined> {
      const [row] = await db
        .select({ user: users, orgPath: orgs.path, orgName: orgs.name })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(eq(users.id, id));
      return row && { ...toUserRow(row.user), orgPath: row.orgPath, orgName: row.orgName };
    },
    /**
     * The enabled accounts whose role is one of `roles` or a defined role holding `permission`, of an office covering
     * one of `regions` (the office region's code prefix is that region's), of the region level `level` when given
     * (issue 11's notifications). Never the system administrator's.
     */
    async usersHolding(q: { roles: string[]; permission: string; regions: string[]; level?: number }): Promise<number[]> {
      if (q.regions.length === 0) return [];
      const digits = sql`(array[0, 2, 4, 6, 9, 12])[${regions.level} + 1]`;
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .innerJoin(regions, eq(regions.code, orgs.regionCode))
        .leftJoin(roles, eq(roles.code, users.role))
        .where(
          and(
            sql`${users.disabledAt} is null`,
            ne(users.role, 'sysadmin'),
            sql`(${users.role} = any(${sql.param(q.roles)}::text[]) or ${roles.permissions} @> array[${q.permission}]::text[])`,
            sql`exists (select 1 from unnest(${sql.param(q.regions)}::text[]) as covered(code) where left(covered.code, ${digits}) = left(${orgs.regionCode}, ${digits}))`,
            q.level !== undefined ? eq(regions.level, q.level) : undefined,
          ),
        )
        .orderBy(users.id);
      return rows.map((r) => r.id);
    },
    /** The enabled accounts of a helper record (a 帮扶责任人's). */
    async usersOfHelper(helperId: number): Promise<number[]> {
      const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.helperId, helperId), sql`${users.disabledAt} is null`));
      return rows.map((r) => r.id);
    },
    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
    async insertUser(user: NewUserRow): Promise<number> {
      const [row] = await db.insert(users).values(user).returning({ id: users.id });
      return row!.id;
    },
    async updateDisplayName(id: number, displayName: string): Promise<void> {
      await db.update(users).set({ displayName }).where(eq(users.id, id));
    },
    /** An administrator's change of an account: name, role, office and the links the role needs. */
    async updateUser(id: number, values: Pick<UserRow, 'displayName' | 'role' | 'orgId' | 'memberId' | 'helperId' | 'department'>): Promise<void> {
      await db.update(users).set(values).where(eq(users.id, id));
    },
    async listUsers(orgPath: string) {
      const rows = await db
        .select({
          id: users.id,
          ...ACCOUNT_COLUMNS,
          disabledAt: users.disabledAt,
          lockedUntil: users.lockedUntil,
          mustChangePassword: users.mustChangePassword,
          customRoleName: roles.name,
        })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .leftJoin(roles, eq(roles.code, users.role))
        .where(like(orgs.path, `${orgPath}%`))
        .orderBy(orgs.path, users.id);
      return rows;
    },

    /** One more failed sign-in, counted in the database (two at once both count); the new count. */
    async countFailure(id: number): Promise<number> {
      const [row] = await db
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, id))
        .returning({ n: users.failedLogins });
      return row?.n ?? 0;
    },
    async setLoginState(id: number, state: { failedLogins: number; lockedUntil: Date | null }): Promise<void> {
      await db.update(users).set(state).where(eq(users.id, id));
    },
    async setPassword(id: number, passwordHash: string, mustChangePassword: boolean, at: Date): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash, mustChangePassword, passwordChangedAt: at, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, id));
    },
    async setDisabled(id: number, disabledAt: Date | null): Promise<void> {
      await db.update(users).set({ disabledAt, failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    },

    async insertSession(s: { tokenHash: string; userId: number; expiresAt: Date; createdAt: Date; ip: string; userAgent: string }): Promise<number> {
      const [row] = await db
        .insert(sessions)
        .values({ token: s.tokenHash, userId: s.userId, expiresAt: s.expiresAt, createdAt: s.createdAt, ip: s.ip, userAgent: s.userAgent })
        .returning({ id: sessions.id });
      return row!.id;
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.token, tokenHash));
    },
    /** Deletes one session of the user (by its id); whether there was one. */
    async deleteSessionById(userId: number, sessionId: number): Promise<boolean> {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
    /** Deletes every session of the user but `keepSessionId`; how many. */
    async deleteSessionsOfUser(userId: number, keepSessionId?: number): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(keepSessionId === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
        .returning({ id: sessions.id });
      return rows.length;
    },
    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
    async listSessions(userId: number, now: Date) {
      return db
        .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, ip: sessions.ip, userAgent: sessions.userAgent })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.createdAt), desc(sessions.id));
    },
    async findAuthBySession(tokenHash: string, now: Date): Promise<SessionAuthRow | undefined> {
      const [row] = await db
        .select({
          expiresAt: sessions.expiresAt,
          sessionId: sessions.id,
          ...AUTH_COLUMNS,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .leftJoin(regions, eq(regions.code, orgs.regionCode))
        .leftJoin(roles, eq(roles.code, users.role))
        .where(and(eq(sessions.token, tokenHash), gt(sessions.expiresAt, now), sql`${users.disabledAt} is null`));
      return row as SessionAuthRow | undefined;
    },
  };
}
export type AuthRepo = ReturnType<typeof makeAuthRepo>;

export type TokenAuthRow = Omit<SessionAuthRow, 'expiresAt' | 'sessionId'> & { tokenId: number; tokenName: string };

/** Personal API tokens (issue 11); by the sha256 of the token, never the token. */
export function makeTokensRepo(db: Db) {
  return {
    async insert(t: { userId: number; name: string; tokenHash: string; prefix: string; expiresAt: Date; createdAt: Date }): Promise<number> {
      const [row] = await db.insert(apiTokens).values(t).returning({ id: apiTokens.id });
      return row!.id;
    },
    async listOfUser(userId: number) {
      return db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          prefix: apiTokens.prefix,
          createdAt: apiTokens.createdAt,
          expiresAt: apiTokens.expiresAt,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
    },
    /** Revokes one live token of the user; its name, or undefined when the user has no such token (or it is revoked). */
    async revoke(userId: number, id: number, at: Date): Promise<{ name: string } | undefined> {
      const [row] = await db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ name: apiTokens.name });
      return row;
    },
    /**
     * The owner behind a live token (not revoked, not expired, owner not disabled), its last use set to `now` in the
     * same statement.
     */
    async use(tokenHash: string, now: Date): Promise<TokenAuthRow | undefined> {
      const [hit] = await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
        .returning({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId });
      if (!hit) return undefined;
      const [row] = await db
        .select({
          ...AUTH_COLUMNS,
        })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .leftJoin(regions, eq(regions.code, orgs.regionCode))
        .leftJoin(roles, eq(roles.code, users.role))
        .where(and(eq(users.id, hit.userId), sql`${users.disabledAt} is null`));
      return row && ({ ...row, tokenId: hit.id, tokenName: hit.name } as TokenAuthRow);
    },
  };
}
export type TokensRepo = ReturnType<typeof makeTokensRepo>;

/** Roles an administrator defined (issue 11); the shipped ones are domain data and have no row. */
export function makeRolesRepo(db: Db) {
  /** A defined role with the office path of the user who made it (its scope: '' when that user is gone). */
  const withCreator = () =>
    db
      .select({
        id: roles.id,
        code: roles.code,
        name: roles.name,
        description: roles.description,
        permissions: roles.permissions,
        createdBy: roles.createdBy,
        version: roles.version,
        creatorPath: sql<string>`coalesce(${orgs.path}, '')`,
      })
      .from(roles)
      .leftJoin(users, eq(users.id, roles.createdBy))
      .leftJoin(orgs, eq(orgs.id, users.orgId));
  return {
    async findByCode(code: string) {
      const [row] = await withCreator().where(eq(roles.code, code));
      return row;
    },
    async findById(id: number) {
      const [row] = await withCreator().where(eq(roles.id, id));
      return row;
    },
    async findByName(name: string) {
      const [row] = await db.select().from(roles).where(eq(roles.name, name));
      return row;
    },
    async list() {
      return withCreator().orderBy(roles.id);
    },
    /** How many users of the subtree `orgPath` have each role code (shipped and defined), disabled accounts included. */
    async userCounts(orgPath: string): Promise<Map<string, number>> {
      const rows = await db
        .select({ role: users.role, n: sql<number>`count(*)::int` })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(like(orgs.path, `${orgPath}%`))
        .groupBy(users.role);
      return new Map(rows.map((r) => [r.role, r.n]));
    },
    async countUsersOf(code: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, code));
      return row?.n ?? 0;
    },
    /** A new defined role; its code (`role_<id>`) is made from its id, in one transaction. */
    async insert(role: { name: string; description: string; permissions: string[]; createdBy: number }) {
      return db.transaction(async (tx) => {
        const [made] = await tx.insert(roles).values({ code: `new_${randomBytes(8).toString('hex')}`, ...role }).returning({ id: roles.id });
        const [row] = await tx.update(roles).set({ code: `role_${made!.id}` }).where(eq(roles.id, made!.id)).returning({ id: roles.id, code: roles.code, version: roles.version });
        return row!;
      });
    },
    /** Writes the role if still at `version`; false when another change came first. */
    async update(id: number, version: number, values: { name: string; description: string; permissions: string[] }): Promise<boolean> {
      return updateAtVersion(db, roles, id, version, values);
    },
    /** Deletes the role unless a user has it; whether it was deleted. */
    async delete(id: number, code: string): Promise<boolean> {
      const rows = await db
        .delete(roles)
        .where(and(eq(roles.id, id), sql`not exists (select 1 from ${users} where ${users.role} = ${code})`))
        .returning({ id: roles.id });
      return rows.length > 0;
    },
  };
}
export type RolesRepo = ReturnType<typeof makeRolesRepo>;
