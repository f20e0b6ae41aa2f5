/**
 * `npm run bench:print` — issue 12: a village of 300 households (members, two years of incomes, helpers at most 3
 * households each, a visit each) printed as one PDF of handbooks (`printHousehold.villageHandbooksPdf`, as
 * GET /api/print/villages/:code/handbooks.pdf does). Several runs; per run the time and the peak RSS of this process
 * (the server: Node with its database) and of the headless Chromium it drives (the sum of its processes), sampled from
 * /proc every 50 ms. The first run starts Chromium (cold); the median is over all runs.
 *
 *   npm run bench:print                                   # PGlite, 300 households, 5 runs
 *   npm run bench:print -- --households=100 --runs=3 --no-write
 *   scripts/with-postgres.sh npm run bench:print -- --backend=postgres
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { systemAuth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import { buildServices } from '../src/server/services';
import { generateRoster } from './registry-data';
import { backendsToRun, machineFacts, openBenchDatabase, type Backend } from './support';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const HOUSEHOLDS = Number(args.households ?? 300);
const RUNS = Number(args.runs ?? 5);
const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(import.meta.dirname, '.work');
const say = (m: string) => process.stdout.write(`[bench:print] ${m}\n`);

/**
 * Memory (MiB) of a process from /proc, 0 when it is gone: RSS for this process, PSS for Chromium's (its processes
 * share the browser's libraries and font pages: a sum of their RSS would count those once per process).
 */
function memMiB(pid: number, field: 'VmRSS' | 'Pss'): number {
  try {
    const file = field === 'Pss' ? `/proc/${pid}/smaps_rollup` : `/proc/${pid}/status`;
    return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(file, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The processes below `root` (Chromium's browser, renderers, GPU and utility processes). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* ended meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

function sampler() {
  let node = 0;
  let chromium = 0;
  let total = 0;
  const sample = () => {
    const n = memMiB(process.pid, 'VmRSS');
    const c = descendants(process.pid).reduce((s, pid) => s + memMiB(pid, 'Pss'), 0);
    node = Math.max(node, n);
    chromium = Math.max(chromium, c);
    total = Math.max(total, n + c);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { nodeMiB: node, chromiumMiB: chromium, totalMiB: total };
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function pdfPages(pdf: Buffer): number | null {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, 'print-village.pdf');
  writeFileSync(file, pdf);
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
  } catch {
    return null; // poppler-utils not installed
  }
}

async function run(backend: Backend) {
  say(`${backend}: setting up (Sichuan divisions)…`);
  const { database, cleanup } = await openBenchDatabase(backend, 'taizhang_bench_print');
  const now = new Date('2020-06-30T10:00:00+08:00');
  const services = buildServices(database, () => now);
  try {
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench-pw', demo: false, log: () => {} });
    const root = (await services.orgs.root())!;
    const auth = systemAuth(root, { displayName: '基准测试' });
    await services.registry.setLine(auth, { year: 2019, scope: 'national', yuan: 3218, source: '基准测试用' });
    await services.registry.setLine(auth, { year: 2020, scope: 'national', yuan: 3747, source: '基准测试用' });

    const t0 = performance.now();
    const ids: number[] = [];
    let persons = 0;
    for (const h of generateRoster([VILLAGE], HOUSEHOLDS)) {
      const created = await services.registry.createHousehold(auth, h);
      ids.push(created.id);
      persons += h.persons.length;
      for (const [year, wages] of [[2019, 5000 + (created.id * 37) % 6000], [2020, 7000 + (created.id * 53) % 9000]] as const)
        await services.registry.saveIncome(auth, created.id, year, { wages, business: 800 + (created.id % 7) * 300, businessCosts: (created.id % 5) * 100, minimumLiving: created.id % 4 === 0 ? 1800 : 0 });
    }
    let helperId = 0;
    for (const [i, id] of ids.entries()) {
      if (i % 3 === 0) {
        helperId = (await services.pairing.createHelper(auth, { name: `帮扶干部${i / 3 + 1}`, unit: '昭觉县人民政府', kind: 'cadre', level: '县', post: '科员', phone: `0834-${String(1000000 + i)}`, regionCode: '513431000000' })).id;
      }
      await services.pairing.assign(auth, id, { helperId, fromOn: '2020-01-02' });
      await services.pairing.addVisit(auth, id, { kind: '帮扶走访', visitedOn: '2020-05-10', helperId, content: '上门核实收入，宣讲产业扶持和教育资助政策，落实帮扶措施' });
    }
    const setupS = +((performance.now() - t0) / 1000).toFixed(1);
    say(`${backend}: ${ids.length} households, ${persons} persons, ${Math.ceil(ids.length / 3)} helpers, ${ids.length} visits in ${setupS} s`);

    // The data alone (every household's records through the services), once: the rest of a run is HTML and Chromium.
    const d0 = performance.now();
    for (const id of ids) await services.printHousehold.sheet(auth, id);
    const dataSeconds = +((performance.now() - d0) / 1000).toFixed(2);
    say(`${backend}: reading the ${ids.length} households' records: ${dataSeconds} s`);

    const runs: Array<{ seconds: number; bytes: number; nodeMiB: number; chromiumMiB: number; totalMiB: number }> = [];
    let pages: number | null = null;
    for (let r = 0; r < RUNS; r++) {
      const s = sampler();
      const t = performance.now();
      const out = await services.printHousehold.villageHandbooksPdf(auth, VILLAGE);
      const seconds = +((performance.now() - t) / 1000).toFixed(2);
      const peak = s.stop();
      if (out.households !== ids.length) throw new Error(`printed ${out.households} of ${ids.length} households`);
      pages ??= pdfPages(out.pdf);
      runs.push({ seconds, bytes: out.pdf.length, ...peak });
      say(`  run ${r + 1}: ${seconds} s, ${(out.pdf.length / 2 ** 20).toFixed(1)} MiB PDF, peak RSS node ${peak.nodeMiB} MiB + chromium PSS ${peak.chromiumMiB} MiB (together ${peak.totalMiB} MiB)`);
    }
    return {
      households: ids.length,
      persons,
      helpers: Math.ceil(ids.length / 3),
      visits: ids.length,
      pages,
      setupSeconds: setupS,
      dataSeconds,
      runs,
      median: {
        seconds: median(runs.map((r) => r.seconds)),
        nodeMiB: median(runs.map((r) => r.nodeMiB)),
        chromiumMiB: median(runs.map((r) => r.chromiumMiB)),
        totalMiB: median(runs.map((r) => r.totalMiB)),
      },
      pdfMiB: +(runs[0]!.bytes / 2 ** 20).toFixed(1),
    };
  } finally {
    await services.pdf.close();
    await cleanup();
  }
}

type Result = Awaited<ReturnType<typeof run>>;
interface Saved {
  machine?: ReturnType<typeof machineFacts> & { load: number[] };
  date?: string;
  backends: Partial<Record<Backend, Result>>;
}

async function main() {
  const resultsFile = path.join(import.meta.dirname, 'print-results.json');
  let saved: Saved = { backends: {} };
  try {
    saved = JSON.parse(readFileSync(resultsFile, 'utf8')) as Saved;
  } catch {
    /* first run */
  }
  for (const backend of backendsToRun(args.backend)) saved.backends[backend] = await run(backend);
  saved.machine = { ...machineFacts(), load: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)) };
  saved.date = new Date().toISOString();
  if (args['no-write']) return;
  writeFileSync(resultsFile, JSON.stringify(saved, null, 2) + '\n');
  writeResults(saved as Required<Saved>);
}

function writeResults(r: Required<Saved>) {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const b = (['postgres', 'pglite'] as const).filter((k) => r.backends[k]);
  const row = (label: string, f: (x: Result) => string) => `| ${label} | ${b.map((k) => f(r.backends[k]!)).join(' | ')} |`;
  const section = [
    '## Print (`npm run bench:print`)',
    '',
    `${r.date.slice(0, 10)}; ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; load average ${r.machine.load.join(' / ')} while it ran (the machine was shared). One village's 扶贫手册 as one PDF through \`printHousehold.villageHandbooksPdf\` (the route GET /api/print/villages/:code/handbooks.pdf): the households read 100 at a time through the registry's search, each household through \`registry.household\` and \`pairing.household\`, the HTML rendered 50 households at a time by the one headless Chromium of \`services.pdf\` and the chunks joined with \`pdfunite\`. RSS sampled from /proc every 50 ms: this process's RSS (Node with its database) and the sum of the PSS of Chromium's processes (they share pages). Raw numbers: \`bench/print-results.json\`.`,
    '',
    `| | ${b.join(' | ')} |`,
    `|---|${b.map(() => '---').join('|')}|`,
    row('Village', (x) => `${x.households} households, ${x.persons} persons, ${x.helpers} helpers, ${x.visits} visits`),
    row('PDF', (x) => `${x.pages ?? '?'} pages, ${x.pdfMiB} MiB`),
    row('Time, median of runs', (x) => `${x.median.seconds} s (runs: ${x.runs.map((r) => r.seconds).join(', ')} s; the first starts Chromium)`),
    row('of which reading the records (once, alone)', (x) => `${x.dataSeconds} s`),
    row('Peak RSS, Node (median)', (x) => `${x.median.nodeMiB} MiB`),
    row('Peak PSS, Chromium processes (median)', (x) => `${x.median.chromiumMiB} MiB`),
    row('Peak memory, together (median / max)', (x) => `${x.median.totalMiB} / ${Math.max(...x.runs.map((r) => r.totalMiB))} MiB`),
    '',
  ].join('\n');
  const start = text.indexOf('## Print (');
  const next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
  const notes = start === -1 ? '' : (() => {
    const body = text.slice(start, next === -1 ? undefined : next + 1);
    const at = body.indexOf('### Notes');
    return at === -1 ? '' : body.slice(at).trimEnd() + '\n';
  })();
  const full = section + (notes ? `\n${notes}` : '');
  const out = start === -1 ? `${text.trimEnd()}\n\n${full}` : text.slice(0, start) + full + (next === -1 ? '' : text.slice(next));
  writeFileSync(file, out);
}

await main();
