/** What the registry-sized benchmarks share: a fresh database of either backend, dropped afterwards unless kept. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/server/db/connection';

export type Backend = 'pglite' | 'postgres';

const WORK = path.join(import.meta.dirname, '.work');

/**
 * A fresh database: PGlite in a new directory under bench/.work/, or the database `name` created afresh on the server of
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL, as scripts/with-postgres.sh sets).
 */
export async function openBenchDatabase(backend: Backend, name: string, opts: { keep?: boolean; say?: (s: string) => void } = {}): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const say = opts.say ?? (() => {});
  if (backend === 'pglite') {
    mkdirSync(WORK, { recursive: true });
    const dir = mkdtempSync(path.join(WORK, `${name}-pglite-`));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      cleanup: async () => {
        await database.close();
        if (opts.keep) say(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL (scripts/with-postgres.sh does)');
  const admin = await openDatabase({ url });
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    database,
    cleanup: async () => {
      await database.close();
      if (opts.keep) {
        say(`kept the database ${name}`);
        return;
      }
      const a = await openDatabase({ url });
      await a.query(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

/** The backends a run covers: `--backend=…`, or both when a PostgreSQL server is named (PGlite alone otherwise). */
export function backendsToRun(wanted: string | undefined): Backend[] {
  const hasPg = !!(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  return (wanted ?? 'both') === 'both' ? (hasPg ? ['postgres', 'pglite'] : ['pglite']) : [wanted as Backend];
}

/** The machine's facts written beside every result. */
export function machineFacts() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version };
}

/** VmHWM / VmRSS of a process in MiB (Linux). */
export function procMemory(pid: number | 'self'): { rssMiB: number; hwmMiB: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { rssMiB: Math.round(kb('VmRSS') / 1024), hwmMiB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/**
 * Replaces the section of bench/RESULTS.md that starts with `heading` (a `## …` line) by `lines`, keeping whatever the
 * section has under its `### Notes` heading (written by hand); appends the section when there is none yet.
 */
export function writeResultsSection(heading: string, lines: string[]): void {
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf(heading);
  const next = start === -1 ? -1 : current.indexOf('\n## ', start + 10);
  const notes = start === -1 ? '' : current.slice(start, next === -1 ? undefined : next).split('### Notes')[1];
  const section = [heading, ...lines].join('\n') + (notes ? `\n### Notes${notes}` : '\n');
  writeFileSync(file, start === -1 ? `${current.trimEnd()}\n\n${section}` : current.slice(0, start) + section + (next === -1 ? '' : current.slice(next)));
}
