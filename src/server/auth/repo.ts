import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { orgs, regions, sessions, users } from '../db/schema';
import type { Auth, Role } from './access';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  orgId: number;
  memberId: number | null;
}

export function makeAuthRepo(db: Db) {
  return {
    async findUserByName(username: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.username, username));
      return row as UserRow | undefined;
    },
    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
    async insertUser(user: Omit<UserRow, 'id'>): Promise<number> {
      const [row] = await db.insert(users).values(user).returning({ id: users.id });
      return row!.id;
    },
    async listUsers(orgPath: string) {
      return db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          orgId: users.orgId,
          orgName: orgs.name,
          memberId: users.memberId,
        })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(like(orgs.path, `${orgPath}%`))
        .orderBy(orgs.path, users.id);
    },
    async insertSession(token: string, userId: number, expiresAt: Date): Promise<void> {
      await db.insert(sessions).values({ token, userId, expiresAt });
    },
    async deleteSession(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.token, token));
    },
    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
    async findAuthBySession(
      token: string,
      now: Date,
    ): Promise<(Omit<Auth, 'regionPrefix'> & { orgName: string; regionCode: string; regionLevel: number | null; expiresAt: Date }) | undefined> {
      const [row] = await db
        .select({
          expiresAt: sessions.expiresAt,
          userId: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          orgId: users.orgId,
          orgPath: orgs.path,
          orgName: orgs.name,
          memberId: users.memberId,
          regionCode: orgs.regionCode,
          regionLevel: regions.level,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .leftJoin(regions, eq(regions.code, orgs.regionCode))
        .where(and(eq(sessions.token, token), gt(sessions.expiresAt, now)));
      return row as (Omit<Auth, 'regionPrefix'> & { orgName: string; regionCode: string; regionLevel: number | null; expiresAt: Date }) | undefined;
    },
  };
}
export type AuthRepo = ReturnType<typeof makeAuthRepo>;
