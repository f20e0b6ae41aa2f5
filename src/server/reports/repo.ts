import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { updateAtVersion } from '../db/versioned';
import { reportCorrections, yearReports } from '../db/schema';

export type ReportRow = typeof yearReports.$inferSelect;
export type CorrectionRow = typeof reportCorrections.$inferSelect;

/** Reads and writes of the reports (报送) and their correction requests (更正申请). */
/**
 * A report and a correction request are kept alike: a row by id, a new row at version 1, a write at a version, and a
 * page of those of a year and state under a region prefix (by `list.region`, in `list.order`) with their count.
 */
function recordsOf<T extends typeof yearReports | typeof reportCorrections>(db: Db, table: T, list: { region: PgColumn; order: SQL[] }) {
  type Row = T['$inferSelect'];
  const from = table as typeof yearReports | typeof reportCorrections;
  return {
    async get(id: number): Promise<Row | undefined> {
      const [row] = await db.select().from(from).where(eq(table.id, id));
      return row as Row | undefined;
    },
    async insert(v: Omit<T['$inferInsert'], 'id' | 'version'>): Promise<number> {
      const [row] = await db.insert(from).values({ ...v, version: 1 } as T['$inferInsert']).returning({ id: table.id });
      return row!.id;
    },
    /** Writes `values` if the row is still at `version`; false when another write came first. */
    update: (id: number, version: number, values: PgUpdateSetSource<T>) => updateAtVersion(db, table, id, version, values),
    async page(prefix: string, f: { year?: number; state?: string }, limit: number, offset: number): Promise<{ items: Row[]; total: number }> {
      const where = and(underPrefix(list.region, prefix), f.year ? eq(from.year, f.year) : undefined, f.state ? eq(from.state, f.state) : undefined);
      const items = await db.select().from(from).where(where).orderBy(...list.order).limit(limit).offset(offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(from).where(where);
      return { items: items as Row[], total: count?.n ?? 0 };
    },
  };
}

export function makeReportsRepo(db: Db) {
  const reports = recordsOf(db, yearReports, { region: yearReports.regionCode, order: [desc(yearReports.year), asc(yearReports.regionCode)] });
  const corrections = recordsOf(db, reportCorrections, { region: reportCorrections.villageCode, order: [desc(reportCorrections.proposedAt), desc(reportCorrections.id)] });
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
    report: reports.get,
    insertReport: reports.insert,
    updateReport: reports.update,
    listReports: reports.page,

    // --- correction requests -------------------------------------------------------------------------------------
    correction: corrections.get,
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
    insertCorrection: corrections.insert,
    updateCorrection: corrections.update,
    listCorrections: corrections.page,

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
