import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { insertOne } from '../db/rows';
import { updateAtVersion } from '../db/versioned';
import { assessmentAssessors, assessmentRounds, assessmentSchemes, assessmentScores, assessmentUnits, users } from '../db/schema';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type RoundRow = typeof assessmentRounds.$inferSelect;
export type UnitRow = typeof assessmentUnits.$inferSelect;
export type ScoreRow = typeof assessmentScores.$inferSelect;

export function makeAssessmentRepo(db: Db) {
  return {
    // --- schemes ---------------------------------------------------------------------------------------------------
    listSchemes: () => db.select().from(assessmentSchemes).orderBy(desc(assessmentSchemes.shipped), asc(assessmentSchemes.id)),
    async scheme(id: number): Promise<SchemeRow | undefined> {
      const [row] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id));
      return row;
    },
    async schemeByCode(code: string): Promise<SchemeRow | undefined> {
      const [row] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.code, code));
      return row;
    },
    /** Inserts a scheme unless one with its code exists (the shipped ones at every start). */
    async insertScheme(s: Omit<typeof assessmentSchemes.$inferInsert, 'id'>, ifAbsent = false): Promise<SchemeRow | undefined> {
      const q = db.insert(assessmentSchemes).values(s);
      const [row] = ifAbsent ? await q.onConflictDoNothing({ target: assessmentSchemes.code }).returning() : await q.returning();
      return row;
    },
    async updateScheme(id: number, version: number, values: Partial<typeof assessmentSchemes.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, assessmentSchemes, id, version, values, and(eq(assessmentSchemes.locked, false), eq(assessmentSchemes.shipped, false)));
    },
    async lockScheme(id: number): Promise<void> {
      await db.update(assessmentSchemes).set({ locked: true }).where(eq(assessmentSchemes.id, id));
    },

    // --- rounds ------------------------------------------------------------------------------------------------------
    /** The rounds run by the body of `orgPath` or below it; or, for a 考核员 (`assessorId`), the rounds they are named in. */
    async listRounds(orgPath: string, assessorId: number | null = null) {
      return db
        .select({
          id: assessmentRounds.id,
          schemeId: assessmentRounds.schemeId,
          schemeName: assessmentSchemes.name,
          name: assessmentRounds.name,
          year: assessmentRounds.year,
          state: assessmentRounds.state,
          version: assessmentRounds.version,
          at: assessmentRounds.at,
          units: sql<number>`(select count(*)::int from ${assessmentUnits} u where u.round_id = ${assessmentRounds.id})`,
        })
        .from(assessmentRounds)
        .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentRounds.schemeId))
        .where(
          assessorId === null
            ? like(assessmentRounds.orgPath, `${orgPath}%`)
            : sql`exists (select 1 from ${assessmentAssessors} a where a.round_id = ${assessmentRounds.id} and a.user_id = ${assessorId})`,
        )
        .orderBy(desc(assessmentRounds.id));
    },
    async round(id: number): Promise<RoundRow | undefined> {
      const [row] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.id, id));
      return row;
    },
    async insertRound(r: Omit<typeof assessmentRounds.$inferInsert, 'id'>): Promise<RoundRow> {
      return await insertOne(db, assessmentRounds, r);
    },
    async updateRound(id: number, version: number, values: Partial<typeof assessmentRounds.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, assessmentRounds, id, version, values);
    },
    /** Bumps the round's version if it is still open at `version`: the guard of every score write. */
    async touchOpenRound(id: number, version: number): Promise<boolean> {
      return updateAtVersion(db, assessmentRounds, id, version, {}, eq(assessmentRounds.state, 'open'));
    },

    // --- assessors (考核员) -------------------------------------------------------------------------------------------
    /** A round's assessors with their names (the `users` table read for display only). */
    assessors: (roundId: number) =>
      db
        .select({ userId: assessmentAssessors.userId, displayName: sql<string>`coalesce(${users.displayName}, '')` })
        .from(assessmentAssessors)
        .leftJoin(users, eq(users.id, assessmentAssessors.userId))
        .where(eq(assessmentAssessors.roundId, roundId))
        .orderBy(asc(assessmentAssessors.userId)),
    async isAssessor(roundId: number, userId: number): Promise<boolean> {
      const rows = await db
        .select({ userId: assessmentAssessors.userId })
        .from(assessmentAssessors)
        .where(and(eq(assessmentAssessors.roundId, roundId), eq(assessmentAssessors.userId, userId)));
      return rows.length === 1;
    },
    /** Replaces a round's assessors. */
    async setAssessors(roundId: number, userIds: number[]): Promise<void> {
      await db.delete(assessmentAssessors).where(eq(assessmentAssessors.roundId, roundId));
      if (userIds.length) await db.insert(assessmentAssessors).values(userIds.map((userId) => ({ roundId, userId })));
    },

    // --- units and scores ------------------------------------------------------------------------------------------
    units: (roundId: number) => db.select().from(assessmentUnits).where(eq(assessmentUnits.roundId, roundId)).orderBy(asc(assessmentUnits.unitKey)),
    async insertUnits(rows: Array<typeof assessmentUnits.$inferInsert>): Promise<void> {
      if (rows.length) await db.insert(assessmentUnits).values(rows);
    },
    async updateUnit(roundId: number, unitKey: string, values: { facts: Record<string, boolean>; adjustments: Record<string, number> }): Promise<void> {
      await db
        .update(assessmentUnits)
        .set(values)
        .where(and(eq(assessmentUnits.roundId, roundId), eq(assessmentUnits.unitKey, unitKey)));
    },
    scores: (roundId: number) => db.select().from(assessmentScores).where(eq(assessmentScores.roundId, roundId)),
    async upsertScores(rows: Array<typeof assessmentScores.$inferInsert>): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(assessmentScores)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [assessmentScores.roundId, assessmentScores.unitKey, assessmentScores.methodKey, assessmentScores.indicatorKey],
            set: { entry: sql`excluded.entry`, origin: sql`excluded.origin`, userId: sql`excluded.user_id`, at: sql`excluded.at` },
          });
      }
    },
    async deleteScore(k: { roundId: number; unitKey: string; methodKey: string; indicatorKey: string }): Promise<void> {
      await db
        .delete(assessmentScores)
        .where(
          and(
            eq(assessmentScores.roundId, k.roundId),
            eq(assessmentScores.unitKey, k.unitKey),
            eq(assessmentScores.methodKey, k.methodKey),
            eq(assessmentScores.indicatorKey, k.indicatorKey),
          ),
        );
    },
  };
}
export type AssessmentRepo = ReturnType<typeof makeAssessmentRepo>;
