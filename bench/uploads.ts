/**
 * `npm run bench:uploads` — issue 9, “One upload kills the server”. Starts the real server (buildApp, as `taizhang serve`
 * does, with the Sichuan divisions) as a child process on each backend, and measures that process's memory from
 * /proc/<pid>/status (VmRSS sampled every 50 ms, VmHWM reset through clear_refs before each phase):
 *
 * (a) a .xlsx of 1,000,000 one-cell rows uploaded to the roster import, the roster import job and the comparison
 *     list preview: each must be answered with a clear 4xx, the server still alive, peak RSS under 1 GB;
 * (b) a 50,000-person roster imported (POST /api/registry/roster/import) while /api/health is polled every 100 ms:
 *     the longest gap between two answers (targets: under 1 s on PostgreSQL, under 2 s on PGlite) and RSS afterwards
 *     (target under 700 MB).
 *
 *   scripts/with-postgres.sh npm run bench:uploads            # both backends
 *   npm run bench:uploads -- --backend=pglite --persons=20000  # smaller, one backend
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/server/app';
import { bootstrap } from '../src/server/bootstrap';
import { openDatabase } from '../src/server/db/connection';
import { ROSTER_COLUMNS } from '../src/server/registry/roster';
import { buildServices } from '../src/server/services';
import { generateRoster } from './registry-data';
import { backendsToRun, machineFacts, procMemory, type Backend } from './support';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(import.meta.dirname, '.work');
const PASSWORD = 'bench-uploads-pw';
const say = (m: string) => process.stdout.write(`[bench:uploads] ${m}\n`);

// --- the child: the real app on a port ---------------------------------------------------------------------------------
if (args.child) {
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.TAIZHANG_DATA_DIR });
  const services = buildServices(database);
  await bootstrap(database, services, { provinces: ['51'], adminPassword: PASSWORD, demo: false, log: () => {} });
  if (args.child === 'prepare') {
    // The first start loads the divisions; the measured server is a later start, as a running installation is.
    await database.close();
    process.exit(0);
  }
  const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 and code like '513431%' order by code`)).map((r) => r.code);
  writeFileSync(process.env.BENCH_VILLAGES!, JSON.stringify(villages));
  const { app } = await buildApp({ database, webDir: null });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.stdout.write('READY\n');
  process.on('SIGTERM', () => void app.close().then(() => database.close()).finally(() => process.exit(0)));
} else await main();

// --- the parent ---------------------------------------------------------------------------------------------------------
/** Samples the process's RSS every 50 ms until stopped; the peak is the larger of the samples and VmHWM. */
function sampler(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  } catch {
    /* not permitted: the peak then includes start-up */
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, procMemory(pid)?.rssMiB ?? 0)), 50);
  return {
    stop() {
      clearInterval(timer);
      const s = procMemory(pid);
      return Math.max(peak, s?.hwmMiB ?? 0, s?.rssMiB ?? 0);
    },
  };
}

async function streamedXlsx(write: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false, zip: { zlib: { level: 9 } } });
  const ws = wb.addWorksheet('花名册');
  write(ws);
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function rosterFile(villages: string[], persons: number): Promise<Buffer> {
  return streamedXlsx((ws) => {
    ws.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
    ws.addRow(ROSTER_COLUMNS.map((c) => c.hint)).commit();
    const yn = (b: boolean | undefined) => (b === undefined ? '' : b ? '是' : '否');
    let n = 0;
    for (const h of generateRoster(villages, Math.round(persons / 3.2))) {
      h.persons.forEach((p, i) => {
        const first = i === 0;
        ws.addRow([
          '', h.villageCode, h.number, first ? h.attribute : '', first ? h.identifiedYear : '', first ? h.mainCause : '', first ? (h.secondaryCauses ?? []).join('、') : '',
          first ? yn(h.housingSafe) : '', first ? yn(h.drinkingWaterSafe) : '', first ? '是' : '', p.name, p.idNumber, p.relation, p.schooling ?? '', yn(p.dropoutForPoverty),
          p.health ?? '', p.disabilityGrade ?? '', p.labour, yn(p.hasQualification), p.workMonths ?? '', p.workPlace ?? '', p.workIncome ?? '', yn(p.medicalInsured),
          yn(p.seriousIllnessInsured), yn(p.pensionInsured),
        ]).commit();
        n++;
      });
    }
    say(`  roster file: ${n.toLocaleString()} persons`);
  });
}

async function upload(base: string, cookie: string, url: string, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
  const t = performance.now();
  const res = await fetch(base + url, { method: 'POST', body: form, headers: { cookie, origin: base } });
  const body = (await res.json()) as { error?: { message?: string; fields?: unknown[] } };
  if (body.error?.fields && res.status === 400 && !String(body.error.message).includes('最多')) say(`  errors: ${JSON.stringify(body.error.fields.slice(0, 5))}`);
  return { status: res.status, message: body.error?.message ?? '', seconds: +((performance.now() - t) / 1000).toFixed(1) };
}

async function alive(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function startServer(backend: Backend, port: number): Promise<{ child: ChildProcess; villages: string[]; cleanup: () => Promise<void> }> {
  mkdirSync(WORK, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BENCH_VILLAGES: path.join(WORK, `uploads-villages-${backend}.json`), DATABASE_URL: '' };
  let cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = mkdtempSync(path.join(WORK, 'uploads-pglite-'));
    env.TAIZHANG_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
    const admin = await openDatabase({ url });
    await admin.query('drop database if exists taizhang_bench_uploads with (force)');
    await admin.query('create database taizhang_bench_uploads');
    await admin.close();
    const u = new URL(url);
    u.pathname = '/taizhang_bench_uploads';
    env.DATABASE_URL = u.toString();
    cleanup = async () => {
      const a = await openDatabase({ url });
      await a.query('drop database if exists taizhang_bench_uploads with (force)');
      await a.close();
    };
  }
  const script = path.join(import.meta.dirname, 'uploads.ts');
  const prepared = spawn(process.execPath, ['--import', 'tsx', script, '--child=prepare'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  await new Promise<void>((resolve, reject) => prepared.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`first start failed (${code})`)))));
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', script, '--child=1'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  return { child, villages: JSON.parse(readFileSync(env.BENCH_VILLAGES!, 'utf8')) as string[], cleanup };
}

async function run(backend: Backend, million: Buffer, persons: number) {
  const port = 18_500 + (backend === 'pglite' ? 1 : 2);
  const base = `http://127.0.0.1:${port}`;
  say(`${backend}: starting the server (migrations, Sichuan divisions)…`);
  const { child, villages, cleanup } = await startServer(backend, port);
  const pid = child.pid!;
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const idle = procMemory(pid)!;
    say(`${backend}: server up, RSS ${idle.rssMiB} MiB`);

    // (a) the 1,000,000-row file on every route that reads a spreadsheet of personal data.
    const s = sampler(pid);
    const refused: Record<string, { status: number; message: string; seconds: number }> = {};
    for (const url of ['/api/registry/roster/import', '/api/registry/roster/import-jobs', '/api/compare/lists/preview']) {
      refused[url] = await upload(base, cookie, url, million, 'million.xlsx');
      say(`  ${url}: ${refused[url].status} ${refused[url].message} (${refused[url].seconds} s)`);
    }
    const millionPeak = s.stop();
    const stillAlive = await alive(base);
    say(`${backend}: 1,000,000 rows → ${Object.values(refused).map((r) => r.status).join(', ')}; alive ${stillAlive}; peak RSS ${millionPeak} MiB`);

    // (b) a normal roster while /api/health is polled every 100 ms.
    const roster = await rosterFile(villages, persons);
    const s2 = sampler(pid);
    let polling = true;
    let last = performance.now();
    let longest = 0;
    let polls = 0;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        if (await alive(base)) {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          polls++;
        }
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - t))));
      }
    })();
    const imported = await upload(base, cookie, '/api/registry/roster/import', roster, 'roster.xlsx');
    polling = false;
    await poller;
    const importPeak = s2.stop();
    // Afterwards: once the parse worker kept for a next upload has ended (5 s idle).
    await new Promise((r) => setTimeout(r, 8000));
    const after = procMemory(pid)!;
    say(`${backend}: ${persons.toLocaleString()}-person roster → ${imported.status} in ${imported.seconds} s; longest /api/health gap ${Math.round(longest)} ms over ${polls} polls; RSS after ${after.rssMiB} MiB (peak ${importPeak} MiB)`);
    if (imported.status !== 200) throw new Error(`roster import failed: ${imported.status} ${imported.message}`);
    return {
      idleRssMiB: idle.rssMiB,
      million: { fileBytes: million.length, answers: refused, alive: stillAlive, peakRssMiB: millionPeak },
      roster: { persons, fileBytes: roster.length, seconds: imported.seconds, longestHealthGapMs: Math.round(longest), healthPolls: polls, peakRssMiB: importPeak, rssAfterMiB: after.rssMiB },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

type Result = Awaited<ReturnType<typeof run>>;

async function main() {
  const persons = Number(args.persons ?? 50_000);
  const million = await streamedXlsx((ws) => {
    for (let i = 1; i <= 1_000_000; i++) ws.addRow([i]).commit();
  });
  say(`1,000,000-row file: ${(million.length / 2 ** 20).toFixed(1)} MiB`);
  const resultsFile = path.join(import.meta.dirname, 'uploads-results.json');
  let saved: { machine?: unknown; date?: string; backends: Partial<Record<Backend, Result>> } = { backends: {} };
  try {
    saved = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    /* first run */
  }
  for (const backend of backendsToRun(args.backend)) saved.backends[backend] = await run(backend, million, persons);
  saved.machine = { ...machineFacts(), load: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)) };
  saved.date = new Date().toISOString();
  if (args['no-write']) return;
  writeFileSync(resultsFile, JSON.stringify(saved, null, 2) + '\n');
  writeResults(saved as { machine: ReturnType<typeof machineFacts> & { load: number[] }; date: string; backends: Partial<Record<Backend, Result>> });
  void statSync;
}

function writeResults(r: { machine: ReturnType<typeof machineFacts> & { load: number[] }; date: string; backends: Partial<Record<Backend, Result>> }) {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const b = (['postgres', 'pglite'] as const).filter((k) => r.backends[k]);
  const row = (label: string, f: (x: Result, k: Backend) => string) => `| ${label} | ${b.map((k) => f(r.backends[k]!, k)).join(' | ')} |`;
  const gapTarget = (k: Backend) => (k === 'postgres' ? 1000 : 2000);
  const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
  const section = [
    '## Uploads',
    '',
    `${r.date.slice(0, 10)}; ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; load average ${r.machine.load.join(' / ')} while it ran (the machine was shared). The real app (buildApp over the Sichuan divisions) in a child process; memory from /proc/<pid>/status (VmRSS every 50 ms, VmHWM reset before each phase). Raw numbers: \`bench/uploads-results.json\`.`,
    '',
    `| | ${b.join(' | ')} |`,
    `|---|${b.map(() => '---').join('|')}|`,
    row('1,000,000 one-cell rows (.xlsx)', (x) => `${(x.million.fileBytes / 2 ** 20).toFixed(1)} MiB`),
    row('→ roster import', (x) => `${x.million.answers['/api/registry/roster/import']!.status} in ${x.million.answers['/api/registry/roster/import']!.seconds} s`),
    row('→ roster import job', (x) => `${x.million.answers['/api/registry/roster/import-jobs']!.status} in ${x.million.answers['/api/registry/roster/import-jobs']!.seconds} s`),
    row('→ comparison list preview', (x) => `${x.million.answers['/api/compare/lists/preview']!.status} in ${x.million.answers['/api/compare/lists/preview']!.seconds} s`),
    row('server alive afterwards', (x) => (x.million.alive ? 'yes' : '**no**')),
    row('peak RSS (target < 1 GB)', (x) => `${x.million.peakRssMiB} MiB — ${mark(x.million.peakRssMiB < 1024)}`),
    row('roster imported', (x) => `${x.roster.persons.toLocaleString()} persons (${(x.roster.fileBytes / 2 ** 20).toFixed(1)} MiB) in ${x.roster.seconds} s`),
    row('longest /api/health gap', (x, k) => `${x.roster.longestHealthGapMs} ms (target < ${gapTarget(k) / 1000} s) — ${mark(x.roster.longestHealthGapMs < gapTarget(k))}`),
    row('RSS after (target < 700 MB)', (x) => `${x.roster.rssAfterMiB} MiB (peak ${x.roster.peakRssMiB}) — ${mark(x.roster.rssAfterMiB < 700)}`),
    '',
    'The answer to the 1,000,000-row file is `导入文件：花名册最多 100,000 行，请分批导入` (`部门名单最多 500,000 行` for the preview): the file is read in a parse worker with ExcelJS\'s streaming reader, which stops at the row limit; the roster is validated and written in batches of 2,000 with a turn of the event loop between them, in one transaction.',
    '',
  ].join('\n');
  const start = text.indexOf('## Uploads');
  const next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
  const out = start === -1 ? `${text.trimEnd()}\n\n${section}` : text.slice(0, start) + section + (next === -1 ? '' : text.slice(next + 1));
  writeFileSync(file, out);
}
