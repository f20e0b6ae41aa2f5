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

/** The database the environment names: the PostgreSQL server at DATABASE_URL, else the PGlite directory. */
export function openConfiguredDatabase(): Promise<Database> {
  return openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: dataDir() });
}

/** Which database a command works on, for its log. */
export const describeDatabase = (database: Database): string =>
  database.kind === 'pglite' ? `内置 PGlite（${database.location}）` : `PostgreSQL（${database.location}）`;
