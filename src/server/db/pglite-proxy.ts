/**
 * The main-thread side of the embedded database (issue 13): an object with what drizzle-orm/pglite and our own code
 * call on a PGlite client — `query(text, params, { rowMode, parsers, blob })`, `exec`, `transaction(fn)` with a tx
 * object, `close` — each call a message to the worker thread that owns the PGlite instance (pglite-worker.ts). The
 * WASM runs there, so a long query or a bulk COPY never stops this thread from answering requests.
 *
 * What crosses: parameters and results by structured clone (Dates, typed arrays and Blobs included); per-query parsers
 * only as the list of types kept as text (drizzle's), errors as their fields (code, detail, constraint …) rebuilt into
 * an Error here. The worker keeps the process alive only while a request is waiting for its answer, as an in-process
 * PGlite would.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryShape, WorkerError, WorkerOptions, WorkerReply, WorkerRequest } from './pglite-worker';

export interface ProxyResults<T = Record<string, unknown>> {
  rows: T[];
  affectedRows?: number;
  fields: Array<{ name: string; dataTypeID: number }>;
  blob?: Blob;
}

export interface ProxyQueryOptions {
  rowMode?: 'array' | 'object';
  /** Only parsers that return the server's text unchanged (drizzle's for dates and intervals) can cross to the worker. */
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
  blob?: Blob;
}

export interface ProxyTransaction {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: ProxyQueryOptions): Promise<ProxyResults<T>>;
  exec(text: string): Promise<ProxyResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export interface PgliteProxy extends Omit<ProxyTransaction, 'rollback' | 'closed'> {
  transaction<T>(fn: (tx: ProxyTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Op = WorkerRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Body<O extends Op> = Omit<Extract<WorkerRequest, { op: O }>, 'id' | 'op'>;

const WORKER_URL = new URL(`./pglite-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

let workerSource: Promise<URL> | undefined;

/**
 * The worker module as a thread can load it. Built, it is pglite-worker.js; from the TypeScript source (`node --import
 * tsx`, vitest), a worker thread does not inherit the loader hooks, and registering tsx's own in each worker costs a
 * second per open: so the source is stripped of its types once per process (esbuild, which tsx and vite run on) and
 * loaded as a data: URL, its package imports resolved to files here.
 */
function workerUrl(): Promise<URL> {
  if (!WORKER_URL.pathname.endsWith('.ts')) return Promise.resolve(WORKER_URL);
  workerSource ??= (async () => {
    const { transform } = await import('esbuild');
    const req = createRequire(import.meta.url);
    const { code } = await transform(await readFile(WORKER_URL, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' });
    const resolved = code.replace(/from "(@electric-sql\/pglite[^"]*)"/g, (_m, spec: string) => `from ${JSON.stringify(pathToFileURL(req.resolve(spec).replace(/\.cjs$/, '.js')).href)}`);
    return new URL(`data:text/javascript,${encodeURIComponent(resolved)}`);
  })();
  workerSource.catch(() => (workerSource = undefined));
  return workerSource;
}

let assets: Promise<WorkerOptions['assets']> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process (off this thread, by V8's compiler threads) and handed to each worker
 * as a compiled module, with its file-system bundle: a worker compiling its own would pay seconds on every open.
 */
function pgliteAssets(): Promise<WorkerOptions['assets']> {
  assets ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pglite, initdb, data] = await Promise.all(['pglite.wasm', 'initdb.wasm', 'pglite.data'].map((f) => readFile(path.join(dist, f))));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(pglite!), WebAssembly.compile(initdb!)]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([data!]) };
  })();
  assets.catch(() => (assets = undefined));
  return assets;
}

function rebuildError(e: WorkerError, at: Error): Error {
  const { message, name, stack, ...fields } = e;
  const err = Object.assign(new Error(message), fields);
  if (name) err.name = name;
  // The worker's frames first, then where it was asked from on this thread.
  err.stack = `${stack ?? `${name ?? 'Error'}: ${message}`}\n    --- asked from ---${(at.stack ?? '').replace(/^[^\n]*/, '')}`;
  return err;
}

function shapeOf(options: ProxyQueryOptions | undefined): QueryShape | undefined {
  if (!options) return undefined;
  const { rowMode, parsers, blob, ...rest } = options;
  const unsupported = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
  if (unsupported.length) throw new Error(`pglite-proxy: query option(s) ${unsupported.join(', ')} cannot cross to the worker`);
  let rawTypes: number[] | undefined;
  if (parsers) {
    rawTypes = Object.keys(parsers).map(Number);
    for (const t of rawTypes) if (parsers[t]!('2001-02-03 04:05:06', t) !== '2001-02-03 04:05:06') throw new Error(`pglite-proxy: the parser of type ${t} is not the identity`);
  }
  return { rowMode, rawTypes, blob };
}

/** Starts the worker on `dataDir` and resolves once PGlite is open there (rejects with PGlite's error otherwise). */
export async function openPgliteWorker(dataDir: string): Promise<PgliteProxy> {
  const [url, wasm] = await Promise.all([workerUrl(), pgliteAssets()]);
  const worker = new Worker(url, { workerData: { dataDir, assets: wasm } satisfies WorkerOptions });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; at: Error }>();
  let next = 1;
  let dead: Error | undefined;

  const refresh = () => (pending.size ? worker.ref() : worker.unref());
  const failAll = (err: Error) => {
    dead ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    refresh();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    const onExit = (code: number) => reject(new Error(`PGlite 工作线程启动失败（退出码 ${code}）`));
    worker.once('error', onError).once('exit', onExit);
    worker.once('message', (m: WorkerReply) => {
      worker.off('error', onError).off('exit', onExit);
      if (m.ok) resolve();
      else reject(rebuildError(m.error, new Error()));
    });
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });

  worker.on('message', (m: WorkerReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    refresh();
    if (m.ok) p.resolve('result' in m ? m.result : undefined);
    else p.reject(rebuildError(m.error, p.at));
  });
  worker.on('error', (err: unknown) => failAll(err instanceof Error ? err : new Error(String(err))));
  worker.on('exit', (code) => failAll(new Error(`PGlite 工作线程已退出（退出码 ${code}）`)));
  refresh();

  function send<O extends Op>(op: O, body: Body<O>): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, at: new Error() });
      refresh();
      worker.postMessage({ id, op, ...body } as WorkerRequest);
    });
  }
  const begin = (): Promise<number> => {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: () => resolve(id), reject, at: new Error() });
      refresh();
      worker.postMessage({ id, op: 'begin' } satisfies WorkerRequest);
    });
  };

  function runner(tx?: number) {
    return {
      query: async <T,>(text: string, params?: unknown[], options?: ProxyQueryOptions) =>
        (await send('query', { tx, text, params, shape: shapeOf(options) })) as ProxyResults<T>,
      exec: async (text: string) => (await send('exec', { tx, text })) as ProxyResults[],
    };
  }

  return {
    ...runner(),
    async transaction<T>(fn: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
      const id = await begin();
      let closed = false;
      const inner = runner(id);
      const guard = () => {
        if (closed) throw new Error('Transaction is closed');
      };
      const tx: ProxyTransaction = {
        query: (text, params, options) => (guard(), inner.query(text, params, options)),
        exec: (text) => (guard(), inner.exec(text)),
        rollback: async () => {
          guard();
          closed = true;
          await send('end', { tx: id, commit: false });
        },
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        if (!closed) {
          closed = true;
          // The error that made it roll back is the one to report, not a failure of the rollback itself.
          await send('end', { tx: id, commit: false }).catch(() => {});
        }
        throw err;
      }
      if (!closed) {
        closed = true;
        await send('end', { tx: id, commit: true });
      }
      return result;
    },
    async close() {
      if (dead) return;
      try {
        await send('close', {});
      } finally {
        dead = new Error('数据库已关闭');
        await worker.terminate();
      }
    },
  };
}
