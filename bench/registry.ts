/**
 * `npm run bench:registry` — the registry at a province's scale (issue 3): a deterministic roster of about
 * 1,000,000 persons in ~310,000 households over the real villages of Sichuan, imported through the roster import
 * (`RosterService.importRoster`: validation, one-person-one-household, bulk writes in one transaction); then the
 * statistics of the province, a county and a village, an as-of-last-year recount, and exit-rule evaluations/s.
 *
 *   scripts/with-postgres.sh npm run bench:registry                   # PostgreSQL and PGlite
 *   npx tsx bench/registry.ts --backend=pglite --persons=100000       # smaller, one backend
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { householdExit, type HouseholdFacts } from '../src/domain/registry/household-rules';
import { computeIncome, NO_TRANSFER } from '../src/domain/registry/income';
import { systemAuth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import type { RosterRow } from '../src/server/registry/roster';
import { buildServices } from '../src/server/services';
import { generateRoster, type GeneratedHousehold } from './registry-data';

import { backendsToRun, machineFacts, openBenchDatabase, type Backend } from './support';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const PERSONS = Number(args.persons ?? 1_000_000);
const HOUSEHOLDS = Math.round(PERSONS / 3.2);
const RUNS = Number(args.runs ?? 10);
const ROOT = path.resolve(import.meta.dirname, '..');
const say = (m: string) => process.stdout.write(`[bench:registry] ${m}\n`);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { medianMs: +at(0.5).toFixed(1), p95Ms: +at(0.95).toFixed(1), maxMs: +s[s.length - 1]!.toFixed(1) };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

function toRows(households: GeneratedHousehold[]): RosterRow[] {
  const rows: RosterRow[] = [];
  for (const h of households)
    for (const p of h.persons)
      rows.push({
        row: rows.length + 3,
        villageCode: h.villageCode,
        number: h.number,
        attribute: h.attribute,
        identifiedYear: h.identifiedYear,
        mainCause: h.mainCause,
        secondaryCauses: h.secondaryCauses,
        housingSafe: h.housingSafe,
        drinkingWaterSafe: h.drinkingWaterSafe,
        foodClothingSecure: true,
        person: p,
      });
  return rows;
}

async function run(backend: Backend) {
  say(`${backend}: setting up (Sichuan divisions)…`);
  const { database, cleanup } = await openBenchDatabase(backend, 'taizhang_bench_registry');
  try {
    const now = new Date('2020-06-30T10:00:00+08:00');
    const services = buildServices(database, () => now);
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench-pw', demo: false, log: () => {} });
    const root = (await services.orgs.root())!;
    const auth = systemAuth(root, { displayName: '基准测试' });
    await services.registry.setLine(auth, { year: 2019, scope: 'national', yuan: 3747, source: '基准测试用' });
    const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 and code like '51%' order by code`)).map((r) => r.code);

    const households = [...generateRoster(villages, HOUSEHOLDS)];
    const rows = toRows(households);
    say(`${backend}: ${households.length.toLocaleString()} households, ${rows.length.toLocaleString()} persons over ${villages.length.toLocaleString()} villages; importing…`);
    let lastShown = 0;
    const [result, importMs] = await timed(() =>
      services.roster.importRoster(auth, rows, (p) => {
        if (p.done - lastShown >= 100_000 || p.done === p.total) {
          lastShown = p.done;
          say(`  ${p.phase} ${p.done.toLocaleString()} / ${p.total.toLocaleString()}`);
        }
      }),
    );
    const personsPerSecond = Math.round(rows.length / (importMs / 1000));
    say(`${backend}: imported in ${(importMs / 1000).toFixed(1)} s → ${personsPerSecond.toLocaleString()} persons/s (${JSON.stringify(result)})`);

    // Income for 2019 and the exits of 2019 for ~60% of the households, written in bulk so the statistics have
    // something to count (the status path itself is covered by tests).
    const [, setupMs] = await timed(async () => {
      await database.query(`insert into household_incomes (household_id, year, wages, business, business_costs)
        select id, 2019, 6000 + (id * 37) % 9000, 1500 + (id * 13) % 3000, (id * 7) % 800 from households`);
      await database.query(`update households set status = '已脱贫', status_year = 2019, version = version + 1 where id % 10 < 6`);
      await database.query(`insert into household_status_history (household_id, village_code, status, year, effective_on, persons, attribute, main_cause,
          labour_ordinary, labour_skilled, labour_lost, labour_none, reason, user_id, user_name)
        select s.household_id, s.village_code, '已脱贫', 2019, date '2019-12-20', s.persons, s.attribute, s.main_cause,
          s.labour_ordinary, s.labour_skilled, s.labour_lost, s.labour_none, '年度脱贫', 1, '基准测试'
        from household_status_history s join households h on h.id = s.household_id where h.status = '已脱贫'`);
      await database.query('analyze');
    });
    say(`${backend}: incomes and exits written (${(setupMs / 1000).toFixed(1)} s)`);
    // Those bulk writes bypassed the services: the maintained statistics are recomputed from the history, as
    // `taizhang recompute` does (timed: it is also the cost of an upgrade).
    const [rebuilt, rebuildMs] = await timed(() => services.registry.rebuildRollup(auth));
    say(`${backend}: statistics rollup rebuilt in ${(rebuildMs / 1000).toFixed(1)} s (${JSON.stringify(rebuilt)})`);

    const regionsToTime: Array<[string, string]> = [
      ['province', '510000000000'],
      ['county', '513431000000'],
      ['village', households[0]!.villageCode],
    ];
    const latency: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, code] of regionsToTime) {
      for (let i = 0; i < 2; i++) await services.registry.statistics(auth, { region: code });
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push((await timed(() => services.registry.statistics(auth, { region: code })))[1]);
      latency[name] = stats(samples);
      say(`${backend}: statistics ${name} (${code}) median ${latency[name]!.medianMs} ms, p95 ${latency[name]!.p95Ms} ms`);
    }
    const [asOfLastYear, recountMs] = await timed(() => services.registry.statistics(auth, { region: '510000000000', asOf: '2019-12-31' }));
    const [beforeExits] = await timed(() => services.registry.statistics(auth, { region: '510000000000', asOf: '2019-06-30' }));
    say(`${backend}: as-of-last-year recount ${recountMs.toFixed(0)} ms`);

    // Exit-rule evaluations per second: the pure rule over the generated households.
    const facts: HouseholdFacts[] = households.slice(0, 100_000).map((h, i) => ({
      income: computeIncome({ wages: 6000 + ((i * 37) % 9000), business: 1500, property: 0, transfer: NO_TRANSFER, businessCosts: 300, illnessCosts: 0, schoolingCosts: 0, householdSize: h.persons.length }),
      foodSecure: true,
      clothingSecure: true,
      housingSafe: !!h.housingSafe,
      drinkingWaterSafe: !!h.drinkingWaterSafe,
      members: h.persons.map((p) => ({ name: p.name, schooling: (p.schooling ?? '已毕业') as '已毕业', medicalEligible: true, medicalInsured: !!p.medicalInsured })),
    }));
    let passed = 0;
    const t0 = performance.now();
    for (let round = 0; round < 5; round++) for (const f of facts) if (householdExit(f, 3747).passed) passed++;
    const evalMs = performance.now() - t0;
    const evaluationsPerSecond = Math.round((facts.length * 5) / (evalMs / 1000));
    say(`${backend}: exit rule ${evaluationsPerSecond.toLocaleString()} evaluations/s (${passed.toLocaleString()} passed)`);

    return {
      backend,
      persons: rows.length,
      households: households.length,
      villages: villages.length,
      import: { seconds: +(importMs / 1000).toFixed(1), personsPerSecond, result },
      statistics: latency,
      asOfLastYear: { ms: +recountMs.toFixed(1), byStatus: asOfLastYear.byStatus, midYearByStatus: beforeExits.byStatus },
      exitRule: { evaluationsPerSecond },
      rollupRebuild: { seconds: +(rebuildMs / 1000).toFixed(1), ...rebuilt },
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
  writeFileSync(path.join(ROOT, 'bench', 'registry-results.json'), JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, results }, null, 2) + '\n');
  const cell = (r: (typeof results)[number] | undefined, f: (r: (typeof results)[number]) => string) => (r ? f(r) : '—');
  const pg = results.find((r) => r.backend === 'postgres');
  const lite = results.find((r) => r.backend === 'pglite');
  const lines = [
    '## Registry (`npm run bench:registry`)',
    '',
    `${new Date().toISOString().slice(0, 10)}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}. Deterministic roster over the real villages of Sichuan, imported through \`RosterService.importRoster\` (all rows validated, one transaction); statistics through \`RegistryService.statistics\` (${RUNS} runs after 2 warm-ups). Raw numbers: \`bench/registry-results.json\`.`,
    '',
    '| | postgres | pglite |',
    '|---|---|---|',
    `| Persons / households | ${cell(pg, (r) => `${r.persons.toLocaleString()} / ${r.households.toLocaleString()}`)} | ${cell(lite, (r) => `${r.persons.toLocaleString()} / ${r.households.toLocaleString()}`)} |`,
    `| Import | ${cell(pg, (r) => `${r.import.personsPerSecond.toLocaleString()} persons/s (${r.import.seconds} s)`)} | ${cell(lite, (r) => `${r.import.personsPerSecond.toLocaleString()} persons/s (${r.import.seconds} s)`)} |`,
    ...(['province', 'county', 'village'] as const).map(
      (k) => `| Statistics: ${k} median / p95 | ${cell(pg, (r) => `${r.statistics[k]!.medianMs} / ${r.statistics[k]!.p95Ms} ms`)} | ${cell(lite, (r) => `${r.statistics[k]!.medianMs} / ${r.statistics[k]!.p95Ms} ms`)} |`,
    ),
    `| As-of-last-year recount (province, 2019-12-31) | ${cell(pg, (r) => `${r.asOfLastYear.ms} ms`)} | ${cell(lite, (r) => `${r.asOfLastYear.ms} ms`)} |`,
    `| Rebuild of the maintained statistics (\`taizhang recompute\`) | ${cell(pg, (r) => `${r.rollupRebuild.seconds} s`)} | ${cell(lite, (r) => `${r.rollupRebuild.seconds} s`)} |`,
    `| Exit rule evaluations | ${cell(pg, (r) => `${r.exitRule.evaluationsPerSecond.toLocaleString()}/s`)} | ${cell(lite, (r) => `${r.exitRule.evaluationsPerSecond.toLocaleString()}/s`)} |`,
    '',
    `Targets on PostgreSQL: import ≥ 50,000 persons/s — ${pg ? (pg.import.personsPerSecond >= 50000 ? 'met' : '**not met**') : 'not run'}; province statistics under 300 ms — ${pg ? (pg.statistics.province!.medianMs < 300 ? 'met' : '**not met**') : 'not run'}.`,
    '',
  ];
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('## Registry (`npm run bench:registry`)');
  const next = start === -1 ? -1 : current.indexOf('\n## ', start + 10);
  const notes = start === -1 ? '' : current.slice(start, next === -1 ? undefined : next).split('### Notes')[1];
  const section = lines.join('\n') + (notes ? `### Notes${notes}` : '');
  const updated = start === -1 ? `${current.trimEnd()}\n\n${section}\n` : current.slice(0, start) + section + (next === -1 ? '' : current.slice(next));
  writeFileSync(file, updated);
  say('results written to bench/registry-results.json and bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
