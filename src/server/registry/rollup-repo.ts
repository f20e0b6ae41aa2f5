import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { UNDATED, type Change, type Figure, type Identified, type Snapshot } from '../../domain/registry/rollup';
import type { VillageFigure, VillageProfileFacts, VillageYearFacts } from '../../domain/registry/village-figures';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { householdIncomes, households, householdStatusHistory, persons, registryRollup, registryVillageRollup, villageProfiles, villageYearFigures } from '../db/schema';
import type { IncomeRow } from './repo';

export interface Timeline {
  villageCode: string;
  snapshots: Snapshot[];
  incomes: IncomeRow[];
  /** Its identified year and persons registered now (households and persons), when read. */
  identified?: Identified;
}

/**
 * `column` under a region-code prefix for a direct count: a village's code as equality (the village-code indexes of
 * the status history are bpchar_pattern_ops ones, which answer `=` but not a range), a shorter prefix as a range.
 */
export function codeUnder(column: AnyPgColumn | SQL, prefix: string): SQL {
  return prefix.length === 12 ? sql`${column} = ${prefix}` : underPrefix(column, prefix);
}

export type VillageRows = { profiles: Array<VillageProfileFacts & { regionCode: string }>; years: Array<VillageYearFacts & { regionCode: string }> };

/** A status-history row as a snapshot, plus whose it is. */
interface SnapshotRow extends Omit<Snapshot, 'labour'> {
  householdId: number;
  villageCode: string;
  ordinary: number;
  skilled: number;
  lost: number;
  none: number;
}

const SNAPSHOT_COLUMNS = sql.raw(`household_id as "householdId", village_code as "villageCode", effective_on::text as "effectiveOn", status, year, persons,
  attribute, main_cause as "mainCause", labour_ordinary as ordinary, labour_skilled as skilled, labour_lost as lost, labour_none as none`);
const incomeColumns = (a: string) =>
  sql.raw(`${a}.household_id as "householdId", ${a}.year, ${a}.wages, ${a}.business, ${a}.property, ${a}.subsidies, ${a}.minimum_living as "minimumLiving",
  ${a}.extreme_poverty as "extremePoverty", ${a}.pension, ${a}.ecological, ${a}.other_transfer as "otherTransfer", ${a}.business_costs as "businessCosts",
  ${a}.illness_costs as "illnessCosts", ${a}.schooling_costs as "schoolingCosts"`);

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  effectiveOn: r.effectiveOn,
  status: r.status,
  year: r.year,
  persons: r.persons,
  attribute: r.attribute,
  mainCause: r.mainCause,
  labour: { 普通劳动力: r.ordinary, 技能劳动力: r.skilled, 丧失劳动力: r.lost, 无劳动力: r.none },
});

const CHUNK = 5000;

/**
 * Rows in the order of their keys: concurrent writers of the same rollup rows take their row locks in one order, so
 * two imports' upserts cannot deadlock. The key is built once per row, not once per comparison.
 */
function inKeyOrder<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const keyed = rows.map((r) => [key(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** Reads and writes of the registry's maintained statistics (`registry_rollup`) and the timelines they come from. */
export function makeRollupRepo(db: Db) {
  async function timelinesWhere(where: SQL, householdsWhere: SQL): Promise<Map<number, Timeline>> {
    const out = new Map<number, Timeline>();
    const rows = await queryRows<SnapshotRow>(db, sql`select ${SNAPSHOT_COLUMNS} from ${householdStatusHistory} where ${where} order by household_id, effective_on, id`);
    for (const r of rows) {
      let t = out.get(r.householdId);
      if (!t) out.set(r.householdId, (t = { villageCode: r.villageCode, snapshots: [], incomes: [] }));
      t.snapshots.push(toSnapshot(r));
    }
    const incomes = await queryRows<IncomeRow>(db, sql`select ${incomeColumns('i')} from ${householdIncomes} i where ${where} order by household_id, year`);
    for (const i of incomes) out.get(i.householdId)?.incomes.push(i);
    const identified = await queryRows<{ id: number; year: number; persons: number }>(
      db,
      sql`select h.id, h.identified_year as year, (select count(*) from ${persons} p where p.household_id = h.id)::int as persons from ${households} h where ${householdsWhere}`,
    );
    for (const i of identified) {
      const t = out.get(i.id);
      if (t) t.identified = { year: i.year, persons: i.persons };
    }
    return out;
  }

  return {
    /** The timelines (snapshots in order, and incomes) of these households. */
    async timelines(ids: number[]): Promise<Map<number, Timeline>> {
      const out = new Map<number, Timeline>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const inPart = sql`any(${sql.param(part)}::int[])`;
        for (const [k, v] of await timelinesWhere(sql`household_id = ${inPart}`, sql`h.id = ${inPart}`)) out.set(k, v);
      }
      return out;
    },
    /** The timelines of the households with ids in (after, upTo], for a rebuild. */
    timelinesBetween: (after: number, upTo: number) => timelinesWhere(sql`household_id > ${after} and household_id <= ${upTo}`, sql`h.id > ${after} and h.id <= ${upTo}`),
    async maxHouseholdId(): Promise<number> {
      const [r] = await queryRows<{ id: number | null }>(db, sql`select max(id) as id from ${households}`);
      return r?.id ?? 0;
    },

    /** Adds changes to the rollup (rows in key order, so concurrent writers lock them in the same order). */
    async addToRollup(rows: Array<Change & { region: string }>, { ordered = true } = {}): Promise<void> {
      const sorted = ordered ? inKeyOrder(rows, (r) => `${r.region}|${r.on}|${r.dim}|${r.key}`) : rows;
      for (let i = 0; i < sorted.length; i += CHUNK) {
        const part = sorted.slice(i, i + CHUNK);
        const col = <K extends keyof (Change & { region: string })>(k: K) => sql.param(part.map((r) => r[k]));
        await db.execute(sql`
          insert into ${registryRollup} (region, "on", dim, key, households, persons, amount)
          select * from unnest(${col('region')}::text[], ${col('on')}::date[], ${col('dim')}::text[], ${col('key')}::text[],
            ${col('households')}::int[], ${col('persons')}::int[], ${col('amount')}::bigint[])
          on conflict (region, "on", dim, key) do update set households = ${registryRollup}.households + excluded.households,
            persons = ${registryRollup}.persons + excluded.persons, amount = ${registryRollup}.amount + excluded.amount`);
      }
    },
    async clearRollup(): Promise<void> {
      await db.execute(sql`delete from ${registryRollup}`);
    },
    async rollupIsEmpty(): Promise<boolean> {
      const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from ${registryRollup} limit 1`);
      return rows.length === 0;
    },
    /** Rows that sum to nothing (a change undone) are left out of the sums; this removes them. */
    async pruneRollup(): Promise<void> {
      await db.execute(sql`delete from ${registryRollup} where households = 0 and persons = 0 and amount = 0`);
    },

    /** The maintained households identified in a year under a region key, with their persons registered now. */
    rollupIdentified: (region: string, year: number) =>
      queryRows<Figure>(
        db,
        sql`select dim, key, households, persons, amount::float8 as amount from ${registryRollup}
            where region = ${region} and "on" = ${UNDATED}::date and dim = 'identified' and key = ${String(year)}`,
      ),
    /** For a direct count: the households identified in a year under a prefix (a village), with their persons now. */
    identifiedUnder: (prefix: string, year: number) =>
      queryRows<Figure>(
        db,
        sql`select 'identified' as dim, ${String(year)} as key, count(*)::int as households,
                   coalesce(sum((select count(*) from ${persons} p where p.household_id = h.id)), 0)::int as persons, 0 as amount
            from ${households} h where ${codeUnder(sql`h.village_code`, prefix)} and h.identified_year = ${year}`,
      ),

    // --- villages' statistics (registry_village_rollup) --------------------------------------------------------
    /** Adds village figures under region keys (in key order, so concurrent writers lock rows in the same order). */
    async addToVillageRollup(rows: Array<VillageFigure & { region: string }>, { ordered = true } = {}): Promise<void> {
      const sorted = ordered ? inKeyOrder(rows, (r) => `${r.region}|${r.dim}|${r.key}`) : rows;
      for (let i = 0; i < sorted.length; i += CHUNK) {
        const part = sorted.slice(i, i + CHUNK);
        const col = <K extends keyof (VillageFigure & { region: string })>(k: K) => sql.param(part.map((r) => r[k]));
        await db.execute(sql`
          insert into ${registryVillageRollup} (region, dim, key, villages, amount)
          select * from unnest(${col('region')}::text[], ${col('dim')}::text[], ${col('key')}::smallint[], ${col('villages')}::int[], ${col('amount')}::bigint[])
          on conflict (region, dim, key) do update set villages = ${registryVillageRollup}.villages + excluded.villages,
            amount = ${registryVillageRollup}.amount + excluded.amount`);
      }
      await db.execute(sql`delete from ${registryVillageRollup} where villages = 0 and amount = 0 and region = any(${sql.param([...new Set(sorted.map((r) => r.region))])}::text[])`);
    },
    async clearVillageRollup(): Promise<void> {
      await db.execute(sql`delete from ${registryVillageRollup}`);
    },
    /** The maintained village figures of a region key ('' or a province, city, county or town prefix). */
    villageRollup: (region: string) =>
      queryRows<VillageFigure>(db, sql`select dim, key, villages, amount::float8 as amount from ${registryVillageRollup} where region = ${region}`),
    /** The villages' profiles under a prefix, in code order after `after` (a village's own for a direct count; pages for a rebuild). */
    villageProfilesUnder: (prefix: string, after = '', limit = 50_000) =>
      queryRows<VillageRows['profiles'][number]>(
        db,
        sql`select region_code as "regionCode", poor_village as "poorVillage", identified_year as "identifiedYear", exited, exit_year as "exitYear",
                   certified_population as "certifiedPopulation"
            from ${villageProfiles} where ${underPrefix(sql`region_code`, prefix)} ${after ? sql`and region_code > ${after}` : sql``} order by region_code limit ${limit}`,
      ),
    /**
     * The villages' year rows under a prefix, in (code, year) order after `after`. Without an `after` no row comparison
     * is written: with `('', 0)` PostgreSQL took it as the index condition and walked the whole index from its start
     * (~250 ms for one village at 1.24M rows, bench:national).
     */
    villageYearsUnder: (prefix: string, after: { code: string; year: number } = { code: '', year: 0 }, limit = 50_000) =>
      queryRows<VillageRows['years'][number]>(
        db,
        sql`select region_code as "regionCode", year, collective_income::float8 as "collectiveIncome", planned_households as "plannedHouseholds",
                   planned_persons as "plannedPersons"
            from ${villageYearFigures} where ${underPrefix(sql`region_code`, prefix)}
              ${after.code ? sql`and (region_code, year) > (${after.code}::bpchar, ${after.year}::smallint)` : sql``}
            order by region_code, year limit ${limit}`,
      ),
    /** Serialises the writes of one village's rows to the end of the transaction. */
    async lockVillage(code: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`registry_village:${code}`}, 0))`);
    },
    /** A village's profile and one year's row, locked for a write that keeps the village figures. */
    async villageFactsForUpdate(code: string, year: number | null): Promise<{ profile?: VillageProfileFacts; year?: VillageYearFacts }> {
      const [profile] = await queryRows<VillageProfileFacts>(
        db,
        sql`select poor_village as "poorVillage", identified_year as "identifiedYear", exited, exit_year as "exitYear", certified_population as "certifiedPopulation"
            from ${villageProfiles} where region_code = ${code} for update`,
      );
      if (year === null) return { profile };
      const [row] = await queryRows<VillageYearFacts>(
        db,
        sql`select year, collective_income::float8 as "collectiveIncome", planned_households as "plannedHouseholds", planned_persons as "plannedPersons"
            from ${villageYearFigures} where region_code = ${code} and year = ${year} for update`,
      );
      return { profile, year: row };
    },

    /** The maintained figures of a region key ('' or a province, city, county or town prefix) as of a date. */
    async rollupAsOf(region: string, asOf: string, incomeYear: number): Promise<Figure[]> {
      return queryRows<Figure>(
        db,
        sql`select dim, key, sum(households)::int as households, sum(persons)::int as persons, sum(amount)::float8 as amount
            from ${registryRollup} where region = ${region} and "on" <= ${asOf}::date and (dim <> 'income' or key = ${String(incomeYear)})
            group by dim, key`,
      );
    },

    /** For a direct count: the snapshots in force on a date under a prefix, their incomes of a year, and the exits up to it. */
    async snapshotsAsOf(prefix: string, asOf: string): Promise<Array<Snapshot & { householdId: number }>> {
      const rows = await queryRows<SnapshotRow>(
        db,
        sql`select ${SNAPSHOT_COLUMNS} from ${householdStatusHistory}
            where ${codeUnder(sql`village_code`, prefix)} and effective_on <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)`,
      );
      return rows.map((r) => ({ ...toSnapshot(r), householdId: r.householdId }));
    },
    incomesUnder: (prefix: string, year: number) =>
      queryRows<IncomeRow>(
        db,
        sql`select ${incomeColumns('i')}
            from ${householdIncomes} i join ${households} h on h.id = i.household_id
            where ${codeUnder(sql`h.village_code`, prefix)} and i.year = ${year}`,
      ),
    exitRowsAsOf: (prefix: string, asOf: string) =>
      queryRows<{ householdId: number; year: number; persons: number }>(
        db,
        sql`select household_id as "householdId", year, persons from ${householdStatusHistory}
            where ${codeUnder(sql`village_code`, prefix)} and status = '已脱贫' and year is not null and effective_on <= ${asOf}::date
            order by household_id, effective_on, id`,
      ),
  };
}
export type RollupRepo = ReturnType<typeof makeRollupRepo>;
