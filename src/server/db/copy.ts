import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from './connection';

/** A value as COPY's text format writes it: \N for null, t/f, JSON for objects, with \ tab newline escaped. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** The client under a Drizzle database or transaction (node-postgres pool/client, or PGlite / its transaction). */
export function clientOf(db: Db): unknown {
  return (db as unknown as { session: { client: unknown } }).session.client;
}

const isPg = (client: unknown): client is pg.Pool | pg.Client => client instanceof pg.Pool || client instanceof pg.Client;

const CHUNK = 100_000;
const PIECE = 2_000;

/**
 * Bulk insert with COPY … FROM STDIN (text format): several times cheaper for the server than INSERT … SELECT unnest
 * for hundreds of thousands of rows. Runs on the connection of `db` (call it with a transaction), so it commits or rolls
 * back with everything else. On PGlite the rows go through a Blob (`COPY … FROM '/dev/blob'`).
 */
export async function copyRows(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  // Streamed in pieces on PostgreSQL: the server parses and inserts one piece while the next is formatted (two cores at
  // work). PGlite takes one COPY per piece, so its pieces are larger.
  await copyTextIn(db, table, columns, textPieces(rows, isPg(clientOf(db)) ? PIECE : CHUNK));
}

/** The rows in COPY's text format, `size` rows a piece. */
function* textPieces(rows: unknown[][], size: number): Iterable<string> {
  for (let at = 0; at < rows.length; at += size) {
    let out = '';
    for (let i = at; i < Math.min(at + size, rows.length); i++) out += rows[i]!.map(field).join('\t') + '\n';
    yield out;
  }
}

/**
 * COPY … FROM with rows already in COPY's text format (one row a line), fed piece by piece so that a large table never
 * sits in memory: one streamed COPY FROM STDIN on PostgreSQL, one COPY per piece on PGlite. Runs on the connection of
 * `db` (a transaction).
 */
export async function copyTextIn(db: Db, table: string, columns: string[], pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const client = clientOf(db);
  const target = `${table} (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (isPg(client)) {
    const conn = client instanceof pg.Pool ? await client.connect() : (client as pg.PoolClient);
    try {
      const stream = conn.query(copyFrom(`COPY ${target} FROM STDIN`));
      let failed: Error | undefined;
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('error', (err: Error) => ((failed = err), reject(err)));
        stream.on('finish', () => resolve());
      });
      finished.catch(() => {});
      for await (const piece of pieces) {
        if (failed) break;
        if (!stream.write(piece))
          await new Promise<void>((resolve) => {
            const done = () => (stream.off('drain', done), stream.off('error', done), resolve());
            stream.once('drain', done).once('error', done);
          });
      }
      stream.end();
      await finished;
    } finally {
      if (client instanceof pg.Pool) conn.release();
    }
    return;
  }
  const lite = client as { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> };
  for await (const piece of pieces) if (piece) await lite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([piece]) });
}

/** COPY (query) TO STDOUT on PostgreSQL, streamed: the rows in COPY's text format, in pieces of any size. */
export async function* copyTextOutPg(db: Db, query: string): AsyncIterable<Buffer> {
  const client = clientOf(db);
  if (!isPg(client)) throw new Error('copyTextOutPg needs a PostgreSQL connection');
  const conn = client instanceof pg.Pool ? await client.connect() : (client as pg.PoolClient);
  try {
    for await (const piece of conn.query(copyTo(`COPY (${query}) TO STDOUT`))) yield piece as Buffer;
  } finally {
    if (client instanceof pg.Pool) conn.release();
  }
}
