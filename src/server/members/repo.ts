import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
import { members, orgs } from '../db/schema';

export interface MemberRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  sector: string;
  phone: string;
  skills: string;
  status: 'normal' | 'unable';
  unableReason: string | null;
  unableFrom: string | null;
  version: number;
}

const columns = {
  id: members.id,
  orgId: members.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  name: members.name,
  sector: members.sector,
  phone: members.phone,
  skills: members.skills,
  status: members.status,
  unableReason: members.unableReason,
  unableFrom: members.unableFrom,
  version: members.version,
};

export interface MemberFilter {
  orgPath: string;
  q?: string;
  status?: 'normal' | 'unable';
}

export type MemberValues = Pick<MemberRow, 'name' | 'sector' | 'phone' | 'skills' | 'status' | 'unableReason' | 'unableFrom'>;

export function makeMembersRepo(db: Db) {
  const where = (f: MemberFilter) =>
    and(
      like(orgs.path, `${f.orgPath}%`),
      f.status ? eq(members.status, f.status) : undefined,
      f.q ? or(like(members.name, `%${f.q}%`), like(members.sector, `%${f.q}%`), like(members.skills, `%${f.q}%`)) : undefined,
    );
  return {
    async findById(id: number): Promise<MemberRow | undefined> {
      const [row] = await db.select(columns).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(eq(members.id, id));
      return row as MemberRow | undefined;
    },
    async findMany(ids: number[]): Promise<MemberRow[]> {
      if (ids.length === 0) return [];
      return (await db.select(columns).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(inArray(members.id, ids))) as MemberRow[];
    },
    async list(filter: MemberFilter, limit: number, offset: number): Promise<{ items: MemberRow[]; total: number }> {
      const items = (await db
        .select(columns)
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(where(filter))
        .orderBy(asc(orgs.path), asc(members.id))
        .limit(limit)
        .offset(offset)) as MemberRow[];
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(where(filter));
      return { items, total: count?.n ?? 0 };
    },
    async insert(orgId: number, values: MemberValues): Promise<number> {
      const [row] = await db.insert(members).values({ orgId, ...values }).returning({ id: members.id });
      return row!.id;
    },
    async update(id: number, version: number, values: MemberValues): Promise<boolean> {
      return updateAtVersion(db, members, id, version, values);
    },
  };
}
export type MembersRepo = ReturnType<typeof makeMembersRepo>;
