import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connection';
import { DataDirLockedError, LOCK_FILE } from '../../src/server/db/lock';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The migrated template the test set-up keeps (test/support/db.ts): copied, it opens in a moment, unlike initdb. */
const TEMPLATE = path.join(ROOT, '.tmp/test/template-pglite');
const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-lock-'));
  dirs.push(dir);
  return dir;
};
const dataDir = () => {
  const dir = newDir();
  cpSync(TEMPLATE, dir, { recursive: true });
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs a process to its end: its exit code and what it wrote. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** A pid that is certainly not alive: a process that has already ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/**
 * Issue 9, item 3: two processes on one PGlite directory lost acknowledged writes. The directory now has an exclusive
 * lock: a second opener — in this process or another (the server and `taizhang migrate`) — is refused, naming the one
 * that holds it; a lock left by a process that has died is taken over; close and exit release it.
 */
describe('the PGlite data directory lock', () => {
  it('refuses a second open in the same process, and releases the lock on close', async () => {
    const dir = dataDir();
    const first = await openDatabase({ dataDir: dir, command: 'taizhang serve' });
    const lock = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'taizhang serve' });
    expect(Date.parse(lock.startedAt)).not.toBeNaN();

    const refused = await openDatabase({ dataDir: dir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`数据目录 ${dir} 已由本进程打开（进程 ${process.pid}`);
    expect((refused as Error).message).toContain('taizhang serve');
    // The refused open did not disturb the first: it still reads and writes.
    await first.query('create table t (n int)');
    await first.query('insert into t values (1)');

    await first.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    expect(await again.query('select n from t')).toEqual([{ n: 1 }]);
    await again.close();
  });

  it('refuses `taizhang migrate` in another process while this one holds the directory: a clear message, a non-zero exit', async () => {
    const dir = dataDir();
    const held = await openDatabase({ dataDir: dir, command: 'taizhang serve' });
    try {
      const { code, out } = await run(['--import', 'tsx', 'src/cli/main.ts', 'migrate'], { TAIZHANG_DATA_DIR: dir });
      expect(code).not.toBe(0);
      expect(out).toMatch(new RegExp(`数据目录 ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 正被另一个台账进程使用（进程 ${process.pid}，taizhang serve，自 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 起）`));
      expect(out).toContain('请先停止该进程');
      expect(out).not.toContain('    at '); // a message for the user, not a stack
      // The holder's lock is untouched and its database goes on working.
      expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'taizhang serve' });
      expect(await held.query('select count(*)::int as n from users')).toEqual([{ n: 1 }]);
    } finally {
      await held.close();
    }
  }, 120_000);

  it('refuses this process while another process holds the directory, and the other releases it when stopped by a signal', async () => {
    const dir = dataDir();
    const script = path.join(newDir(), 'holder.mts');
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(path.join(ROOT, 'src/server/db/connection.ts'))};\n` +
        `await openDatabase({ dataDir: ${JSON.stringify(dir)}, command: 'taizhang serve' });\n` +
        `process.stdout.write('ready\\n');\nsetInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
      child.on('exit', () => reject(new Error('holder ended early')));
    });
    const refused = await openDatabase({ dataDir: dir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`正被另一个台账进程使用（进程 ${child.pid}，taizhang serve，自 `);
    expect((refused as DataDirLockedError).holder).toMatchObject({ pid: child.pid, command: 'taizhang serve' });

    child.kill('SIGTERM');
    expect(await exited).toMatchObject({ signal: 'SIGTERM' });
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const mine = await openDatabase({ dataDir: dir });
    await mine.close();
  }, 120_000);

  it('takes over a stale lock: its process has died, or it carries this pid but another process start; not one of this process', async () => {
    const dir = dataDir();
    const file = path.join(dir, LOCK_FILE);
    const stale = (pid: number) =>
      writeFileSync(file, JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-11-30T00:00:00.000Z', command: 'taizhang serve', token: 'old' }));

    stale(await deadPid());
    const first = await openDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(JSON.parse(readFileSync(file, 'utf8')).token).not.toBe('old');
    await first.close();

    // A container restarted: the new process has the pid of the one that died holding the lock.
    stale(process.pid);
    const second = await openDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(file, 'utf8')).token).not.toBe('old');
    await second.close();
    expect(existsSync(file)).toBe(false);

    // This pid and this process's start: another thread of this very process holds it (a worker) — not stale.
    const processStart = Math.round(Date.now() - process.uptime() * 1000);
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: 'taizhang serve', token: 'worker', processStart }));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`数据目录 ${dir} 已由本进程打开`);
  }, 60_000);

  it('does not take over the lock of a live process (here: the test runner itself, seen from a lock file it did not write)', async () => {
    const dir = newDir();
    const parent = process.ppid; // alive for as long as this test runs
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: parent, host: os.hostname(), startedAt: new Date().toISOString(), command: 'taizhang import a.xlsx', token: 'x' }));
    const refused = await openDatabase({ dataDir: dir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`（进程 ${parent}，taizhang import a.xlsx，自 `);
    // The other's lock is left as it was.
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).token).toBe('x');
  });
});
