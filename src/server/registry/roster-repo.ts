import { sql } from 'drizzle-orm';
import type { CheckedPerson } from '../../domain/registry/validate-household';
import { queryRows, type Db } from '../db/connection';
import { copyRows, copyTextIn } from '../db/copy';
import { households, persons, regions, rosterImports, rosterImportVillages } from '../db/schema';
import { makeRollupRepo } from './rollup-repo';
import type { RosterExportRow, RosterHouseholdFacts } from './roster';

/** Rows per statement of the bulk paths: a few thousand rows bound as arrays keep statements cheap to plan. */
export const BATCH = 5000;

function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Lines of COPY text, a few thousand a piece. */
function* pieces<T>(list: T[], line: (x: T) => string, size = 5000): Iterable<string> {
  for (let i = 0; i < list.length; i += size) {
    let out = '';
    for (let j = i; j < Math.min(i + size, list.length); j++) out += line(list[j]!) + '\n';
    yield out;
  }
}

/** A household the roster names that is already entered: its facts as a write would give them, and where it stands. */
export interface ExistingHousehold extends Omit<HouseholdWrite, 'identifiedOn'> {
  id: number;
  status: string;
  statusYear: number | null;
  version: number;
}

export type ExistingPerson = CheckedPerson & { householdId: number };

export interface HouseholdWrite extends RosterHouseholdFacts {
  identifiedOn: string;
}

export interface StatusWrite {
  householdId: number;
  villageCode: string;
  status: string;
  year: number | null;
  effectiveOn: string;
  persons: number;
  attribute: string;
  mainCause: string;
  labourOrdinary: number;
  labourSkilled: number;
  labourLost: number;
  labourNone: number;
  reason: string;
  userId: number;
  userName: string;
  at: Date;
}

const PERSON_COLUMNS = `p.household_id as "householdId", p.name, trim(p.id_number) as "idNumber", p.sex, p.birth_date::text as "birthDate", p.relation,
  p.schooling, p.dropout_for_poverty as "dropoutForPoverty", p.health, p.disability_grade as "disabilityGrade", p.labour,
  p.has_qualification as "hasQualification", p.work_months as "workMonths", p.work_place as "workPlace", p.work_income as "workIncome",
  p.medical_eligible as "medicalEligible", p.medical_insured as "medicalInsured", p.serious_illness_insured as "seriousIllnessInsured",
  p.pension_insured as "pensionInsured"`;

/** Bulk reads and writes of the roster import and export (issue 3): arrays bound with `sql.param`, unnest on the server. */
export function makeRosterRepo(db: Db) {
  return {
    ...makeRollupRepo(db),
    /** The batched import of this id (its owner and file), creating it when new. */
    async openImport(rec: { id: string; userId: number; fileName: string; fileSha256: string }): Promise<{ userId: number; fileSha256: string }> {
      await db.insert(rosterImports).values(rec).onConflictDoNothing();
      const [row] = await queryRows<{ userId: number; fileSha256: string }>(db, sql`select user_id as "userId", file_sha256 as "fileSha256" from ${rosterImports} where id = ${rec.id}`);
      return row!;
    },

    /** The villages of a batched import already written (its retry skips them). */
    async doneVillages(importId: string): Promise<Set<string>> {
      const rows = await queryRows<{ village: string }>(db, sql`select village from ${rosterImportVillages} where import_id = ${importId}`);
      return new Set(rows.map((r) => r.village));
    },

    /** Records villages of a batched import as written (in the batch's own transaction). */
    async markVillagesDone(importId: string, villages: Array<{ village: string; firstRow: number; lastRow: number; persons: number }>): Promise<void> {
      if (villages.length) await db.insert(rosterImportVillages).values(villages.map((v) => ({ importId, ...v }))).onConflictDoNothing();
    },

    /** Regions by code (to check that a village code is known and a village). */
    async regionsByCodes(codes: string[]): Promise<Array<{ code: string; name: string; level: number }>> {
      const out: Array<{ code: string; name: string; level: number }> = [];
      for (const part of chunks(codes))
        out.push(...(await queryRows<{ code: string; name: string; level: number }>(db, sql`select code, name, level from ${regions} where code = any(${sql.param(part)}::bpchar[])`)));
      return out;
    },

    /**
     * Everything the import must know of the registry about a file's rows, in three joins against a temporary table of
     * the file's keys (its ID numbers, its (village, 户编号) pairs) COPYed in: the persons already holding one of the ID
     * numbers (with their household), the households already entered under one of the keys, and those households'
     * current members. Call it inside a transaction: the temporary tables are dropped at its commit, and its join
     * settings end with it.
     */
    async lookUpKeys(ids: string[], keys: Array<{ villageCode: string; number: string }>): Promise<{
      persons: Array<{ idNumber: string; name: string; householdId: number; villageCode: string; number: string }>;
      households: ExistingHousehold[];
      members: ExistingPerson[];
    }> {
      await db.execute(sql`create temp table if not exists roster_import_ids (id_number char(18) not null) on commit drop`);
      await db.execute(sql`create temp table if not exists roster_import_keys (village_code char(12) not null, number varchar(30) not null) on commit drop`);
      await db.execute(sql`truncate roster_import_ids, roster_import_keys`);
      const clean = (s: string) => s.replace(/[\\\t\n\r]/g, '');
      await copyTextIn(db, 'roster_import_ids', ['id_number'], pieces(ids.filter((id) => /^\d{17}[\dX]$/.test(id)), (id) => id));
      await copyTextIn(db, 'roster_import_keys', ['village_code', 'number'], pieces(keys.filter((k) => /^\d{12}$/.test(k.villageCode) && k.number && k.number.length <= 30), (k) => `${k.villageCode}\t${clean(k.number)}`));
      // Index probes, one per key, whatever the registry's size: with its statistics the planner would rather merge- or
      // hash-join the keys against a whole index or table (persons by ID, all households: 250 ms a batch at 200k
      // persons, growing with the registry). For the rest of this look-up transaction only.
      await db.execute(sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`);
      const taken = await queryRows<{ idNumber: string; name: string; householdId: number; villageCode: string; number: string }>(
        db,
        sql`select trim(p.id_number) as "idNumber", p.name, p.household_id as "householdId", h.village_code as "villageCode", h.number
            from roster_import_ids k join ${persons} p on p.id_number = k.id_number join ${households} h on h.id = p.household_id`,
      );
      const found = await queryRows<ExistingHousehold>(
        db,
        sql`select h.id, h.village_code as "villageCode", h.number, h.attribute, h.identified_year as "identifiedYear", h.main_cause as "mainCause",
              h.secondary_causes as "secondaryCauses", h.housing_safe as "housingSafe", h.drinking_water_safe as "drinkingWaterSafe",
              h.food_secure as "foodSecure", h.clothing_secure as "clothingSecure", h.status, h.status_year as "statusYear", h.version
            from roster_import_keys k join ${households} h on h.village_code = k.village_code and h.number = k.number`,
      );
      const members = found.length
        ? await queryRows<ExistingPerson>(
            db,
            sql`select ${sql.raw(PERSON_COLUMNS)} from roster_import_keys k join ${households} h on h.village_code = k.village_code and h.number = k.number
                join ${persons} p on p.household_id = h.id order by p.id`,
          )
        : [];
      return { persons: taken, households: found, members };
    },

    /** Persons already in the registry with these ID numbers, with the household they belong to. */
    async personsByIdNumbers(ids: string[]): Promise<Array<{ idNumber: string; name: string; householdId: number; villageCode: string; number: string }>> {
      const out: Array<{ idNumber: string; name: string; householdId: number; villageCode: string; number: string }> = [];
      for (const part of chunks(ids))
        out.push(
          ...(await queryRows<{ idNumber: string; name: string; householdId: number; villageCode: string; number: string }>(
            db,
            sql`select trim(p.id_number) as "idNumber", p.name, p.household_id as "householdId", h.village_code as "villageCode", h.number
                from ${persons} p join ${households} h on h.id = p.household_id
                where p.id_number = any(${sql.param(part)}::bpchar[])`,
          )),
        );
      return out;
    },

    /** Households already in the registry by (village code, 户编号). */
    async householdsByKeys(keys: Array<{ villageCode: string; number: string }>): Promise<ExistingHousehold[]> {
      const out: ExistingHousehold[] = [];
      for (const part of chunks(keys))
        out.push(
          ...(await queryRows<ExistingHousehold>(
            db,
            sql`select h.id, h.village_code as "villageCode", h.number, h.attribute, h.identified_year as "identifiedYear", h.main_cause as "mainCause",
                  h.secondary_causes as "secondaryCauses", h.housing_safe as "housingSafe", h.drinking_water_safe as "drinkingWaterSafe",
                  h.food_secure as "foodSecure", h.clothing_secure as "clothingSecure", h.status, h.status_year as "statusYear", h.version
                from ${households} h
                join unnest(${sql.param(part.map((k) => k.villageCode))}::text[], ${sql.param(part.map((k) => k.number))}::text[]) as k(v, n)
                  on h.village_code = k.v::bpchar and h.number = k.n`,
          )),
        );
      return out;
    },

    /** The members of these households. */
    async personsOfHouseholds(ids: number[]): Promise<ExistingPerson[]> {
      const out: ExistingPerson[] = [];
      for (const part of chunks(ids))
        out.push(...(await queryRows<ExistingPerson>(db, sql`select ${sql.raw(PERSON_COLUMNS)} from ${persons} p where p.household_id = any(${sql.param(part)}::int[]) order by p.id`)));
      return out;
    },

    /** Inserts households (status 未脱贫) and returns their ids by `villageCode:number` (ids drawn from the sequence first). */
    async insertHouseholds(rows: HouseholdWrite[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      if (rows.length === 0) return ids;
      // The sequence named once: `nextval(pg_get_serial_sequence(…))` looked the name up again for every row (15 µs a
      // row, 0.4 s for 25,000 households; 1 µs with the sequence as a bound regclass).
      const [seq] = await queryRows<{ name: string }>(db, sql`select pg_get_serial_sequence('households', 'id') as name`);
      const drawn = await queryRows<{ id: number }>(db, sql`select nextval(${seq!.name}::regclass)::int as id from generate_series(1, ${rows.length})`);
      rows.forEach((r, i) => ids.set(`${r.villageCode}:${r.number}`, drawn[i]!.id));
      await copyRows(
        db,
        'households',
        ['id', 'village_code', 'number', 'attribute', 'identified_year', 'identified_on', 'main_cause', 'secondary_causes', 'housing_safe', 'drinking_water_safe',
          'food_secure', 'clothing_secure', 'status'],
        rows.map((r, i) => [drawn[i]!.id, r.villageCode, r.number, r.attribute, r.identifiedYear, r.identifiedOn, r.mainCause, r.secondaryCauses, r.housingSafe,
          r.drinkingWaterSafe, r.foodSecure, r.clothingSecure, '未脱贫']),
      );
      return ids;
    },

    /** Updates the facts of households at their expected version; returns how many matched. */
    async updateHouseholds(rows: Array<HouseholdWrite & { id: number; version: number }>): Promise<number> {
      let n = 0;
      for (const part of chunks(rows)) {
        const col = <K extends keyof (HouseholdWrite & { id: number; version: number })>(k: K) => sql.param(part.map((r) => r[k]));
        const updated = await queryRows<{ id: number }>(
          db,
          sql`update ${households} h set attribute = u.a, identified_year = u.y, main_cause = u.m, secondary_causes = u.s::jsonb,
                housing_safe = u.hs, drinking_water_safe = u.dw, food_secure = u.fs, clothing_secure = u.cs, version = h.version + 1
              from unnest(${col('id')}::int[], ${col('version')}::int[], ${col('attribute')}::text[], ${col('identifiedYear')}::int2[], ${col('mainCause')}::text[],
                ${sql.param(part.map((r) => JSON.stringify(r.secondaryCauses)))}::text[], ${col('housingSafe')}::boolean[], ${col('drinkingWaterSafe')}::boolean[],
                ${col('foodSecure')}::boolean[], ${col('clothingSecure')}::boolean[]) as u(id, ver, a, y, m, s, hs, dw, fs, cs)
              where h.id = u.id and h.version = u.ver
              returning h.id`,
        );
        n += updated.length;
      }
      return n;
    },

    async deletePersonsOf(householdIds: number[]): Promise<void> {
      for (const part of chunks(householdIds)) await db.execute(sql`delete from ${persons} where household_id = any(${sql.param(part)}::int[])`);
    },

    async insertPersons(rows: Array<{ householdId: number; person: CheckedPerson }>): Promise<void> {
      await copyRows(
        db,
        'persons',
        ['household_id', 'name', 'id_number', 'sex', 'birth_date', 'relation', 'schooling', 'dropout_for_poverty', 'health', 'disability_grade', 'labour',
          'has_qualification', 'work_months', 'work_place', 'work_income', 'medical_eligible', 'medical_insured', 'serious_illness_insured', 'pension_insured'],
        rows.map(({ householdId, person: r }) => [householdId, r.name, r.idNumber, r.sex, r.birthDate, r.relation, r.schooling, r.dropoutForPoverty, r.health,
          r.disabilityGrade, r.labour, r.hasQualification, r.workMonths, r.workPlace, r.workIncome, r.medicalEligible, r.medicalInsured, r.seriousIllnessInsured,
          r.pensionInsured]),
      );
    },

    /**
     * The first status rows of households created in this transaction: nothing to close, so the valid_to trigger is
     * told to skip them (for the rest of the transaction — call it before any other status insert).
     */
    async insertFirstStatuses(rows: StatusWrite[]): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`select set_config('taizhang.first_status_rows', 'on', true)`);
      await this.insertStatuses(rows);
      await db.execute(sql`select set_config('taizhang.first_status_rows', 'off', true)`);
    },

    async insertStatuses(rows: StatusWrite[]): Promise<void> {
      await copyRows(
        db,
        'household_status_history',
        ['household_id', 'village_code', 'status', 'year', 'effective_on', 'persons', 'attribute', 'main_cause', 'labour_ordinary', 'labour_skilled', 'labour_lost',
          'labour_none', 'reason', 'user_id', 'user_name', 'at'],
        rows.map((r) => [r.householdId, r.villageCode, r.status, r.year, r.effectiveOn, r.persons, r.attribute, r.mainCause, r.labourOrdinary, r.labourSkilled,
          r.labourLost, r.labourNone, r.reason, r.userId, r.userName, r.at]),
      );
    },

    /** One page of the roster under a code prefix, in (village, 户编号, person) order, after the given key. */
    /** `only`: just these households (a 帮扶责任人's own); all under the prefix when null. */
    async rosterPage(prefix: string, after: { villageCode: string; number: string; personId: number } | null, limit: number, only: readonly number[] | null = null) {
      return queryRows<RosterExportRow & { personId: number }>(
        db,
        sql`select h.village_code as "villageCode", coalesce(r.name, '') as "villageName", coalesce(t.name, '') as "townshipName", h.number, h.attribute,
              h.identified_year as "identifiedYear", h.main_cause as "mainCause", h.secondary_causes as "secondaryCauses", h.housing_safe as "housingSafe", h.drinking_water_safe as "drinkingWaterSafe",
              h.food_secure as "foodSecure", h.clothing_secure as "clothingSecure", h.status, h.status_year as "statusYear",
              p.id as "personId", p.name, trim(p.id_number) as "idNumber", p.relation, p.schooling, p.dropout_for_poverty as "dropoutForPoverty", p.health,
              p.disability_grade as "disabilityGrade", p.labour, p.has_qualification as "hasQualification", p.work_months as "workMonths",
              p.work_place as "workPlace", p.work_income as "workIncome", p.medical_insured as "medicalInsured",
              p.serious_illness_insured as "seriousIllnessInsured", p.pension_insured as "pensionInsured"
            from ${households} h join ${persons} p on p.household_id = h.id left join ${regions} r on r.code = h.village_code
              left join ${regions} t on t.code = r.parent_code
            where h.village_code like ${`${prefix}%`}
              ${only ? (only.length ? sql`and h.id in (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql`and false`) : sql``}
              ${after ? sql`and (h.village_code, h.number, p.id) > (${after.villageCode}::bpchar, ${after.number}::varchar, ${after.personId}::int)` : sql``}
            order by h.village_code, h.number, p.id
            limit ${limit}`,
      );
    },

    /** The households of one village with their members, for the 一览表. */
    async villageHouseholds(code: string) {
      const list = await queryRows<{ id: number; number: string; attribute: string; mainCause: string; secondaryCauses: string[]; status: string; statusYear: number | null }>(
        db,
        sql`select id, number, attribute, main_cause as "mainCause", secondary_causes as "secondaryCauses", status, status_year as "statusYear"
            from ${households} where village_code = ${code} order by number`,
      );
      const members = list.length ? await this.personsOfHouseholds(list.map((h) => h.id)) : [];
      const byHousehold = new Map<number, ExistingPerson[]>();
      for (const m of members) {
        const l = byHousehold.get(m.householdId) ?? [];
        l.push(m);
        byHousehold.set(m.householdId, l);
      }
      return list.map((h) => ({ ...h, members: byHousehold.get(h.id) ?? [] }));
    },
  };
}
export type RosterRepo = ReturnType<typeof makeRosterRepo>;
