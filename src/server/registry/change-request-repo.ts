import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { updateAtVersion } from '../db/versioned';
import { changeRequestEvents, changeRequests, changeRules, householdIncomes, households, persons, regions } from '../db/schema';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type ChangeRequestEventRow = typeof changeRequestEvents.$inferSelect;
export type ChangeRuleRow = typeof changeRules.$inferSelect;

/** What a list narrows to: the region prefix (the user's scope or a region in it), a state, a household, a proposer. */
export interface ChangeRequestFilter {
  prefix: string;
  state?: string;
  householdId?: number;
  proposedBy?: number;
  /** `household`, or `income:<year>`. */
  target?: string;
  /** Just these households (a 帮扶责任人's own); all under the prefix when null. */
  only?: readonly number[] | null;
}

/** Change requests (issue 11), their events and the approval rules: the registry's tables for them. */
export function makeChangeRequestRepo(db: Db) {
  const where = (f: ChangeRequestFilter) =>
    and(
      underPrefix(changeRequests.villageCode, f.prefix),
      f.state ? eq(changeRequests.state, f.state) : undefined,
      f.householdId !== undefined ? eq(changeRequests.householdId, f.householdId) : undefined,
      f.proposedBy !== undefined ? eq(changeRequests.proposedBy, f.proposedBy) : undefined,
      f.target !== undefined ? eq(changeRequests.target, f.target) : undefined,
      f.only ? (f.only.length ? inArray(changeRequests.householdId, [...f.only]) : sql`false`) : undefined,
    );
  const listed = {
    request: changeRequests,
    householdNumber: households.number,
    householdVersion: households.version,
    villageName: regions.name,
    head: sql<string | null>`(select p.name from ${persons} p where p.household_id = ${changeRequests.householdId} and p.relation = '户主' limit 1)`,
  };
  /** The requests under `w` with their household's number and version, their village's name and the head's name. */
  const selectListed = (w: SQL | undefined) =>
    db.select(listed).from(changeRequests).leftJoin(households, eq(households.id, changeRequests.householdId)).leftJoin(regions, eq(regions.code, changeRequests.villageCode)).where(w);
  return {
    async insert(values: Omit<typeof changeRequests.$inferInsert, 'id' | 'version' | 'createdAt'>): Promise<ChangeRequestRow> {
      const [row] = await db.insert(changeRequests).values(values).returning();
      return row!;
    },
    async get(id: number) {
      const [row] = await selectListed(eq(changeRequests.id, id));
      return row;
    },
    async list(f: ChangeRequestFilter, limit: number, offset: number) {
      const items = await selectListed(where(f))
        .orderBy(desc(changeRequests.proposedAt), desc(changeRequests.id))
        .limit(limit)
        .offset(offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(changeRequests).where(where(f));
      return { items, total: count?.n ?? 0 };
    },
    /** Writes `values` if the request is still at `version` (a decision or a resubmission raced by another). */
    update(id: number, version: number, values: Partial<typeof changeRequests.$inferInsert>): Promise<boolean> {
      return updateAtVersion(db, changeRequests, id, version, values);
    },
    async insertEvent(values: Omit<typeof changeRequestEvents.$inferInsert, 'id'>) {
      await db.insert(changeRequestEvents).values(values);
    },
    eventsOf: (ids: number[]) =>
      ids.length ? db.select().from(changeRequestEvents).where(inArray(changeRequestEvents.requestId, ids)).orderBy(asc(changeRequestEvents.at), asc(changeRequestEvents.id)) : Promise.resolve([]),
    /** A household's income of a year as stored (whether an income request went stale). */
    async income(householdId: number, year: number) {
      const [row] = await db.select().from(householdIncomes).where(and(eq(householdIncomes.householdId, householdId), eq(householdIncomes.year, year)));
      return row;
    },
    events: (requestId: number) => db.select().from(changeRequestEvents).where(eq(changeRequestEvents.requestId, requestId)).orderBy(asc(changeRequestEvents.at), asc(changeRequestEvents.id)),

    /** The rules set for a region or any region above it (their prefixes are prefixes of `code`). */
    rulesAbove: (code: string) => db.select().from(changeRules).where(sql`${code} like ${changeRules.regionPrefix} || '%'`),
    async saveRule(values: typeof changeRules.$inferInsert) {
      await db
        .insert(changeRules)
        .values(values)
        .onConflictDoUpdate({ target: [changeRules.regionPrefix, changeRules.kind], set: { required: values.required, userId: values.userId, userName: values.userName, at: values.at } });
    },
  };
}
export type ChangeRequestRepo = ReturnType<typeof makeChangeRequestRepo>;
