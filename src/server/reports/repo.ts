import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { reportCorrections, yearReports } from '../db/schema';

export type ReportRow = typeof yearReports.$inferSelect;
export type CorrectionRow = typeof reportCorrections.$inferSelect;

/** Reads and writes of the reports (报送) and their correction requests (更正申请). */
export function makeReportsRepo(db: Db) {
  return {
    /**
     * Serialises, per year, what reads a report against what changes one: a write of a year's figure takes the lock
     * shared (writes never wait for each other), 报送, approval and corrections take it exclusive, so a figure cannot
     * change between the lock check and the commit while its report is sent or decided. Held until the transaction ends.
     */
    async lockYear(year: number, mode: 'shared' | 'exclusive'): Promise<void> {
      const key = `year-report:${year}`;
      if (mode === 'shared') await db.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`);
      else await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    },
    /** The reports of a year whose region holds the village (its own, its township's, its county's …). */
    covering: (villageCode: string, year: number) =>
      queryRows<{ id: number; regionCode: string; regionPrefix: string; state: string }>(
        db,
        sql`select id, region_code as "regionCode", region_prefix as "regionPrefix", state from ${yearReports}
            where year = ${year} and ${villageCode} like region_prefix || '%' order by length(region_prefix), id`,
      ),
    async byRegionYear(regionCode: string, year: number): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(yearReports).where(and(eq(yearReports.regionCode, regionCode), eq(yearReports.year, year)));
      return row;
    },
    async report(id: number): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(yearReports).where(eq(yearReports.id, id));
      return row;
    },
    async insertReport(v: Omit<typeof yearReports.$inferInsert, 'id' | 'version'>): Promise<number> {
      const [row] = await db.insert(yearReports).values({ ...v, version: 1 }).returning({ id: yearReports.id });
      return row!.id;
    },
    /** Writes `values` if the report is still at `version`; false when another write came first. */
    async updateReport(id: number, version: number, values: Partial<typeof yearReports.$inferInsert>): Promise<boolean> {
      const rows = await db
        .update(yearReports)
        .set({ ...values, version: sql`${yearReports.version} + 1` })
        .where(and(eq(yearReports.id, id), eq(yearReports.version, version)))
        .returning({ id: yearReports.id });
      return rows.length === 1;
    },
    async listReports(prefix: string, f: { year?: number; state?: string }, limit: number, offset: number) {
      const where = and(underPrefix(yearReports.regionCode, prefix), f.year ? eq(yearReports.year, f.year) : undefined, f.state ? eq(yearReports.state, f.state) : undefined);
      const items = await db.select().from(yearReports).where(where).orderBy(desc(yearReports.year), asc(yearReports.regionCode)).limit(limit).offset(offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(yearReports).where(where);
      return { items, total: count?.n ?? 0 };
    },

    // --- correction requests -------------------------------------------------------------------------------------
    async correction(id: number): Promise<CorrectionRow | undefined> {
      const [row] = await db.select().from(reportCorrections).where(eq(reportCorrections.id, id));
      return row;
    },
    /** A correction request still waiting for the same figure. */
    async pendingFor(kind: string, villageCode: string, householdId: number | null, year: number): Promise<CorrectionRow | undefined> {
      const [row] = await db
        .select()
        .from(reportCorrections)
        .where(
          and(
            eq(reportCorrections.kind, kind),
            eq(reportCorrections.villageCode, villageCode),
            householdId === null ? sql`${reportCorrections.householdId} is null` : eq(reportCorrections.householdId, householdId),
            eq(reportCorrections.year, year),
            eq(reportCorrections.state, 'pending'),
          ),
        );
      return row;
    },
    async insertCorrection(v: Omit<typeof reportCorrections.$inferInsert, 'id' | 'version'>): Promise<number> {
      const [row] = await db.insert(reportCorrections).values({ ...v, version: 1 }).returning({ id: reportCorrections.id });
      return row!.id;
    },
    async updateCorrection(id: number, version: number, values: Partial<typeof reportCorrections.$inferInsert>): Promise<boolean> {
      const rows = await db
        .update(reportCorrections)
        .set({ ...values, version: sql`${reportCorrections.version} + 1` })
        .where(and(eq(reportCorrections.id, id), eq(reportCorrections.version, version)))
        .returning({ id: reportCorrections.id });
      return rows.length === 1;
    },
    async listCorrections(prefix: string, f: { year?: number; state?: string }, limit: number, offset: number) {
      const where = and(underPrefix(reportCorrections.villageCode, prefix), f.year ? eq(reportCorrections.year, f.year) : undefined, f.state ? eq(reportCorrections.state, f.state) : undefined);
      const items = await db.select().from(reportCorrections).where(where).orderBy(desc(reportCorrections.proposedAt), desc(reportCorrections.id)).limit(limit).offset(offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(reportCorrections).where(where);
      return { items, total: count?.n ?? 0 };
    },

    /**
     * What waits for an approver whose scope is `prefix`: reports 报送 from regions strictly below it, and pending
     * correction requests of reports of such regions.
     */
    async waitingBelow(prefix: string): Promise<number> {
      const below: SQL = sql`${underPrefix(sql`region_prefix`, prefix)} and length(region_prefix) > ${prefix.length}`;
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select (select count(*) from ${yearReports} where state = 'submitted' and ${below})::int
                 + (select count(*) from ${reportCorrections} c join ${yearReports} r on r.id = c.report_id
                    where c.state = 'pending' and ${underPrefix(sql`r.region_prefix`, prefix)} and length(r.region_prefix) > ${prefix.length})::int as n`,
      );
      return row?.n ?? 0;
    },
  };
}
export type ReportsRepo = ReturnType<typeof makeReportsRepo>;
