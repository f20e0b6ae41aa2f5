import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { multipart, templateWith } from '../support/xlsx';

/**
 * DESIGN: “every user belongs to a node of the region or organisation tree and sees and changes only that subtree …
 * tests try to break it.” A user of one county tries every ledger route against another county's entry.
 */
describe.each(dbKinds())('scope on %s', (kind) => {
  let t: TestApp;
  let zhaojueAdmin: Client;
  let meiguAdmin: Client;
  let meiguOrgId: number;
  let zhaojueOrgId: number;
  let foreign: { id: number; version: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const city = await t.org('凉山州政协', { level: '市', regionCode: '513400000000' });
    const zhaojue = await t.org('昭觉县政协', { parent: city, regionCode: '513431000000' });
    const meigu = await t.org('美姑县政协', { parent: city, regionCode: '513436000000' });
    zhaojueOrgId = zhaojue.id;
    meiguOrgId = meigu.id;
    zhaojueAdmin = await t.user(zhaojue, 'zhaojue');
    meiguAdmin = await t.user(meigu, 'meigu');
    const res = await meiguAdmin.post('/api/ledger/entries', entryBody(meigu.id, { content: '美姑县的事项' }));
    expect(res.statusCode).toBe(201);
    foreign = res.json();
  });
  afterAll(async () => t?.close());

  it('cannot read another county’s entry', async () => {
    expect((await zhaojueAdmin.get(`/api/ledger/entries/${foreign.id}`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get(`/api/ledger/entries/${foreign.id}/history`)).statusCode).toBe(403);
    const list = (await zhaojueAdmin.get('/api/ledger/entries')).json();
    expect(list.items.map((e: { id: number }) => e.id)).not.toContain(foreign.id);
    expect((await zhaojueAdmin.get(`/api/ledger/entries?orgId=${meiguOrgId}`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get(`/api/ledger/entries?q=美姑县的事项`)).json().total).toBe(0);
  });

  it('cannot see another county’s totals or export them', async () => {
    expect((await zhaojueAdmin.get(`/api/ledger/summary?orgId=${meiguOrgId}&yearFrom=2019&yearTo=2019`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get(`/api/ledger/summary/members?orgId=${meiguOrgId}&yearFrom=2019`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get(`/api/ledger/summary.xlsx?orgId=${meiguOrgId}&yearFrom=2019`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get(`/api/ledger/export.xlsx?orgId=${meiguOrgId}`)).statusCode).toBe(403);
    const own = await zhaojueAdmin.get('/api/ledger/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('台账')!.actualRowCount).toBe(1); // the header only
  });

  it('cannot change or delete another county’s entry', async () => {
    expect((await zhaojueAdmin.patch(`/api/ledger/entries/${foreign.id}`, { version: foreign.version, content: '改掉' })).statusCode).toBe(403);
    expect((await zhaojueAdmin.del(`/api/ledger/entries/${foreign.id}?version=${foreign.version}`)).statusCode).toBe(403);
    const still = (await meiguAdmin.get(`/api/ledger/entries/${foreign.id}`)).json();
    expect(still).toMatchObject({ content: '美姑县的事项', version: foreign.version });
  });

  it('cannot move its own entry into another county, nor create one there', async () => {
    const own = (await zhaojueAdmin.post('/api/ledger/entries', entryBody(zhaojueOrgId))).json();
    expect((await zhaojueAdmin.patch(`/api/ledger/entries/${own.id}`, { version: own.version, orgId: meiguOrgId })).statusCode).toBe(403);
    expect((await zhaojueAdmin.post('/api/ledger/entries', entryBody(meiguOrgId, { target: { kind: 'text', text: '越权' } }))).statusCode).toBe(403);
    expect((await meiguAdmin.get(`/api/ledger/entries?q=越权`)).json().total).toBe(0);
  });

  it('cannot import into another county, by query or by naming it in the sheet', async () => {
    const file = await templateWith([{ 大类: '富民产业', 小类: '种植', '帮扶对象·其他': '越权导入', 具体内容: '越权', 开始年度: 2019, 非职务履职确认: '是' }]);
    expect((await zhaojueAdmin.request({ method: 'POST', url: `/api/ledger/import?orgId=${meiguOrgId}`, ...multipart(file) })).statusCode).toBe(403);
    const named = await templateWith([{ 填报单位: '美姑县政协', 大类: '富民产业', 小类: '种植', '帮扶对象·其他': '越权导入', 具体内容: '越权', 开始年度: 2019, 非职务履职确认: '是' }]);
    const res = await zhaojueAdmin.request({ method: 'POST', url: '/api/ledger/import', ...multipart(named) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ row: 3, column: 'A', message: '单位“美姑县政协”不存在或不在您的管辖范围内' });
    expect((await meiguAdmin.get(`/api/ledger/entries?q=越权`)).json().total).toBe(0);
  });

  it('cannot reach another county’s bodies, members or users', async () => {
    expect((await zhaojueAdmin.get(`/api/orgs/${meiguOrgId}`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.get('/api/orgs')).json().items.map((o: { name: string }) => o.name)).toEqual(['昭觉县政协']);
    expect((await zhaojueAdmin.get(`/api/members?orgId=${meiguOrgId}`)).statusCode).toBe(403);
    expect((await zhaojueAdmin.post('/api/members', { orgId: meiguOrgId, name: '越权委员' })).statusCode).toBe(403);
    expect((await zhaojueAdmin.post('/api/users', { username: 'x1234', displayName: 'x', password: 'password-1', role: 'org_admin', orgId: meiguOrgId })).statusCode).toBe(403);
  });

  it('the city sees both counties; a member sees only their own entries', async () => {
    const cityAdmin = await t.user((await t.services.orgs.getUnchecked(
      (await t.services.orgs.getUnchecked(meiguOrgId)).parentId!,
    )), 'liangshan');
    expect((await cityAdmin.get(`/api/ledger/entries/${foreign.id}`)).statusCode).toBe(200);

    const org = await t.services.orgs.getUnchecked(zhaojueOrgId);
    const m1 = await t.member(org, '阿说委员');
    const m2 = await t.member(org, '吉克委员');
    const member1 = await t.user(org, 'ashuo', 'member', m1.id);
    const mine = await member1.post('/api/ledger/entries', entryBody(org.id, { target: { kind: 'text', text: '我的事项' } }));
    expect(mine.statusCode).toBe(201);
    expect(mine.json().members.map((m: { name: string }) => m.name)).toEqual(['阿说委员']);
    const others = (await zhaojueAdmin.post('/api/ledger/entries', entryBody(org.id, { memberIds: [m2.id], target: { kind: 'text', text: '别人的事项' } }))).json();
    expect((await member1.get(`/api/ledger/entries/${others.id}`)).statusCode).toBe(403);
    const list = (await member1.get('/api/ledger/entries')).json();
    expect(list.items.map((e: { target: { text: string } }) => e.target.text)).toEqual(['我的事项']);
    // A member changes only what they entered; members cannot manage members.
    expect((await member1.patch(`/api/ledger/entries/${others.id}`, { version: others.version, content: 'x' })).statusCode).toBe(403);
    expect((await member1.post('/api/members', { orgId: org.id, name: '新人' })).statusCode).toBe(403);
  });
});
