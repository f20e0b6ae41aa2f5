import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db } from './connection';
import * as schema from './schema';

// Read replicas (issue 13, DATABASE_READ_URL). The reads that may lag the primary by a moment — statistics, the
// household list and search, exports — go through `database.read`, a Db that sends each query either to a streaming
// replica or to the primary. Writes never use it: every service keeps writing through `database.db`.
//
// Read-your-own-writes: a request that is not a GET or HEAD reads from the primary throughout (a write route that reads
// back what it wrote), and for `stickyMs` after any such request answers, the same user's reads go to the primary too,
// so that the list shown right after a save holds the saved household. Other users read the replica, which is
// normally a few milliseconds behind. The window is kept in this process: several application servers behind one
// address need the user's requests to reach the same server (sticky sessions), or a longer window.
//
// A replica that stops answering: a probe (`select 1` every `probeMs`) marks it down, and reads go to the primary
// until it answers again. Reads in flight when it fails, and those before the next probe, fail with it.

/** How long after a write a user's reads stay on the primary (default 5 s; DATABASE_READ_STICKY_MS). */
export const DEFAULT_STICKY_MS = 5_000;
/** How often the replica is probed (default 2 s). */
export const DEFAULT_PROBE_MS = 2_000;

/** What a query through `read` looks at: the request it runs in (set by `registerReadRouting`). */
interface ReadContext {
  req: FastifyRequest;
}

export interface ReadRouting {
  /** The routed Db: the replica, or the primary inside a writing request and for a user who wrote a moment ago. */
  read: Db;
  /** The replica's own Db (tests and diagnostics), never routed. */
  replica: Db;
  /** Where a query issued now would go. */
  target(): 'primary' | 'replica';
  /** Whether the last probe of the replica answered (reads go to the primary while it does not). */
  replicaUp(): boolean;
  /** Records that `userId` wrote just now: their reads go to the primary for the window. */
  wrote(userId: number): void;
  /** Runs `fn` (and everything it awaits) as part of `req`. */
  within<T>(req: FastifyRequest, fn: () => T): T;
  close(): Promise<void>;
}

/** A Db whose every use (`select`, `execute`, `transaction`, `query` …) goes to the Db `choose()` names at that moment. */
export function routedDb(choose: () => Db): Db {
  return new Proxy({} as Db, {
    get(_target, prop) {
      const db = choose() as unknown as Record<PropertyKey, unknown>;
      const value = Reflect.get(db, prop, db);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
    has: (_target, prop) => Reflect.has(choose() as object, prop),
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Opens the replica at `readUrl` (a pool like the primary's) and routes `read` between it and `primary`. PostgreSQL
 * only: the embedded PGlite database has no replica, its `read` is its `db`.
 */
export function openReadReplica(primary: Db, readUrl: string, options: { stickyMs?: number; probeMs?: number; now?: () => number } = {}): ReadRouting {
  const stickyMs = options.stickyMs ?? DEFAULT_STICKY_MS;
  const probeMs = options.probeMs ?? DEFAULT_PROBE_MS;
  const now = options.now ?? Date.now;
  const pool = new pg.Pool({ connectionString: readUrl, max: 10, connectionTimeoutMillis: Math.max(1_000, probeMs) });
  pool.on('error', (err) => process.stderr.write(`[台账] 只读副本连接中断（已由连接池丢弃）：${err.message}\n`));
  let up = true;
  let probing = false;
  let closed = false;
  const probe = setInterval(() => {
    if (probing || closed) return;
    probing = true;
    pool
      .query('select 1')
      .then(() => {
        if (closed) return;
        if (!up) process.stderr.write('[台账] 只读副本已恢复，统计、列表与导出重新读副本\n');
        up = true;
      })
      .catch((err: Error) => {
        if (closed) return;
        if (up) process.stderr.write(`[台账] 只读副本无法连接，暂改读主库：${err.message}\n`);
        up = false;
      })
      .finally(() => (probing = false));
  }, probeMs);
  probe.unref();
  const replica = drizzlePg({ client: pool, schema }) as unknown as Db;
  const context = new AsyncLocalStorage<ReadContext>();
  /** When each user last wrote (ms), pruned as it grows. */
  const lastWrite = new Map<number, number>();

  const recentlyWrote = (userId: number): boolean => {
    const at = lastWrite.get(userId);
    if (at === undefined) return false;
    if (now() - at < stickyMs) return true;
    lastWrite.delete(userId);
    return false;
  };
  const target = (): 'primary' | 'replica' => {
    if (!up) return 'primary';
    const req = context.getStore()?.req;
    if (!req) return 'replica';
    if (!SAFE_METHODS.has(req.method)) return 'primary';
    const userId = req.auth?.userId;
    return userId !== undefined && recentlyWrote(userId) ? 'primary' : 'replica';
  };

  return {
    read: routedDb(() => (target() === 'primary' ? primary : replica)),
    replica,
    target,
    replicaUp: () => up,
    wrote(userId) {
      if (lastWrite.size > 10_000) for (const [id, at] of lastWrite) if (now() - at >= stickyMs) lastWrite.delete(id);
      lastWrite.set(userId, now());
    },
    within: (req, fn) => context.run({ req }, fn),
    close: () => {
      closed = true;
      clearInterval(probe);
      return pool.end();
    },
  };
}

/**
 * The request hooks of read-your-own-writes: each request runs in its context (entered again after the body is read,
 * whose stream events would lose it), and a writing request by a signed-in user opens their window as it answers
 * (before the answer leaves, so their next request already sees it). Nothing without a read replica.
 */
export function registerReadRouting(app: FastifyInstance, database: Database): void {
  const routing = database.readRouting;
  if (!routing) return;
  const enter = (req: FastifyRequest, _reply: unknown, done: () => void) => routing.within(req, done);
  app.addHook('onRequest', enter);
  app.addHook('preValidation', enter);
  app.addHook('onSend', async (req, _reply, payload) => {
    if (!SAFE_METHODS.has(req.method) && req.auth) routing.wrote(req.auth.userId);
    return payload;
  });
}
