import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { HouseholdRef } from '../../contract/pairing';
import { EXITED_STATUSES, type VisitKind } from '../../domain/pairing/half-year-visit';
import type { HelperKind } from '../../domain/pairing/helper-eligibility';
import { STATUSES_NEEDING_HELPER } from '../../domain/pairing/helper-statuses';
import { LEADER_VILLAGE_KINDS, type LeaderVillageKind } from '../../domain/pairing/leader-village';
import { attachmentMeta, type AttachmentMeta } from '../db/attachments';
import { insertOne } from '../db/rows';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { updateAtVersion } from '../db/versioned';
import { attachments, helperAssignments, helpers, householdVisits, leaderVillages } from '../db/schema';

/*
 * The kinds below are text columns holding one of the domain's values (the services check them before every write), so
 * rows are typed with the domain's lists.
 */
export type HelperRow = Omit<typeof helpers.$inferSelect, 'kind'> & { kind: HelperKind };
export type HelperValues = Omit<typeof helpers.$inferInsert, 'id' | 'version'>;
export type AssignmentRow = typeof helperAssignments.$inferSelect;
export type VisitRow = Omit<typeof householdVisits.$inferSelect, 'kind'> & { kind: VisitKind };
export type LeaderVillageRow = Omit<typeof leaderVillages.$inferSelect, 'kind'> & { kind: LeaderVillageKind };
export type { AttachmentMeta, HouseholdRef };

/** A parenthesised list of values as parameters: `(${a}, ${b})`. */
const list = (values: readonly string[]): SQL => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** Whether an assignment holds its household on a day (the end day is the successor's first: exclusive). */
const heldOn = (day: string) => sql`a.from_on <= ${day}::date and (a.to_on is null or a.to_on > ${day}::date)`;

/** Household `h` keeps a helper (STATUSES_NEEDING_HELPER): only those count toward a helper's limit and need one. */
const keepsHelper = sql`h.status in ${list(STATUSES_NEEDING_HELPER)}`;

/**
 * Household columns for the lists below. These read the registry's `households`, `persons` and `regions` tables in
 * read-only joins (listing households without a helper or without a visit is one query over both features); all
 * writes to households go through the registry service.
 */
const householdRef = sql`h.id as "householdId", h.village_code as "villageCode", coalesce(r.name, '') as "villageName", h.number,
  coalesce((select p.name from persons p where p.household_id = h.id and p.relation = '户主' order by p.id limit 1), '') as head, h.status`;

export interface HelperFilter {
  /** The user's region prefix: helpers working there… */
  prefix: string;
  /** …and helpers of the regions above it (a county cadre helping in a township). */
  ancestors: string[];
  q?: string;
  active?: boolean;
  /** A 帮扶责任人's own record only (issue 11: the helper sees their own record). */
  id?: number;
}

function helperWhere(f: HelperFilter): SQL {
  const text = f.q?.trim();
  return sql`(${underPrefix(sql`hp.region_code`, f.prefix)}${f.ancestors.length ? sql` or hp.region_code in (${sql.join(f.ancestors.map((c) => sql`${c}`), sql`, `)})` : sql``})
    ${text ? sql`and (hp.name like ${`%${text}%`} or hp.unit like ${`%${text}%`})` : sql``}
    ${f.active === undefined ? sql`` : sql`and hp.active = ${f.active}`}
    ${f.id === undefined ? sql`` : sql`and hp.id = ${f.id}`}`;
}

const HELPER_VISIT: VisitKind = '帮扶走访';

/** The larger queries' SQL, built from the domain's constants (rendered into `queries.sql` beside this file). */
export const pairingQueries = {
  /** Helpers with the households each holds today that count toward the limit. */
  listHelpers: (f: HelperFilter, today: string, limit: number, offset: number) =>
    sql`select hp.id, hp.name, hp.unit, hp.kind, hp.level, hp.post, hp.phone, hp.region_code as "regionCode", hp.active, hp.version,
          (select count(*)::int from helper_assignments a join households h on h.id = a.household_id where a.helper_id = hp.id and ${heldOn(today)} and ${keepsHelper}) as households
        from helpers hp where ${helperWhere(f)}
        order by hp.active desc, hp.region_code, hp.name, hp.id limit ${limit} offset ${offset}`,
  heldBy: (helperId: number, day: string) =>
    sql`select a.id, ${householdRef}
        from helper_assignments a join households h on h.id = a.household_id left join regions r on r.code = h.village_code
        where a.helper_id = ${helperId} and ${heldOn(day)} and ${keepsHelper} order by a.from_on, a.id`,
  withoutHelperWhere: (prefix: string, day: string) =>
    sql`${underPrefix(sql`h.village_code`, prefix)} and ${keepsHelper}
        and not exists (select 1 from helper_assignments a where a.household_id = h.id and ${heldOn(day)})`,
  /** `heldBy`: only the households one helper holds on a day (a 帮扶责任人's own list). */
  exitedWithoutVisitWhere: (prefix: string, from: string, to: string, heldBy?: { helperId: number; day: string }) =>
    sql`${underPrefix(sql`h.village_code`, prefix)} and h.status in ${list(EXITED_STATUSES)}
        and not exists (select 1 from household_visits v where v.household_id = h.id and v.kind = ${HELPER_VISIT} and v.visited_on between ${from}::date and ${to}::date)${
          heldBy ? sql` and exists (select 1 from helper_assignments a where a.household_id = h.id and a.helper_id = ${heldBy.helperId} and ${heldOn(heldBy.day)})` : sql``
        }`,
};

export function makePairingRepo(db: Db) {
  return {
    // --- helpers -------------------------------------------------------------------------------------------------
    async listHelpers(f: HelperFilter, today: string, limit: number, offset: number) {
      const items = await queryRows<HelperRow & { households: number }>(db, pairingQueries.listHelpers(f, today, limit, offset));
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from helpers hp where ${helperWhere(f)}`);
      return { items, total: count?.n ?? 0 };
    },
    async helper(id: number): Promise<HelperRow | undefined> {
      const [row] = await db.select().from(helpers).where(eq(helpers.id, id));
      return row as HelperRow | undefined;
    },
    /** Inside a transaction: the helper's row, locked until the transaction ends (one assignment at a time per helper). */
    async lockHelper(id: number): Promise<HelperRow | undefined> {
      const [row] = await db.select().from(helpers).where(eq(helpers.id, id)).for('update');
      return row as HelperRow | undefined;
    },
    async insertHelper(values: HelperValues): Promise<HelperRow> {
      return (await insertOne(db, helpers, values)) as HelperRow;
    },
    async updateHelper(id: number, version: number, values: Partial<HelperValues>): Promise<boolean> {
      return updateAtVersion(db, helpers, id, version, values);
    },

    // --- assignments ---------------------------------------------------------------------------------------------
    async assignment(id: number): Promise<AssignmentRow | undefined> {
      const [row] = await db.select().from(helperAssignments).where(eq(helperAssignments.id, id));
      return row;
    },
    /** A household's assignments, oldest first, with the helper as they are now. */
    assignmentsOfHousehold: (householdId: number) =>
      db
        .select({
          id: helperAssignments.id,
          householdId: helperAssignments.householdId,
          helperId: helperAssignments.helperId,
          fromOn: helperAssignments.fromOn,
          toOn: helperAssignments.toOn,
          reason: helperAssignments.reason,
          at: helperAssignments.at,
          helperName: helpers.name,
          unit: helpers.unit,
          kind: sql<HelperKind>`${helpers.kind}`,
          level: helpers.level,
          post: helpers.post,
          phone: helpers.phone,
        })
        .from(helperAssignments)
        .innerJoin(helpers, eq(helpers.id, helperAssignments.helperId))
        .where(eq(helperAssignments.householdId, householdId))
        .orderBy(asc(helperAssignments.fromOn), asc(helperAssignments.id)),
    /** A helper's assignments (current and past) with their households, newest first. */
    assignmentsOfHelper: (helperId: number) =>
      queryRows<HouseholdRef & { id: number; fromOn: string; toOn: string | null; reason: string }>(
        db,
        sql`select a.id, a.from_on::text as "fromOn", a.to_on::text as "toOn", a.reason, ${householdRef}
            from helper_assignments a join households h on h.id = a.household_id left join regions r on r.code = h.village_code
            where a.helper_id = ${helperId} order by (a.to_on is null) desc, a.from_on desc, a.id desc`,
      ),
    /**
     * The households a helper holds on a day and that count toward the limit (inside the write transaction for the
     * 3-household limit): a 清退 household, even one whose assignment was left open, frees its place.
     */
    heldBy: (helperId: number, day: string) => queryRows<HouseholdRef & { id: number }>(db, pairingQueries.heldBy(helperId, day)),
    /** A household's assignments not ended yet (to end them when it is struck off). */
    openAssignmentsOf: (householdId: number) =>
      db
        .select()
        .from(helperAssignments)
        .where(and(eq(helperAssignments.householdId, householdId), isNull(helperAssignments.toOn)))
        .orderBy(asc(helperAssignments.id)),
    async insertAssignment(values: Omit<typeof helperAssignments.$inferInsert, 'id' | 'at'>): Promise<AssignmentRow> {
      return await insertOne(db, helperAssignments, values);
    },
    /** Ends an open assignment; false when it had already ended (someone else was quicker). */
    async endAssignment(id: number, toOn: string, reason: string): Promise<boolean> {
      const rows = await db
        .update(helperAssignments)
        .set({ toOn, reason })
        .where(and(eq(helperAssignments.id, id), isNull(helperAssignments.toOn)))
        .returning({ id: helperAssignments.id });
      return rows.length === 1;
    },

    /**
     * Households of a region with no helper on a day, among those that keep a helper (STATUSES_NEEDING_HELPER, the
     * list the data-quality check `no_helper` uses too).
     */
    async withoutHelper(prefix: string, day: string, limit: number, offset: number) {
      const where = pairingQueries.withoutHelperWhere(prefix, day);
      const items = await queryRows<HouseholdRef>(
        db,
        sql`select ${householdRef} from households h left join regions r on r.code = h.village_code where ${where}
            order by h.village_code, h.number limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from households h where ${where}`);
      return { items, total: count?.n ?? 0 };
    },

    // --- visits --------------------------------------------------------------------------------------------------
    async visit(id: number): Promise<VisitRow | undefined> {
      const [row] = await db.select().from(householdVisits).where(eq(householdVisits.id, id));
      return row as VisitRow | undefined;
    },
    visitsOfHousehold: async (householdId: number): Promise<VisitRow[]> =>
      (await db.select().from(householdVisits).where(eq(householdVisits.householdId, householdId)).orderBy(desc(householdVisits.visitedOn), desc(householdVisits.id))) as VisitRow[],
    async insertVisit(values: Omit<typeof householdVisits.$inferInsert, 'id' | 'at'>): Promise<VisitRow> {
      return (await insertOne(db, householdVisits, values)) as VisitRow;
    },
    /** Exited households of a region without a helper's visit (帮扶走访) between two days (a half-year). */
    async exitedWithoutVisit(prefix: string, from: string, to: string, limit: number, offset: number, heldBy?: { helperId: number; day: string }) {
      const where = pairingQueries.exitedWithoutVisitWhere(prefix, from, to, heldBy);
      const items = await queryRows<HouseholdRef & { lastVisit: string | null }>(
        db,
        sql`select ${householdRef}, (select max(v.visited_on)::text from household_visits v where v.household_id = h.id and v.kind = ${HELPER_VISIT}) as "lastVisit"
            from households h left join regions r on r.code = h.village_code where ${where}
            order by h.village_code, h.number limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from households h where ${where}`);
      return { items, total: count?.n ?? 0 };
    },

    // --- signature files (attachments of owner type 'visit') -----------------------------------------------------
    attachmentsOfVisits: (visitIds: number[]) =>
      visitIds.length
        ? db
            .select(attachmentMeta)
            .from(attachments)
            .where(and(eq(attachments.ownerType, 'visit'), inArray(attachments.ownerId, visitIds)))
            .orderBy(asc(attachments.id))
        : Promise.resolve([] as AttachmentMeta[]),
    async insertAttachment(a: Omit<typeof attachments.$inferInsert, 'id' | 'ownerType' | 'at'>): Promise<AttachmentMeta> {
      const [row] = await db
        .insert(attachments)
        .values({ ...a, ownerType: 'visit' })
        .returning(attachmentMeta);
      return row!;
    },
    async attachment(id: number) {
      const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), eq(attachments.ownerType, 'visit')));
      return row;
    },

    // --- leader–village links (seed 002) -------------------------------------------------------------------------
    async leaderVillage(id: number): Promise<LeaderVillageRow | undefined> {
      const [row] = await db.select().from(leaderVillages).where(eq(leaderVillages.id, id));
      return row as LeaderVillageRow | undefined;
    },
    /** Links of the bodies `orgIds`, or to villages under `villagePrefix` (null: none by village). */
    async listLeaderVillages(f: { orgIds: number[]; villagePrefix: string | null; kind?: string; orgId?: number; current?: boolean; today: string }, limit: number, offset: number) {
      const visible =
        f.villagePrefix !== null
          ? sql`(${f.orgIds.length ? sql`lv.org_id in (${sql.join(f.orgIds.map((i) => sql`${i}`), sql`, `)}) or ` : sql``}${underPrefix(sql`lv.village_code`, f.villagePrefix)})`
          : f.orgIds.length
            ? sql`lv.org_id in (${sql.join(f.orgIds.map((i) => sql`${i}`), sql`, `)})`
            : sql`false`;
      const where = sql`${visible}
        ${f.kind ? sql`and lv.kind = ${f.kind}` : sql``}
        ${f.orgId ? sql`and lv.org_id = ${f.orgId}` : sql``}
        ${f.current === undefined ? sql`` : f.current ? sql`and (lv.to_on is null or lv.to_on > ${f.today}::date)` : sql`and lv.to_on <= ${f.today}::date`}`;
      const items = await queryRows<LeaderVillageRow>(
        db,
        sql`select lv.id, lv.kind, lv.org_id as "orgId", lv.member_id as "memberId", lv.holder, lv.village_code as "villageCode",
              lv.from_on::text as "fromOn", lv.to_on::text as "toOn", lv.user_id as "userId", lv.at
            from leader_villages lv where ${where}
            order by lv.org_id, array_position(array[${sql.join(LEADER_VILLAGE_KINDS.map((k) => sql`${k}`), sql`, `)}]::varchar[], lv.kind), lv.member_id nulls last, lv.village_code, lv.id
            limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from leader_villages lv where ${where}`);
      return { items, total: count?.n ?? 0 };
    },
    async insertLeaderVillage(values: Omit<typeof leaderVillages.$inferInsert, 'id' | 'at'>): Promise<LeaderVillageRow> {
      return (await insertOne(db, leaderVillages, values)) as LeaderVillageRow;
    },
    async updateLeaderVillage(id: number, values: Partial<Pick<LeaderVillageRow, 'toOn' | 'fromOn' | 'holder'>>): Promise<boolean> {
      return (await db.update(leaderVillages).set(values).where(eq(leaderVillages.id, id)).returning({ id: leaderVillages.id })).length === 1;
    },
    async deleteLeaderVillage(id: number): Promise<boolean> {
      return (await db.delete(leaderVillages).where(eq(leaderVillages.id, id)).returning({ id: leaderVillages.id })).length === 1;
    },

    /** The helpers holding a village's households on a day (for the registry's 一览表), in the order they took them. */
    helpersOfVillage: (villageCode: string, day: string) =>
      queryRows<{ householdId: number; name: string; unit: string }>(
        db,
        sql`select a.household_id as "householdId", hp.name, hp.unit
            from helper_assignments a join helpers hp on hp.id = a.helper_id join households h on h.id = a.household_id
            where h.village_code = ${villageCode} and ${heldOn(day)} order by a.household_id, a.from_on, a.id`,
      ),
  };
}
export type PairingRepo = ReturnType<typeof makePairingRepo>;
