/**
 * SQL of 政策享受 (issue 15). The import looks its ID numbers up in the registry's `persons` and `households` (read
 * only, under the region's code range), and replaces a batch (region, department, policy, year, period) in the
 * transaction that writes it.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { householdBenefits, households, persons } from '../db/schema';

export type BenefitRowRecord = typeof householdBenefits.$inferSelect;
export type BenefitInsert = Omit<typeof householdBenefits.$inferInsert, 'id' | 'createdAt'>;

/** ID numbers looked up per query (well under PostgreSQL's 65,535 parameters). */
const CHUNK = 5000;

export function makeBenefitsRepo(db: Db) {
  return {
    /** Registry persons with these ID numbers in households under `prefix` (清退 households are no longer 建档立卡). */
    async personsUnder(prefix: string, ids: string[]) {
      const out: Array<{ idNumber: string; name: string; householdId: number; villageCode: string; status: string }> = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        out.push(
          ...(await db
            .select({ idNumber: persons.idNumber, name: persons.name, householdId: persons.householdId, villageCode: households.villageCode, status: households.status })
            .from(persons)
            .innerJoin(households, eq(households.id, persons.householdId))
            .where(and(inArray(persons.idNumber, part), underPrefix(households.villageCode, prefix), ne(households.status, '清退')))),
        );
      }
      return out;
    },

    /** Deletes a batch's rows; answers how many there were. */
    async deleteBatch(b: { regionCode: string; department: string; policy: string; year: number; period: string }): Promise<number> {
      const gone = await db
        .delete(householdBenefits)
        .where(and(eq(householdBenefits.regionCode, b.regionCode), eq(householdBenefits.department, b.department), eq(householdBenefits.policy, b.policy), eq(householdBenefits.year, b.year), eq(householdBenefits.period, b.period)))
        .returning({ id: householdBenefits.id });
      return gone.length;
    },

    async insertMany(rows: BenefitInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) await db.insert(householdBenefits).values(rows.slice(i, i + 1000));
    },

    /** A household's benefits, newest year first. */
    ofHousehold: (householdId: number): Promise<BenefitRowRecord[]> =>
      db.select().from(householdBenefits).where(eq(householdBenefits.householdId, householdId)).orderBy(desc(householdBenefits.year), asc(householdBenefits.department), asc(householdBenefits.policy), asc(householdBenefits.period), asc(householdBenefits.id)),

    /** Sums per year, department and policy of a household (the income trace's sources). */
    sumsOf: (householdId: number) =>
      db
        .select({ year: householdBenefits.year, department: householdBenefits.department, policy: householdBenefits.policy, amount: sql<number>`sum(${householdBenefits.amount})::bigint`.mapWith(Number) })
        .from(householdBenefits)
        .where(eq(householdBenefits.householdId, householdId))
        .groupBy(householdBenefits.year, householdBenefits.department, householdBenefits.policy)
        .orderBy(asc(householdBenefits.year), asc(householdBenefits.department), asc(householdBenefits.policy)),
  };
}

export type BenefitsRepo = ReturnType<typeof makeBenefitsRepo>;
