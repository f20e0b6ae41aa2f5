/**
 * `npm run bench:funds` — 扶贫资金与项目库 at a province's scale (issue 14): Sichuan's divisions, the funds of 2015–2017
 * from four sources allocated to the province and passed down to each of its counties, 100,000 projects over its
 * villages and 1,000,000 payments (拨付) from the counties' allocations, written with SQL (setup, not timed as a result)
 * together with the maintained figures the service keeps (`fund_spending`, allocations' passed-down and paid totals);
 * then, through the service, the province's spending progress by county and by city as of the year's end and as of
 * mid-year, the 7 + 3 + 2 points, a county's project list and a county's payments (median / p95 after warm-up).
 *
 *   scripts/with-postgres.sh npm run bench:funds                      # PostgreSQL and PGlite
 *   npm run bench:funds -- --backend=pglite --projects=10000 --payments=100000
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { systemAuth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import type { Database } from '../src/server/db/connection';
import { buildServices } from '../src/server/services';
import { backendsToRun, machineFacts, openBenchDatabase, writeResultsSection, type Backend } from './support';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const PROJECTS = Number(args.projects ?? 100_000);
const PAYMENTS = Number(args.payments ?? 1_000_000);
const RUNS = Number(args.runs ?? 30);
const WARMUP = 3;
const PROVINCE = '510000000000';
const SOURCES = ['central', 'provincial', 'integrated', 'east_west'];
const HEADING = '## Funds and projects (`npm run bench:funds`)';
const ROOT = path.resolve(import.meta.dirname, '..');
const say = (m: string) => process.stdout.write(`[bench:funds] ${new Date().toISOString().slice(11, 19)} ${m}\n`);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { runs: s.length, medianMs: +at(0.5).toFixed(2), p95Ms: +at(0.95).toFixed(2), maxMs: +s[s.length - 1]!.toFixed(2) };
}

async function timedRuns(f: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function step(what: string, f: () => Promise<unknown>) {
  const t = performance.now();
  await f();
  const s = +((performance.now() - t) / 1000).toFixed(1);
  say(`  ${what} (${s} s)`);
  return s;
}

/**
 * The funds, projects and payments, with the figures the service maintains written as it would have written them.
 * Deterministic: every run and both backends get the same rows (each insert is ordered, so the ids are too).
 */
async function seed(database: Database) {
  const q = (text: string) => database.query(text);
  const sources = `array[${SOURCES.map((s) => `'${s}'`).join(', ')}]`;
  const seconds: Record<string, number> = {};
  seconds.allocations = await step('allocations: the province’s and its counties’', async () => {
    await q(`insert into fund_allocations (year, source, region_code, parent_id, parent_region, amount, document_no, allocated_on, created_by)
      select y, s, '${PROVINCE}', null, null, 0, '川财农〔' || y || '〕' || (1 + array_position(${sources}, s)) || '号', make_date(y, 1, 10), 1
        from generate_series(2015, 2017) y cross join unnest(${sources}) s order by y, s`);
    await q(`insert into fund_allocations (year, source, region_code, parent_id, parent_region, amount, document_no, allocated_on, created_by)
      select p.year, p.source, c.code, p.id, p.region_code, 0, '县财农〔' || p.year || '〕' || c.code, make_date(p.year, 2, 1), 1
        from fund_allocations p cross join regions c where p.parent_id is null and c.level = 3 and c.code >= '510000000000' and c.code < '520000000000'
        order by p.year, p.source, c.code`);
  });
  await q(`create temp table bench_villages as select code, row_number() over (order by code) as n from regions where level = 5 and code >= '510000000000' and code < '520000000000'`);
  seconds.projects = await step(`${PROJECTS.toLocaleString()} projects`, async () => {
    await q(`insert into projects (year, name, village_code, reach, use, use_reason, content, budget, approval_step, created_by)
      select 2015 + g % 3, '项目 ' || g, v.code, (array['village', 'household', 'other'])[1 + g % 3],
             (array['industry', 'infrastructure', 'employment', 'education', 'health', 'finance'])[1 + g % 6], '', '基准测试项目', 0, 3, 1
        from generate_series(1, ${PROJECTS}) g join bench_villages v on v.n = 1 + (g * 7919) % (select count(*) from bench_villages) order by g`);
  });
  seconds.payments = await step(`${PAYMENTS.toLocaleString()} payments`, async () => {
    await q(`insert into fund_payments (project_id, allocation_id, fund_year, region_code, village_code, paid_on, amount, purpose, voucher_no, created_by)
      select p.id, a.id, a.year, a.region_code, p.village_code, make_date(p.year, 3, 1) + (g % 300), 500 + (g * 37) % 20000, '拨付', 'PZ' || g, 1
        from generate_series(1, ${PAYMENTS}) g
        join projects p on p.id = 1 + g % ${PROJECTS}
        join fund_allocations a on a.region_code = substr(p.village_code, 1, 6) || '000000' and a.year = p.year and a.source = (${sources})[1 + g % ${SOURCES.length}]
        order by g`);
  });
  seconds.figures = await step('maintained figures (fund_spending, paid, passed down, budgets, amounts)', async () => {
    await q(`insert into fund_spending (year, region_code, paid_on, amount) select fund_year, region_code, paid_on, sum(amount) from fund_payments group by 1, 2, 3`);
    await q(`update projects p set paid = s.paid, budget = s.paid + 10000 from (select project_id, sum(amount) as paid from fund_payments group by 1) s where s.project_id = p.id`);
    await q(`update projects set budget = 10000 where budget = 0`);
    // Each county's allocation is its payments over a rate between 88% and 99.99% (by county and year), so that some
    // counties are above the seed's 92% and some are not.
    await q(`update fund_allocations a set paid = s.paid, amount = greatest(1, (s.paid * 10000) / (8800 + (a.id * 7919) % 1200))
      from (select allocation_id, sum(amount) as paid from fund_payments group by 1) s where s.allocation_id = a.id`);
    await q(`update fund_allocations set amount = 100000 where amount = 0 and parent_id is not null`);
    await q(`update fund_allocations p set passed_down = s.total, amount = s.total + 1000000
      from (select parent_id, sum(amount) as total from fund_allocations where parent_id is not null group by 1) s where s.parent_id = p.id`);
    await q('analyze');
  });
  return seconds;
}

async function run(backend: Backend) {
  say(`${backend}: setting up (Sichuan divisions)…`);
  const { database, cleanup } = await openBenchDatabase(backend, 'taizhang_bench_funds', { keep: args.keep === 'true', say });
  try {
    const now = new Date('2018-03-31T10:00:00+08:00');
    const services = buildServices(database, () => now);
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench-pw', demo: false, log: () => {} });
    const auth = systemAuth((await services.orgs.root())!, { displayName: '基准测试' });
    const setup = await seed(database);
    const counties = (await database.query<{ n: number }>(`select count(*)::int as n from regions where level = 3 and code >= '510000000000' and code < '520000000000'`))[0]!.n;
    const county = (await database.query<{ county: string }>(`select region_code as county from fund_payments group by 1 order by count(*) desc, 1 limit 1`))[0]!.county;
    const funds = services.funds;

    const cases: Array<[string, () => Promise<unknown>]> = [
      ['province by county, 2017, as of 2017-12-31', () => funds.progress(auth, { region: PROVINCE, year: 2017, asOf: '2017-12-31', by: 'county' })],
      ['province by county, 2017, as of 2017-06-30', () => funds.progress(auth, { region: PROVINCE, year: 2017, asOf: '2017-06-30', by: 'county' })],
      ['province by city, 2017, as of 2017-12-31', () => funds.progress(auth, { region: PROVINCE, year: 2017, asOf: '2017-12-31', by: 'child' })],
      ['points 7 + 3 + 2 of the province, 2017', () => funds.performance(auth, { region: PROVINCE, year: 2017, asOf: '2017-12-31' })],
      ['project list of the largest county, page 1', () => funds.projects(auth, { region: county.slice(0, 6), page: 1, pageSize: 20 })],
    ];
    const latency: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, f] of cases) {
      latency[name] = await timedRuns(f);
      say(`${backend}: ${name}: ${JSON.stringify(latency[name])}`);
    }
    // The figures read through the service equal a direct sum of the payments.
    const progress = await funds.progress(auth, { region: PROVINCE, year: 2017, asOf: '2017-12-31', by: 'county' });
    const [direct] = await database.query<{ spent: number }>(`select coalesce(sum(amount), 0)::float8 as spent from fund_payments where fund_year = 2017 and paid_on <= date '2017-12-31'`);
    const points = await funds.performance(auth, { region: PROVINCE, year: 2017, asOf: '2017-12-31' });
    const above92 = progress.rows.filter((r) => r.basisPoints !== null && r.basisPoints > 9200).length;
    const size = backend === 'postgres' ? (await database.query<{ mib: number }>(`select (pg_total_relation_size('fund_payments') / 1048576.0)::float8 as mib`))[0]!.mib : null;
    return {
      backend,
      projects: PROJECTS,
      payments: PAYMENTS,
      counties,
      setupSeconds: setup,
      latency,
      check: { spentByService: progress.total.spent, spentDirect: Number(direct!.spent), equal: progress.total.spent === Number(direct!.spent), countiesAbove92: above92, rows: progress.rows.length, points: points.points, reasons: points.items.map((i) => i.reason) },
      paymentsTableMiB: size === null ? null : +size.toFixed(1),
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const results: Array<Awaited<ReturnType<typeof run>>> = [];
  for (const b of backendsToRun(args.backend)) results.push(await run(b));
  const machine = machineFacts();
  const load = process.platform === 'linux' ? (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ') : '';
  writeFileSync(path.join(ROOT, 'bench', 'funds-results.json'), JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, load, results }, null, 2) + '\n');
  const pg = results.find((r) => r.backend === 'postgres');
  const lite = results.find((r) => r.backend === 'pglite');
  const cell = (r: (typeof results)[number] | undefined, f: (r: (typeof results)[number]) => string) => (r ? f(r) : 'not run');
  const names = Object.keys((pg ?? lite)!.latency);
  const target = pg?.latency['province by county, 2017, as of 2017-12-31'];
  writeResultsSection(HEADING, [
    '',
    `${new Date().toISOString().slice(0, 10)}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; load average at the end ${load}. Sichuan's divisions (${(pg ?? lite)!.counties} counties); funds of 2015–2017 from ${SOURCES.length} sources allocated to the province and passed down to every county; ${PROJECTS.toLocaleString()} projects over its villages and ${PAYMENTS.toLocaleString()} payments from the counties' allocations, written with SQL together with the figures the service maintains (setup, not a result). Timed through \`services.funds\` (sysadmin scope), median / p95 of ${RUNS} runs after ${WARMUP} warm-ups. PostgreSQL: the throw-away server of scripts/with-postgres.sh. Raw numbers: \`bench/funds-results.json\`.`,
    '',
    '| | postgres | pglite |',
    '|---|---|---|',
    ...names.map((n) => `| ${n} | ${cell(pg, (r) => `${r.latency[n]!.medianMs} / ${r.latency[n]!.p95Ms} ms`)} | ${cell(lite, (r) => `${r.latency[n]!.medianMs} / ${r.latency[n]!.p95Ms} ms`)} |`),
    `| Check: the province's 2017 spending through the service = a direct sum of the payments | ${cell(pg, (r) => `${r.check.spentByService.toLocaleString()} 元 — ${r.check.equal ? 'equal' : '**differ**'}`)} | ${cell(lite, (r) => `${r.check.spentByService.toLocaleString()} 元 — ${r.check.equal ? 'equal' : '**differ**'}`)} |`,
    `| Counties above 92% / points of the province | ${cell(pg, (r) => `${r.check.countiesAbove92} of ${r.check.rows} / ${r.check.points} of 12`)} | ${cell(lite, (r) => `${r.check.countiesAbove92} of ${r.check.rows} / ${r.check.points} of 12`)} |`,
    `| Setup: allocations / projects / payments / maintained figures | ${cell(pg, (r) => `${r.setupSeconds.allocations} / ${r.setupSeconds.projects} / ${r.setupSeconds.payments} / ${r.setupSeconds.figures} s`)} | ${cell(lite, (r) => `${r.setupSeconds.allocations} / ${r.setupSeconds.projects} / ${r.setupSeconds.payments} / ${r.setupSeconds.figures} s`)} |`,
    `| fund_payments with its indexes | ${cell(pg, (r) => `${r.paymentsTableMiB} MiB`)} | — |`,
    '',
    `Target (issue 14): a province's spending progress by county under 100 ms on PostgreSQL — ${target ? (target.medianMs < 100 ? `met (${target.medianMs} ms median)` : `**not met** (${target.medianMs} ms median)`) : 'not run'}.`,
    '',
  ]);
  say('results written to bench/funds-results.json and bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
