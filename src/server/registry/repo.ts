import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CheckedPerson } from '../../domain/registry/validate-household';
import type { Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
import { identifiedOf } from '../../domain/registry/rollup';
import { plannedExitsOf, villageCountsOf, villageYearTotalsOf } from '../../domain/registry/village-figures';
import { identifiedFigures, maintainVillage, villageFiguresOf } from './rollup';
import { makeRollupRepo } from './rollup-repo';
import { makeHouseholdSearchRepo } from './household-search-repo';
import { appMeta, householdIncomes, households, householdStatusHistory, persons, povertyLines, regions, villageProfiles, villageYearFigures } from '../db/schema';

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type IncomeRow = typeof householdIncomes.$inferSelect;
export type VillageProfileRow = typeof villageProfiles.$inferSelect;

/** app_meta key of the shipped poverty lines already given to this installation. */
const OFFERED_LINES_KEY = 'shipped_poverty_lines';

export function makeRegistryRepo(db: Db) {
  const rollupRepo = makeRollupRepo(db);
  return {
    ...rollupRepo,
    ...makeHouseholdSearchRepo(db),
    // --- poverty lines -------------------------------------------------------------------------------------------
    listLines: () => db.select().from(povertyLines).orderBy(desc(povertyLines.year), asc(povertyLines.scope), asc(povertyLines.regionPrefix)),
    async upsertLine(l: { year: number; scope: string; regionPrefix: string; yuan: number; source: string }) {
      await db
        .insert(povertyLines)
        .values(l)
        .onConflictDoUpdate({ target: [povertyLines.year, povertyLines.scope, povertyLines.regionPrefix], set: { yuan: l.yuan, source: l.source } });
    },
    async deleteLine(id: number) {
      return (await db.delete(povertyLines).where(eq(povertyLines.id, id)).returning()).length > 0;
    },
    /** Adds a line unless one of the same year, scope and region is there (an administrator's value stays). */
    async insertLineIfAbsent(l: { year: number; scope: string; regionPrefix: string; yuan: number; source: string }) {
      await db.insert(povertyLines).values(l).onConflictDoNothing({ target: [povertyLines.year, povertyLines.scope, povertyLines.regionPrefix] });
    },
    /** The keys (`year:scope:region`) of the shipped lines this installation was already given (app_meta). */
    async offeredLineKeys(): Promise<string[]> {
      const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, OFFERED_LINES_KEY));
      return row ? (JSON.parse(row.value) as string[]) : [];
    },
    async setOfferedLineKeys(keys: string[]) {
      const value = JSON.stringify(keys);
      await db.insert(appMeta).values({ key: OFFERED_LINES_KEY, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } });
    },

    // --- villages ------------------------------------------------------------------------------------------------
    /** A region's name and level (for checks inside a transaction, where the regions service is not reachable). */
    async region(code: string): Promise<{ name: string; level: number } | undefined> {
      const [row] = await db.select({ name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, code));
      return row;
    },
    async villageProfile(code: string): Promise<VillageProfileRow | undefined> {
      const [row] = await db.select().from(villageProfiles).where(eq(villageProfiles.regionCode, code));
      return row;
    },
    /** Writes a profile (at `version`, or new when null) and keeps the village rollup in the same transaction. */
    async saveVillageProfile(values: Omit<VillageProfileRow, 'version'>, version: number | null): Promise<boolean> {
      return db.transaction((tx) =>
        maintainVillage(makeRollupRepo(tx as unknown as Db), values.regionCode, null, async () => {
          if (version === null) {
            const rows = await tx.insert(villageProfiles).values({ ...values, version: 1 }).onConflictDoNothing().returning();
            return rows.length === 1;
          }
          const rows = await tx
            .update(villageProfiles)
            .set({ ...values, version: sql`${villageProfiles.version} + 1` })
            .where(and(eq(villageProfiles.regionCode, values.regionCode), eq(villageProfiles.version, version)))
            .returning();
          return rows.length === 1;
        }),
      );
    },
    villageYears: (code: string) => db.select().from(villageYearFigures).where(eq(villageYearFigures.regionCode, code)).orderBy(asc(villageYearFigures.year)),
    /** Writes a village's year row and keeps the village rollup in the same transaction. */
    async saveVillageYear(v: typeof villageYearFigures.$inferInsert) {
      await db.transaction((tx) =>
        maintainVillage(makeRollupRepo(tx as unknown as Db), v.regionCode, v.year, async () => {
          await tx
            .insert(villageYearFigures)
            .values(v)
            .onConflictDoUpdate({
              target: [villageYearFigures.regionCode, villageYearFigures.year],
              set: { collectiveIncome: v.collectiveIncome, plannedHouseholds: v.plannedHouseholds, plannedPersons: v.plannedPersons },
            });
          return true;
        }),
      );
    },

    // --- households and persons ----------------------------------------------------------------------------------
    async household(id: number): Promise<HouseholdRow | undefined> {
      const [row] = await db.select().from(households).where(eq(households.id, id));
      return row;
    },
    async householdByNumber(villageCode: string, number: string): Promise<HouseholdRow | undefined> {
      const [row] = await db.select().from(households).where(and(eq(households.villageCode, villageCode), eq(households.number, number)));
      return row;
    },
    personsOf: (householdId: number) => db.select().from(persons).where(eq(persons.householdId, householdId)).orderBy(asc(persons.id)),
    async personsByIdNumbers(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ idNumber: persons.idNumber, householdId: persons.householdId, name: persons.name, villageCode: households.villageCode, number: households.number })
        .from(persons)
        .innerJoin(households, eq(households.id, persons.householdId))
        .where(inArray(persons.idNumber, ids));
    },
    async insertHousehold(h: Omit<typeof households.$inferInsert, 'id'>): Promise<number> {
      const [row] = await db.insert(households).values(h).returning({ id: households.id });
      return row!.id;
    },
    async updateHousehold(id: number, version: number, values: Partial<typeof households.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, households, id, version, values);
    },
    async insertPersons(householdId: number, list: CheckedPerson[]) {
      if (list.length) await db.insert(persons).values(list.map((p) => ({ ...p, householdId })));
    },
    async deletePersons(householdId: number) {
      await db.delete(persons).where(eq(persons.householdId, householdId));
    },
    incomes: (householdId: number) => db.select().from(householdIncomes).where(eq(householdIncomes.householdId, householdId)).orderBy(asc(householdIncomes.year)),
    async saveIncome(v: IncomeRow) {
      const { householdId: _h, year: _y, ...rest } = v;
      await db.insert(householdIncomes).values(v).onConflictDoUpdate({ target: [householdIncomes.householdId, householdIncomes.year], set: rest });
    },
    statusHistory: (householdId: number) =>
      db.select().from(householdStatusHistory).where(eq(householdStatusHistory.householdId, householdId)).orderBy(asc(householdStatusHistory.effectiveOn), asc(householdStatusHistory.id)),
    async insertStatus(v: Omit<typeof householdStatusHistory.$inferInsert, 'id'>) {
      await db.insert(householdStatusHistory).values(v);
    },

    // --- statistics: maintained down to a town, a village's own through its indexes (issue 13) ------------------
    /** Poor villages identified by a year, of them exited by it, and the certified population under a prefix. */
    async villageCounts(prefix: string, year: number) {
      return villageCountsOf(await villageFiguresOf(rollupRepo, prefix), year);
    },
    /** The villages' year figures of a year summed under a prefix (null where no village gave the figure). */
    async villageYearTotals(prefix: string, year: number) {
      return villageYearTotalsOf(await villageFiguresOf(rollupRepo, prefix), year);
    },
    /** The households identified (建档立卡) in a year under a prefix, with their persons as registered now. */
    async identifiedIn(prefix: string, year: number) {
      return identifiedOf(await identifiedFigures(rollupRepo, prefix, year), year);
    },
    /** 脱贫规划 by year under a prefix. */
    async plannedExits(prefix: string) {
      return plannedExitsOf(await villageFiguresOf(rollupRepo, prefix));
    },
  };
}
export type RegistryRepo = ReturnType<typeof makeRegistryRepo>;
