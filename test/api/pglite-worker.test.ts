import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database } from '../../src/server/db/connection';
import { clientOf, copyRows } from '../../src/server/db/copy';
import { RollupRebuild } from '../../src/server/rollup-rebuild';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app';
import { migrateToPostgres } from '../../src/cli/migrate-to-postgres';
import { ADMIN_PASSWORD, createPostgresDatabase, createTestDatabase, dbKinds, postgresUrl } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 13, “PGlite never blocks the server”: the embedded database runs in a worker thread behind a message proxy
 * (src/server/db/pglite-worker.ts, pglite-proxy.ts), so the main thread only awaits.
 */
describe('PGlite in a worker thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await database.query('create table worker_probe (id int primary key, t text)');
  });
  afterAll(async () => database?.close());

  it('runs a long query in the worker while the main thread keeps ticking', async () => {
    let last = Date.now();
    let longest = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 20);
    try {
      const started = Date.now();
      await database.query('select pg_sleep(2)');
      // The query really took its two seconds (in the worker) …
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      clearInterval(timer);
    }
    // … and the main thread was free all along: an in-process PGlite would leave one gap of two seconds and no ticks.
    // The bound on the longest gap is half the query, not a tight latency: on a loaded 2-core machine other test
    // workers and the collector delay a 20 ms timer by a few hundred ms now and then (one CI run saw > 200 ms).
    expect(ticks).toBeGreaterThan(20);
    expect(longest).toBeLessThan(1000);
  });

  it('runs the statements of one transaction with nothing interleaved, and queues everything else until it ends', async () => {
    const seen: string[] = [];
    let inside: () => void = () => {};
    const begun = new Promise<void>((resolve) => (inside = resolve));
    const first = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_probe values (1, 'a')`);
      inside();
      await pause(300);
      await tx.execute(sql`insert into worker_probe values (2, 'a')`);
      seen.push('first done');
    });
    await begun;
    // A second transaction and a plain query, both asked while the first is open: they see both of its rows or none.
    const second = database.db.transaction(async (tx) => {
      const rows = await tx.execute(sql`select count(*)::int as n from worker_probe`);
      seen.push(`second saw ${(rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n}`);
    });
    const plain = database.query<{ n: number }>('select count(*)::int as n from worker_probe').then((r) => seen.push(`plain saw ${r[0]!.n}`));
    await Promise.all([first, second, plain]);
    expect(seen[0]).toBe('first done');
    expect(seen.slice(1).sort()).toEqual(['plain saw 2', 'second saw 2']);
  });

  it('rolls a transaction back when its function throws, and the error is the function’s', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into worker_probe values (3, 'rolled back')`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.query('select id from worker_probe where id = 3')).toEqual([]);
    // A nested transaction (a savepoint) rolls back alone.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_probe values (4, 'kept')`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`insert into worker_probe values (5, 'dropped')`);
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    expect(await database.query('select id from worker_probe where id in (4, 5) order by id')).toEqual([{ id: 4 }]);
  });

  it('keeps the SQLSTATE and the fields of an error, directly and through the query builder', async () => {
    const direct = await database.query('insert into worker_probe values (1, $1)', ['dup']).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(Error);
    expect(direct).toMatchObject({ code: '23505', constraint: 'worker_probe_pkey', table: 'worker_probe', severity: 'ERROR' });
    expect((direct as { detail: string }).detail).toContain('(id)=(1)');
    const wrapped = await database.db.execute(sql`select 1 / 0`).catch((e: unknown) => e);
    expect((wrapped as { cause?: { code?: string } }).cause?.code ?? (wrapped as { code?: string }).code).toBe('22012');
    // The worker survives an error: the next query answers.
    expect(await database.query('select 41 + 1 as n')).toEqual([{ n: 42 }]);
  });

  it('bulk-loads with COPY … FROM a blob inside a transaction and returns COPY … TO a blob', async () => {
    await database.db.transaction(async (tx) => {
      await copyRows(tx as unknown as Database['db'], 'worker_probe', ['id', 't'], [
        [10, 'tab\there'],
        [11, null],
      ]);
    });
    expect(await database.query('select id, t from worker_probe where id >= 10 order by id')).toEqual([
      { id: 10, t: 'tab\there' },
      { id: 11, t: null },
    ]);
    const client = clientOf(database.db) as { query: (q: string, p: unknown[]) => Promise<{ blob?: Blob }> };
    const out = await client.query(`copy (select id from worker_probe where id >= 10 order by id) to '/dev/blob'`, []);
    expect(await out.blob?.text()).toBe('10\n11\n');
  });

  it('returns types as before: int8 and numeric as numbers, dates as text through the query builder, timestamps as Dates', async () => {
    const [row] = await database.query<{ big: number; num: number; at: Date }>(`select 9007199254740::int8 as big, 12.5::numeric as num, timestamptz '2020-06-30 02:00:00+00' as at`);
    expect(row).toEqual({ big: 9007199254740, num: 12.5, at: new Date('2020-06-30T02:00:00Z') });
    const built = await database.db.execute(sql`select date '2020-06-30' as d`);
    expect((built as unknown as { rows: unknown[] }).rows).toEqual([{ d: '2020-06-30' }]);
  });
});

describe('closing the embedded database', () => {
  it('ends the worker and releases the data directory’s lock', async () => {
    const dir = mkdtempSync(path.join(import.meta.dirname, '../../.tmp/worker-lock-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
      await first.query('create table kept (n int)');
      await first.query('insert into kept values (7)');
      await first.close();
      await expect(first.query('select 1')).rejects.toThrow();
      const again = await openDatabase({ dataDir: dir });
      expect(await again.query('select n from kept')).toEqual([{ n: 7 }]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * `serve` listens first and rebuilds an empty rollup as a background job (after an upgrade): health answers and
 * reports it, the statistics answer 503 with the progress (not zeros), reads go on, and then the figures are right.
 */
describe.each(dbKinds())('the statistics rebuilt in the background after start-up, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const [village, number, persons] of [
      [XINCHENG_VILLAGE, '0001', [member('甲', idNumber('19800101', '001'), '户主'), member('甲妻', idNumber('19820101', '002'), '配偶')]],
      [CHENGBEI_VILLAGE, '0001', [member('丙', idNumber('19900101', '021'), '户主')]],
    ] as const) {
      const res = await t.admin.post('/api/registry/households', householdBody(village, number, [...persons]));
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('answers health and 503 for the statistics while it runs, then the same figures as before', async () => {
    const before = (await t.admin.get('/api/registry/statistics?region=513431000000')).json();
    expect(before.byStatus).toBeDefined();
    await t.database.query('delete from registry_rollup');
    expect(await RollupRebuild.needed(t.database)).toBe(true);

    const rebuild = new RollupRebuild();
    const { app } = await buildApp({ database: t.database, now: () => TEST_NOW, webDir: null, rollupRebuild: rebuild });
    try {
      await app.ready();
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let atPage: () => void = () => {};
      const reached = new Promise<void>((resolve) => (atPage = resolve));
      const job = rebuild.start(t.database, { beforePage: () => (atPage(), held) });
      await reached;

      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', rebuilding: { done: 0, percent: 0 } });
      expect(health.json().rebuilding.total).toBeGreaterThan(0);

      const stats = await get('/api/registry/statistics?region=513431000000');
      expect(stats.statusCode).toBe(503);
      expect(stats.json().error.message).toBe('统计数据正在重新计算（已完成 0%），请稍后再试');
      // A write waits for the figures too; a read that does not use them answers meanwhile (no transaction held).
      const write = await app.inject({ method: 'POST', url: '/api/registry/households', headers: { cookie }, payload: householdBody(XINCHENG_VILLAGE, '0009', [member('丁', idNumber('19850101', '051'), '户主')]) });
      expect(write.statusCode).toBe(503);
      expect(write.json().error.message).toContain('暂不能保存修改');
      const list = await get('/api/registry/households?region=513431000000&page=1&pageSize=10');
      expect(list.statusCode, list.body).toBe(200);

      release();
      expect(await job).toBe(2);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json().rebuilding).toBeUndefined();
      const after = await get('/api/registry/statistics?region=513431000000');
      expect(after.statusCode).toBe(200);
      expect(after.json()).toEqual(before);
      expect(await RollupRebuild.needed(t.database)).toBe(false);
    } finally {
      await app.close();
    }
  });
});

/** `taizhang migrate-to-postgres --to <url>`: an embedded database moved whole into an empty PostgreSQL database. */
describe.skipIf(!postgresUrl())('migrate-to-postgres', () => {
  it('copies every table into an empty PostgreSQL database, counts and checksums verified, sequences past every id', async () => {
    const source = await createTestDatabase('pglite');
    const dir = mkdtempSync(path.join(import.meta.dirname, '../../.tmp/migrate-src-'));
    const name = `tz_test_migrate_${process.pid}_${Date.now() % 100000}`;
    const target = await createPostgresDatabase(name, 'template0');
    try {
      const counts = async (d: Database) =>
        d.query<{ t: string; n: number }>(`select 'regions' as t, count(*)::int as n from regions union all select 'users', count(*)::int from users union all select 'orgs', count(*)::int from orgs order by 1`);
      const expected = await counts(source);
      // A closed copy of the test database (its lock is this process's own, so it is left behind).
      await source.query('checkpoint');
      cpSync(source.location, dir, { recursive: true, filter: (f) => !f.endsWith('.taizhang.lock') });
      await source.close();
      const url = new URL(postgresUrl()!);
      url.pathname = `/${name}`;
      const header = await migrateToPostgres({ from: dir, to: url.toString() });
      expect(header.tables.length).toBeGreaterThan(10);
      expect(await counts(target)).toEqual(expected);
      // The moved database takes new rows: its sequences lie past every id copied.
      const [next] = await target.query<{ ok: boolean }>(`select nextval(pg_get_serial_sequence('orgs', 'id')) > (select max(id) from orgs) as ok`);
      expect(next?.ok).toBe(true);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
