import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/auth/access';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { readSheet } from '../support/xlsx';

/**
 * Issue 11 for 帮扶 and 数据质量: the shipped roles do their job and are refused (403) what their permissions lack; a
 * 帮扶责任人 “sees and visits their own households only” (issue 11, shipped roles) and never sees another helper's.
 */

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签字页')]);

function upload(c: Client, url: string) {
  const boundary = '----tz-pairing-roles';
  return c.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="签字.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const status = (res: LightMyRequestResponse) => res.statusCode;
const refusal = (res: LightMyRequestResponse) => (res.json() as { error: { code: string; message: string } }).error;

describe.each(dbKinds())('pairing and quality by role on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  /** Clients by shipped role. */
  const as = {} as Record<'helper' | 'village_clerk' | 'township_reviewer' | 'county_clerk' | 'leader', Client>;
  /** Households of 俄尔古取村 by number: 0001, 0002 held by 李干部 (the helper account's own), 0003 by 王干部, 0004 none, 0005/0006 exited. */
  const hh: Record<string, number> = {};
  let chengbei: number;
  let li: number;
  let wang: number;
  /** A visit to 王干部's household, with a signature file (recorded by the county). */
  let wangVisit: number;
  let wangSignature: number;

  async function account(org: { id: number }, username: string, role: Role, helperId?: number): Promise<Client> {
    await t.services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id, memberId: null });
    // The user-create API does not take helperId yet: the account is linked to its helper record in the database.
    if (helperId !== undefined) await t.database.query('update users set helper_id = $1 where username = $2', [helperId, username]);
    return t.login(username, 'password-123');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const villageOrg = await t.org('俄尔古取村村委会', { parent: townOrg, kind: '扶贫办', level: '村', regionCode: XINCHENG_VILLAGE });
    county = await t.user(countyOrg, 'county');
    for (let i = 1; i <= 6; i++) {
      const res = await county.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, `000${i}`, [member(`户主${i}`, idNumber('19800101', `10${i}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      hh[`000${i}`] = res.json().id;
    }
    chengbei = (await county.post('/api/registry/households', householdBody(CHENGBEI_VILLAGE, '0001', [member('城北户主', idNumber('19800101', '201'), '户主')]))).json().id;
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    for (const n of ['0005', '0006']) {
      const h = (await county.request({ method: 'PUT', url: `/api/registry/households/${hh[n]}/incomes/2019`, payload: { wages: 20000 } })).json();
      const exited = await t.admin.post(`/api/registry/households/${hh[n]}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version });
      expect(exited.statusCode, exited.body).toBe(200);
    }
    const helper = (name: string) => county.post('/api/pairing/helpers', { name, unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '干部', phone: '0834-1234567', regionCode: '513431100000' });
    li = (await helper('李干部')).json().id;
    wang = (await helper('王干部')).json().id;
    for (const [n, h] of [['0001', li], ['0002', li], ['0005', li], ['0003', wang], ['0006', wang]] as const) {
      const res = await county.post(`/api/pairing/households/${hh[n]}/assignments`, { helperId: h, fromOn: '2020-01-02' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const v = await county.post(`/api/pairing/households/${hh['0003']}/visits`, { kind: '帮扶走访', visitedOn: '2020-03-01', helperId: wang, content: '王干部走访记录' });
    expect(v.statusCode, v.body).toBe(201);
    wangVisit = v.json().id;
    wangSignature = (await upload(county, `/api/pairing/visits/${wangVisit}/signatures`)).json().id;

    as.helper = await account(townOrg, 'li.helper', 'helper', li);
    as.village_clerk = await account(villageOrg, 'village.clerk', 'village_clerk');
    as.township_reviewer = await account(townOrg, 'town.reviewer', 'township_reviewer');
    as.county_clerk = await account(countyOrg, 'county.clerk', 'county_clerk');
    as.leader = await account(countyOrg, 'county.leader', 'leader');
  });
  afterAll(async () => t?.close());

  // Issue 11: “帮扶责任人 (sees and visits their own households only)”; “a 帮扶责任人's account is linked to their helper record”.
  it('shows a helper their own helper record and the households they hold, nothing of another helper', async () => {
    const list = (await as.helper.get('/api/pairing/helpers')).json();
    expect(list.items.map((h: { id: number }) => h.id)).toEqual([li]);
    expect(list.total).toBe(1);
    // Issue 11: “lists lack export (… 帮扶责任人 …)” — the export holds what the list shows, and only that.
    const exported = await readSheet((await as.helper.get('/api/pairing/helpers/export.xlsx')).rawPayload, '帮扶责任人');
    expect(exported[0]).toEqual(['姓名', '工作单位', '职务', '人员类别', '层级', '联系电话', '现联系户数', '状态']);
    expect(exported.slice(1).map((r) => [r[0], r[6]])).toEqual([[list.items[0].name, 3]]);
    const mine = await as.helper.get(`/api/pairing/helpers/${li}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().assignments.map((a: { household: { number: string } }) => a.household.number).sort()).toEqual(['0001', '0002', '0005']);
    expect(mine.json().editable).toBe(false);
    const other = await as.helper.get(`/api/pairing/helpers/${wang}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('王干部');

    expect(status(await as.helper.get(`/api/pairing/households/${hh['0001']}`))).toBe(200);
    for (const id of [hh['0003'], hh['0004'], chengbei]) {
      const res = await as.helper.get(`/api/pairing/households/${id}`);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toMatch(/户主|王干部/);
    }
  });

  // Seed 004: “帮扶责任人……每月至少走访 1 次”; “帮扶成效签字:帮扶人与被帮扶人签字确认帮扶落实情况”.
  it('lets a helper record visits and signature files for their own households only', async () => {
    const visit = await as.helper.post(`/api/pairing/households/${hh['0001']}/visits`, { kind: '帮扶走访', visitedOn: '2020-06-01', content: '了解务工情况' });
    expect(visit.statusCode, visit.body).toBe(201);
    // The visit is the account's own helper's, named by the helper record.
    expect(visit.json()).toMatchObject({ helperId: li, visitor: '李干部' });
    const signed = await upload(as.helper, `/api/pairing/visits/${visit.json().id}/signatures`);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(status(await as.helper.get(`/api/pairing/signatures/${signed.json().id}`))).toBe(200);
    // Not in another helper's name …
    const asWang = await as.helper.post(`/api/pairing/households/${hh['0001']}/visits`, { kind: '帮扶走访', helperId: wang, content: '冒名走访' });
    expect(asWang.statusCode).toBe(400);
    expect(asWang.body).not.toContain('王干部');
    // … nor to another helper's household, its visits or its signature files.
    const foreign = await as.helper.post(`/api/pairing/households/${hh['0003']}/visits`, { kind: '帮扶走访', content: '越权走访' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toMatch(/户主3|王干部/);
    expect(status(await upload(as.helper, `/api/pairing/visits/${wangVisit}/signatures`))).toBe(404);
    const file = await as.helper.get(`/api/pairing/signatures/${wangSignature}`);
    expect(file.statusCode).toBe(404);
    expect(file.body).not.toContain('签字页');
    const panel = (await county.get(`/api/pairing/households/${hh['0003']}`)).json();
    expect(panel.visits.map((v: { content: string }) => v.content)).toEqual(['王干部走访记录']);
  });

  // Issue 11: the helper role holds 查看 and 记录走访, not 确定、更换、结束帮扶关系 (pairing.manage).
  it('refuses a helper assigning, replacing or ending helpers and editing helper records', async () => {
    const a = (await county.get(`/api/pairing/households/${hh['0001']}`)).json().helpers[0].id as number;
    const manage = '此操作需要“维护帮扶责任人，确定、更换、结束帮扶关系，维护帮扶村”权限';
    for (const res of [
      await as.helper.post(`/api/pairing/households/${hh['0004']}/assignments`, { helperId: li }),
      await as.helper.post(`/api/pairing/assignments/${a}/end`, { reason: '自行结束' }),
      await as.helper.post(`/api/pairing/assignments/${a}/replace`, { helperId: wang, reason: '自行更换' }),
      await as.helper.post('/api/pairing/helpers', { name: '新干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', regionCode: '513431100000' }),
      await as.helper.patch(`/api/pairing/helpers/${li}`, { phone: '1', version: 1 }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(refusal(res).message).toBe(manage);
    }
    expect((await county.get(`/api/pairing/households/${hh['0001']}`)).json().helpers.map((h: { helperId: number }) => h.helperId)).toEqual([li]);
  });

  // Seed 004: “部分扶贫手册2014-2015年无帮扶责任人” and exited households visited each half-year: the helper's lists are their own.
  it('narrows the helper’s lists to their own households', async () => {
    expect((await county.get('/api/pairing/households-without-helper')).json().total).toBeGreaterThan(0);
    expect((await as.helper.get('/api/pairing/households-without-helper')).json().total).toBe(0);
    const numbers = (res: LightMyRequestResponse) => (res.json().items as Array<{ number: string; villageCode: string }>).filter((i) => i.villageCode === XINCHENG_VILLAGE).map((i) => i.number).sort();
    expect(numbers(await county.get('/api/pairing/visits/missing?year=2020&half=1'))).toEqual(['0005', '0006']);
    expect(numbers(await as.helper.get('/api/pairing/visits/missing?year=2020&half=1'))).toEqual(['0005']);
    expect((await as.helper.get('/api/pairing/leader-villages')).json().total).toBe(0);
    // Data quality is not the helper's (no 查看数据质量检查结果).
    expect(status(await as.helper.get('/api/quality/latest'))).toBe(403);
    expect(status(await as.helper.get('/api/quality/checks'))).toBe(403);
  });

  // Issue 11: 村级信息员 (“本村贫困户信息录入”) reads pairing and records visits, but does not decide helpers.
  it('lets a village clerk read helpers and record visits, not assign them', async () => {
    const c = as.village_clerk;
    expect((await c.get('/api/pairing/helpers')).json().items.map((h: { name: string }) => h.name).sort()).toEqual(['李干部', '王干部']);
    expect(status(await c.get(`/api/pairing/households/${hh['0003']}`))).toBe(200);
    const v = await c.post(`/api/pairing/households/${hh['0003']}/visits`, { kind: '帮扶走访', visitedOn: '2020-06-02', helperId: wang, content: '村干部陪同走访' });
    expect(v.statusCode, v.body).toBe(201);
    expect(status(await upload(c, `/api/pairing/visits/${v.json().id}/signatures`))).toBe(201);
    expect(status(await c.post(`/api/pairing/households/${hh['0004']}/assignments`, { helperId: wang }))).toBe(403);
    expect(status(await c.post('/api/pairing/helpers', { name: '村干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', regionCode: '513431100000' }))).toBe(403);
    // Another township's household is outside the village's scope.
    expect([403, 404]).toContain(status(await c.get(`/api/pairing/households/${chengbei}`)));
    // Quality: reads the findings, does not run the checks.
    expect(status(await c.get('/api/quality/checks'))).toBe(200);
    expect(status(await c.get('/api/quality/latest'))).toBe(200);
    expect(status(await c.post('/api/quality/runs', {}))).toBe(403);
  });

  // Seed 004: 乡镇 “审核”; issue 11: 乡镇审核员 — 本乡镇的审核、帮扶和数据维护.
  it('lets a township reviewer assign and end helpers in the township', async () => {
    const c = as.township_reviewer;
    const placed = await c.post(`/api/pairing/households/${hh['0004']}/assignments`, { helperId: wang, fromOn: '2020-03-01' });
    expect(placed.statusCode, placed.body).toBe(201);
    const a = placed.json().helpers[0].id as number;
    const ended = await c.post(`/api/pairing/assignments/${a}/end`, { toOn: '2020-06-01', reason: '工作调动' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().helpers).toEqual([]);
    expect(status(await c.post('/api/quality/runs', {}))).toBe(403);
    const findings = await c.get('/api/quality/checks/no_helper');
    expect(findings.statusCode, findings.body).toBe(200);
  });

  // Issue 11: 县级扶贫办业务员 — 全县建档立卡、动态调整审定、一比对和数据质量.
  it('lets a county clerk keep helper records and run the quality checks', async () => {
    const c = as.county_clerk;
    const created = await c.post('/api/pairing/helpers', { name: '赵干部', unit: '昭觉县人民政府', kind: 'cadre', level: '县', regionCode: '513431000000' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().editable).toBe(true);
    const run = await c.post('/api/quality/runs', {});
    expect(run.statusCode, run.body).toBe(200);
    const handbook = await c.post(`/api/quality/households/${hh['0001']}/handbook`, { year: 2019, persons: 1, perCapita: 5000 });
    expect(handbook.statusCode, handbook.body).toBe(201);
    expect(status(await as.village_clerk.post(`/api/quality/households/${hh['0001']}/handbook`, { year: 2019, persons: 1, perCapita: 5000 }))).toBe(403);
  });

  // Issue 11: 领导查阅 (read-only) — 只读查看本单位及下级的全部业务.
  it('lets a leader read everything of the county and write nothing', async () => {
    const c = as.leader;
    expect((await c.get('/api/pairing/helpers')).json().total).toBeGreaterThanOrEqual(2);
    const detail = await c.get(`/api/pairing/helpers/${li}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().editable).toBe(false);
    expect(status(await c.get(`/api/pairing/households/${hh['0003']}`))).toBe(200);
    expect(status(await c.get(`/api/pairing/signatures/${wangSignature}`))).toBe(200);
    expect(status(await c.get('/api/pairing/visits/missing'))).toBe(200);
    expect(status(await c.get('/api/quality/latest'))).toBe(200);
    expect(status(await c.get(`/api/quality/households/${hh['0001']}/handbook`))).toBe(200);
    for (const res of [
      await c.post(`/api/pairing/households/${hh['0003']}/visits`, { kind: '帮扶走访', helperId: wang, content: '领导走访' }),
      await upload(c, `/api/pairing/visits/${wangVisit}/signatures`),
      await c.post(`/api/pairing/households/${hh['0004']}/assignments`, { helperId: wang }),
      await c.post('/api/pairing/helpers', { name: '领导', unit: '昭觉县人民政府', kind: 'cadre', level: '县', regionCode: '513431000000' }),
      await c.post('/api/pairing/leader-villages', { kind: '机关定点帮扶村', orgId: 1, villageCode: XINCHENG_VILLAGE, fromOn: '2019-01-01' }),
      await c.post('/api/quality/runs', {}),
      await c.post(`/api/quality/households/${hh['0001']}/handbook`, { year: 2019, persons: 1, perCapita: 5000 }),
    ])
      expect(res.statusCode, res.body).toBe(403);
  });
});
