import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors';
import type { EncodingChoice, ParsedTable, ParseOptions } from './upload-parse';
import type { ParseReply, ParseRequest } from './upload-worker';

/**
 * Every upload goes through here (DESIGN: “every upload has a size and row limit named in its error”; “uploads run off
 * the request path”). A route first decides who may upload (role and scope), then calls `receiveFile`, which reads the
 * multipart stream up to the kind's byte limit, then `parseWithLimit`, which reads the table in a worker thread
 * (streamed, stopping at the kind's row limit). The event loop only ever waits for the worker's answer.
 */

export type UploadKind = 'roster' | 'list' | 'ledger' | 'grid' | 'evidence' | 'signature' | 'accounts';

export interface UploadLimit {
  /** What the file is, as the row-limit error names it (花名册最多 100,000 行). */
  what: string;
  /** The field the errors are reported on, as the user reads it. */
  label: string;
  maxBytes: number;
  /** Data rows allowed (0 for attachments). */
  maxRows: number;
}

const MB = 1024 * 1024;

export const UPLOAD_LIMITS: Readonly<Record<UploadKind, UploadLimit>> = {
  roster: { what: '花名册', label: '导入文件', maxBytes: 20 * MB, maxRows: 100_000 },
  list: { what: '部门名单', label: '导入文件', maxBytes: 50 * MB, maxRows: 500_000 },
  ledger: { what: '台账导入文件', label: '导入文件', maxBytes: 10 * MB, maxRows: 20_000 },
  grid: { what: '评分表', label: '评分表', maxBytes: 10 * MB, maxRows: 10_000 },
  evidence: { what: '佐证材料', label: '佐证材料', maxBytes: 20 * MB, maxRows: 0 },
  signature: { what: '签字材料', label: '签字材料', maxBytes: 10 * MB, maxRows: 0 },
  /** Bulk import of users, members and helpers (issue 11). */
  accounts: { what: '批量导入文件', label: '导入文件', maxBytes: 5 * MB, maxRows: 5_000 },
};

/** Overrides of the limits (app options; tests use small ones). */
export type UploadLimitOverrides = { [K in UploadKind]?: Partial<Pick<UploadLimit, 'maxBytes' | 'maxRows'>> };

export function resolveUploadLimits(overrides: UploadLimitOverrides = {}): Record<UploadKind, UploadLimit> {
  const out = {} as Record<UploadKind, UploadLimit>;
  for (const k of Object.keys(UPLOAD_LIMITS) as UploadKind[]) out[k] = { ...UPLOAD_LIMITS[k], ...overrides[k] };
  return out;
}

/** The largest of the byte limits: the multipart plugin's own ceiling. */
export function largestUpload(limits: Record<UploadKind, UploadLimit>): number {
  return Math.max(...Object.values(limits).map((l) => l.maxBytes));
}

declare module 'fastify' {
  interface FastifyInstance {
    uploadLimits: Record<UploadKind, UploadLimit>;
  }
}

/** Registers the limits on the app (app.ts); routes read them from `req.server`. */
export function decorateUploadLimits(app: FastifyInstance, overrides?: UploadLimitOverrides): void {
  app.decorate('uploadLimits', resolveUploadLimits(overrides));
}

function limitOf(req: FastifyRequest, kind: UploadKind): UploadLimit {
  return (req.server.uploadLimits as Record<UploadKind, UploadLimit> | undefined)?.[kind] ?? UPLOAD_LIMITS[kind];
}

/** 20 MB, 1.5 MB, 300 KB, 900 B. */
export function formatBytes(n: number): string {
  if (n >= MB) return `${+(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** 100,000 */
export const formatCount = (n: number) => n.toLocaleString('en-US');

function fileError(limit: UploadLimit, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', `${limit.label}：${message}`, { fields: [{ field: 'file', label: limit.label, message }], ...extra });
}

export function tooLargeError(limit: UploadLimit): AppError {
  return fileError(limit, `文件超过 ${formatBytes(limit.maxBytes)} 上限`, { maxBytes: limit.maxBytes });
}

export function tooManyRowsError(limit: UploadLimit): AppError {
  return fileError(limit, `${limit.what}最多 ${formatCount(limit.maxRows)} 行，请分批导入`, { maxRows: limit.maxRows });
}

/** The data rows of the sheet read, counted exactly once the header is known: over the limit is the same 400. */
export function checkDataRows(limit: UploadLimit, rows: number): void {
  if (rows > limit.maxRows) throw tooManyRowsError(limit);
}

export interface ReceivedFile {
  fileName: string;
  /** The type the client declared (never trusted for attachments: see `checkAttachment`). */
  mime: string;
  bytes: Buffer;
}

/**
 * The uploaded file (multipart field `file`), read up to the kind's byte limit: a larger file is refused as soon as
 * the limit is passed (or before a byte is read, when the request says its length). Call it only after the route has
 * checked the caller's role and scope.
 */
export async function receiveFile(req: FastifyRequest, kind: UploadKind, missing = '请选择要上传的文件'): Promise<ReceivedFile> {
  const limit = limitOf(req, kind);
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Multipart framing adds a few hundred bytes; 64 KB of slack never refuses a file within the limit.
  if (Number.isFinite(declared) && declared > limit.maxBytes + 64 * 1024) throw tooLargeError(limit);
  let file;
  try {
    file = await req.file({ limits: { fileSize: limit.maxBytes, files: 1 } });
  } catch (err) {
    throw multipartError(err, limit);
  }
  if (!file) throw fileError(limit, missing);
  try {
    return { fileName: file.filename ?? '', mime: (file.mimetype ?? '').toLowerCase(), bytes: await file.toBuffer() };
  } catch (err) {
    throw multipartError(err, limit);
  }
}

function multipartError(err: unknown, limit: UploadLimit): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLargeError(limit);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return fileError(limit, '一次只能上传 1 个文件');
  return fileError(limit, '无法读取上传的内容：请以 multipart/form-data 上传（字段 file）');
}

// --- the parse worker ------------------------------------------------------------------------------------------------

export interface ParseUploadOptions {
  /** Rows above the data (header, hint, titles) allowed besides the data rows. */
  headerRows: number;
  csv?: boolean;
  encoding?: EncodingChoice;
  maxColumns?: number;
  /** The message for a file that is not a readable workbook (it names the template to use). */
  unreadable?: string;
}

/**
 * Reads an uploaded table in the parse worker: rows limited to `limit.maxRows` (plus `headerRows`), a file that cannot
 * be read or is over the limit a 400 naming it. Nothing here blocks the event loop.
 */
export async function parseWithLimit(limit: UploadLimit, bytes: Uint8Array, options: ParseUploadOptions): Promise<ParsedTable> {
  const plain = (message: string) => new AppError('VALIDATION', message, { fields: [{ field: 'file', label: limit.label, message }] });
  const unreadable = (message: string) => plain(options.unreadable && message.startsWith('无法读取文件') ? options.unreadable : message);
  // What needs no worker: an empty file, an old .xls, anything but a zip where only .xlsx is read.
  if (bytes.length === 0) throw plain('文件为空');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw plain(`不支持旧版 .xls 文件：请在表格软件中另存为 .xlsx${options.csv ? ' 或 .csv' : ''} 后重新上传`);
  if (!zip && !options.csv) throw unreadable('无法读取文件：请上传 .xlsx 文件');
  const reply = await pool.run(bytes, { maxRows: limit.maxRows + options.headerRows, csv: options.csv, encoding: options.encoding, maxColumns: options.maxColumns });
  if (reply.ok) return reply.table;
  if (reply.reason === 'rows') throw tooManyRowsError(limit);
  if (reply.reason === 'file') throw unreadable(reply.message);
  if (reply.reason === 'memory') throw fileError(limit, '文件内容过多，超出了读取的内存上限，请分批导入');
  if (reply.reason === 'timeout') throw fileError(limit, '文件读取超时，请检查文件或分批导入');
  throw new Error(`parse worker: ${reply.message}`);
}

type PoolReply = ParseReply | { id: number; ok: false; reason: 'memory' | 'timeout'; message: string };

/** Megabytes of heap a parse worker may use: a file needing more ends that worker, never the server. */
const WORKER_HEAP_MB = 384;
const PARSE_TIMEOUT_MS = 5 * 60 * 1000;
const IDLE_MS = 5_000;

function workerSource(): string {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return `import(${JSON.stringify(new URL('./upload-worker.js', here).href)});`;
  // Running from TypeScript sources (tsx, vitest): the worker registers tsx's loader before it imports its module.
  const tsxDir = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const file = new URL('./upload-worker.ts', here).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
}

/**
 * At most two parse workers at once (the machine's other cores answer requests and run the database); a worker that
 * finished cleanly is kept for the next upload for 5 s, one that stopped early (row limit, bad file, out of memory) is
 * ended. Workers never keep the process alive.
 */
class ParsePool {
  private idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
  private running = 0;
  private waiting: Array<() => void> = [];
  private nextId = 1;
  private source: string | null = null;

  constructor(private readonly max = 2) {}

  async run(bytes: Uint8Array, options: ParseOptions): Promise<PoolReply> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await this.once(bytes, options);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private take(): Worker {
    const w = this.idle.pop();
    if (w) {
      clearTimeout(w.timer);
      w.worker.ref();
      return w.worker;
    }
    this.source ??= workerSource();
    const worker = new Worker(this.source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 } });
    return worker;
  }

  private release(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idle = this.idle.filter((x) => x.worker !== worker);
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    worker.unref();
    this.idle.push({ worker, timer });
  }

  private once(bytes: Uint8Array, options: ParseOptions): Promise<PoolReply> {
    const worker = this.take();
    const id = this.nextId++;
    const copy = new Uint8Array(bytes); // its own buffer, handed over to the worker
    return new Promise<PoolReply>((resolve) => {
      let settled = false;
      const done = (reply: PoolReply, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) this.release(worker);
        else void worker.terminate();
        resolve(reply);
      };
      const onMessage = (m: ParseReply | 'ready') => {
        if (m === 'ready' || m.id !== id) return;
        done(m, m.ok);
      };
      const onError = (err: Error & { code?: string }) =>
        done({ id, ok: false, reason: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'internal', message: err.message }, false);
      const onExit = (code: number) => done({ id, ok: false, reason: 'internal', message: `worker exited (${code})` }, false);
      const timer = setTimeout(() => done({ id, ok: false, reason: 'timeout', message: 'timeout' }, false), PARSE_TIMEOUT_MS);
      timer.unref();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes: copy, options } satisfies ParseRequest, [copy.buffer]);
    });
  }
}

const pool = new ParsePool();

/** Lets other work run: between batches of a long loop on the event loop. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * An upload read by a file reader (department list, roster): the file as `receiveFile` takes it, then `read` within
 * the kind's limits; the reader's own “cannot read this file” error (`unreadable`) becomes the 400 of the file field.
 */
export async function readUpload<T>(
  req: FastifyRequest,
  kind: UploadKind,
  missing: string,
  read: (bytes: Buffer, limit: UploadLimit) => Promise<T>,
  unreadable: abstract new (...args: never[]) => Error,
): Promise<{ fileName: string; content: T }> {
  const file = await receiveFile(req, kind, missing);
  try {
    return { fileName: file.fileName, content: await read(file.bytes, limitOf(req, kind)) };
  } catch (err) {
    if (err instanceof unreadable) throw new AppError('VALIDATION', err.message, { fields: [{ field: 'file', label: '导入文件', message: err.message }] });
    throw err;
  }
}
