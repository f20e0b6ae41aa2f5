import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { backupDatabase, prepareRestoreTarget, readBackupHeader, restoreDatabase, type BackupHeader } from '../../src/server/db/backup';
import { openDatabase, type Database } from '../../src/server/db/connection';
import { createTestApp, entryBody, TEST_NOW, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD, createPostgresDatabase, dbKinds, postgresUrl, type DbKind } from '../support/db';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { multipart } from '../support/xlsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tmpDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `taizhang-${prefix}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let counter = 0;
let migratedPglite: Promise<string> | undefined;
/** A FRESH database: a new PGlite directory or a new PostgreSQL database, migrated and nothing else. */
async function freshDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    // Migrated once (initdb and the migrations take a while on PGlite), then copied.
    migratedPglite ??= (async () => {
      const dir = tmpDir('migrated');
      const database = await openDatabase({ dataDir: dir });
      await prepareRestoreTarget(database);
      await database.close();
      return dir;
    })();
    const dir = tmpDir('restore');
    cpSync(await migratedPglite, dir, { recursive: true });
    return openDatabase({ dataDir: dir });
  }
  const database = await createPostgresDatabase(`tz_test_restore_${process.pid}_${++counter}`, 'template0');
  await prepareRestoreTarget(database);
  return database;
}

/** Every table of the schema: its row count and an md5 of its rows' text in order. */
async function fingerprint(database: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await database.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${name}" t`,
    );
    out[name] = row!;
  }
  return out;
}

/** Every sequence of the schema with where it stands. */
async function sequenceState(database: Database): Promise<Record<string, string>> {
  const seqs = await database.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`);
  const out: Record<string, string> = {};
  for (const { name } of seqs) {
    const [s] = await database.query<{ v: string; c: boolean }>(`select last_value::text as v, is_called as c from "${name}"`);
    out[name] = `${s!.v}/${s!.c}`;
  }
  return out;
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** A few bytes that are a PNG by their signature. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR 公示照片 \0\x01\xff')]);
/** Text that COPY must escape: tab, newline, carriage return, backslash, backspace, a literal \N. */
const TRICKY = 'a\tb\nc\\d\re\b 公社 \\N';

/**
 * Issue 9: `taizhang backup` and `taizhang restore` — a database with data in many tables is backed up, restored into a
 * fresh database, and every table's row count and content checksum are equal; the sequences continue where they were.
 */
describe.each(dbKinds())('backup → restore on %s', (kind) => {
  let t: TestApp;
  let town: Client;
  let file: string;
  let header: BackupHeader;
  let before: Record<string, { rows: number; md5: string }>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const cppcc = await t.org('昭觉县政协', { regionCode: '513431000000' });
    const m = await t.member(cppcc, '阿西委员');
    town = await t.user(townOrg, 'town');
    const countyUser = await t.user(county, 'county');

    // Ledger: entries (with a member, so entry members, totals and history), one of them with text COPY must escape.
    ok(await t.admin.post('/api/ledger/entries', entryBody(cppcc.id, { memberIds: [m.id] })));
    ok(await t.admin.post('/api/ledger/entries', entryBody(cppcc.id, { subtypeCode: '0301', target: { kind: 'text', text: '三河村道路' } })));
    await t.database.query(`update ledger_entries set content = $1 where id = (select min(id) from ledger_entries)`, [TRICKY]);

    // Registry: a poverty line, households with persons, incomes (so status history and the rollup).
    ok(await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } }), 200);
    const households: number[] = [];
    for (const [n, name, seq] of [['0001', '吉克阿呷', '001'], ['0002', '阿说阿果', '002'], ['0003', '沙马拉且', '003']] as const) {
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, n, [member(name, idNumber('19800101', seq), '户主')], { identifiedYear: 2016 }));
      ok(res);
      households.push(res.json().id);
    }
    ok(await town.request({ method: 'PUT', url: `/api/registry/households/${households[0]}/incomes/2020`, payload: { wages: 9000 } }), 200);

    // A procedure with an evidence file (attachments hold bytes).
    const started = await town.post('/api/procedures', { kind: 'exit', householdId: households[0], year: 2020 });
    ok(started);
    const boundary = '----tz';
    ok(
      await town.request({
        method: 'POST',
        url: `/api/procedures/${started.json().id}/attachments`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="公示照片.png"\r\nContent-Type: image/png\r\n\r\n`),
          PNG,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      }),
    );

    // A department list for the comparison, and a comparison run over it.
    const csv = Buffer.from(`序号,机动车所有人,公民身份号码\n1,阿说阿果,${idNumber('19800101', '002')}\n2,王某,${idNumber('19700101', '011', '513401')}\n`);
    const list = await countyUser.request({ method: 'POST', url: `/api/compare/lists?${new URLSearchParams({ name: '机动车登记', department: '车辆' })}`, ...multipart(csv, '车辆.csv') });
    ok(list);
    ok(await countyUser.post('/api/compare/runs', { listIds: [list.json().list.id] }));

    // An assessment round of a shipped scheme.
    const schemes = (await t.admin.get('/api/assessment/schemes')).json() as Array<{ id: number; code: string }>;
    const aided = schemes.find((s) => s.code === 'guangdong-2019-aided')!;
    const countyAdmin = await t.user(cppcc, 'cppcc-admin');
    ok(await countyAdmin.post('/api/assessment/rounds', { schemeId: aided.id, name: '2019年度考核', year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] }));

    file = path.join(tmpDir('backup'), 'taizhang.backup.gz');
    before = await fingerprint(t.database);
    const progress: string[] = [];
    header = await backupDatabase(t.database, file, (p) => p.done && progress.push(p.table));
    expect(progress).toEqual(header.tables.map((x) => x.name));
  }, 240_000);
  afterAll(async () => t?.close());

  it('backs up every table of the schema with its row count, and the data lies in many tables', () => {
    expect(header).toMatchObject({ format: 'taizhang-backup', version: 1, engine: kind });
    expect(header.migrations.length).toBeGreaterThan(10);
    expect(Object.fromEntries(header.tables.map((x) => [x.name, x.rows]))).toEqual(Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.rows])));
    const filled = header.tables.filter((x) => x.rows > 0).map((x) => x.name);
    for (const name of ['regions', 'orgs', 'members', 'users', 'sessions', 'ledger_entries', 'ledger_entry_members', 'ledger_totals', 'households', 'persons', 'household_incomes', 'household_status_history', 'procedures', 'procedure_events', 'attachments', 'department_lists', 'department_list_rows', 'comparison_runs', 'assessment_rounds', 'assessment_units'])
      expect(filled).toContain(name);
  });

  it('writes parents before children: every foreign key points to a table earlier in the file', async () => {
    const order = header.tables.map((x) => x.name);
    const fks = await t.database.query<{ child: string; parent: string }>(
      `select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint where contype = 'f' and conrelid <> confrelid and connamespace = 'public'::regnamespace`,
    );
    for (const fk of fks) expect(order.indexOf(fk.parent.replace(/"/g, '')), `${fk.child} → ${fk.parent}`).toBeLessThan(order.indexOf(fk.child.replace(/"/g, '')));
  });

  it('restores into a fresh database: every table with the same row count and checksum, sequences where they were', async () => {
    const target = await freshDatabase(kind);
    try {
      const progress: string[] = [];
      await restoreDatabase(target, file, (p) => p.done && progress.push(`${p.table}:${p.rows}`));
      expect(progress).toEqual(header.tables.map((x) => `${x.name}:${x.rows}`));
      expect(await fingerprint(target)).toEqual(before);
      expect(await sequenceState(target)).toEqual(await sequenceState(t.database));
      const [entry] = await target.query<{ content: string }>(`select content from ledger_entries order by id limit 1`);
      expect(entry!.content).toBe(TRICKY);
      const [file1] = await target.query<{ content: Uint8Array }>(`select content from attachments`);
      expect(Buffer.from(file1!.content)).toEqual(PNG);

      // The restored database is a working one: the administrator signs in; new rows take new ids, no duplicate key.
      const { app } = await buildApp({ database: target, now: () => TEST_NOW, webDir: null });
      try {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
        expect(login.statusCode, login.body).toBe(200);
        const cookie = String(login.headers['set-cookie']).split(';')[0]!;
        const [cppcc] = await target.query<{ id: number }>(`select id from orgs where name = '昭觉县政协'`);
        const created = await app.inject({ method: 'POST', url: '/api/ledger/entries', headers: { cookie }, payload: entryBody(cppcc!.id, { subtypeCode: '0401', target: { kind: 'text', text: '恢复后的新事项' } }) });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.json().id).toBeGreaterThan(Math.max(...(await t.database.query<{ id: number }>('select id from ledger_entries')).map((r) => r.id)));
      } finally {
        await app.close();
      }
      // Every serial column: its next value lies above every id restored.
      const serials = await target.query<{ seq: string; tbl: string; col: string }>(
        `select s.relname as seq, t.relname as tbl, a.attname as col from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
         join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
         where d.deptype in ('a', 'i') and s.relnamespace = 'public'::regnamespace`,
      );
      expect(serials.length).toBeGreaterThan(20);
      for (const s of serials) {
        const [row] = await target.query<{ ok: boolean }>(`select nextval('"${s.seq}"') > coalesce((select max("${s.col}") from "${s.tbl}"), 0) as ok`);
        expect(row!.ok, `${s.tbl}.${s.col}`).toBe(true);
      }
    } finally {
      await target.close();
    }
  }, 240_000);

  it('restores into the other engine as well (PGlite ⇄ PostgreSQL, where a PostgreSQL server is at hand)', async () => {
    const other: DbKind = kind === 'postgres' ? 'pglite' : postgresUrl() ? 'postgres' : 'pglite';
    const target = await freshDatabase(other);
    try {
      await restoreDatabase(target, file);
      const counts = (f: Record<string, { rows: number }>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.rows]));
      expect(counts(await fingerprint(target))).toEqual(counts(before));
      const [entry] = await target.query<{ content: string }>(`select content from ledger_entries order by id limit 1`);
      expect(entry!.content).toBe(TRICKY);
      const ids = async (d: Database) => (await d.query<{ n: string }>(`select string_agg(id_number, ',' order by id) as n from persons`))[0]!.n;
      expect(await ids(target)).toBe(await ids(t.database));
    } finally {
      await target.close();
    }
  }, 240_000);

  it('refuses to restore into a database that holds data, and writes nothing', async () => {
    const count = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from ledger_entries'))[0]!.n;
    const n = await count();
    await expect(restoreDatabase(t.database, file)).rejects.toThrow(/目标数据库已有数据（.*），恢复只能写入新建的空数据库/);
    expect(await count()).toBe(n);
  });

  it('refuses a database of other migrations, and a damaged file, leaving the target empty', async () => {
    const target = await freshDatabase(kind);
    try {
      await target.query(`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
      await expect(restoreDatabase(target, file)).rejects.toThrow('备份的数据库结构与目标数据库不一致');
      await expect(readBackupHeader(path.join(ROOT, 'package.json'))).rejects.toThrow('不是台账备份文件');
    } finally {
      await target.close();
    }
  }, 120_000);
});

describe('the command line (PGlite)', () => {
  it('`taizhang restore` into a new data directory and `taizhang backup` of it give the same tables and checksums', async () => {
    const t = await createTestApp('pglite');
    try {
      ok(await t.admin.post('/api/ledger/entries', entryBody(t.root.id)));
      const first = path.join(tmpDir('cli'), 'a.backup.gz');
      const h1 = await backupDatabase(t.database, first);
      const dir = path.join(tmpDir('cli'), 'data');
      const restored = await run(['restore', first], { TAIZHANG_DATA_DIR: dir });
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toContain('已恢复 ledger_entries（');
      expect(restored.out).toMatch(/恢复完成：\d+ 张表，共 \d+ 行，各表行数与校验和一致/);
      const second = path.join(tmpDir('cli'), 'b.backup.gz');
      const backedUp = await run(['backup', second], { TAIZHANG_DATA_DIR: dir });
      expect(backedUp.code, backedUp.out).toBe(0);
      expect(backedUp.out).toContain('备份完成');
      const h2 = await readBackupHeader(second);
      expect(h2.tables).toEqual(h1.tables);
      expect(h2.sequences).toEqual(h1.sequences);
    } finally {
      await t.close();
    }
  }, 240_000);
});

function ok(res: { statusCode: number; body: string }, status = 201) {
  expect(res.statusCode, res.body).toBe(status);
}
