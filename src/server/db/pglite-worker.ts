/**
 * The worker side of the embedded database (issue 13, "PGlite never blocks the server"): this worker thread owns the
 * PGlite instance, so that every WASM query runs here and the main thread only awaits messages (pglite-proxy.ts is the
 * other side). It must stay self-contained: only PGlite and node: imports, and types (the proxy strips them and loads
 * the module as it is, without tsx's loader).
 *
 * The protocol, one request → one reply (same `id`):
 * - `query` / `exec`, optionally inside an open transaction `tx`. Outside one they go through PGlite's own queue, which
 *   waits for an open transaction to end, so nothing is ever interleaved with a transaction's statements.
 * - `begin` opens a transaction (its id is the request's id) and answers once BEGIN ran; `end` commits or rolls it back.
 * - `close` closes the database. Errors come back as plain objects with every field of PGlite's DatabaseError (code,
 *   detail, constraint, column …), which the proxy turns back into an Error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export interface WorkerOptions {
  dataDir: string;
  /** Compiled once per process by the proxy and shared with every worker (a fresh compile costs seconds per open). */
  assets: { pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module; fsBundle: Blob };
}

/** What a query may ask besides its text and parameters: the types kept as the server's text (the proxy checks they are identity parsers). */
export interface QueryShape {
  rowMode?: 'array' | 'object';
  rawTypes?: number[];
  blob?: Blob;
}

export type WorkerRequest =
  | { id: number; op: 'query'; tx?: number; text: string; params?: unknown[]; shape?: QueryShape }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export interface WorkerError {
  message: string;
  name?: string;
  stack?: string;
  [field: string]: unknown;
}

export type WorkerReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: WorkerError } | { id: 0; ok: true; ready: true };

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs in a worker thread');

const identity = (v: string) => v;
const rollbackSignal = Symbol('rollback');

/** An error as a plain object: message, name and stack, and every own field (DatabaseError's code, detail, constraint …). */
function serialise(err: unknown): WorkerError {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: WorkerError = { message: err.message, name: err.name, stack: err.stack };
  for (const [k, v] of Object.entries(err)) if (v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  return out;
}

async function main(): Promise<void> {
  const { dataDir, assets } = workerData as WorkerOptions;
  const db = await PGlite.create(dataDir, {
    ...assets,
    // pg_trgm (trigram indexes for name and partial ID-number search) is loaded so migrations can create it, as on a server.
    extensions: { pg_trgm },
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
  /** Open transactions by id, and how each is told to end. */
  const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();

  function target(tx: number | undefined): Pick<Transaction, 'query' | 'exec'> {
    if (tx === undefined) return db;
    const t = open.get(tx);
    if (!t) throw new Error(`pglite-worker: no open transaction ${tx}`);
    return t.tx;
  }

  async function handle(m: WorkerRequest): Promise<unknown> {
    switch (m.op) {
      case 'query': {
        const s = m.shape;
        const parsers = s?.rawTypes?.length ? Object.fromEntries(s.rawTypes.map((t) => [t, identity])) : undefined;
        const r = await target(m.tx).query(m.text, m.params, { rowMode: s?.rowMode, parsers, blob: s?.blob });
        return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields, blob: r.blob };
      }
      case 'exec':
        return (await target(m.tx).exec(m.text)).map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
      case 'begin': {
        const id = m.id;
        return new Promise<void>((begun, failed) => {
          db.transaction(async (tx) => {
            const commit = await new Promise<boolean>((end) => {
              open.set(id, { tx, end });
              begun();
            });
            if (!commit) throw rollbackSignal;
          })
            .then(() => ended.get(id)?.ok())
            .catch((err: unknown) => {
              // A failure before BEGIN answered fails `begin`; after, the `end` that asked for it.
              if (!open.has(id)) return failed(err);
              if (err === rollbackSignal) ended.get(id)?.ok();
              else ended.get(id)?.fail(err);
            })
            .finally(() => {
              open.delete(id);
              ended.delete(id);
            });
        });
      }
      case 'end': {
        const t = open.get(m.tx);
        if (!t) throw new Error(`pglite-worker: no open transaction ${m.tx}`);
        const done = new Promise<void>((ok, fail) => ended.set(m.tx, { ok, fail }));
        t.end(m.commit);
        return done;
      }
      case 'close':
        await db.close();
        return undefined;
    }
  }
  const ended = new Map<number, { ok: () => void; fail: (err: unknown) => void }>();

  port!.on('message', (m: WorkerRequest) => {
    handle(m).then(
      (result) => port!.postMessage({ id: m.id, ok: true, result } satisfies WorkerReply),
      (err: unknown) => port!.postMessage({ id: m.id, ok: false, error: serialise(err) } satisfies WorkerReply),
    );
  });
  port!.postMessage({ id: 0, ok: true, ready: true } satisfies WorkerReply);
}

main().catch((err: unknown) => port.postMessage({ id: 0, ok: false, error: serialise(err) } satisfies WorkerReply));
