import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresUrl } from './db';

// Further PostgreSQL servers beside the test primary (scripts/with-postgres.sh), for the tests of issue 13: a
// streaming replica made with pg_basebackup, and empty servers for postgres_fdw partitions. Started and stopped by
// scripts/pg-replica.sh; ports follow the primary's (replica +1, shards +2 and +3) unless TZ_PG_REPLICA_PORT /
// TZ_PG_SHARD_PORTS (comma-separated) say otherwise.

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/pg-replica.sh');

function bindir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const dirs = readdirSync(root)
    .map((v) => path.join(root, v, 'bin'))
    .filter((d) => existsSync(path.join(d, 'initdb')));
  return dirs.at(-1) ?? null;
}

/** Why the tests of further servers cannot run here, or null when they can. */
export function serversUnavailable(tool: 'pg_basebackup' | 'initdb'): string | null {
  if (!postgresUrl()) return 'TEST_DATABASE_URL is not set (run under scripts/with-postgres.sh)';
  const bin = bindir();
  if (!bin || !existsSync(path.join(bin, tool))) return `${tool} is not installed (apt-get install postgresql)`;
  return null;
}

export interface Server {
  port: number;
  /** The URL of database `name` on this server. */
  url(name: string): string;
  stop(): Promise<void>;
}

function primary(): URL {
  const url = postgresUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return new URL(url);
}

function server(dir: string, port: number, user: string): Server {
  return {
    port,
    url: (name) => `postgres://${user}@127.0.0.1:${port}/${name}`,
    stop: async () => void (await run(SCRIPT, ['stop', dir])),
  };
}

const freshDir = (kind: string): string => {
  const parent = mkdtempSync(path.join(tmpdir(), `taizhang-${kind}-`));
  rmSync(parent, { recursive: true });
  return parent;
};

/** A hot standby of the test primary, streaming from it (pg_basebackup -R). */
export async function startReplica(): Promise<Server> {
  const p = primary();
  const port = Number(process.env.TZ_PG_REPLICA_PORT || Number(p.port) + 1);
  const dir = freshDir('replica');
  const { stdout } = await run(SCRIPT, ['replica', dir, String(port), p.hostname, p.port, decodeURIComponent(p.username)]);
  return server(dir, port, stdout.trim());
}

/** The ports of the two shard servers. */
export function shardPorts(): [number, number] {
  const given = process.env.TZ_PG_SHARD_PORTS?.split(',').map(Number);
  const base = Number(primary().port);
  return [given?.[0] ?? base + 2, given?.[1] ?? base + 3];
}

/** An empty PostgreSQL server on `port` (initdb, trust on loopback). */
export async function startServer(port: number): Promise<Server> {
  const dir = freshDir('shard');
  const { stdout } = await run(SCRIPT, ['server', dir, String(port)]);
  return server(dir, port, stdout.trim());
}

/** One query on a URL with a short-lived client. */
export async function queryAt<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Waits until the replica has replayed everything the primary had written when this was called. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 20_000): Promise<void> {
  // The insert position, not pg_current_wal_lsn() (the write position): the test server runs with synchronous_commit=off,
  // so a commit returns before its WAL is written, and the write position may not have reached it yet (seen in CI).
  const lsn = (await queryAt<{ lsn: string }>(primaryUrl, 'select pg_current_wal_insert_lsn()::text as lsn'))[0]!.lsn;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryAt<{ done: boolean }>(replicaUrl, 'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done', [lsn]);
    if (row?.done) return;
    if (Date.now() > until) throw new Error(`the replica has not replayed up to ${lsn} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
