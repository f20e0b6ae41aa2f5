/**
 * `npm run bench:compare` — the cross-department comparison (一比对, issue 4) at a province's scale: a deterministic
 * registry of about 1,000,000 persons over the real villages of Sichuan (imported through `RosterService.importRoster`,
 * as `bench:registry` does), five department lists of 1,000,000 rows each (车辆, 商品房, 工商注册, 财政供养人员, 死亡;
 * imported through `CompareService.importList`: every ID checked, COPY in one transaction per list), of which ~1% are
 * ID numbers of registry persons; then a whole-registry comparison (`CompareService.compareRegistry`: one
 * INSERT … SELECT join) and a county's.
 *
 *   scripts/with-postgres.sh npm run bench:compare                       # PostgreSQL and PGlite
 *   npx tsx bench/compare.ts --backend=pglite --persons=100000 --rows=500000   # smaller, one backend
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ListRowInput } from '../src/domain/compare/list-row';
import { checkCharacter } from '../src/domain/registry/id-number';
import { systemAuth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import type { RosterRow } from '../src/server/registry/roster';
import { buildServices } from '../src/server/services';
import { generateRoster, rng } from './registry-data';

import { backendsToRun, machineFacts, openBenchDatabase, type Backend } from './support';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const PERSONS = Number(args.persons ?? 1_000_000);
const HOUSEHOLDS = Math.round(PERSONS / 3.2);
const ROWS = Number(args.rows ?? 5_000_000);
/** Share of department rows that are registry persons' ID numbers. */
const REGISTRY_SHARE = 0.01;
const DEPARTMENTS = ['车辆', '商品房', '工商注册', '财政供养人员', '死亡'] as const;
/** Keep the PGlite data directory / the database afterwards (for EXPLAIN and experiments). */
const KEEP = 'keep' in args;
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work');
const DB_NAME = 'taizhang_bench_compare';
const say = (m: string) => process.stdout.write(`[bench:compare] ${m}\n`);

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

/** County codes outside Sichuan: department rows of people who are not in this registry. */
const OUTSIDE = ['110105', '310104', '440106', '330106', '420106', '320102', '370102', '500103', '530102', '610113'];

function outsiderId(k: number): string {
  const county = OUTSIDE[k % OUTSIDE.length]!;
  const date = new Date(Date.UTC(1950, 0, 1) + (Math.floor(k / OUTSIDE.length) % 20000) * 86400000);
  const seq = String(Math.floor(k / (OUTSIDE.length * 20000)) % 1000).padStart(3, '0');
  const first17 = `${county}${date.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
  return first17 + checkCharacter(first17);
}

const DETAILS: Record<(typeof DEPARTMENTS)[number], (k: number) => string> = {
  车辆: (k) => `川W${String(10000 + (k % 90000))}；小型轿车`,
  商品房: (k) => `西昌市航天大道${(k % 300) + 1}号${(k % 30) + 1}-${(k % 6) + 1}01；${60 + (k % 80)}平方米`,
  工商注册: (k) => `某某商贸有限公司${k % 5000}；法定代表人`,
  财政供养人员: (k) => `某县第${(k % 40) + 1}中学；教师`,
  死亡: (k) => `死亡日期 2017-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`,
};

/**
 * One department's list, in batches of 50,000 rows as a file reader would give them: ~1% of the rows carry the ID
 * number of a registry person (drawn at random), the others valid ID numbers of people elsewhere.
 */
function* departmentRows(dept: (typeof DEPARTMENTS)[number], count: number, registryIds: string[], seed: number, tally: { registry: number }): Generator<ListRowInput[]> {
  const random = rng(seed);
  let batch: ListRowInput[] = [];
  for (let i = 0; i < count; i++) {
    const fromRegistry = random() < REGISTRY_SHARE;
    const id = fromRegistry ? registryIds[Math.floor(random() * registryIds.length)]! : outsiderId(seed * 7919 + i);
    if (fromRegistry) tally.registry++;
    batch.push({ row: i + 2, cells: [String(i + 1), `姓名${i % 1000}`, id, DETAILS[dept](i)] });
    if (batch.length === 50_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function run(backend: Backend) {
  say(`${backend}: setting up (Sichuan divisions)…`);
  const { database, cleanup } = await openBenchDatabase(backend, DB_NAME, { keep: KEEP, say });
  try {
    const now = new Date('2020-06-30T10:00:00+08:00');
    const services = buildServices(database, () => now);
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench-pw', demo: false, log: () => {} });
    const root = (await services.orgs.root())!;
    const auth = systemAuth(root, { displayName: '基准测试' });
    const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 and code like '51%' order by code`)).map((r) => r.code);

    // 1. The registry, through the roster import.
    const registryIds: string[] = [];
    let rows: RosterRow[] = [];
    let households = 0;
    for (const h of generateRoster(villages, HOUSEHOLDS)) {
      households++;
      for (const p of h.persons) {
        registryIds.push(p.idNumber);
        rows.push({ row: rows.length + 3, villageCode: h.villageCode, number: h.number, attribute: h.attribute, identifiedYear: h.identifiedYear, mainCause: h.mainCause,
          secondaryCauses: h.secondaryCauses, housingSafe: h.housingSafe, drinkingWaterSafe: h.drinkingWaterSafe, foodClothingSecure: true, person: p });
      }
    }
    say(`${backend}: ${households.toLocaleString()} households, ${rows.length.toLocaleString()} persons over ${villages.length.toLocaleString()} villages; importing the roster…`);
    const [, rosterMs] = await timed(() => services.roster.importRoster(auth, rows));
    const persons = rows.length;
    rows = [];
    say(`${backend}: roster imported in ${(rosterMs / 1000).toFixed(1)} s`);
    await database.query('analyze');

    // 2. The department lists, through the list import.
    const perList = Math.ceil(ROWS / DEPARTMENTS.length);
    const tally = { registry: 0 };
    const listIds: number[] = [];
    let listRows = 0;
    const [, listsMs] = await timed(async () => {
      for (const [i, dept] of DEPARTMENTS.entries()) {
        const count = Math.min(perList, ROWS - listRows);
        const [res, ms] = await timed(() =>
          services.compare.importList(auth, { name: `${dept}名单（基准测试）`, department: dept, fileName: `${dept}.csv` }, { headers: ['序号', '姓名', '公民身份号码', '详情'], rows: departmentRows(dept, count, registryIds, 1000 + i, tally) }),
        );
        listIds.push(res.list.id);
        listRows += res.written;
        say(`  ${dept}: ${res.written.toLocaleString()} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(res.written / (ms / 1000)).toLocaleString()} rows/s)`);
      }
    });
    const listRowsPerSecond = Math.round(listRows / (listsMs / 1000));
    say(`${backend}: ${listRows.toLocaleString()} department rows (${tally.registry.toLocaleString()} of registry persons) imported in ${(listsMs / 1000).toFixed(1)} s → ${listRowsPerSecond.toLocaleString()} rows/s`);

    // 3. The whole-registry comparison, then a county's.
    const plan = await database.query<Record<string, string>>(`explain select p.id from persons p join households h on h.id = p.household_id
      join department_list_rows r on r.id_number = p.id_number join department_lists l on l.id = r.list_id
      where r.list_id = any('{${listIds.join(',')}}'::int[]) and h.village_code like '%' and h.status <> '清退'`);
    mkdirSync(WORK, { recursive: true });
    writeFileSync(path.join(WORK, `compare-explain-${backend}.txt`), plan.map((r) => Object.values(r)[0]).join('\n') + '\n');
    say(`${backend}: comparing the whole registry with ${listIds.length} lists…`);
    const [whole, compareMs] = await timed(() => services.compare.compareRegistry(auth, { listIds }));
    const personsPerSecond = Math.round(whole.persons / (compareMs / 1000));
    say(`${backend}: ${whole.persons.toLocaleString()} persons × ${listRows.toLocaleString()} rows → ${whole.hits.toLocaleString()} hits in ${(compareMs / 1000).toFixed(1)} s (${personsPerSecond.toLocaleString()} persons/s)`);
    if (whole.hits !== tally.registry) throw new Error(`expected ${tally.registry} hits (the registry rows seeded into the lists), found ${whole.hits}`);
    const [county, countyMs] = await timed(() => services.compare.compareRegistry(auth, { region: '513431000000', listIds }));
    say(`${backend}: county 昭觉县: ${county.persons.toLocaleString()} persons → ${county.hits.toLocaleString()} hits in ${countyMs.toFixed(0)} ms`);
    const [, villagesMs] = await timed(() => services.compare.villages(auth, whole.id, { page: 1, pageSize: 20 }));
    const [, hitsMs] = await timed(() => services.compare.hits(auth, whole.id, { page: 1, pageSize: 50 }));
    say(`${backend}: first page of villages ${villagesMs.toFixed(0)} ms, of hits ${hitsMs.toFixed(0)} ms`);

    return {
      backend,
      persons,
      households,
      villages: villages.length,
      departmentRows: listRows,
      registryRowsInLists: tally.registry,
      listImport: { seconds: +(listsMs / 1000).toFixed(1), rowsPerSecond: listRowsPerSecond },
      comparison: { seconds: +(compareMs / 1000).toFixed(1), personsPerSecond, persons: whole.persons, hits: whole.hits },
      county: { ms: +countyMs.toFixed(0), persons: county.persons, hits: county.hits },
      firstPage: { villagesMs: +villagesMs.toFixed(0), hitsMs: +hitsMs.toFixed(0) },
      rosterImportSeconds: +(rosterMs / 1000).toFixed(1),
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const backends = backendsToRun(args.backend);
  const results: Array<Awaited<ReturnType<typeof run>>> = [];
  for (const b of backends) results.push(await run(b));
  const machine = machineFacts();
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(path.join(ROOT, 'bench', 'compare-results.json'), JSON.stringify({ date, machine, results }, null, 2) + '\n');
  const cell = (r: (typeof results)[number] | undefined, f: (r: (typeof results)[number]) => string) => (r ? f(r) : '—');
  const pg = results.find((r) => r.backend === 'postgres');
  const lite = results.find((r) => r.backend === 'pglite');
  const row = (label: string, f: (r: (typeof results)[number]) => string) => `| ${label} | ${cell(pg, f)} | ${cell(lite, f)} |`;
  const heading = '## Cross-department comparison (`npm run bench:compare`)';
  const lines = [
    heading,
    '',
    `${date}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}. Registry generated as in \`bench:registry\` and imported through \`RosterService.importRoster\`; five department lists imported through \`CompareService.importList\` (every ID checked, COPY, one transaction per list), ~${REGISTRY_SHARE * 100}% of their rows registry persons' ID numbers; the comparison is \`CompareService.compareRegistry\` over the whole registry (one INSERT … SELECT join writing the hits). Raw numbers: \`bench/compare-results.json\`.`,
    '',
    '| | postgres | pglite |',
    '|---|---|---|',
    row('Registry persons / households', (r) => `${r.persons.toLocaleString()} / ${r.households.toLocaleString()}`),
    row('Department rows (of registry persons)', (r) => `${r.departmentRows.toLocaleString()} (${r.registryRowsInLists.toLocaleString()})`),
    row('List import', (r) => `${r.listImport.rowsPerSecond.toLocaleString()} rows/s (${r.listImport.seconds} s)`),
    row('**Whole-registry comparison**', (r) => `**${r.comparison.seconds} s — ${r.comparison.personsPerSecond.toLocaleString()} persons/s** → ${r.comparison.hits.toLocaleString()} hits`),
    row('County comparison (昭觉县)', (r) => `${r.county.ms} ms (${r.county.persons.toLocaleString()} persons → ${r.county.hits.toLocaleString()} hits)`),
    row('First page of the run: villages / hits', (r) => `${r.firstPage.villagesMs} / ${r.firstPage.hitsMs} ms`),
    '',
    `Target on PostgreSQL: 1,000,000 persons × 5,000,000 rows under 60 s — ${pg ? (pg.comparison.seconds < 60 ? `met (${pg.comparison.seconds} s)` : `**not met** (${pg.comparison.seconds} s)`) : 'not run'}. Every run checks that the hits are exactly the registry rows seeded into the lists.`,
    '',
  ];
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf(heading);
  const next = start === -1 ? -1 : current.indexOf('\n## ', start + 10);
  const notes = start === -1 ? '' : current.slice(start, next === -1 ? undefined : next).split('### Notes')[1];
  const section = lines.join('\n') + (notes ? `### Notes${notes}` : '');
  const updated = start === -1 ? `${current.trimEnd()}\n\n${section}\n` : current.slice(0, start) + section + (next === -1 ? '' : current.slice(next));
  writeFileSync(file, updated);
  say('results written to bench/compare-results.json and bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
