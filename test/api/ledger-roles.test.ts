import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

/**
 * The ledger, its members, offices, audit and regions under the shipped roles of issue 11: 政协委员 records and sees
 * their own deeds, 领导查阅 reads everything in scope and writes nothing, the registry's roles have no ledger, and the
 * offices of every kind the seeds name sit at every level within their parent's region.
 */
describe.each(dbKinds())('ledger, orgs, audit and regions by role on %s', (kind) => {
  let t: TestApp;
  let county: Awaited<ReturnType<TestApp['org']>>;
  let own: { id: number }; // the member's own body
  let mine: { id: number; name: string };
  let other: { id: number; name: string };
  let member: Client;
  let leader: Client;
  let villageClerk: Client;
  let helper: Client;
  /** Entries: one the member takes no part in, one they take part in (entered by the administrator). */
  let notMine: { id: number; version: number };
  let partOf: { id: number; version: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    county = await t.org('昭觉县政协（角色）', { regionCode: '513431000000' });
    own = county;
    mine = await t.member(county, '角色委员甲');
    other = await t.member(county, '角色委员乙');
    member = await t.user(county, 'lr-member', 'member', mine.id);
    leader = await t.user(county, 'lr-leader', 'leader');
    villageClerk = await t.user(county, 'lr-village', 'village_clerk');
    helper = await t.user(county, 'lr-helper', 'helper');
    const a = await t.admin.post('/api/ledger/entries', entryBody(county.id, { memberIds: [other.id], target: { kind: 'text', text: '角色测试甲村' } }));
    const b = await t.admin.post('/api/ledger/entries', entryBody(county.id, { memberIds: [mine.id], target: { kind: 'text', text: '角色测试乙村' } }));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    notMine = a.json();
    partOf = b.json();
  });
  afterAll(async () => t?.close());

  // Seed 000: “全省各级政协组织和委员个人参与脱贫攻坚工作的相关事项录入……电子台账”; roles.ts: 政协委员
  // “录入和查看本人参与的台账事项”.
  it('lets a member record a deed, listing only the entries they take part in or entered', async () => {
    const created = await member.post('/api/ledger/entries', entryBody(own.id, { memberIds: [], target: { kind: 'text', text: '角色测试丙村' } }));
    expect(created.statusCode).toBe(201);
    // The member is put on their own entry.
    expect(created.json().members.map((m: { id: number }) => m.id)).toEqual([mine.id]);
    const list = (await member.get(`/api/ledger/entries?orgId=${own.id}&pageSize=100`)).json();
    const ids = list.items.map((e: { id: number }) => e.id);
    expect(ids).toContain(partOf.id);
    expect(ids).toContain(created.json().id);
    expect(ids).not.toContain(notMine.id);
    expect(list.total).toBe(ids.length);

    const refused = await member.get(`/api/ledger/entries/${notMine.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('角色测试甲村');
    expect((await member.get(`/api/ledger/entries/${partOf.id}`)).statusCode).toBe(200);

    // A member changes only what they entered.
    const notTheirs = await member.patch(`/api/ledger/entries/${partOf.id}`, { version: partOf.version, beneficiaries: 5 });
    expect(notTheirs.statusCode).toBe(403);
    const theirs = await member.patch(`/api/ledger/entries/${created.json().id}`, { version: created.json().version, beneficiaries: 5 });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().beneficiaries).toBe(5);
  });

  it('refuses a member what their role lacks: bodies, members, audit, regions', async () => {
    const refusals = [
      await member.post('/api/orgs', { parentId: own.id, name: '委员建的单位', kind: '委员组', level: '县', regionCode: '513431000000' }),
      await member.post('/api/members', { orgId: own.id, name: '委员建的委员' }),
      await member.get('/api/audit'),
      await member.request({ method: 'PUT', url: '/api/regions/deep-poverty-counties/513401', payload: {} }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(refusals[0]!.json().error.message).toBe('此操作需要“单位管理”权限');
    expect(refusals[1]!.json().error.message).toBe('此操作需要“委员信息管理”权限');
    // What a member needs for the ledger form: the body tree, the members to pick, the codebook, the regions.
    for (const url of ['/api/orgs', `/api/members?orgId=${own.id}`, '/api/ledger/codebook', '/api/regions/513431000000']) expect((await member.get(url)).statusCode, url).toBe(200);
  });

  // Issue 11: “领导查阅 (read-only)”; roles.ts: “只读查看本单位及下级的全部业务，身份证号脱敏”.
  it('lets a leader read every entry, summary and export in scope, and write nothing', async () => {
    const list = (await leader.get(`/api/ledger/entries?orgId=${own.id}&pageSize=100`)).json();
    const ids = list.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([notMine.id, partOf.id]));
    expect((await leader.get(`/api/ledger/entries/${notMine.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/ledger/entries/${notMine.id}/history`)).statusCode).toBe(200);
    expect((await leader.get(`/api/ledger/summary?orgId=${own.id}&yearFrom=2019`)).json().all.total.entries).toBeGreaterThanOrEqual(2);
    expect((await leader.get(`/api/ledger/summary/members?orgId=${own.id}&yearFrom=2019`)).statusCode).toBe(200);
    expect((await leader.get(`/api/ledger/export.xlsx?orgId=${own.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/members?orgId=${own.id}`)).json().total).toBe(2);

    const writes = [
      await leader.post('/api/ledger/entries', entryBody(own.id, { target: { kind: 'text', text: '领导录入' } })),
      await leader.patch(`/api/ledger/entries/${notMine.id}`, { version: notMine.version, beneficiaries: 1 }),
      await leader.del(`/api/ledger/entries/${notMine.id}?version=${notMine.version}`),
      // Refused before a byte of the upload is read: no file at all.
      await leader.post(`/api/ledger/import?orgId=${own.id}`),
      await leader.patch(`/api/members/${other.id}`, { version: 1, phone: '13800000000' }),
      await leader.post('/api/orgs', { parentId: own.id, name: '领导建的单位', kind: '委员组', level: '县', regionCode: '513431000000' }),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(writes[0]!.json().error.message).toBe('此操作需要“录入、修改、删除、导入台账事项”权限');
    expect((await t.admin.get(`/api/ledger/entries/${notMine.id}`)).json().version).toBe(notMine.version);
  });

  it('lets a leader read the audit log of their scope, but not verify the whole chain', async () => {
    expect((await leader.get('/api/audit')).statusCode).toBe(200);
    expect((await leader.get('/api/audit/verify')).statusCode).toBe(403);
    expect((await t.admin.get('/api/audit/verify')).statusCode).toBe(200);
  });

  it('gives the registry roles no ledger, but the reference data every user reads', async () => {
    for (const c of [villageClerk, helper]) {
      expect((await c.get(`/api/ledger/entries?orgId=${own.id}`)).statusCode).toBe(403);
      expect((await c.get(`/api/ledger/summary?orgId=${own.id}`)).statusCode).toBe(403);
      expect((await c.get(`/api/members?orgId=${own.id}`)).statusCode).toBe(403);
      expect((await c.post('/api/ledger/entries', entryBody(own.id))).statusCode).toBe(403);
      for (const url of ['/api/orgs', '/api/ledger/codebook', '/api/regions/root/children', '/api/regions/deep-poverty-counties'])
        expect((await c.get(url)).statusCode, url).toBe(200);
    }
  });

  // Issue 11: “Offices at every level (省 / 市 / 县 / 乡 / 村) and of every kind the seeds name … An office's region
  // lies within its parent's.” Seed 001: “乡镇扶贫工作站牌子更换为‘双联扶贫工作站’”; seed 004: “经村‘两委’和驻村扶贫工作队核实”.
  it('builds poverty-alleviation offices down to the village, each within its parent’s region', async () => {
    const office = await t.admin.post('/api/orgs', { parentId: t.root.id, name: '昭觉县扶贫开发领导小组办公室', kind: '扶贫办', level: '县', regionCode: '513431000000' });
    expect(office.statusCode).toBe(201);
    const station = await t.admin.post('/api/orgs', { parentId: office.json().id, name: '新城镇双联扶贫工作站', kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431100000' });
    expect(station.statusCode).toBe(201);
    const village = await t.admin.post('/api/orgs', { parentId: station.json().id, name: '俄尔古取村村两委', kind: '村两委', level: '村', regionCode: '513431100200' });
    expect(village.statusCode).toBe(201);
    expect(village.json()).toMatchObject({ kind: '村两委', level: '村' });
    const team = await t.admin.post('/api/orgs', { parentId: station.json().id, name: '俄尔古取村驻村工作队', kind: '驻村工作队', level: '村', regionCode: '513431100200' });
    expect(team.statusCode).toBe(201);

    // A village of another township of the county is not within the station's township.
    const townships = (await t.admin.get('/api/regions/513431000000/children')).json().items as Array<{ code: string }>;
    const elsewhere = townships.find((r) => r.code !== '513431100000')!;
    const farVillage = (await t.admin.get(`/api/regions/${elsewhere.code}/children`)).json().items[0] as { code: string };
    const outside = await t.admin.post('/api/orgs', { parentId: station.json().id, name: '别乡村两委', kind: '村两委', level: '村', regionCode: farVillage.code });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ field: 'regionCode', label: '所在地区', message: expect.stringContaining('须在上级单位所在地区') }]);
    // Nor may a village office be moved out of its township afterwards.
    const moved = await t.admin.patch(`/api/orgs/${village.json().id}`, { version: village.json().version, regionCode: farVillage.code });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields[0].field).toBe('regionCode');
  });

  // Seed 004: “与组织、人社、财政、公安、住建、农机、工商、国税、地税等行业部门数据”; seed 003: “省扶贫考核办”,
  // “第三方评估机构”; “扶贫开发领导小组”, “帮扶单位”.
  it('accepts every kind of office the seeds name, and no other', async () => {
    for (const k of ['扶贫开发领导小组', '扶贫办', '行业部门', '考核办', '第三方评估机构', '帮扶单位']) {
      const made = await t.admin.post('/api/orgs', { parentId: t.root.id, name: `昭觉县${k}（种类）`, kind: k, level: '县', regionCode: '513431000000' });
      expect(made.statusCode, k).toBe(201);
    }
    const bad = await t.admin.post('/api/orgs', { parentId: t.root.id, name: '昭觉县协会', kind: '协会', level: '县', regionCode: '513431000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'kind', message: expect.stringContaining('第三方评估机构') });
  });
});
