import { openDatabase, type Database } from '../server/db/connection';

// What every command takes from the environment, and how it talks to the person at the terminal.

/** A line of the commands' log. */
export function log(message: string): void {
  process.stdout.write(`[台账] ${message}\n`);
}

/** How long since `started` (Date.now()), for a log line: `12.3`. */
export const secondsSince = (started: number): string => ((Date.now() - started) / 1000).toFixed(1);

/** The embedded database's directory: TAIZHANG_DATA_DIR, by default ./data. */
export const dataDir = (): string => process.env.TAIZHANG_DATA_DIR || './data';

/**
 * The database the environment names: the PostgreSQL server at DATABASE_URL, else the PGlite directory. With
 * DATABASE_URL, DATABASE_READ_URL may name a streaming replica of it for statistics, lists and exports
 * (DATABASE_READ_STICKY_MS: how long a user's reads stay on the primary after their write, default 5000).
 */
export function openConfiguredDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const readUrl = process.env.DATABASE_READ_URL || undefined;
  if (readUrl && !url) throw new Error('DATABASE_READ_URL 须与 DATABASE_URL 一同设置：只读副本只用于 PostgreSQL 服务器');
  const sticky = process.env.DATABASE_READ_STICKY_MS;
  const readStickyMs = sticky ? Number(sticky) : undefined;
  if (readStickyMs !== undefined && !(Number.isInteger(readStickyMs) && readStickyMs >= 0))
    throw new Error(`DATABASE_READ_STICKY_MS 应为非负整数（毫秒），现为“${sticky}”`);
  return openDatabase({ url, readUrl, readStickyMs, dataDir: dataDir() });
}

/** Which database a command works on, for its log. */
export const describeDatabase = (database: Database): string =>
  database.kind === 'pglite'
    ? `内置 PGlite（${database.location}）`
    : `PostgreSQL（${database.location}${database.readRouting ? '；统计、列表与导出读只读副本 DATABASE_READ_URL' : ''}）`;
