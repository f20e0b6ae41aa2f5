import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on an embedded (PGlite) data directory: PGlite has no lock of its own, and two processes writing
 * the same directory lose acknowledged writes. The lock is a file inside the directory, created atomically (`wx`),
 * holding who took it. A lock whose process is gone (same host, pid no longer alive) is stale and taken over.
 */

export const LOCK_FILE = '.taizhang.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** What runs, e.g. `taizhang serve`. */
  command: string;
  /** When the holding process started (ms since the epoch): tells a live holder from a reused pid. */
  processStart?: number;
  /** Tells this lock from an earlier one of the same pid. */
  token: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
    readonly lockFile: string,
  ) {
    super(lockedMessage(dataDir, holder, lockFile));
    this.name = 'DataDirLockedError';
  }
}

/** "2026-12-01 08:00" in Asia/Shanghai, whatever the host's zone. */
function shanghaiMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function lockedMessage(dataDir: string, holder: LockHolder | null, lockFile: string): string {
  if (!holder) return `数据目录 ${dataDir} 正被另一个台账进程使用（锁文件 ${lockFile} 正在写入）。请稍后再试。`;
  const who = `进程 ${holder.pid}${holder.host !== os.hostname() ? `，主机 ${holder.host}` : ''}，${holder.command}，自 ${shanghaiMinute(holder.startedAt)} 起`;
  if (holder.pid === process.pid && holder.host === os.hostname())
    return `数据目录 ${dataDir} 已由本进程打开（${who}），同一数据目录不能同时打开两次。`;
  return (
    `数据目录 ${dataDir} 正被另一个台账进程使用（${who}）。` +
    `内置数据库同一时间只能由一个进程打开：请先停止该进程（如正在运行的 taizhang serve）再执行本命令。` +
    `若确认该进程已不存在，可删除锁文件 ${lockFile} 后重试。`
  );
}

/** The command line of this process as a user would type it (`taizhang serve`), for the lock file. */
export function currentCommand(): string {
  const script = process.argv[1] ?? '';
  const args = process.argv.slice(2);
  if (/[\\/]cli[\\/]main\.[jt]s$/.test(script)) return ['taizhang', ...(args.length ? args : ['serve'])].join(' ');
  return [path.basename(script || process.argv0), ...args].join(' ').trim() || 'node';
}

/** The holder written in a lock file; null while it is being written or when it is garbage, undefined when there is none. */
function readHolder(file: string): LockHolder | null | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      startedAt: String(parsed.startedAt ?? ''),
      command: String(parsed.command ?? ''),
      token: String(parsed.token ?? ''),
      processStart: typeof parsed.processStart === 'number' ? parsed.processStart : undefined,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null; // being written, or garbage
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds: lock file → token. */
const held = new Map<string, string>();

/** When this process started (the same in every thread of it). */
const processStart = () => Math.round(Date.now() - process.uptime() * 1000);

function isStale(file: string, holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false; // another machine on a shared disk: cannot tell, assume alive
  if (holder.pid === process.pid) {
    if (held.get(file) === holder.token) return false;
    // This pid, not held by this thread: another thread of this process holds it (same start), or an earlier process
    // that had the same pid left it (pid 1 in a restarted container).
    return holder.processStart === undefined || Math.abs(holder.processStart - processStart()) > 2000;
  }
  return !pidAlive(holder.pid);
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder, null, 2) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Whether a lock file that cannot be read is old enough to be garbage (a crash while writing it), not in writing. */
function oldGarbage(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

export interface DirLock {
  file: string;
  holder: LockHolder;
  release(): void;
}

/**
 * Takes the lock of `dataDir` (which must exist) or throws DataDirLockedError naming the process that holds it.
 * A stale lock is taken over under a short-lived guard file, so that two processes taking over the same stale lock
 * cannot both win.
 */
export function lockDataDir(dataDir: string, command = currentCommand()): DirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command, token: randomUUID(), processStart: processStart() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, holder)) return hold(file, holder);
    const current = readHolder(file);
    if (current === undefined) continue; // released meanwhile: try again
    if (current ? !isStale(file, current) : !oldGarbage(file)) throw new DataDirLockedError(dataDir, current, file);
    // Stale: take it over under a guard, checking under the guard that it is still the same stale lock.
    const guard = `${file}.takeover`;
    if (!tryCreate(guard, holder)) {
      if (oldGarbage(guard)) rmQuiet(guard);
      continue;
    }
    try {
      if (JSON.stringify(readHolder(file) ?? null) === JSON.stringify(current)) {
        // Moved aside first (atomic), then removed: a crash in between leaves no half state.
        const aside = `${file}.stale-${process.pid}`;
        try {
          renameSync(file, aside);
          rmQuiet(aside);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    } finally {
      rmQuiet(guard);
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(file) ?? null, file);
}

function rmQuiet(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function hold(file: string, holder: LockHolder): DirLock {
  held.set(file, holder.token);
  installExitHooks();
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      releaseFile(file, holder.token);
    },
  };
}

/** Removes the lock file if it is still ours (never another process's lock). */
function releaseFile(file: string, token: string) {
  if (held.get(file) !== token) return;
  held.delete(file);
  try {
    if (readHolder(file)?.token === token) unlinkSync(file);
  } catch {
    // gone already
  }
}

let hooked = false;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * On exit every lock of this process is released. On a signal nobody else handles, the locks are released and the
 * signal's default action (ending the process) follows; where the program handles the signal itself (serve closes the
 * server and the database, then exits), the exit hook releases them.
 */
function installExitHooks() {
  if (hooked) return;
  hooked = true;
  const releaseAll = () => {
    for (const [file, token] of [...held]) releaseFile(file, token);
  };
  process.on('exit', releaseAll);
  for (const signal of SIGNALS) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
