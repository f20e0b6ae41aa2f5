import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain (issue 9: "the audit log append-only and hash-chained", DESIGN: personal data).
 * Each row's hash is sha256 over the previous row's hash and the row's own fields, in one canonical serialisation, so
 * changing, removing or reordering any row breaks the chain from that row on. Pure: the rows are passed in.
 */
export interface ChainRow {
  id: number;
  /** Place in the chain: 1, 2, … without gaps. */
  seq: number;
  entity: string;
  entityId: number;
  userId: number;
  userName: string;
  action: string;
  orgPath: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  /** Milliseconds since the epoch (the database keeps microseconds; the chain the milliseconds, truncated). */
  atMs: number;
}

export interface ChainLinkRow extends ChainRow {
  prevHash: string | null;
  hash: string | null;
}

/** The hash before the first row. */
export const GENESIS_HASH = '';

/**
 * JSON with object keys sorted (recursively) and no whitespace: jsonb does not keep key order or formatting, so the
 * value is serialised the same way whether it was just written or read back. `undefined` members are dropped, as
 * `JSON.stringify` (and so jsonb) drops them; dates become their ISO text.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((obj as { toJSON: () => unknown }).toJSON());
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** What is hashed for one row: the previous hash and every field of the row, in this order. */
export function chainPayload(prevHash: string, row: ChainRow): string {
  return canonicalJson([
    prevHash,
    row.seq,
    row.entity,
    row.entityId,
    row.userId,
    row.userName,
    row.action,
    row.orgPath,
    row.regionCode,
    row.before ?? null,
    row.after ?? null,
    row.atMs,
  ]);
}

export function chainHash(prevHash: string, row: ChainRow): string {
  return createHash('sha256').update(chainPayload(prevHash, row), 'utf8').digest('hex');
}

export type ChainProblem = 'seq' | 'prev_hash' | 'hash' | 'unchained' | 'head';

export type ChainVerdict =
  | { ok: true; count: number; lastSeq: number; lastHash: string }
  | {
      ok: false;
      count: number;
      /** The first broken row (null when the tail is missing: the head names a row that is not there). */
      id: number | null;
      seq: number | null;
      atMs: number | null;
      problem: ChainProblem;
      /** In Chinese, for the report: what differs. */
      message: string;
      expected: string;
      actual: string;
    };

/**
 * Walks the rows in chain order (by `seq`) from `from` (the last verified link, or the start) and reports the first
 * broken link: a missing or repeated place, a previous hash that is not the one before, or a hash that is not the
 * row's own. `head`, when given, is the chain head kept beside the log: a tail cut off shows as a head that names a
 * later row than the last one.
 */
export function verifyChain(
  rows: Iterable<ChainLinkRow>,
  options: { from?: { seq: number; hash: string }; head?: { seq: number; hash: string } } = {},
): ChainVerdict {
  let prevSeq = options.from?.seq ?? 0;
  let prevHash = options.from?.hash ?? GENESIS_HASH;
  let count = 0;
  const broken = (row: ChainLinkRow, problem: ChainProblem, message: string, expected: string, actual: string): ChainVerdict => ({
    ok: false,
    count,
    id: row.id,
    seq: row.seq,
    atMs: row.atMs,
    problem,
    message,
    expected,
    actual,
  });
  for (const row of rows) {
    if (row.hash === null || row.seq === null) return broken(row, 'unchained', '该记录尚未入链（缺少哈希）', '已入链', '未入链');
    if (row.seq !== prevSeq + 1)
      return broken(
        row,
        'seq',
        row.seq > prevSeq + 1 ? `链序号不连续：缺少第 ${prevSeq + 1}${row.seq - 1 > prevSeq + 1 ? `–${row.seq - 1}` : ''} 条（记录被删除）` : `链序号重复：第 ${row.seq} 条出现两次`,
        String(prevSeq + 1),
        String(row.seq),
      );
    if (row.prevHash !== prevHash) return broken(row, 'prev_hash', '与上一条记录的链接断开（上一条记录被改动或删除）', prevHash, row.prevHash ?? '');
    const own = chainHash(prevHash, row);
    if (own !== row.hash) return broken(row, 'hash', '记录内容与其哈希不符（该记录被改动）', own, row.hash);
    prevSeq = row.seq;
    prevHash = row.hash;
    count++;
  }
  if (options.head && (options.head.seq !== prevSeq || options.head.hash !== prevHash))
    return {
      ok: false,
      count,
      id: null,
      seq: options.head.seq,
      atMs: null,
      problem: 'head',
      message: options.head.seq > prevSeq ? `链尾缺失：链头记到第 ${options.head.seq} 条，日志只到第 ${prevSeq} 条（末尾记录被删除）` : '链头与最后一条记录不符',
      expected: `${options.head.seq}:${options.head.hash}`,
      actual: `${prevSeq}:${prevHash}`,
    };
  return { ok: true, count, lastSeq: prevSeq, lastHash: prevHash };
}
