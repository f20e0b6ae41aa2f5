import { asc, eq, like, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
import type { Org } from '../../contract/orgs';
import { ledgerEntries, members, orgs, regions } from '../db/schema';

/** A body as stored: the contract's shape (its kind and level are the domain's lists, checked when written). */
export type OrgRow = Org;

const columns = {
  id: orgs.id,
  parentId: orgs.parentId,
  path: orgs.path,
  name: orgs.name,
  kind: orgs.kind,
  level: orgs.level,
  regionCode: orgs.regionCode,
  regionName: regions.name,
  version: orgs.version,
};

export function makeOrgsRepo(db: Db) {
  return {
    async findById(id: number): Promise<OrgRow | undefined> {
      const [row] = await db.select(columns).from(orgs).leftJoin(regions, eq(regions.code, orgs.regionCode)).where(eq(orgs.id, id));
      return row as OrgRow | undefined;
    },
    async listSubtree(path: string): Promise<OrgRow[]> {
      return (await db
        .select(columns)
        .from(orgs)
        .leftJoin(regions, eq(regions.code, orgs.regionCode))
        .where(like(orgs.path, `${path}%`))
        .orderBy(asc(orgs.path))) as OrgRow[];
    },
    async findRoot(): Promise<OrgRow | undefined> {
      const [row] = await db
        .select(columns)
        .from(orgs)
        .leftJoin(regions, eq(regions.code, orgs.regionCode))
        .where(sql`${orgs.parentId} is null`)
        .orderBy(asc(orgs.id))
        .limit(1);
      return row as OrgRow | undefined;
    },
    /** Inserts a body under its parent and sets its materialised path in the same transaction. */
    async insert(values: { parentId: number | null; parentPath: string; name: string; kind: string; level: string; regionCode: string }): Promise<number> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(orgs)
          .values({ parentId: values.parentId, name: values.name, kind: values.kind, level: values.level, regionCode: values.regionCode })
          .returning({ id: orgs.id });
        const id = row!.id;
        await tx.update(orgs).set({ path: `${values.parentPath}${id}/` }).where(eq(orgs.id, id));
        return id;
      });
    },
    async update(id: number, version: number, values: { name: string; kind: string; regionCode: string }): Promise<boolean> {
      return updateAtVersion(db, orgs, id, version, values);
    },
    async usage(id: number): Promise<{ children: number; members: number; entries: number }> {
      const [row] = await queryRows<{ children: number; members: number; entries: number }>(db, sql`
        select (select count(*)::int from ${orgs} where ${orgs.parentId} = ${id}) as children,
               (select count(*)::int from ${members} where ${members.orgId} = ${id}) as members,
               (select count(*)::int from ${ledgerEntries} where ${ledgerEntries.orgId} = ${id}) as entries`);
      return row!;
    },
    async delete(id: number): Promise<void> {
      await db.delete(orgs).where(eq(orgs.id, id));
    },
  };
}
export type OrgsRepo = ReturnType<typeof makeOrgsRepo>;
