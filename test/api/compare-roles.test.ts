import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/auth/access';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { multipart } from '../support/xlsx';

const SPOUSE = idNumber('19820202', '022');
const ELSEWHERE = idNumber('19750606', '061');
const HEAD = idNumber('19800101', '011');

/**
 * Issue 11, 一比对 by role: 县级扶贫办业务员 (lists, runs, decisions), 部门数据员 (its department's lists and what comes
 * of them, nothing else), 村级信息员 (decides its own village's hits), 领导查阅 (reads only).
 */
describe.each(dbKinds())('comparison (一比对) by role on %s', (kind) => {
  let t: TestApp;
  let countyClerk: Client;
  let vehiclesClerk: Client;
  let villageClerk: Client;
  let otherVillageClerk: Client;
  let leader: Client;
  let countyOrg: OrgRow;
  const lists: Record<string, number> = {};
  let runId: number;
  let housingRunId: number;
  const upload = (c: Client, csv: string, query: Record<string, string>) =>
    c.request({ method: 'POST', url: `/api/compare/lists?${new URLSearchParams(query)}`, ...multipart(Buffer.from(csv), 'list.csv') });
  const csvOf = (...ids: string[]) => ['姓名,公民身份号码', ...ids.map((n, i) => `某${i},${n}`), ''].join('\n');

  /** A user of `org` with `role`; `department` set through the database (the user API does not take it yet). */
  async function user(org: OrgRow, username: string, role: Role, department?: string): Promise<Client> {
    const id = await t.services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id });
    if (department) await t.database.query(`update users set department = '${department}' where id = ${id}`);
    return t.login(username, 'password-123');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const town = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const village = await t.org('俄尔古取村村委会', { parent: town, kind: '扶贫办', level: '村', regionCode: XINCHENG_VILLAGE });
    const otherTown = await t.org('城北镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431101000' });
    const otherVillage = await t.org('城北镇某村村委会', { parent: otherTown, kind: '扶贫办', level: '村', regionCode: CHENGBEI_VILLAGE });
    countyClerk = await user(countyOrg, 'county-clerk', 'county_clerk');
    vehiclesClerk = await user(countyOrg, 'vehicles-clerk', 'department_clerk', '车辆');
    villageClerk = await user(village, 'village-clerk', 'village_clerk');
    otherVillageClerk = await user(otherVillage, 'other-village-clerk', 'village_clerk');
    leader = await user(countyOrg, 'leader', 'leader');
    for (const body of [
      householdBody(XINCHENG_VILLAGE, '0001', [member('吉克阿呷', HEAD, '户主'), member('阿说阿果', SPOUSE, '配偶')]),
      householdBody(CHENGBEI_VILLAGE, '0001', [member('曲比阿果', ELSEWHERE, '户主')]),
    ]) {
      // The registry's own roles are another test's: the households are made by the system administrator.
      const res = await t.admin.post('/api/registry/households', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  // Issue 11: “部门数据员 (uploads its department's lists, sees only its comparison results)”.
  it('a department clerk uploads lists of its own department only', async () => {
    const refused = await upload(vehiclesClerk, csvOf(SPOUSE), { name: '商品房', department: '商品房' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'department', message: '只能上传本部门（车辆）的名单' });
    const res = await upload(vehiclesClerk, csvOf(SPOUSE, ELSEWHERE), { name: '2017年机动车登记' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().list).toMatchObject({ department: '车辆', regionPrefix: '513431', rows: 2 });
    lists.vehicles = res.json().list.id;
  });

  // Seed 004: “由县扶贫开发领导小组组织开展与组织、人社、财政、公安、住建……等行业部门数据比对工作”: the county office uploads and runs.
  it('a county clerk uploads any department list and runs the comparison', async () => {
    const res = await upload(countyClerk, csvOf(SPOUSE), { name: '2017年商品房登记', department: '商品房' });
    expect(res.statusCode, res.body).toBe(201);
    lists.housing = res.json().list.id;
    const run = await countyClerk.post('/api/compare/runs', { listIds: [lists.vehicles, lists.housing] });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().hits).toBe(3);
    runId = run.json().id;
    const housingRun = await countyClerk.post('/api/compare/runs', { listIds: [lists.housing] });
    expect(housingRun.statusCode, housingRun.body).toBe(201);
    housingRunId = housingRun.json().id;
  });

  it('a department clerk sees only its department’s lists, and the runs and hits that come from them', async () => {
    const own = (await vehiclesClerk.get('/api/compare/lists')).json().items;
    expect(own.map((l: { id: number }) => l.id)).toEqual([lists.vehicles]);
    expect((await vehiclesClerk.get(`/api/compare/lists/${lists.vehicles}/rows`)).json().total).toBe(2);
    const other = await vehiclesClerk.get(`/api/compare/lists/${lists.housing}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('商品房');
    expect((await vehiclesClerk.get(`/api/compare/lists/${lists.housing}/rows`)).statusCode).toBe(404);
    expect((await vehiclesClerk.del(`/api/compare/lists/${lists.housing}`)).statusCode).toBe(404);

    const runsRes = await vehiclesClerk.get('/api/compare/runs');
    expect(runsRes.statusCode, runsRes.body).toBe(200);
    const runs = runsRes.json();
    expect(runs.items.map((r: { id: number; hits: number; hitsInScope: number }) => [r.id, r.hits, r.hitsInScope])).toEqual([[runId, 2, 2]]);
    const run = (await vehiclesClerk.get(`/api/compare/runs/${runId}`)).json();
    expect(run.lists.map((l: { id: number }) => l.id)).toEqual([lists.vehicles]);
    expect(run).toMatchObject({ hits: 2, inScope: { hits: 2 } });
    const hits = (await vehiclesClerk.get(`/api/compare/runs/${runId}/hits`)).json();
    expect(hits.items.map((h: { department: string }) => h.department)).toEqual(['车辆', '车辆']);
    expect((await vehiclesClerk.get(`/api/compare/runs/${runId}/villages`)).json().items.map((v: { hits: number }) => v.hits)).toEqual([1, 1]);
    expect((await vehiclesClerk.get(`/api/compare/runs/${housingRunId}`)).statusCode).toBe(404);
    expect((await vehiclesClerk.get(`/api/compare/runs/${housingRunId}/hits`)).statusCode).toBe(404);
    const housingHit = (await countyClerk.get(`/api/compare/runs/${housingRunId}/hits`)).json().items[0];
    expect((await vehiclesClerk.get(`/api/compare/hits/${housingHit.id}`)).statusCode).toBe(404);
    // The county clerk sees all of it.
    expect((await countyClerk.get(`/api/compare/runs/${runId}/hits`)).json().total).toBe(3);
  });

  it('a department clerk cannot run comparisons or record decisions', async () => {
    const run = await vehiclesClerk.post('/api/compare/runs', { listIds: [lists.vehicles] });
    expect(run.statusCode).toBe(403);
    expect(run.json().error.message).toBe('此操作需要“发起比对”权限');
    const hit = (await vehiclesClerk.get(`/api/compare/runs/${runId}/hits`)).json().items[0];
    const decided = await vehiclesClerk.post(`/api/compare/hits/${hit.id}/decision`, { decision: '属实', outcome: 'x', expectedDecidedAt: null });
    expect(decided.statusCode).toBe(403);
  });

  // Seed 004: “将问题线索重新提交村民代表大会评议” — the village records its assembly's decision, for its own village only.
  it('a village clerk decides its own village’s hits, not another village’s, and neither uploads nor runs', async () => {
    const hits = (await villageClerk.get(`/api/compare/runs/${runId}/hits`)).json();
    expect(hits.items.map((h: { villageCode: string }) => h.villageCode)).toEqual([XINCHENG_VILLAGE, XINCHENG_VILLAGE]);
    const res = await villageClerk.post(`/api/compare/hits/${hits.items[0].id}/decision`, { decision: '不属实', outcome: '经村民代表大会评议，车辆已转让', expectedDecidedAt: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toBe('不属实');
    const elsewhere = (await otherVillageClerk.get(`/api/compare/runs/${runId}/hits`)).json().items;
    expect(elsewhere.map((h: { villageCode: string }) => h.villageCode)).toEqual([CHENGBEI_VILLAGE]);
    expect((await villageClerk.post(`/api/compare/hits/${elsewhere[0].id}/decision`, { decision: '属实', outcome: 'x', expectedDecidedAt: null })).statusCode).toBe(403);
    expect((await villageClerk.get(`/api/compare/hits/${elsewhere[0].id}`)).statusCode).toBe(403);
    expect((await otherVillageClerk.post(`/api/compare/hits/${elsewhere[0].id}/decision`, { decision: '属实', outcome: '经评议属实', expectedDecidedAt: null })).statusCode).toBe(200);
    expect((await villageClerk.post('/api/compare/runs', { listIds: [lists.vehicles] })).statusCode).toBe(403);
    expect((await upload(villageClerk, csvOf(SPOUSE), { name: 'x', department: '车辆' })).statusCode).toBe(403);
  });

  // Issue 11: “领导查阅 (read-only)”, ID numbers masked (roles.ts: 身份证号脱敏).
  it('a leader reads lists, runs and hits (ID numbers masked) and changes nothing', async () => {
    expect((await leader.get('/api/compare/lists')).json().items).toHaveLength(2);
    const hits = (await leader.get(`/api/compare/runs/${runId}/hits`)).json();
    expect(hits.total).toBe(3);
    expect(hits.items.every((h: { idNumber: string }) => /^\d{4}\*{10}[\dX]{4}$/.test(h.idNumber))).toBe(true);
    expect((await upload(leader, csvOf(SPOUSE), { name: 'x', department: '车辆' })).statusCode).toBe(403);
    expect((await leader.post('/api/compare/runs', { listIds: [lists.vehicles] })).statusCode).toBe(403);
    expect((await leader.post(`/api/compare/hits/${hits.items[0].id}/decision`, { decision: '属实', outcome: 'x', expectedDecidedAt: null })).statusCode).toBe(403);
    expect((await leader.del(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(403);
  });

  it('a department clerk without a department uploads nothing and sees no list', async () => {
    const noDept = await user(countyOrg, 'no-dept-clerk', 'department_clerk');
    expect((await noDept.get('/api/compare/lists')).json().items).toEqual([]);
    expect((await noDept.get('/api/compare/runs')).json().items).toEqual([]);
    expect((await upload(noDept, csvOf(SPOUSE), { name: 'x', department: '车辆' })).statusCode).toBe(403);
  });

  it('a department clerk deletes its own list', async () => {
    expect((await vehiclesClerk.del(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(204);
    expect((await vehiclesClerk.get('/api/compare/lists')).json().items).toEqual([]);
  });
});
