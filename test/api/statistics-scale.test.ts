import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../../src/domain/registry/rollup';
import { MIGRATIONS_DIR, queryRows, type Db } from '../../src/server/db/connection';
import { makeRegistryRepo } from '../../src/server/registry/repo';
import { directFigures, figuresAsOf } from '../../src/server/registry/rollup';
import { makeStatisticsService, yearFiguresOf } from '../../src/server/registry/statistics-service';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const id = idNumber;
/** The tables a statistic must never scan (issue 13: “no seq scan on any request path”). */
const BIG_TABLES = ['households', 'persons', 'household_status_history', 'household_incomes', 'village_profiles', 'village_year_figures'];

/**
 * What is wrong with a plan, if anything: a big table read by a Seq Scan, or by an index scan without an index
 * condition or with the region code in its filter (a walk of the whole index, which `enable_seqscan = off` would
 * choose over a Seq Scan).
 */
function scanProblem(plan: string): string | null {
  const nodes = plan.split(/\n(?=\s*->)/);
  for (const node of nodes) {
    const head = node.split('\n')[0]!;
    const seq = /Seq Scan on (\w+)/.exec(head);
    if (seq && BIG_TABLES.includes(seq[1]!)) return `Seq Scan on ${seq[1]}`;
    const index = /(?:Index Scan|Index Only Scan)(?: Backward)? using (\w+) on (\w+)/.exec(head);
    if (index && BIG_TABLES.includes(index[2]!) && !node.includes('Index Cond')) return `whole index ${index[1]} of ${index[2]}`;
    // A region condition left to the filter: the index walked for another column (every row of the registry's dates).
    if (index && BIG_TABLES.includes(index[2]!) && /Filter: .*\b(village_code|region_code)\b/.test(node)) return `${index[2]} by region in a filter (${index[1]})`;
    const bitmap = /Bitmap Index Scan on (\w+)/.exec(head);
    if (bitmap && !node.includes('Index Cond')) return `whole index ${bitmap[1]}`;
  }
  return null;
}

/** A Db whose raw queries (every query of the statistics path goes through `queryRows`) are recorded. */
function recording(db: Db, into: SQL[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (q: SQL) => {
          into.push(q);
          return target.execute(q);
        };
      if (prop === 'transaction') return (fn: (tx: Db) => unknown) => target.transaction((tx) => fn(recording(tx as unknown as Db, into)) as never);
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * Issue 13: “Every statistic from maintained figures or an index” — the registry, a province, a county, a town (from
 * the rollup) and a village (its own rows through their indexes) answer alike with a direct count of the tables, today
 * and as of a past date, after writes and after a rebuild; no query of the statistics path scans a big table.
 */
describe.each(dbKinds())('statistics at every level from maintained figures or an index, on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let other: string;
  let prefixes: string[];
  const dates = ['2015-06-30', '2019-12-31', '2020-06-30'];

  /** The direct counts the statistics were written as before issue 13 (a scan of the tables, read here as the truth). */
  async function direct(prefix: string, year: number) {
    const db = t.database.db;
    const like = `${prefix}%`;
    const [villages] = await queryRows(
      db,
      sql`select count(*) filter (where poor_village and identified_year <= ${year})::int as poor,
                 count(*) filter (where poor_village and exited and exit_year <= ${year})::int as exited,
                 coalesce(sum(certified_population), 0)::int as population
          from village_profiles where region_code like ${like}`,
    );
    const [totals] = await queryRows(
      db,
      sql`select count(*)::int as reported, sum(collective_income)::float8 as "collectiveIncome",
                 sum(planned_households)::int as "plannedHouseholds", sum(planned_persons)::int as "plannedPersons"
          from village_year_figures where region_code like ${like} and year = ${year}`,
    );
    const [identified] = await queryRows(
      db,
      sql`select count(*)::int as households, coalesce(sum((select count(*) from persons p where p.household_id = h.id)), 0)::int as persons
          from households h where h.village_code like ${like} and h.identified_year = ${year}`,
    );
    const planned = await queryRows(
      db,
      sql`select year, coalesce(sum(planned_households), 0)::int as households, coalesce(sum(planned_persons), 0)::int as persons
          from village_year_figures where region_code like ${like} group by year order by year`,
    );
    return { villages, totals, identified, planned };
  }

  async function maintained(prefix: string, year: number) {
    const repo = makeRegistryRepo(t.database.db);
    return {
      villages: await repo.villageCounts(prefix, year),
      totals: await repo.villageYearTotals(prefix, year),
      identified: await repo.identifiedIn(prefix, year),
      planned: await repo.plannedExits(prefix),
    };
  }

  /** Every figure at every level and date: maintained (or a village's own) against the direct count. */
  async function expectAllAgree() {
    const repo = makeRegistryRepo(t.database.db);
    for (const prefix of prefixes)
      for (const date of dates) {
        const year = Number(date.slice(0, 4));
        expect(await maintained(prefix, year), `${prefix || '全部'} ${year}`).toEqual(await direct(prefix, year));
        expect(await maintained(prefix, year - 1), `${prefix || '全部'} ${year - 1}`).toEqual(await direct(prefix, year - 1));
        const figures = summarise(await figuresAsOf(repo, prefix, date, year - 1), year - 1);
        expect(figures, `${prefix || '全部'}@${date}`).toEqual(summarise(await directFigures(repo, prefix, date, year - 1), year - 1));
      }
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.admin;
    // A village of another county (西昌市) and province (湖南), so the prefixes select something different at each level.
    const first = async (prefix: string) => (await t.database.query<{ code: string }>(`select code from regions where level = 5 and code like $1 order by code limit 1`, [`${prefix}%`]))[0]!.code;
    other = await first('513401');
    const hunan = await first('43');
    prefixes = ['', '51', '43', '5134', '513431', '513401', '513431100', '513431101', XINCHENG_VILLAGE, CHENGBEI_VILLAGE, other, hunan];
    await admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    for (const [village, number, persons, over] of [
      [XINCHENG_VILLAGE, '0001', [member('甲', id('19800101', '001'), '户主'), member('甲妻', id('19820101', '002'), '配偶')], {}],
      [XINCHENG_VILLAGE, '0002', [member('乙', id('19700101', '011'), '户主')], { identifiedYear: 2015 }],
      [CHENGBEI_VILLAGE, '0001', [member('丙', id('19900101', '021'), '户主'), member('丙妻', id('19910101', '022'), '配偶')], { identifiedYear: 2016 }],
      [other, '0001', [member('丁', id('19850101', '031', '513401'), '户主')], {}],
    ] as const) {
      const res = await admin.post('/api/registry/households', householdBody(village, number, [...persons], over));
      expect(res.statusCode, res.body).toBe(201);
    }
    const villageWrites: Array<[string, Record<string, unknown>]> = [
      [XINCHENG_VILLAGE, { poorVillage: true, identifiedYear: 2014, exited: false, certifiedPopulation: 820 }],
      [CHENGBEI_VILLAGE, { poorVillage: true, identifiedYear: 2016, exited: true, exitYear: 2019, certifiedPopulation: 600 }],
      [other, { poorVillage: false, exited: false, certifiedPopulation: null }],
      [hunan, { poorVillage: true, identifiedYear: 2015, exited: false, certifiedPopulation: 300 }],
    ];
    for (const [code, body] of villageWrites) {
      const res = await admin.request({ method: 'PUT', url: `/api/registry/villages/${code}`, payload: { ...body, version: null } });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const [code, year, body] of [
      [XINCHENG_VILLAGE, 2019, { collectiveIncome: 52000, plannedHouseholds: 3, plannedPersons: 9 }],
      [XINCHENG_VILLAGE, 2020, { collectiveIncome: null, plannedHouseholds: 2, plannedPersons: null }],
      [CHENGBEI_VILLAGE, 2019, { collectiveIncome: 81000, plannedHouseholds: null, plannedPersons: 4 }],
      [other, 2019, {}],
    ] as const) {
      const res = await admin.request({ method: 'PUT', url: `/api/registry/villages/${code}/years/${year}`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('answers every level, today and as of a past date, as a direct count does; after changes and after a rebuild', async () => {
    await expectAllAgree();
    // A town is kept in the rollup now: its figures are the rollup's, equal to the direct count.
    const town = (await admin.get('/api/registry/statistics?region=513431100000&asOf=2020-06-30')).json();
    expect(town.villages).toEqual({ poor: 1, exited: 0, population: 820 });
    expect(town.byStatus).toEqual([{ status: '未脱贫', households: 2, persons: 3 }]);

    // Changes: a profile corrected (exit, population), a year figure changed and one cleared, a household grown and
    // its identified year corrected, an income and an exit.
    const xincheng = (await admin.get(`/api/registry/villages/${XINCHENG_VILLAGE}`)).json();
    let res = await admin.request({
      method: 'PUT',
      url: `/api/registry/villages/${XINCHENG_VILLAGE}`,
      payload: { poorVillage: true, identifiedYear: 2014, exited: true, exitYear: 2020, certifiedPopulation: 835, version: xincheng.profile.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    // A stale version writes nothing, the figures included.
    res = await admin.request({ method: 'PUT', url: `/api/registry/villages/${XINCHENG_VILLAGE}`, payload: { poorVillage: false, exited: false, version: xincheng.profile.version } });
    expect(res.statusCode).toBe(409);
    res = await admin.request({ method: 'PUT', url: `/api/registry/villages/${CHENGBEI_VILLAGE}/years/2019`, payload: { collectiveIncome: 90000, plannedHouseholds: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    res = await admin.request({ method: 'PUT', url: `/api/registry/villages/${XINCHENG_VILLAGE}/years/2020`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const hits = (await admin.get(`/api/registry/households?region=${XINCHENG_VILLAGE}`)).json().items as Array<{ id: number; number: string }>;
    const a = hits.find((h) => h.number === '0001')!.id;
    const b = hits.find((h) => h.number === '0002')!.id;
    let h = (await admin.get(`/api/registry/households/${b}`)).json();
    res = await admin.patch(`/api/registry/households/${b}`, { identifiedYear: 2014, persons: [...h.persons, member('乙妻', id('19720101', '042'), '配偶')], version: h.version });
    expect(res.statusCode, res.body).toBe(200);
    h = (await admin.request({ method: 'PUT', url: `/api/registry/households/${a}/incomes/2019`, payload: { wages: 9000, business: 1000 } })).json();
    res = await admin.post(`/api/registry/households/${a}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version });
    expect(res.statusCode, res.body).toBe(200);
    await expectAllAgree();
    expect(await maintained('513431100', 2014)).toMatchObject({ identified: { households: 2, persons: 4 }, villages: { poor: 1, exited: 0, population: 835 } });
    expect((await maintained('', 2020)).villages).toEqual({ poor: 3, exited: 2, population: 1735 });

    // A rebuild (`taizhang recompute`) from the tables gives the same figures.
    const before = await t.database.query(`select * from registry_village_rollup order by region, dim, key`);
    // (Rows a change undid are kept at zero until pruned; a rebuild writes none.)
    const kept = `select * from registry_rollup where households <> 0 or persons <> 0 or amount <> 0 order by region, "on", dim, key`;
    const rollup = await t.database.query(kept);
    await t.database.query(`delete from registry_village_rollup`);
    await t.database.query(`update registry_rollup set households = households + 1 where region = '513431100'`);
    await t.services.registry.rebuildRollup(t.rootAuth);
    expect(await t.database.query(`select * from registry_village_rollup order by region, dim, key`)).toEqual(before);
    expect(await t.database.query(kept)).toEqual(rollup);
    await expectAllAgree();

    // The migration's one-time fill of the village rollup gives what the rebuild does.
    const file = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('.sql') && readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').includes('-- custom (village rollup fill)'));
    const fill = readFileSync(path.join(MIGRATIONS_DIR, file!), 'utf8').split('-- custom (village rollup fill)')[1]!.split('--> statement-breakpoint')[0]!;
    await t.database.query(`delete from registry_village_rollup`);
    await t.database.query(fill);
    expect(await t.database.query(`select * from registry_village_rollup order by region, dim, key`)).toEqual(before);
  });

  it('runs no query of the statistics path that scans a big table (EXPLAIN with seq scans off)', async () => {
    const queries: SQL[] = [];
    const repo = makeRegistryRepo(recording(t.database.db, queries));
    const service = makeStatisticsService({ repo, regions: t.services.regions, now: () => TEST_NOW });
    for (const prefix of prefixes) {
      const code = prefix.padEnd(12, '0');
      for (const asOf of ['2019-12-31', '2020-06-30']) await service.statistics(t.rootAuth, prefix ? { region: code, asOf } : { asOf });
      await yearFiguresOf(repo, prefix, 2019);
    }
    const dialect = (t.database.db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string } } }).dialect;
    const text = queries.map((q) => dialect.sqlToQuery(q).sql);
    // The statistics read the maintained tables for the registry down to a town, a village's own rows otherwise.
    expect(text.some((q) => q.includes('registry_village_rollup'))).toBe(true);
    expect(text.some((q) => q.includes('household_status_history'))).toBe(true);
    expect(text.some((q) => q.includes('village_profiles'))).toBe(true);
    const scans: string[] = [];
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const q of queries) {
        const plan = (await queryRows<{ 'QUERY PLAN': string }>(tx as unknown as Db, sql`explain ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
        const problem = scanProblem(plan);
        if (problem) scans.push(`${problem}: ${dialect.sqlToQuery(q).sql}\n${plan}`);
      }
    });
    expect(scans).toEqual([]);
  });
});
