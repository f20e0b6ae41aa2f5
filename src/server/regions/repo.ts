import { asc, eq, inArray, like, sql, and, lte } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { deepPovertyCounties, regions } from '../db/schema';
import type { RegionLevel } from '../../contract/regions';
import type { RegionRow } from './china-division';

export interface RegionItem {
  code: string;
  name: string;
  level: RegionLevel;
  hasChildren: boolean;
}

/** A region as stored; its level is always 1–5 (省 to 村). */
export type Region = Omit<typeof regions.$inferSelect, 'level'> & { level: RegionLevel };

export function makeRegionsRepo(db: Db, database?: Pick<Database, 'query'>) {
  return {
    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
      return row?.n ?? 0;
    },
    async children(parentCode: string | null): Promise<RegionItem[]> {
      return queryRows<RegionItem>(db, sql`
        select r.code, r.name, r.level,
               exists(select 1 from ${regions} c where c.parent_code = r.code) as "hasChildren"
        from ${regions} r
        where ${parentCode === null ? sql`r.parent_code is null` : sql`r.parent_code = ${parentCode}`}
        order by r.code`);
    },
    /**
     * The regions of `level` below `root` (null: the whole country), by code, in one statement walking down the
     * parent index (a province's counties: its cities and their counties, never its villages).
     */
    async descendantsAt(root: string | null, level: RegionLevel): Promise<Array<{ code: string; name: string; level: RegionLevel }>> {
      return queryRows<{ code: string; name: string; level: RegionLevel }>(db, sql`
        with recursive below as (
          select code, name, level from ${regions} where ${root === null ? sql`parent_code is null` : sql`parent_code = ${root}`} and level <= ${level}
          union all
          select r.code, r.name, r.level from ${regions} r join below b on r.parent_code = b.code where b.level < ${level}
        )
        select code, name, level from below where level = ${level} order by code`);
    },
    async find(code: string): Promise<Region | undefined> {
      const [row] = await db.select().from(regions).where(eq(regions.code, code));
      return row as Region | undefined;
    },
    async findMany(codes: string[]): Promise<Region[]> {
      if (codes.length === 0) return [];
      return (await db.select().from(regions).where(inArray(regions.code, codes))) as Region[];
    },
    async search(q: string, maxLevel: number, under: string | null, limit: number): Promise<Region[]> {
      return (await db
        .select()
        .from(regions)
        .where(and(like(regions.name, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`), lte(regions.level, maxLevel), under ? underPrefix(regions.code, under) : undefined))
        .orderBy(asc(regions.level), asc(regions.code))
        .limit(limit)) as Region[];
    },
    /** The villages (level 5) whose code starts with `prefix`, each with its township's name, at most `limit`. */
    async villagesUnder(prefix: string, limit: number): Promise<Array<{ code: string; name: string; township: string }>> {
      return queryRows<{ code: string; name: string; township: string }>(db, sql`
        select v.code, v.name, coalesce(t.name, '') as township
        from ${regions} v left join ${regions} t on t.code = v.parent_code
        where v.level = 5 and ${underPrefix(sql`v.code`, prefix)}
        order by v.code limit ${limit}`);
    },
    /** The villages under `prefix` with one of these names, each with its township's name. */
    async villagesNamed(prefix: string, names: string[]): Promise<Array<{ code: string; name: string; township: string }>> {
      if (names.length === 0) return [];
      return queryRows<{ code: string; name: string; township: string }>(db, sql`
        select v.code, v.name, coalesce(t.name, '') as township
        from ${regions} v left join ${regions} t on t.code = v.parent_code
        where v.level = 5 and ${underPrefix(sql`v.code`, prefix)} and v.name = any(${sql.param(names)}::text[])
        order by v.code`);
    },
    /** Bulk load in batches of 20,000 rows bound as arrays (one statement each, PostgreSQL 15 and PGlite alike). */
    async bulkInsert(rows: Iterable<RegionRow>, onProgress?: (done: number) => void): Promise<number> {
      if (!database) throw new Error('bulkInsert needs the database handle');
      let batch: RegionRow[] = [];
      let done = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await database.query(
          `insert into regions(code, name, level, parent_code)
           select * from unnest($1::text[], $2::text[], $3::int2[], $4::text[]) on conflict (code) do nothing`,
          [batch.map((r) => r.code), batch.map((r) => r.name), batch.map((r) => r.level), batch.map((r) => r.parentCode)],
        );
        done += batch.length;
        batch = [];
        onProgress?.(done);
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= 20000) await flush();
      }
      await flush();
      return done;
    },
    async listDeepPovertyCounties() {
      return db.select().from(deepPovertyCounties).orderBy(asc(deepPovertyCounties.countyCode));
    },
    async deepPovertyCountyCodes(): Promise<string[]> {
      const rows = await db.select({ code: deepPovertyCounties.countyCode }).from(deepPovertyCounties);
      return rows.map((r) => r.code);
    },
    async upsertDeepPovertyCounty(countyCode: string, name: string, note: string) {
      await db
        .insert(deepPovertyCounties)
        .values({ countyCode, name, note })
        .onConflictDoUpdate({ target: deepPovertyCounties.countyCode, set: { name, note, updatedAt: new Date() } });
    },
    async deleteDeepPovertyCounty(countyCode: string): Promise<boolean> {
      const rows = await db.delete(deepPovertyCounties).where(eq(deepPovertyCounties.countyCode, countyCode)).returning();
      return rows.length > 0;
    },
    async countDeepPovertyCounties(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(deepPovertyCounties);
      return row?.n ?? 0;
    },
  };
}
export type RegionsRepo = ReturnType<typeof makeRegionsRepo>;
