import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { migrateDatabase, type Database, type Db } from './connection';
import { clientOf, copyTextIn, copyTextOutPg } from './copy';

/**
 * Logical backup and restore of a whole database, the same on PGlite and PostgreSQL (and from one to the other).
 *
 * The file is gzip: a first line of JSON (the header: format and version, the migrations applied, every table with its
 * columns, row count and SHA-256, every sequence's position), then every table's rows in COPY's text format, one row a
 * line, each table ended by a line `\.`, in an order in which foreign keys hold. Everything is streamed: a large
 * registry never sits in memory, neither when it is written nor when it is read back.
 */

export const BACKUP_FORMAT = 'taizhang-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  schema: string;
  name: string;
  columns: string[];
  rows: number;
  /** SHA-256 (hex) of the table's rows as written in the file, every line with its newline. */
  sha256: string;
}

export interface BackupSequence {
  schema: string;
  name: string;
  /** The column it numbers (serial / identity), or null for a sequence of its own. */
  owner: { table: string; column: string } | null;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cycle: boolean;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The engine it was taken from (informative: it restores into either). */
  engine: Database['kind'];
  /** Hashes of the migrations applied, in order: a restore needs a target with the same. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupProgress {
  table: string;
  /** 1-based position of the table and the number of tables. */
  index: number;
  total: number;
  rows: number;
  /** True once the table is complete. */
  done: boolean;
}

export class BackupError extends Error {
  readonly code = 'BACKUP';
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface Conn {
  kind: Database['kind'];
  tx: Db;
  q<T = Record<string, unknown>>(text: string, params?: unknown[], arrays?: boolean): Promise<T[]>;
}

function connOf(kind: Database['kind'], tx: Db): Conn {
  const client = clientOf(tx) as { query: (text: string, params?: unknown[], options?: unknown) => Promise<{ rows: unknown[] }> };
  return {
    kind,
    tx,
    async q<T>(text: string, params: unknown[] = [], arrays = false): Promise<T[]> {
      if (kind === 'pglite') return (await client.query(text, params, arrays ? { rowMode: 'array' } : undefined)).rows as T[];
      const pgClient = client as unknown as pg.PoolClient;
      return (arrays ? await pgClient.query({ text, values: params, rowMode: 'array' }) : await pgClient.query(text, params)).rows as T[];
    },
  };
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;
const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema', 'drizzle') and n.nspname not like 'pg\\_%'`;

interface TableMeta {
  oid: number;
  schema: string;
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** Every table of the schema (not drizzle's bookkeeping), in an order in which each table's foreign keys point back. */
async function listTables(c: Conn): Promise<TableMeta[]> {
  const tables = await c.q<{ oid: number; schema: string; name: string }>(
    `select c.oid::int as oid, n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and ${USER_SCHEMAS} order by n.nspname, c.relname`,
  );
  const columns = await c.q<{ oid: number; name: string }>(
    `select a.attrelid::int as oid, a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and ${USER_SCHEMAS} and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attrelid, a.attnum`,
  );
  const keys = await c.q<{ oid: number; name: string }>(
    `select i.indrelid::int as oid, a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
     join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
     where i.indisprimary and ${USER_SCHEMAS} order by i.indrelid, array_position(i.indkey::int2[], a.attnum)`,
  );
  const refs = await c.q<{ child: number; parent: number }>(
    `select distinct conrelid::int as child, confrelid::int as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`,
  );
  const byOid = new Map<number, TableMeta>(tables.map((t) => [t.oid, { ...t, columns: [], primaryKey: [] }]));
  for (const col of columns) byOid.get(col.oid)?.columns.push(col.name);
  for (const key of keys) byOid.get(key.oid)?.primaryKey.push(key.name);
  // Kahn's order, ties by name; a cycle (none today) falls back to name order for what remains.
  const parents = new Map<number, Set<number>>([...byOid.keys()].map((oid) => [oid, new Set<number>()]));
  for (const r of refs) if (byOid.has(r.child) && byOid.has(r.parent)) parents.get(r.child)!.add(r.parent);
  const ordered: TableMeta[] = [];
  const placed = new Set<number>();
  while (placed.size < byOid.size) {
    const ready = [...byOid.values()].filter((t) => !placed.has(t.oid) && [...parents.get(t.oid)!].every((p) => placed.has(p)));
    const next = ready.length ? ready : [...byOid.values()].filter((t) => !placed.has(t.oid));
    for (const t of next) {
      placed.add(t.oid);
      ordered.push(t);
    }
  }
  return ordered;
}

async function listSequences(c: Conn): Promise<BackupSequence[]> {
  const seqs = await c.q<Omit<BackupSequence, 'owner' | 'lastValue' | 'isCalled'> & { owner_table: string | null; owner_column: string | null }>(
    `select n.nspname as schema, c.relname as name, format_type(s.seqtypid, null) as type, s.seqstart::text as start, s.seqincrement::text as increment,
            s.seqmin::text as min, s.seqmax::text as max, s.seqcycle as cycle, t.relname as owner_table, a.attname as owner_column
     from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
     left join pg_class t on t.oid = d.refobjid
     left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
     where ${USER_SCHEMAS} order by n.nspname, c.relname`,
  );
  const out: BackupSequence[] = [];
  for (const s of seqs) {
    const [state] = await c.q<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${qualified(s.schema, s.name)}`);
    out.push({
      schema: s.schema,
      name: s.name,
      owner: s.owner_table && s.owner_column ? { table: s.owner_table, column: s.owner_column } : null,
      type: s.type,
      start: s.start,
      increment: s.increment,
      min: s.min,
      max: s.max,
      cycle: s.cycle,
      lastValue: state!.last_value,
      isCalled: state!.is_called,
    });
  }
  return out;
}

async function appliedMigrations(c: Conn): Promise<string[] | null> {
  const [exists] = await c.q<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return null;
  return (await c.q<{ hash: string }>(`select hash from drizzle.__drizzle_migrations order by created_at, id`)).map((r) => r.hash);
}

/** A value as COPY's text format writes it (the same escapes as PostgreSQL's own COPY TO). */
function copyField(v: string | null): string {
  if (v === null) return '\\N';
  return /[\\\t\n\r\b\f\v]/.test(v)
    ? v.replace(/[\\\t\n\r\b\f\v]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[ch]!)
    : v;
}

/** A table's rows in COPY text, in primary-key order: COPY TO STDOUT on PostgreSQL, a cursor in batches on PGlite. */
async function* tableText(c: Conn, t: TableMeta): AsyncIterable<Buffer | string> {
  const order = t.primaryKey.length ? ` order by ${t.primaryKey.map(ident).join(', ')}` : '';
  if (c.kind === 'postgres') {
    yield* copyTextOutPg(c.tx, `select ${t.columns.map(ident).join(', ')} from ${qualified(t.schema, t.name)}${order}`);
    return;
  }
  // Each value through its type's output function (::text), as COPY writes it; batches sized by bytes, so that rows
  // with large values (attachments) stay a few megabytes a batch.
  await c.q(`declare tz_backup no scroll cursor for select ${t.columns.map((col) => `${ident(col)}::text`).join(', ')} from ${qualified(t.schema, t.name)}${order}`);
  try {
    let batch = 1000;
    for (;;) {
      const rows = await c.q<Array<string | null>>(`fetch forward ${batch} from tz_backup`, [], true);
      if (rows.length === 0) break;
      let text = '';
      for (const row of rows) text += row.map(copyField).join('\t') + '\n';
      yield text;
      if (text.length > 16_000_000) batch = Math.max(1, batch >> 1);
      else if (text.length < 4_000_000 && rows.length === batch) batch = Math.min(50_000, batch * 2);
    }
  } finally {
    await c.q(`close tz_backup`);
  }
}

async function write(out: Writable, chunk: Buffer | string): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => (out.off('error', onError), resolve());
    const onError = (err: Error) => (out.off('drain', onDrain), reject(err));
    out.once('drain', onDrain).once('error', onError);
  });
}

async function endStream(out: Writable, file: Writable): Promise<void> {
  const done = new Promise<void>((resolve, reject) => file.once('close', resolve).once('error', reject));
  out.end();
  await done;
}

/**
 * Writes a backup of the whole database to `file` from one consistent snapshot. The rows go to a temporary file first;
 * once their counts and checksums are known the header is written and the rows' compressed bytes are appended after it
 * (gzip members may follow one another), then the file is renamed into place, so a failed backup leaves no file.
 */
export async function backupDatabase(database: Database, file: string, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupHeader> {
  const dataFile = `${file}.rows.tmp`;
  const headFile = `${file}.tmp`;
  try {
    const header = await database.db.transaction(
      async (tx) => {
        const c = connOf(database.kind, tx);
        const migrations = await appliedMigrations(c);
        if (!migrations?.length) throw new BackupError('数据库尚未初始化（没有任何迁移记录），没有可备份的数据');
        const tables = await listTables(c);
        const sequences = await listSequences(c);
        const gzip = createGzip();
        const sink = createWriteStream(dataFile);
        gzip.pipe(sink);
        const written: BackupTable[] = [];
        try {
          for (const [i, t] of tables.entries()) {
            const hash = createHash('sha256');
            let rows = 0;
            let last = Date.now();
            for await (const piece of tableText(c, t)) {
              const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
              hash.update(buf);
              for (let at = buf.indexOf(10); at !== -1; at = buf.indexOf(10, at + 1)) rows++;
              await write(gzip, buf);
              if (Date.now() - last > 1000) {
                onProgress({ table: t.name, index: i + 1, total: tables.length, rows, done: false });
                last = Date.now();
              }
            }
            await write(gzip, '\\.\n');
            written.push({ schema: t.schema, name: t.name, columns: t.columns, rows, sha256: hash.digest('hex') });
            onProgress({ table: t.name, index: i + 1, total: tables.length, rows, done: true });
          }
        } finally {
          await endStream(gzip, sink);
        }
        const h: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.kind, migrations, tables: written, sequences };
        return h;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const gzip = createGzip();
    const out = createWriteStream(headFile);
    gzip.pipe(out, { end: false });
    const headerDone = new Promise<void>((resolve, reject) => gzip.once('end', resolve).once('error', reject));
    gzip.end(JSON.stringify(header) + '\n');
    await headerDone;
    for await (const piece of createReadStream(dataFile)) await write(out, piece as Buffer);
    await new Promise<void>((resolve, reject) => {
      out.once('close', resolve).once('error', reject);
      out.end();
    });
    renameSync(headFile, file);
    return header;
  } finally {
    rmSync(dataFile, { force: true });
    rmSync(headFile, { force: true });
  }
}

/** The lines of a text stream (UTF-8), without their newline. */
async function* linesOf(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const text = rest + decoder.write(chunk as Buffer);
    let from = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
      yield text.slice(from, at);
      from = at + 1;
    }
    rest = text.slice(from);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function openBackup(file: string): { lines: AsyncGenerator<string>; close(): void } {
  const raw = createReadStream(file);
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  return { lines: linesOf(gunzip), close: () => (raw.destroy(), gunzip.destroy()) };
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw new BackupError(`文件 ${file} 不是台账备份文件（文件头无法识别）`);
  }
  if (header.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || !Array.isArray(header.migrations))
    throw new BackupError(`文件 ${file} 不是台账备份文件（文件头无法识别）`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`备份文件格式版本 ${String(header.version)} 不受本版本支持（支持版本 ${BACKUP_VERSION}）`);
  return header as BackupHeader;
}

function readError(err: unknown, file: string): Error {
  if (err instanceof BackupError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && code.startsWith('Z_')) return new BackupError(`文件 ${file} 不是台账备份文件（不是 gzip 压缩文件）`);
  return new BackupError(`无法读取备份文件 ${file}：${(err as Error).message}`);
}

/** Reads only the header of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const backup = openBackup(file);
  try {
    const first = await backup.lines.next();
    return parseHeader(first.done ? undefined : first.value, file);
  } catch (err) {
    throw readError(err, file);
  } finally {
    backup.close();
  }
}

/**
 * Restores a backup into a FRESH database: migrated to exactly the backup's migrations, and holding no row in any
 * table (anything else is refused before a row is written). Every table is loaded and checked against the header's row
 * count and checksum, every sequence set to where it was (and never below its column's largest value), all in one
 * transaction: a failure leaves the target as empty as it was. Triggers do not fire for the loaded rows (they are
 * restored as they were, not recomputed).
 */
/**
 * Tables whose rows a migration writes into every new database (the audit chain's head, seq 0): not data that makes a
 * target non-empty, and replaced by the backup's rows on restore.
 */
const SEEDED_BY_MIGRATIONS = new Set(['audit_chain_head']);

export async function restoreDatabase(database: Database, file: string, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupHeader> {
  const backup = openBackup(file);
  try {
    const first = await backup.lines.next().catch((err: unknown) => {
      throw readError(err, file);
    });
    const header = parseHeader(first.done ? undefined : first.value, file);
    await database.db.transaction(async (tx) => {
      const c = connOf(database.kind, tx);
      const migrations = await appliedMigrations(c);
      if (!migrations) throw new BackupError('目标数据库尚未建立表结构（没有迁移记录）：请用 taizhang restore 恢复，它会先为空库建立表结构');
      if (migrations.join() !== header.migrations.join())
        throw new BackupError(
          `备份的数据库结构与目标数据库不一致（备份含 ${header.migrations.length} 个迁移，目标含 ${migrations.length} 个）：请用与备份时相同版本的台账恢复`,
        );
      const tables = await listTables(c);
      const byName = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
      for (const t of header.tables) {
        const target = byName.get(`${t.schema}.${t.name}`);
        if (!target) throw new BackupError(`目标数据库没有表 ${t.name}：数据库结构与备份不一致`);
        const missing = t.columns.filter((col) => !target.columns.includes(col));
        if (missing.length) throw new BackupError(`目标数据库的表 ${t.name} 没有列 ${missing.join('、')}：数据库结构与备份不一致`);
      }
      const nonEmpty: string[] = [];
      for (const t of tables) {
        if (SEEDED_BY_MIGRATIONS.has(t.name)) continue;
        const [row] = await c.q<{ found: boolean }>(`select exists (select 1 from ${qualified(t.schema, t.name)}) as found`);
        if (row?.found) nonEmpty.push(t.name);
      }
      if (nonEmpty.length)
        throw new BackupError(
          `目标数据库已有数据（${nonEmpty.slice(0, 5).join('、')}${nonEmpty.length > 5 ? ` 等 ${nonEmpty.length} 张表` : ''}），恢复只能写入新建的空数据库：` +
            '请使用新的空数据目录（TAIZHANG_DATA_DIR）或新建的空 PostgreSQL 数据库（DATABASE_URL）',
        );

      // Rows come back as they were: no trigger recomputes them, and foreign keys hold by the order of the tables.
      const [role] = await c.q<{ superuser: boolean }>(`select rolsuper as superuser from pg_roles where rolname = current_user`);
      const replica = !!role?.superuser;
      if (replica) await c.q(`set local session_replication_role = replica`);
      else for (const t of header.tables) await c.q(`alter table ${qualified(t.schema, t.name)} disable trigger user`);

      for (const [i, t] of header.tables.entries()) {
        const hash = createHash('sha256');
        let rows = 0;
        let ended = false;
        let last = Date.now();
        async function* pieces(): AsyncIterable<string> {
          let piece = '';
          for (;;) {
            const next = await backup.lines.next();
            if (next.done) break;
            if (next.value === '\\.') {
              ended = true;
              break;
            }
            const line = next.value + '\n';
            hash.update(line);
            rows++;
            piece += line;
            if (piece.length >= 4_000_000) {
              yield piece;
              piece = '';
              if (Date.now() - last > 1000) {
                onProgress({ table: t.name, index: i + 1, total: header.tables.length, rows, done: false });
                last = Date.now();
              }
            }
          }
          if (piece) yield piece;
        }
        // A row a migration put in (the audit chain's head) gives way to the backup's.
        if (SEEDED_BY_MIGRATIONS.has(t.name)) await c.q(`delete from ${qualified(t.schema, t.name)}`);
        await copyTextIn(tx, qualified(t.schema, t.name), t.columns, pieces());
        if (!ended) throw new BackupError(`备份文件 ${file} 不完整：表 ${t.name} 的数据在文件末尾前中断`);
        const sha = hash.digest('hex');
        if (rows !== t.rows || sha !== t.sha256)
          throw new BackupError(`备份文件 ${file} 已损坏：表 ${t.name} 应有 ${t.rows} 行，读到 ${rows} 行${sha !== t.sha256 ? '，校验和不符' : ''}`);
        onProgress({ table: t.name, index: i + 1, total: header.tables.length, rows, done: true });
      }

      if (!replica) for (const t of header.tables) await c.q(`alter table ${qualified(t.schema, t.name)} enable trigger user`);
      await restoreSequences(c, header.sequences);
    });
    return header;
  } finally {
    backup.close();
  }
}

/**
 * Makes a blank target (no table at all: a new data directory, a new PostgreSQL database) ready for a restore by
 * migrating it. A target that already has tables is left as it is: restoreDatabase then checks it (same migrations,
 * no rows), so a refused restore never changes an existing database.
 */
export async function prepareRestoreTarget(database: Database): Promise<void> {
  const [row] = await database.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and (${USER_SCHEMAS} or n.nspname = 'drizzle')`,
  );
  if (!row?.n) await migrateDatabase(database);
}

/** Every sequence back where it was; a serial never below its column's largest value, so the next insert cannot collide. */
async function restoreSequences(c: Conn, sequences: BackupSequence[]): Promise<void> {
  const existing = new Set((await listSequences(c)).map((s) => `${s.schema}.${s.name}`));
  for (const s of sequences) {
    const seq = qualified(s.schema, s.name);
    if (!existing.has(`${s.schema}.${s.name}`)) {
      if (s.owner) throw new BackupError(`目标数据库没有序列 ${s.name}（${s.owner.table}.${s.owner.column}）：数据库结构与备份不一致`);
      // A sequence made at run time (e.g. one per county and year): made again as it was.
      await c.q(
        `create sequence ${seq} as ${s.type} increment by ${BigInt(s.increment)} minvalue ${BigInt(s.min)} maxvalue ${BigInt(s.max)} start with ${BigInt(s.start)} ${s.cycle ? 'cycle' : 'no cycle'}`,
      );
    }
    let value = BigInt(s.lastValue);
    let called = s.isCalled;
    if (s.owner && BigInt(s.increment) > 0n) {
      const [row] = await c.q<{ max: string | null }>(`select max(${ident(s.owner.column)})::text as max from ${qualified(s.schema, s.owner.table)}`);
      if (row?.max != null && (BigInt(row.max) > value || (BigInt(row.max) === value && !called))) {
        value = BigInt(row.max);
        called = true;
      }
    }
    await c.q(`select setval('${seq.replace(/'/g, "''")}', ${value}, ${called})`);
  }
}
