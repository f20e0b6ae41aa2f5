import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';
import { openPgliteWorker, type PgliteProxy } from './pglite-proxy';
import { openReadReplica, type ReadRouting } from './read-replica';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database or a transaction: repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  /**
   * Reads that may lag a moment (statistics, lists, exports): a streaming replica when DATABASE_READ_URL names one,
   * with read-your-own-writes (src/server/db/read-replica.ts). Absent means `db` (PGlite, or no read URL).
   */
  read?: Db;
  /** The replica's routing, when there is one (its request hooks are registered by the app). */
  readRouting?: ReadRouting;
  kind: 'pglite' | 'postgres';
  /** Where it lives: the data directory or the server URL without its password. */
  location: string;
  /** A plain parameterised query outside the query builder, for bulk loads (arrays bind as one parameter). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** A PostgreSQL server; when absent the embedded PGlite database under `dataDir` is used. */
  url?: string;
  /** A streaming replica of `url` for `read` (PostgreSQL only), and how long a user's reads stay on the primary after a write. */
  readUrl?: string;
  readStickyMs?: number;
  /** How often the replica is probed; while it does not answer, reads go to the primary. */
  readProbeMs?: number;
  dataDir?: string;
  /** What is opening it, written into the data directory's lock (default: this process's command line). */
  command?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle pooled connection closed by the server (a restart, a dropped database) is an event of the pool, not a
    // crash of the process: the pool replaces it on the next query.
    pool.on('error', (err) => process.stderr.write(`[台账] 数据库连接中断（已由连接池丢弃）：${err.message}\n`));
    // bigint sums come back as strings from node-postgres; totals here stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    const readRouting = options.readUrl ? openReadReplica(db, options.readUrl, { stickyMs: options.readStickyMs, probeMs: options.readProbeMs }) : undefined;
    return {
      db,
      read: readRouting?.read ?? db,
      readRouting,
      kind: 'postgres',
      location: options.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      query: async <T,>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
      close: async () => {
        await readRouting?.close();
        await pool.end();
      },
    };
  }
  const dataDir = path.resolve(options.dataDir ?? './data');
  mkdirSync(dataDir, { recursive: true });
  // PGlite has no lock of its own: a second process on the same directory would lose acknowledged writes (issue 9).
  // Throws DataDirLockedError naming the process that holds it.
  const lock = lockDataDir(dataDir, options.command);
  // PGlite runs in a worker thread (pglite-worker.ts, opened with pg_trgm and the int8/numeric parsers): its WASM never
  // blocks this thread, which only awaits the answers. The lock stays here, with the process.
  let client: PgliteProxy;
  try {
    client = await openPgliteWorker(dataDir);
  } catch (err) {
    lock.release();
    throw err;
  }
  // The proxy has what drizzle's PGlite session calls (query with rowMode/parsers, transaction with a tx object).
  const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    read: db,
    query: async <T,>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

/** Runs raw SQL through the query builder (inside the current transaction, if any) and returns its rows. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
