import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connection';
import { copyRows } from '../../src/server/db/copy';
import { createTestDatabase, dbKinds } from '../support/db';

describe.each(dbKinds())('bulk COPY on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.query('create table copy_probe (id int, t text, b boolean, j jsonb, d date, at timestamptz)');
  });
  afterAll(async () => database?.close());

  it('writes text with tabs, newlines and backslashes, nulls, booleans, JSON and dates exactly, inside a transaction', async () => {
    const tricky = 'a\tb\nc\\d\re 公社\\N';
    await database.db.transaction(async (tx) => {
      await copyRows(tx as unknown as Database['db'], 'copy_probe', ['id', 't', 'b', 'j', 'd', 'at'], [
        [1, tricky, true, ['缺资金', '因病'], '2020-06-30', new Date('2020-06-30T02:00:00Z')],
        [2, null, false, null, null, null],
      ]);
    });
    const rows = await database.query<Record<string, unknown>>('select id, t, b, j, d::text as d, extract(epoch from at)::int as at from copy_probe order by id');
    expect(rows).toEqual([
      { id: 1, t: tricky, b: true, j: ['缺资金', '因病'], d: '2020-06-30', at: 1593482400 },
      { id: 2, t: null, b: false, j: null, d: null, at: null },
    ]);
  });

  it('rolls back with the transaction', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx as unknown as Database['db'], 'copy_probe', ['id'], [[3]]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.query('select id from copy_probe where id = 3')).toEqual([]);
  });
});
