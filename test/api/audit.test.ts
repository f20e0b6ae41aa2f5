import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connection';
import { buildServices } from '../../src/server/services';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { systemAuth } from '../../src/server/auth/access';
import { dbKinds } from '../support/db';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

// Issue 9, item 8: every change keeps who, when, before → after; the log is append-only and hash-chained; an audit page
// for administrators, scoped like everything else.

interface Change {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}
interface Item {
  id: number;
  seq: number;
  at: string;
  userName: string;
  entity: string;
  entityId: number;
  action: string;
  regionCode: string | null;
  changes: Change[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const HEAD_ID = idNumber('19880506', '121');
const NEW_HEAD_ID = idNumber('19880506', '139');
const CHILD_ID = idNumber('20100101', '048');

describe.each(dbKinds())('audit log on %s', (kind) => {
  let t: TestApp;
  let zjAdmin: Client;
  let mgAdmin: Client;
  let zjMember: Client;
  let hh: number;
  let statusHh: number;
  let meiguHh: number;

  const list = async (who: Client, query = '') => {
    const res = await who.get(`/api/audit${query ? `?${query}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };
  const latest = async (who: Client, entity: string, entityId: number) => (await list(who, `entity=${entity}&entityId=${entityId}&pageSize=1`)).items[0]!;
  const change = (item: Item, label: string) => item.changes.find((c) => c.label === label);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const zhaojue = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const meigu = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' });
    zjAdmin = await t.user(zhaojue, 'zj-admin');
    mgAdmin = await t.user(meigu, 'mg-admin');
    const m = await t.member(zhaojue, '昭觉委员');
    zjMember = await t.user(zhaojue, 'zj-member', 'member', m.id);
    const [village] = await t.database.query<{ code: string }>(`select code from regions where code like '513436%' and level = 5 order by code limit 1`);
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    const created = await zjAdmin.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0001', [member('吉克阿呷', HEAD_ID, '户主'), member('吉克阿果', CHILD_ID, '之女', { labour: '无劳动力', schooling: '在校' })]));
    expect(created.statusCode).toBe(201);
    hh = created.json().id;
    statusHh = (await zjAdmin.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0002', [member('阿说木呷', idNumber('19700101', '011'), '户主')]))).json().id;
    const b = await mgAdmin.post('/api/registry/households', householdBody(village!.code, 'MG01', [member('美姑户主', idNumber('19750101', '031', '513436'), '户主')]));
    expect(b.statusCode).toBe(201);
    meiguHh = b.json().id;
  });
  afterAll(async () => t?.close());

  it('records a new household with its persons, who and when', async () => {
    const item = await latest(zjAdmin, 'household', hh);
    expect(item).toMatchObject({ action: 'create', userName: 'zj-admin', at: TEST_NOW.toISOString(), regionCode: XINCHENG_VILLAGE });
    expect(item.after).toMatchObject({ number: '0001', persons: [{ name: '吉克阿呷', idNumber: HEAD_ID }, { name: '吉克阿果' }] });
  });

  it('keeps a person’s name and ID number change, before → after', async () => {
    const h = (await zjAdmin.get(`/api/registry/households/${hh}`)).json();
    const persons = [member('吉克阿呷呷', NEW_HEAD_ID, '户主'), member('吉克阿果', CHILD_ID, '之女', { labour: '无劳动力', schooling: '在校' })];
    expect((await zjAdmin.patch(`/api/registry/households/${hh}`, { persons, version: h.version })).statusCode).toBe(200);
    const item = await latest(zjAdmin, 'household', hh);
    expect(item).toMatchObject({ action: 'update', userName: 'zj-admin', at: TEST_NOW.toISOString() });
    expect(change(item, '第 1 位成员姓名')).toMatchObject({ before: '吉克阿呷', after: '吉克阿呷呷' });
    expect(change(item, '第 1 位成员身份证号')).toMatchObject({ before: HEAD_ID, after: NEW_HEAD_ID });
    expect(item.changes.filter((c) => c.label.startsWith('第 2 位'))).toEqual([]);
  });

  it('keeps a household number change', async () => {
    const h = (await zjAdmin.get(`/api/registry/households/${hh}`)).json();
    expect((await zjAdmin.patch(`/api/registry/households/${hh}`, { number: '0009', version: h.version })).statusCode).toBe(200);
    const item = await latest(zjAdmin, 'household', hh);
    expect(item.changes).toEqual([{ field: 'number', label: '户编号', before: '0001', after: '0009' }]);
  });

  it('keeps an income change item by item', async () => {
    const put = (payload: Record<string, number>) => zjAdmin.request({ method: 'PUT', url: `/api/registry/households/${hh}/incomes/2019`, payload });
    expect((await put({ wages: 6000, business: 2000 })).statusCode).toBe(200);
    expect((await latest(zjAdmin, 'income', hh)).action).toBe('create');
    expect((await put({ wages: 9000, business: 2000 })).statusCode).toBe(200);
    const item = await latest(zjAdmin, 'income', hh);
    expect(item).toMatchObject({ action: 'update', userName: 'zj-admin' });
    expect(item.changes).toEqual([{ field: 'wages', label: '工资性收入', before: 6000, after: 9000 }]);
  });

  it('keeps a status change, made by the system administrator, for the county to read', async () => {
    const h = (await zjAdmin.get(`/api/registry/households/${statusHh}`)).json();
    const res = await t.admin.post(`/api/registry/households/${statusHh}/status`, { status: '清退', effectiveOn: '2020-06-30', reason: '识别不准', version: h.version });
    expect(res.statusCode).toBe(200);
    const item = await latest(zjAdmin, 'status', statusHh);
    expect(item).toMatchObject({ userName: '系统管理员', regionCode: XINCHENG_VILLAGE });
    expect(change(item, '状态')).toMatchObject({ before: '未脱贫', after: '清退' });
    expect(change(item, '变更原因')).toMatchObject({ before: null, after: '识别不准' });
  });

  it('keeps a helper and a helper assignment', async () => {
    const helper = await zjAdmin.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567', regionCode: '513431100000' });
    expect(helper.statusCode).toBe(201);
    const helperId = helper.json().id as number;
    expect((await latest(zjAdmin, 'helper', helperId)).after).toMatchObject({ name: '李干部', unit: '新城镇人民政府' });
    expect((await zjAdmin.post(`/api/pairing/households/${hh}/assignments`, { helperId, reason: '结对' })).statusCode).toBeLessThan(300);
    const item = (await list(zjAdmin, 'entity=assignment')).items[0]!;
    expect(item).toMatchObject({ action: 'create', userName: 'zj-admin', at: TEST_NOW.toISOString() });
    expect(item.changes).toEqual(
      expect.arrayContaining([
        { field: 'householdId', label: '贫困户', before: null, after: hh },
        { field: 'helperId', label: '帮扶责任人', before: null, after: helperId },
      ]),
    );
  });

  it('leaves no audit row for a rolled-back change (in the caller’s transaction)', async () => {
    const before = (await list(t.admin)).total;
    const head = await t.services.audit.verify();
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.audit.record(t.rootAuth, 'household', hh, 'update', { number: '0009' }, { number: 'X' }, { regionCode: XINCHENG_VILLAGE });
        await t.services.audit.recordIn(tx as never, t.rootAuth, 'household', hh, 'update', { number: '0009' }, { number: 'Y' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await list(t.admin)).total).toBe(before);
    expect(await t.services.audit.verify()).toEqual(head);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE refused', async () => {
    const [row] = await t.database.query<{ id: number }>('select id from audit_log order by id desc limit 1');
    await expect(t.database.query('update audit_log set user_name = $1 where id = $2', ['他人', row!.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from audit_log where id = $1', [row!.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate audit_log')).rejects.toThrow(/append-only/);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from audit_log where id = $1', [row!.id]))[0]!.n).toBe(1);
  });

  it('shows each administrator their scope only; members are refused', async () => {
    const zj = await list(zjAdmin, 'pageSize=200');
    expect(zj.total).toBeGreaterThan(0);
    expect(zj.items.every((i) => i.regionCode === null || i.regionCode.startsWith('513431'))).toBe(true);
    expect(zj.items.some((i) => i.entity === 'household' && i.entityId === meiguHh)).toBe(false);
    expect((await list(zjAdmin, 'q=美姑户主')).total).toBe(0);
    expect((await list(mgAdmin, 'q=美姑户主')).total).toBe(1);
    expect((await list(mgAdmin, 'pageSize=200')).items.some((i) => i.entityId === hh && i.entity === 'household')).toBe(false);
    expect((await list(t.admin, `entity=household&entityId=${meiguHh}`)).total).toBe(1);
    expect((await zjMember.get('/api/audit')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('filters by record, action, user, dates and text, with paging', async () => {
    expect((await list(zjAdmin, 'entity=income')).items.map((i) => i.action)).toEqual(['update', 'create']);
    expect((await list(zjAdmin, 'action=create&entity=household')).total).toBe(2);
    expect((await list(zjAdmin, 'user=系统管理员')).items.every((i) => i.userName === '系统管理员')).toBe(true);
    expect((await list(zjAdmin, 'user=系统管理员')).total).toBeGreaterThan(0);
    expect((await list(zjAdmin, 'from=2020-06-30&to=2020-06-30')).total).toBe((await list(zjAdmin)).total);
    expect((await list(zjAdmin, 'to=2020-06-29')).total).toBe(0);
    expect((await list(zjAdmin, 'from=2020-07-01')).total).toBe(0);
    expect((await list(zjAdmin, `q=${NEW_HEAD_ID}`)).items.every((i) => i.entityId === hh)).toBe(true);
    const all = await list(zjAdmin, 'pageSize=200');
    const second = await list(zjAdmin, 'pageSize=2&page=2');
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect(all.items.map((i) => i.id)).toEqual([...all.items.map((i) => i.id)].sort((a, b) => b - a));
    const bad = await zjAdmin.get('/api/audit?from=2017-09-31');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('开始日期');
    expect((await zjAdmin.get('/api/audit?userId=99999999999')).statusCode).toBe(400);
  });

  it('chains simultaneous appends without forks', async () => {
    await Promise.all(Array.from({ length: 16 }, (_, i) => t.services.audit.event(t.rootAuth, 'export', { what: '花名册导出', rows: i })));
    const seqs = (await t.database.query<{ seq: number }>('select seq from audit_log order by seq')).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(await t.services.audit.verify()).toMatchObject({ ok: true, count: seqs.length });
  });

  it('links rows written before the chain existed at start-up', async () => {
    await t.database.query(`insert into audit_log (entity, entity_id, user_id, user_name, action, before, after, at) values ('org', 1, 1, '系统管理员', 'update', '{"name":"旧"}', '{"name":"新"}', now())`);
    expect(await t.services.audit.verify()).toMatchObject({ ok: false, problem: 'unchained' });
    expect(await t.services.audit.chainLegacy()).toBe(1);
    expect(await t.services.audit.chainLegacy()).toBe(0);
    expect(await t.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('verifies the chain for the system administrator only', async () => {
    const res = await t.admin.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().count).toBe((await list(t.admin)).total);
    expect((await zjAdmin.get('/api/audit/verify')).statusCode).toBe(403);
  });

  // Last: it drops the trigger to tamper with the log.
  it('reports a tampered row as the first broken link', async () => {
    const [row] = await t.database.query<{ id: number; seq: number }>(`select id, seq from audit_log where entity = 'income' order by seq limit 1`);
    await t.database.query('drop trigger audit_log_append_only on audit_log');
    await t.database.query(`update audit_log set after = jsonb_set(after, '{wages}', '1') where id = $1`, [row!.id]);
    const res = (await t.admin.get('/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, id: row!.id, seq: row!.seq, problem: 'hash', at: TEST_NOW.toISOString() });
    expect(res.message).toContain('被改动');
    expect(res.count).toBe(row!.seq - 1);
  });
});

describe('taizhang audit verify (command line, PGlite)', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  let dir: string;

  function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
        cwd: root,
        env: { ...process.env, TAIZHANG_DATA_DIR: dir, DATABASE_URL: '', TAIZHANG_DEMO: '0', TAIZHANG_REGION_PROVINCES: '51,43', TAIZHANG_ADMIN_PASSWORD: 'cli-test-pw' },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(root, '.tmp', 'test', 'audit-cli-'));
    cpSync(path.join(root, '.tmp', 'test', 'template-pglite'), dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    const services = buildServices(database);
    const root_ = (await services.orgs.root())!;
    const auth = systemAuth(root_);
    for (let i = 0; i < 3; i++) await services.orgs.create(auth, { parentId: root_.id, name: `单位${i}`, kind: '政协', level: '县', regionCode: '510000000000' });
    await services.audit.event(auth, 'export', { what: '花名册导出', rows: 12 });
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports OK with the count, then the first broken link with a non-zero exit', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.out).toContain('审计日志完整');
    expect(ok.code).toBe(0);
    const count = Number(/共 (\d+) 条/.exec(ok.out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(4);

    const database = await openDatabase({ dataDir: dir });
    const [row] = await database.query<{ id: number }>(`select id from audit_log where entity = 'org' order by seq limit 1 offset 1`);
    await database.query('drop trigger audit_log_append_only on audit_log');
    await database.query(`update audit_log set user_name = '他人' where id = $1`, [row!.id]);
    await database.close();

    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`记录编号 ${row!.id}`);
    expect(broken.out).toContain('被改动');
  }, 180_000);
});
