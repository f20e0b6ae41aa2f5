import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CheckedPerson } from '../../domain/registry/validate-household';
import { queryRows, type Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
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
  return {
    ...makeRollupRepo(db),
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
    async saveVillageProfile(values: Omit<VillageProfileRow, 'version'>, version: number | null): Promise<boolean> {
      if (version === null) {
        const rows = await db.insert(villageProfiles).values({ ...values, version: 1 }).onConflictDoNothing().returning();
        return rows.length === 1;
      }
      const rows = await db
        .update(villageProfiles)
        .set({ ...values, version: sql`${villageProfiles.version} + 1` })
        .where(and(eq(villageProfiles.regionCode, values.regionCode), eq(villageProfiles.version, version)))
        .returning();
      return rows.length === 1;
    },
    villageYears: (code: string) => db.select().from(villageYearFigures).where(eq(villageYearFigures.regionCode, code)).orderBy(asc(villageYearFigures.year)),
    async saveVillageYear(v: typeof villageYearFigures.$inferInsert) {
      await db
        .insert(villageYearFigures)
        .values(v)
        .onConflictDoUpdate({
          target: [villageYearFigures.regionCode, villageYearFigures.year],
          set: { collectiveIncome: v.collectiveIncome, plannedHouseholds: v.plannedHouseholds, plannedPersons: v.plannedPersons },
        });
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

    async villageCounts(prefix: string, year: number) {
      const [row] = await queryRows<{ poor: number; exited: number; population: number }>(
        db,
        sql`select count(*) filter (where poor_village and identified_year <= ${year})::int as poor,
                   count(*) filter (where poor_village and exited and exit_year <= ${year})::int as exited,
                   coalesce(sum(certified_population), 0)::int as population
            from ${villageProfiles} where region_code like ${`${prefix}%`}`,
      );
      return row ?? { poor: 0, exited: 0, population: 0 };
    },
    /** The villages' year figures of a year summed under a prefix (null where no village gave the figure). */
    async villageYearTotals(prefix: string, year: number) {
      const [row] = await queryRows<{ reported: number; collectiveIncome: number | null; plannedHouseholds: number | null; plannedPersons: number | null }>(
        db,
        sql`select count(*)::int as reported, sum(collective_income)::float8 as "collectiveIncome",
                   sum(planned_households)::int as "plannedHouseholds", sum(planned_persons)::int as "plannedPersons"
            from ${villageYearFigures} where region_code like ${`${prefix}%`} and year = ${year}`,
      );
      return row ?? { reported: 0, collectiveIncome: null, plannedHouseholds: null, plannedPersons: null };
    },
    /** The households identified (建档立卡) in a year under a prefix, with their persons as registered now. */
    async identifiedIn(prefix: string, year: number) {
      const [row] = await queryRows<{ households: number; persons: number }>(
        db,
        sql`select count(*)::int as households, coalesce(sum((select count(*) from ${persons} p where p.household_id = h.id)), 0)::int as persons
            from ${households} h where h.village_code like ${`${prefix}%`} and h.identified_year = ${year}`,
      );
      return row ?? { households: 0, persons: 0 };
    },
    async plannedExits(prefix: string) {
      return queryRows<{ year: number; households: number; persons: number }>(
        db,
        sql`select year, coalesce(sum(planned_households), 0)::int as households, coalesce(sum(planned_persons), 0)::int as persons
            from ${villageYearFigures} where region_code like ${`${prefix}%`} group by year order by year`,
      );
    },
  };
}
export type RegistryRepo = ReturnType<typeof makeRegistryRepo>;
