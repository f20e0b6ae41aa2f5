/**
 * `npm run bench:screening` — 漏评 / 错评 / 错退 screening at a province's scale (issue 15): Sichuan's divisions, a registry
 * of 1,000,000 persons (households of three over its villages, with a 2017 income each; 80% 未脱贫 / 返贫, 20% 已脱贫, some
 * of them failing the rules) and 2,000,000 rows over the seven screening lists (低保户 … 信访户), half of them registry
 * persons' ID numbers, all written with COPY (setup, not a result). Then `services.screening.start` over the whole
 * province (the three statements: 漏评 anti-join, 错评 and 错退 over the households), and over one county.
 *
 *   TZ_PG_PORT=55443 scripts/with-postgres.sh npm run bench:screening     # PostgreSQL and PGlite
 *   npm run bench:screening -- --backend=pglite --persons=100000 --rows=200000
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCREENING_LISTS } from '../src/domain/compare/departments';
import { systemAuth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import type { Database } from '../src/server/db/connection';
import { copyTextIn } from '../src/server/db/copy';
import { buildServices } from '../src/server/services';
import { backendsToRun, machineFacts, openBenchDatabase, writeResultsSection, type Backend } from './support';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const PERSONS = Number(args.persons ?? 1_000_000);
const ROWS = Number(args.rows ?? 2_000_000);
const SIZE = 3;
const HOUSEHOLDS = Math.ceil(PERSONS / SIZE);
const PIECE = 50_000;
const HEADING = '## Screening 漏评 / 错评 / 错退 (`npm run bench:screening`)';
const ROOT = path.resolve(import.meta.dirname, '..');
const say = (m: string) => process.stdout.write(`[bench:screening] ${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** A registry person's ID number (18 characters; the run compares them, it does not check them), and an outsider's. */
const personId = (n: number) => `51${String(n).padStart(16, '0')}`;
const outsiderId = (n: number) => `52${String(n).padStart(16, '0')}`;

function* pieces(count: number, line: (i: number) => string): Iterable<string> {
  for (let at = 0; at < count; at += PIECE) {
    let out = '';
    for (let i = at; i < Math.min(at + PIECE, count); i++) out += line(i) + '\n';
    yield out;
  }
}

async function step(what: string, f: () => Promise<unknown>) {
  const t = performance.now();
  await f();
  const s = +((performance.now() - t) / 1000).toFixed(1);
  say(`  ${what} (${s} s)`);
  return s;
}

/** The registry and the lists, deterministic (the same rows on both backends). */
async function seed(database: Database) {
  const db = database.db;
  const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 and code >= '510000000000' and code < '520000000000' order by code`)).map((r) => r.code);
  const seconds: Record<string, number> = {};
  // Households: 1 in 10 返贫, 1 in 5 已脱贫; 1 in 7 of the exited without safe housing; incomes around the line.
  const status = (h: number) => (h % 5 === 0 ? '已脱贫' : h % 10 === 1 ? '返贫' : '未脱贫');
  seconds.households = await step(`${HOUSEHOLDS.toLocaleString()} households`, () =>
    copyTextIn(
      db,
      'households',
      ['id', 'village_code', 'number', 'attribute', 'identified_year', 'identified_on', 'main_cause', 'housing_safe', 'drinking_water_safe', 'food_secure', 'clothing_secure', 'status', 'status_year'],
      pieces(HOUSEHOLDS, (i) => {
        const h = i + 1;
        const exited = status(h) === '已脱贫';
        return [h, villages[(h * 7919) % villages.length], `B${h}`, '一般贫困户', 2016, '2016-06-01', '缺技术', exited && h % 7 === 0 ? 'f' : 't', 't', 't', 't', status(h), exited ? 2017 : '\\N'].join('\t');
      }),
    ),
  );
  await database.query(`select setval(pg_get_serial_sequence('households', 'id'), ${HOUSEHOLDS})`);
  seconds.persons = await step(`${PERSONS.toLocaleString()} persons`, () =>
    copyTextIn(
      db,
      'persons',
      ['household_id', 'name', 'id_number', 'sex', 'birth_date', 'relation', 'labour', 'medical_insured'],
      pieces(PERSONS, (i) => [1 + Math.floor(i / SIZE), `成员${i}`, personId(i), i % 2 ? '男' : '女', '1980-01-01', i % SIZE === 0 ? '户主' : '子女', '普通劳动力', 't'].join('\t')),
    ),
  );
  // 2017 wages per household: 未脱贫 mostly below the line, 1 in 13 above it (错评); exited mostly above, 1 in 11 below (错退).
  seconds.incomes = await step('incomes of 2017', () =>
    copyTextIn(
      db,
      'household_incomes',
      ['household_id', 'year', 'wages'],
      pieces(HOUSEHOLDS, (i) => {
        const h = i + 1;
        const high = status(h) === '已脱贫' ? h % 11 !== 0 : h % 13 === 0;
        return [h, 2017, high ? 20000 : 6000].join('\t');
      }),
    ),
  );
  // Seven lists, the rows spread over them; every other row a registry person's ID number.
  const perList = Math.ceil(ROWS / SCREENING_LISTS.length);
  const listIds: number[] = [];
  seconds.lists = await step(`${ROWS.toLocaleString()} rows of ${SCREENING_LISTS.length} screening lists`, async () => {
    for (const [k, kind] of SCREENING_LISTS.entries()) {
      const [l] = await database.query<{ id: number }>(`insert into department_lists (name, department, file_name, rows, region_prefix, user_id) values ('${kind}名单', '${kind}', 'bench.csv', 0, '51', 1) returning id`);
      const count = Math.min(perList, ROWS - k * perList);
      await copyTextIn(db, 'department_list_rows', ['list_id', 'row_no', 'id_number', 'name', 'detail'], pieces(count, (i) => {
        const n = k * perList + i;
        return [l!.id, i + 2, n % 2 ? personId((n * 31) % PERSONS) : outsiderId(n), `名单人${n}`, kind].join('\t');
      }));
      await database.query(`update department_lists set rows = ${count} where id = ${l!.id}`);
      listIds.push(l!.id);
    }
  });
  seconds.analyze = await step('analyze', () => database.query('analyze'));
  return { seconds, listIds };
}

async function run(backend: Backend) {
  say(`${backend}: setting up (Sichuan divisions)…`);
  const { database, cleanup } = await openBenchDatabase(backend, 'taizhang_bench_screening', { keep: args.keep === 'true', say });
  try {
    const now = new Date('2018-03-31T10:00:00+08:00');
    const services = buildServices(database, () => now);
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench-pw', demo: false, log: () => {} });
    const auth = systemAuth((await services.orgs.root())!, { displayName: '基准测试' });
    const { seconds: setup, listIds } = await seed(database);
    const q1 = async (text: string) => (await database.query<{ n: number }>(text))[0]!.n;
    // What the flags must be, counted directly.
    const expected = {
      missed: await q1(`select count(*)::int as n from department_list_rows r where not exists (select 1 from persons p where p.id_number = r.id_number)`),
    };
    let t = performance.now();
    const province = await services.screening.start(auth, { region: '51', listIds });
    const provinceMs = performance.now() - t;
    say(`${backend}: province: ${JSON.stringify(province.inScope)} in ${(provinceMs / 1000).toFixed(1)} s`);
    const county = (await database.query<{ c: string }>(`select substr(village_code, 1, 6) as c from households group by 1 order by count(*) desc, 1 limit 1`))[0]!.c;
    t = performance.now();
    const one = await services.screening.start(auth, { region: county, listIds: [] });
    const countyMs = performance.now() - t;
    say(`${backend}: county ${county}: ${JSON.stringify(one.inScope)} in ${countyMs.toFixed(0)} ms`);
    t = performance.now();
    const page = await services.screening.flags(auth, province.id, { page: 1, pageSize: 20 });
    const pageMs = performance.now() - t;
    return {
      backend,
      persons: PERSONS,
      households: HOUSEHOLDS,
      listRows: ROWS,
      setupSeconds: setup,
      province: { seconds: +(provinceMs / 1000).toFixed(1), ...province.inScope },
      county: { region: county, ms: +countyMs.toFixed(0), ...one.inScope },
      firstPageMs: +pageMs.toFixed(0),
      flagsOnPage: page.items.length,
      check: { missedDirect: expected.missed, equal: expected.missed === province.inScope.missed },
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const results: Array<Awaited<ReturnType<typeof run>>> = [];
  for (const b of backendsToRun(args.backend)) results.push(await run(b));
  const machine = machineFacts();
  writeFileSync(path.join(ROOT, 'bench', 'screening-results.json'), JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, results }, null, 2) + '\n');
  const pg = results.find((r) => r.backend === 'postgres');
  const lite = results.find((r) => r.backend === 'pglite');
  type R = (typeof results)[number];
  const row = (label: string, f: (r: R) => string) => `| ${label} | ${pg ? f(pg) : 'not run'} | ${lite ? f(lite) : 'not run'} |`;
  writeResultsSection(HEADING, [
    '',
    `${new Date().toISOString().slice(0, 10)}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}. Sichuan's divisions; ${PERSONS.toLocaleString()} registry persons in ${HOUSEHOLDS.toLocaleString()} households with a 2017 income each, and ${ROWS.toLocaleString()} rows over the seven screening lists (half of them registry persons), written with COPY (setup, not a result). Timed: \`services.screening.start\` (one transaction: the 漏评 anti-join, the 错评 and 错退 statements over the households, the counts). Raw numbers: \`bench/screening-results.json\`.`,
    '',
    '| | postgres | pglite |',
    '|---|---|---|',
    row('**Province run (1M persons × 2M rows)**', (r) => `**${r.province.seconds} s** → 漏评 ${r.province.missed.toLocaleString()}, 错评 ${r.province.wrong.toLocaleString()}, 错退 ${r.province.risk.toLocaleString()}`),
    row('County run (no lists: 错评 / 错退 only)', (r) => `${r.county.ms} ms → 错评 ${r.county.wrong}, 错退 ${r.county.risk}`),
    row('First page of the province’s flags', (r) => `${r.firstPageMs} ms`),
    row('Check: 漏评 = list rows not in the registry, counted directly', (r) => `${r.check.missedDirect.toLocaleString()} — ${r.check.equal ? 'equal' : '**differ**'}`),
    row('Setup: households / persons / incomes / lists / analyze', (r) => `${r.setupSeconds.households} / ${r.setupSeconds.persons} / ${r.setupSeconds.incomes} / ${r.setupSeconds.lists} / ${r.setupSeconds.analyze} s`),
    '',
    `Target (issue 15): under 30 s on PostgreSQL — ${pg ? (pg.province.seconds < 30 ? `met (${pg.province.seconds} s)` : `**not met** (${pg.province.seconds} s)`) : 'not run'}.`,
    '',
  ]);
  say('results written to bench/screening-results.json and bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
