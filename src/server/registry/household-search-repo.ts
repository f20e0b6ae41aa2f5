import { sql, type SQL } from 'drizzle-orm';
import type { HouseholdTextSearch } from '../../domain/registry/household-search';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';

/**
 * The household list and search (issue 13: “lists and search that do not grow with the registry”). Every query is
 * answered by an index whatever the size of the registry (test/api/household-search.test.ts checks the plans):
 * - the region is a range on the (village_code, number) index (`underPrefix`), a status the
 *   (status, village_code, number) index, and a page starts after the last household of the one before (keyset:
 *   `(village_code, number) > after`), so a page reads its own rows only;
 * - a text is looked for household ids first (`matches`: the unique index of persons.id_number for a whole ID number,
 *   the trigram indexes of migration 0022 for a part of one, a name or a household number; inside a town or village a
 *   short text through the region's households), joined to the households afterwards;
 * - the head and the size of the page's households in one grouped query, after the page is chosen.
 */

export interface HouseholdFilter {
  /** Region-code prefix ('' = everything). */
  prefix: string;
  status?: string;
  /** Just these households (a 帮扶责任人's own); all under the prefix when null. */
  only: readonly number[] | null;
  text: HouseholdTextSearch | null;
}

/** Where a page starts: after this household in (village_code, number) order. */
export interface HouseholdKey {
  villageCode: string;
  number: string;
}

export interface HouseholdListRow {
  id: number;
  villageCode: string;
  villageName: string | null;
  number: string;
  attribute: string;
  status: string;
  statusYear: number | null;
  mainCause: string;
}

const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** The households of the filter's region (and own list) under alias `h`. */
function inScope(f: HouseholdFilter, alias: string): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const own = f.only ? (f.only.length ? sql` and ${col('id')} in (${idList(f.only)})` : sql` and false`) : sql``;
  return sql`${underPrefix(col('village_code'), f.prefix)}${own}`;
}

/** The ids of the households a text finds (a union of indexed look-ups), or null without a text. */
export function matchesSql(f: HouseholdFilter): SQL | null {
  const t = f.text;
  if (!t) return null;
  const parts: SQL[] = [];
  if (t.whole) parts.push(sql`select household_id as id from persons where id_number = ${t.whole}`);
  if (t.idPattern) parts.push(sql`select household_id as id from persons where id_number::text like ${t.idPattern}`);
  if (t.name)
    parts.push(
      t.name.bounded
        ? sql`select p.household_id as id from households hs join persons p on p.household_id = hs.id where ${inScope(f, 'hs')} and p.name like ${t.name.pattern}`
        : sql`select household_id as id from persons where name like ${t.name.pattern}`,
    );
  if (t.number)
    parts.push(
      t.number.bounded
        ? sql`select hs.id from households hs where ${inScope(f, 'hs')} and hs.number like ${t.number.pattern}`
        : sql`select id from households where number like ${t.number.pattern}`,
    );
  if (!parts.length) return sql`select null::int as id where false`;
  // A household with two matching members (or found by two look-ups) is one household.
  return sql`select distinct id from (${sql.join(parts, sql` union all `)}) u`;
}

const COLUMNS = sql.raw(`h.id, h.village_code as "villageCode", h.number, h.attribute, h.status, h.status_year as "statusYear", h.main_cause as "mainCause"`);

function conditions(f: HouseholdFilter, after: HouseholdKey | null): SQL {
  const status = f.status ? sql` and h.status = ${f.status}` : sql``;
  const start = after ? sql` and (h.village_code, h.number) > (${after.villageCode}, ${after.number})` : sql``;
  return sql`${inScope(f, 'h')}${status}${start}`;
}

/**
 * The households the filter finds (`select <columns> from … where …`, alias h). With a text, the matches drive: each
 * found id is looked up by primary key (the `offset 0` keeps the planner from turning this around into a walk over
 * every household of the region probing the matches, and keeps the region's conditions from choosing the region's
 * index over the primary key), so the work is the matches' number, not the region's size.
 */
function found(f: HouseholdFilter, columns: SQL, after: HouseholdKey | null): SQL {
  const m = matchesSql(f);
  if (!m) return sql`select ${columns} from households h where ${conditions(f, after)}`;
  return sql`with m as materialized (${m})
    select ${columns} from m cross join lateral (select h.* from households h where h.id = m.id offset 0) h where ${conditions(f, after)}`;
}

/** One page of the list in (village_code, number) order: `limit` households after `after` (or from `offset`). */
export function listSql(f: HouseholdFilter, after: HouseholdKey | null, limit: number, offset = 0): SQL {
  // The village's name is joined to the page's rows only.
  return sql`select p.*, r.name as "villageName" from (${found(f, COLUMNS, after)}
      order by h.village_code, h.number limit ${limit}${offset ? sql` offset ${offset}` : sql``}) p
    left join regions r on r.code = p."villageCode"
    order by p."villageCode", p.number`;
}

/** How many households the filter finds, counting at most `cap + 1` of them. */
export function countSql(f: HouseholdFilter, cap: number | null): SQL {
  const inner = found(f, sql`1 as one`, null);
  return cap === null ? sql`select count(*)::int as n from (${inner}) x` : sql`select count(*)::int as n from (${inner} limit ${cap + 1}) x`;
}

/** The head's name and the number of members of each of `ids` (one grouped look-up on persons_household_idx). */
export function membersSql(ids: readonly number[]): SQL {
  return sql`select household_id as id, count(*)::int as size, min(name) filter (where relation = '户主') as head
    from persons where household_id in (${idList(ids)}) group by household_id`;
}

export function makeHouseholdSearchRepo(db: Db) {
  return {
    /** A page of households with their heads and sizes, in (village_code, number) order. */
    async listHouseholds(f: HouseholdFilter, after: HouseholdKey | null, limit: number, offset = 0): Promise<Array<HouseholdListRow & { head: string | null; size: number }>> {
      const rows = await queryRows<HouseholdListRow>(db, listSql(f, after, limit, offset));
      if (!rows.length) return [];
      const members = new Map((await queryRows<{ id: number; size: number; head: string | null }>(db, membersSql(rows.map((r) => r.id)))).map((m) => [m.id, m]));
      return rows.map((r) => ({ ...r, head: members.get(r.id)?.head ?? null, size: members.get(r.id)?.size ?? 0 }));
    },
    /** The number of households the filter finds; with `cap`, at most `cap + 1` are counted. */
    async countHouseholds(f: HouseholdFilter, cap: number | null): Promise<number> {
      const [row] = await queryRows<{ n: number }>(db, countSql(f, cap));
      return row?.n ?? 0;
    },
  };
}

export type HouseholdSearchRepo = ReturnType<typeof makeHouseholdSearchRepo>;
