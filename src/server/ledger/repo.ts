import { and, desc, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { updateAtVersion } from '../db/versioned';
import { ledgerEntries, ledgerEntryMembers, ledgerHistory, ledgerMemberCounts, ledgerParticipation, ledgerTotals, memberYearTotals, members, orgs, users } from '../db/schema';
import type { Unit } from '../../domain/ledger/codebook';
import type { Scope } from '../auth/access';

/** An entry as stored (money in integer yuan). */
export interface EntryRecord {
  id: number;
  orgId: number;
  orgPath: string;
  categoryCode: string;
  subtypeCode: string;
  unit: Unit;
  count: number;
  targetRegionCode: string | null;
  targetText: string | null;
  targetKey: string;
  content: string;
  fundDonation: number;
  fundPersonal: number;
  fundSocial: number;
  fundBank: number;
  fundFiscal: number;
  beneficiaries: number;
  deepPoverty: boolean;
  startYear: number;
  endYear: number | null;
  documentNumber: string | null;
  createdBy: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  memberIds: number[];
}

export type EntryWrite = Omit<EntryRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'memberIds'>;

/** An entry with the names a list shows. */
export interface EntryListRow extends EntryRecord {
  orgName: string;
  createdByName: string;
  members: Array<{ id: number; name: string }>;
}

export interface EntryFilter {
  orgPath: string;
  yearFrom?: number;
  yearTo?: number;
  categoryCode?: string;
  subtypeCode?: string;
  deepPoverty?: boolean;
  q?: string;
}

/** What one entry adds to the maintained totals (negated to take it away), for its body and every body above. */
export interface TotalsDelta {
  /** The entry's body and its ancestors: each one's subtree row gets the delta. */
  orgIds: number[];
  year: number;
  subtypeCode: string;
  deepPoverty: boolean;
  sign: 1 | -1;
  villages: number;
  households: number;
  funds: [number, number, number, number, number];
  beneficiaries: number;
}

export interface MemberDelta {
  memberId: number;
  year: number;
  sign: 1 | -1;
  funds: number;
  beneficiaries: number;
}

export type FundColumns = Pick<EntryRecord, 'fundDonation' | 'fundPersonal' | 'fundSocial' | 'fundBank' | 'fundFiscal'>;

export interface FigureRow extends FundColumns {
  subtypeCode: string;
  deepPoverty: boolean;
  entries: number;
  villages: number;
  households: number;
  beneficiaries: number;
}

const e = ledgerEntries;
const membersJson = sql<Array<{ id: number; name: string }>>`coalesce((
  select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.id)
  from ${ledgerEntryMembers} em join ${members} m on m.id = em.member_id
  where em.entry_id = ${e.id}), '[]'::json)`;

function filterWhere(f: EntryFilter, scope: Scope): SQL | undefined {
  const q = f.q?.trim();
  return and(
    like(e.orgPath, `${f.orgPath}%`),
    like(e.orgPath, `${scope.orgPath}%`),
    scope.ownMemberId !== null
      ? or(
          eq(e.createdBy, scope.ownUserId ?? -1),
          sql`exists (select 1 from ${ledgerEntryMembers} em where em.entry_id = ${e.id} and em.member_id = ${scope.ownMemberId})`,
        )
      : undefined,
    f.yearFrom !== undefined ? sql`${e.startYear} >= ${f.yearFrom}` : undefined,
    f.yearTo !== undefined ? sql`${e.startYear} <= ${f.yearTo}` : undefined,
    f.categoryCode ? eq(e.categoryCode, f.categoryCode) : undefined,
    f.subtypeCode ? eq(e.subtypeCode, f.subtypeCode) : undefined,
    f.deepPoverty !== undefined ? eq(e.deepPoverty, f.deepPoverty) : undefined,
    q ? or(like(e.content, `%${q}%`), like(e.targetText, `%${q}%`), like(e.documentNumber, `%${q}%`)) : undefined,
  );
}

const listColumns = {
  id: e.id,
  orgId: e.orgId,
  orgPath: e.orgPath,
  categoryCode: e.categoryCode,
  subtypeCode: e.subtypeCode,
  unit: e.unit,
  count: e.count,
  targetRegionCode: e.targetRegionCode,
  targetText: e.targetText,
  targetKey: e.targetKey,
  content: e.content,
  fundDonation: e.fundDonation,
  fundPersonal: e.fundPersonal,
  fundSocial: e.fundSocial,
  fundBank: e.fundBank,
  fundFiscal: e.fundFiscal,
  beneficiaries: e.beneficiaries,
  deepPoverty: e.deepPoverty,
  startYear: e.startYear,
  endYear: e.endYear,
  documentNumber: e.documentNumber,
  createdBy: e.createdBy,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  orgName: orgs.name,
  createdByName: users.displayName,
  members: membersJson,
};

function withMemberIds(row: Omit<EntryListRow, 'memberIds'>): EntryListRow {
  const list = typeof row.members === 'string' ? (JSON.parse(row.members) as EntryListRow['members']) : row.members;
  return { ...row, members: list, memberIds: list.map((m) => m.id) };
}

/** The summary's participation query (exported for the EXPLAIN test: it reads no per-member rows). */
export function participationQuery(orgId: number, yearFrom: number, yearTo: number, onDate: string): SQL {
  return sql`
    select (select coalesce(sum(c.members), 0) from ${ledgerMemberCounts} c
            where c.org_id = ${orgId} and c.serving_until > ${onDate}::date)::int as members,
           (select coalesce(sum(p.members), 0) from ${ledgerParticipation} p
            where p.org_id = ${orgId} and p.year between ${yearFrom} and ${yearTo} and p.prev_year < ${yearFrom}
              and p.serving_until > ${onDate}::date)::int as active`;
}

export function makeLedgerRepo(db: Db) {
  /** The entries under `where` as the list shows them (with the body's and the writer's names). */
  const listed = (where: SQL | undefined) =>
    db.select(listColumns).from(e).innerJoin(orgs, eq(orgs.id, e.orgId)).innerJoin(users, eq(users.id, e.createdBy)).where(where);
  return {
    /** Serialises writes that could create the same deed twice (held until the transaction ends). */
    async lock(key: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    },

    async findById(id: number): Promise<EntryListRow | undefined> {
      const [row] = await listed(eq(e.id, id));
      return row ? withMemberIds(row as Omit<EntryListRow, 'memberIds'>) : undefined;
    },

    /** Seed 000 “1件事只录入1次”: an entry of the same body, sub-type and target whose years overlap. */
    async findOverlapping(w: { orgId: number; subtypeCode: string; targetKey: string; startYear: number; lastYear: number; excludeId?: number }) {
      const [row] = await db
        .select({ id: e.id, startYear: e.startYear, endYear: e.endYear, content: e.content })
        .from(e)
        .where(
          and(
            eq(e.orgId, w.orgId),
            eq(e.subtypeCode, w.subtypeCode),
            eq(e.targetKey, w.targetKey),
            sql`${e.startYear} <= ${w.lastYear}`,
            sql`coalesce(${e.endYear}, ${e.startYear}) >= ${w.startYear}`,
            w.excludeId !== undefined ? sql`${e.id} <> ${w.excludeId}` : undefined,
          ),
        )
        .orderBy(e.id)
        .limit(1);
      return row;
    },

    async insert(values: EntryWrite, memberIds: number[]): Promise<number> {
      const [row] = await db.insert(e).values(values).returning({ id: e.id });
      const id = row!.id;
      if (memberIds.length) await db.insert(ledgerEntryMembers).values(memberIds.map((memberId) => ({ entryId: id, memberId })));
      return id;
    },

    async update(id: number, version: number, values: EntryWrite, memberIds: number[], at: Date): Promise<boolean> {
      if (!(await updateAtVersion(db, e, id, version, { ...values, updatedAt: at }))) return false;
      await db.delete(ledgerEntryMembers).where(eq(ledgerEntryMembers.entryId, id));
      if (memberIds.length) await db.insert(ledgerEntryMembers).values(memberIds.map((memberId) => ({ entryId: id, memberId })));
      return true;
    },

    async delete(id: number, version: number): Promise<boolean> {
      const rows = await db.delete(e).where(and(eq(e.id, id), eq(e.version, version))).returning({ id: e.id });
      if (rows.length !== 1) return false;
      await db.delete(ledgerEntryMembers).where(eq(ledgerEntryMembers.entryId, id));
      return true;
    },

    async applyTotals(deltas: TotalsDelta[]): Promise<void> {
      const t = ledgerTotals;
      for (const d of deltas) {
        const s = d.sign;
        const values = d.orgIds.map((orgId) => ({
          orgId,
          year: d.year,
          subtypeCode: d.subtypeCode,
          deepPoverty: d.deepPoverty,
          entries: s,
          villages: s * d.villages,
          households: s * d.households,
          fundDonation: s * d.funds[0],
          fundPersonal: s * d.funds[1],
          fundSocial: s * d.funds[2],
          fundBank: s * d.funds[3],
          fundFiscal: s * d.funds[4],
          beneficiaries: s * d.beneficiaries,
        }));
        if (values.length === 0) continue;
        await db
          .insert(t)
          .values(values)
          .onConflictDoUpdate({
            target: [t.orgId, t.year, t.subtypeCode, t.deepPoverty],
            set: {
              entries: sql`${t.entries} + excluded.entries`,
              villages: sql`${t.villages} + excluded.villages`,
              households: sql`${t.households} + excluded.households`,
              fundDonation: sql`${t.fundDonation} + excluded.fund_donation`,
              fundPersonal: sql`${t.fundPersonal} + excluded.fund_personal`,
              fundSocial: sql`${t.fundSocial} + excluded.fund_social`,
              fundBank: sql`${t.fundBank} + excluded.fund_bank`,
              fundFiscal: sql`${t.fundFiscal} + excluded.fund_fiscal`,
              beneficiaries: sql`${t.beneficiaries} + excluded.beneficiaries`,
            },
          });
      }
    },

    async applyMemberTotals(deltas: MemberDelta[]): Promise<void> {
      const t = memberYearTotals;
      for (const d of deltas) {
        await db
          .insert(t)
          .values({ memberId: d.memberId, year: d.year, entries: d.sign, funds: d.sign * d.funds, beneficiaries: d.sign * d.beneficiaries })
          .onConflictDoUpdate({
            target: [t.memberId, t.year],
            set: {
              entries: sql`${t.entries} + excluded.entries`,
              funds: sql`${t.funds} + excluded.funds`,
              beneficiaries: sql`${t.beneficiaries} + excluded.beneficiaries`,
            },
          });
      }
    },

    async insertHistory(row: { entryId: number; userId: number; userName: string; action: 'create' | 'update' | 'delete'; before: unknown; after: unknown; at: Date }) {
      await db.insert(ledgerHistory).values(row);
    },

    async history(entryId: number) {
      return db.select().from(ledgerHistory).where(eq(ledgerHistory.entryId, entryId)).orderBy(ledgerHistory.id);
    },

    async list(filter: EntryFilter, scope: Scope, limit: number, offset: number): Promise<{ items: EntryListRow[]; total: number }> {
      const items = await this.page(filter, scope, limit, offset);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(e).where(filterWhere(filter, scope));
      return { items, total: count?.n ?? 0 };
    },

    /** The number of entries of a body's subtree matching the filter's year, category, sub-type and flag, from the totals. */
    async countFromTotals(orgId: number, f: EntryFilter): Promise<number> {
      const t = ledgerTotals;
      const [row] = await db
        .select({ n: sql<number>`coalesce(sum(${t.entries}), 0)::bigint` })
        .from(t)
        .where(
          and(
            eq(t.orgId, orgId),
            f.yearFrom !== undefined ? sql`${t.year} >= ${f.yearFrom}` : undefined,
            f.yearTo !== undefined ? sql`${t.year} <= ${f.yearTo}` : undefined,
            f.categoryCode ? like(t.subtypeCode, `${f.categoryCode}%`) : undefined,
            f.subtypeCode ? eq(t.subtypeCode, f.subtypeCode) : undefined,
            f.deepPoverty !== undefined ? eq(t.deepPoverty, f.deepPoverty) : undefined,
          ),
        );
      return Number(row?.n ?? 0);
    },

    async page(filter: EntryFilter, scope: Scope, limit: number, offset: number): Promise<EntryListRow[]> {
      const rows = await listed(filterWhere(filter, scope)).orderBy(desc(e.id)).limit(limit).offset(offset);
      return rows.map((r) => withMemberIds(r as Omit<EntryListRow, 'memberIds'>));
    },

    /** Keyset pages of the filtered ledger, oldest first, for streaming exports (bounded memory). */
    async *iterate(filter: EntryFilter, scope: Scope, batch = 2000): AsyncGenerator<EntryListRow[]> {
      let after = 0;
      for (;;) {
        const rows = await listed(and(filterWhere(filter, scope), gt(e.id, after)))
          .orderBy(e.id)
          .limit(batch);
        if (rows.length === 0) return;
        yield rows.map((r) => withMemberIds(r as Omit<EntryListRow, 'memberIds'>));
        after = rows[rows.length - 1]!.id;
        if (rows.length < batch) return;
      }
    },

    /** Totals of a body's subtree from its maintained rows: one result row per sub-type × deep-poverty flag. */
    async figures(orgId: number, yearFrom: number, yearTo: number): Promise<FigureRow[]> {
      const t = ledgerTotals;
      const rows = await db
        .select({
          subtypeCode: t.subtypeCode,
          deepPoverty: t.deepPoverty,
          entries: sql<number>`sum(${t.entries})::bigint`,
          villages: sql<number>`sum(${t.villages})::bigint`,
          households: sql<number>`sum(${t.households})::bigint`,
          fundDonation: sql<number>`sum(${t.fundDonation})::bigint`,
          fundPersonal: sql<number>`sum(${t.fundPersonal})::bigint`,
          fundSocial: sql<number>`sum(${t.fundSocial})::bigint`,
          fundBank: sql<number>`sum(${t.fundBank})::bigint`,
          fundFiscal: sql<number>`sum(${t.fundFiscal})::bigint`,
          beneficiaries: sql<number>`sum(${t.beneficiaries})::bigint`,
        })
        .from(t)
        .where(and(eq(t.orgId, orgId), sql`${t.year} between ${yearFrom} and ${yearTo}`))
        .groupBy(t.subtypeCode, t.deepPoverty);
      return rows.map((r) => ({
        ...r,
        entries: Number(r.entries),
        villages: Number(r.villages),
        households: Number(r.households),
        fundDonation: Number(r.fundDonation),
        fundPersonal: Number(r.fundPersonal),
        fundSocial: Number(r.fundSocial),
        fundBank: Number(r.fundBank),
        fundFiscal: Number(r.fundFiscal),
        beneficiaries: Number(r.beneficiaries),
      }));
    },

    /**
     * Participation of a body's subtree: its members who serve on `onDate`, and those of them with at least one entry
     * whose start year lies in the range — from the rows maintained for that one body (migration 0023: a few rows
     * whatever the number of members). A member counts once over the range: only its first year of taking part in
     * the range has its previous year before the range.
     */
    async participation(orgId: number, yearFrom: number, yearTo: number, onDate: string): Promise<{ members: number; active: number }> {
      const result = await queryRows<{ members: number; active: number }>(db, participationQuery(orgId, yearFrom, yearTo, onDate));
      const row = result[0];
      return { members: Number(row?.members ?? 0), active: Number(row?.active ?? 0) };
    },

    /** Per-member figures: an entry with several members counts once for each of them. */
    async memberFigures(orgPath: string, yearFrom: number, yearTo: number, limit: number, offset: number) {
      const rows = await queryRows<{ memberId: number; name: string; orgName: string; entries: number; funds: number; beneficiaries: number; total: number }>(db, sql`
        select m.id as "memberId", m.name, o.name as "orgName",
               sum(t.entries)::int as entries, sum(t.funds)::bigint as funds, sum(t.beneficiaries)::bigint as beneficiaries,
               count(*) over ()::int as total
        from ${memberYearTotals} t join ${members} m on m.id = t.member_id join ${orgs} o on o.id = m.org_id
        where o.path like ${`${orgPath}%`} and t.year between ${yearFrom} and ${yearTo}
        group by m.id, m.name, o.name
        having sum(t.entries) > 0
        order by sum(t.entries) desc, m.id
        limit ${limit} offset ${offset}`);
      return rows.map((r) => ({ ...r, entries: Number(r.entries), funds: Number(r.funds), beneficiaries: Number(r.beneficiaries), total: Number(r.total) }));
    },

    /**
     * Bulk load of checked entries (data migration, benchmarks): one statement per batch with every column bound as
     * an array. Totals are not touched: call `rebuildTotals` afterwards.
     */
    async bulkInsert(rows: EntryWrite[]): Promise<void> {
      if (rows.length === 0) return;
      const col = <K extends keyof EntryWrite>(k: K) => sql.param(rows.map((r) => r[k]));
      await db.execute(sql`
        insert into ${e} (org_id, org_path, category_code, subtype_code, unit, count, target_region_code, target_text, target_key,
          content, fund_donation, fund_personal, fund_social, fund_bank, fund_fiscal, beneficiaries, deep_poverty,
          start_year, end_year, document_number, created_by)
        select * from unnest(${col('orgId')}::int[], ${col('orgPath')}::text[], ${col('categoryCode')}::text[], ${col('subtypeCode')}::text[],
          ${col('unit')}::text[], ${col('count')}::int[], ${col('targetRegionCode')}::text[], ${col('targetText')}::text[], ${col('targetKey')}::text[],
          ${col('content')}::text[], ${col('fundDonation')}::bigint[], ${col('fundPersonal')}::bigint[], ${col('fundSocial')}::bigint[],
          ${col('fundBank')}::bigint[], ${col('fundFiscal')}::bigint[], ${col('beneficiaries')}::int[], ${col('deepPoverty')}::boolean[],
          ${col('startYear')}::int2[], ${col('endYear')}::int2[], ${col('documentNumber')}::text[], ${col('createdBy')}::int[])`);
    },

    /** Recomputes the maintained totals from the entries themselves (after a bulk load, or to repair). */
    async rebuildTotals(): Promise<void> {
      await db.execute(sql`truncate ${ledgerTotals}`);
      // Entries are summed per body first, then each body's sums are added to it and to every body above it.
      await db.execute(sql`
        insert into ${ledgerTotals} (org_id, year, subtype_code, deep_poverty, entries, villages, households,
          fund_donation, fund_personal, fund_social, fund_bank, fund_fiscal, beneficiaries)
        select a.id, o.start_year, o.subtype_code, o.deep_poverty, sum(o.entries), sum(o.villages), sum(o.households),
          sum(o.fund_donation), sum(o.fund_personal), sum(o.fund_social), sum(o.fund_bank), sum(o.fund_fiscal), sum(o.beneficiaries)
        from (
          select org_path, start_year, subtype_code, deep_poverty, count(*) as entries,
            sum(case when unit = '个' then count else 0 end) as villages, sum(case when unit = '户' then count else 0 end) as households,
            sum(fund_donation) as fund_donation, sum(fund_personal) as fund_personal, sum(fund_social) as fund_social,
            sum(fund_bank) as fund_bank, sum(fund_fiscal) as fund_fiscal, sum(beneficiaries) as beneficiaries
          from ${e} group by org_path, start_year, subtype_code, deep_poverty
        ) o cross join lateral unnest(string_to_array(trim(both '/' from o.org_path), '/')::int[]) as a(id)
        group by a.id, o.start_year, o.subtype_code, o.deep_poverty`);
      // The insert's statement trigger (migration 0023) builds ledger_participation from its empty state.
      await db.execute(sql`truncate ${memberYearTotals}, ${ledgerParticipation}`);
      await db.execute(sql`
        insert into ${memberYearTotals} (member_id, year, entries, funds, beneficiaries)
        select em.member_id, x.start_year, count(*),
               sum(x.fund_donation + x.fund_personal + x.fund_social + x.fund_bank + x.fund_fiscal), sum(x.beneficiaries)
        from ${ledgerEntryMembers} em join ${e} x on x.id = em.entry_id
        group by em.member_id, x.start_year`);
      await db.execute(sql`truncate ${ledgerMemberCounts}`);
      await db.execute(sql`
        insert into ${ledgerMemberCounts} (org_id, serving_until, members)
        select a.id, ledger_serving_until(m.status, m.unable_from), count(*)
        from ${members} m join ${orgs} o on o.id = m.org_id
          cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')::int[]) as a(id)
        group by 1, 2`);
      // PGlite has no autovacuum: without fresh statistics the planner misjudges the totals table badly.
      await db.execute(sql`analyze ${ledgerTotals}`);
      await db.execute(sql`analyze ${memberYearTotals}`);
      await db.execute(sql`analyze ${ledgerMemberCounts}`);
      await db.execute(sql`analyze ${ledgerParticipation}`);
    },

    async countByIds(ids: number[]): Promise<number> {
      if (ids.length === 0) return 0;
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(e).where(inArray(e.id, ids));
      return row?.n ?? 0;
    },
  };
}
export type LedgerRepo = ReturnType<typeof makeLedgerRepo>;
