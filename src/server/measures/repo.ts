/**
 * SQL of 帮扶措施 and 脱贫规划 (issue 15). Region filters are code ranges (`underPrefix`) on the measure's and the
 * plan's own village code; the households' numbers come from the registry's table (names only, as funds does).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { insertOne } from '../db/rows';
import { updateAtVersion } from '../db/versioned';
import { householdMeasures, householdPlans, households, regionPlans } from '../db/schema';

export type MeasureRow = typeof householdMeasures.$inferSelect;
export type HouseholdPlanRow = typeof householdPlans.$inferSelect;
export type RegionPlanRow = typeof regionPlans.$inferSelect;
type MeasureValues = Omit<typeof householdMeasures.$inferInsert, 'id' | 'version' | 'createdAt'>;

export function makeMeasuresRepo(db: Db) {
  return {
    insertMeasure: (m: MeasureValues) => insertOne(db, householdMeasures, m),
    async measure(id: number): Promise<MeasureRow | undefined> {
      const [row] = await db.select().from(householdMeasures).where(eq(householdMeasures.id, id));
      return row;
    },
    measuresOf: (householdId: number) => db.select().from(householdMeasures).where(eq(householdMeasures.householdId, householdId)).orderBy(asc(householdMeasures.on), asc(householdMeasures.id)),
    /** The kinds of a household's measures, each once. */
    async kindsOf(householdId: number): Promise<string[]> {
      const rows = await db.selectDistinct({ kind: householdMeasures.kind }).from(householdMeasures).where(eq(householdMeasures.householdId, householdId));
      return rows.map((r) => r.kind);
    },
    updateMeasure: (id: number, version: number, values: Partial<MeasureValues>) => updateAtVersion(db, householdMeasures, id, version, values),
    async deleteMeasure(id: number, version: number): Promise<boolean> {
      const rows = await db.delete(householdMeasures).where(and(eq(householdMeasures.id, id), eq(householdMeasures.version, version))).returning({ id: householdMeasures.id });
      return rows.length === 1;
    },
    /** Measures of a kind in a region (code prefix), optionally of one year, with the household's number. */
    async measuresOfKind(prefix: string, kind: string, year?: number) {
      return db
        .select({ measure: householdMeasures, number: households.number })
        .from(householdMeasures)
        .innerJoin(households, eq(households.id, householdMeasures.householdId))
        .where(and(underPrefix(householdMeasures.villageCode, prefix), eq(householdMeasures.kind, kind), year ? sql`extract(year from ${householdMeasures.on}) = ${year}` : undefined))
        .orderBy(asc(householdMeasures.villageCode), asc(households.number), asc(householdMeasures.on));
    },

    async plan(householdId: number): Promise<HouseholdPlanRow | undefined> {
      const [row] = await db.select().from(householdPlans).where(eq(householdPlans.householdId, householdId));
      return row;
    },
    insertPlan: (p: Omit<HouseholdPlanRow, 'version'>) => insertOne(db, householdPlans, p),
    async updatePlan(householdId: number, version: number, values: { targetYear: number | null; plan: string }): Promise<boolean> {
      const rows = await db
        .update(householdPlans)
        .set({ ...values, version: sql`${householdPlans.version} + 1` })
        .where(and(eq(householdPlans.householdId, householdId), eq(householdPlans.version, version)))
        .returning({ id: householdPlans.householdId });
      return rows.length === 1;
    },
    /** Households of a region whose 脱贫时限 is `year`, with their numbers. */
    async householdsDue(prefix: string, year: number) {
      return db
        .select({ householdId: householdPlans.householdId, villageCode: householdPlans.villageCode, number: households.number, targetYear: householdPlans.targetYear, plan: householdPlans.plan })
        .from(householdPlans)
        .innerJoin(households, eq(households.id, householdPlans.householdId))
        .where(and(eq(householdPlans.targetYear, year), underPrefix(householdPlans.villageCode, prefix)))
        .orderBy(asc(householdPlans.villageCode), asc(households.number));
    },

    regionPlans: (code: string, from: number, to: number) =>
      db.select().from(regionPlans).where(and(eq(regionPlans.regionCode, code), sql`${regionPlans.year} between ${from} and ${to}`)).orderBy(asc(regionPlans.year)),
    async regionPlan(code: string, year: number): Promise<RegionPlanRow | undefined> {
      const [row] = await db.select().from(regionPlans).where(and(eq(regionPlans.regionCode, code), eq(regionPlans.year, year)));
      return row;
    },
    insertRegionPlan: (p: Omit<RegionPlanRow, 'version'>) => insertOne(db, regionPlans, p),
    async updateRegionPlan(code: string, year: number, version: number, values: Partial<Omit<RegionPlanRow, 'regionCode' | 'year' | 'version'>>): Promise<boolean> {
      const rows = await db
        .update(regionPlans)
        .set({ ...values, version: sql`${regionPlans.version} + 1` })
        .where(and(eq(regionPlans.regionCode, code), eq(regionPlans.year, year), eq(regionPlans.version, version)))
        .returning({ year: regionPlans.year });
      return rows.length === 1;
    },
  };
}
export type MeasuresRepo = ReturnType<typeof makeMeasuresRepo>;
