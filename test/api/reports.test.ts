/**
 * 报送, approval, locked figures and correction requests (issue 11: “each level reports (报送) its year's figures
 * upward, the level above approves them, and approved figures are locked — a later correction goes through a
 * correction request with its reason and approval, never an edit in place”; “API tests: … a locked year's figure
 * cannot be edited, and a correction request changes it only after approval”). Seed 001 names the township's duty
 * “负责本乡镇双联行动和扶贫开发情况的统计上报工作”; seed 004 has the township “报乡镇党委、政府审核” and report upward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const VILLAGE = XINCHENG_VILLAGE;
const LOCKED = '2019 年度数据已报送并审核锁定，请提出更正申请';

describe.each(dbKinds())('year reports on %s', (kind) => {
  let t: TestApp;
  let villageClerk: Client;
  let townReviewer: Client;
  let otherReviewer: Client;
  let otherClerk: Client;
  let countyClerk: Client;
  let householdId: number;
  let reportId: number;

  const villageYear = async (c: Client, year: number) => (await c.get(`/api/registry/villages/${VILLAGE}`)).json().years.find((y: { year: number }) => y.year === year);
  const income = async (c: Client, year: number) => (await c.get(`/api/registry/households/${householdId}`)).json().incomes.find((i: { year: number }) => i.year === year)?.items;
  const putYear = (c: Client, year: number, body: unknown) => c.request({ method: 'PUT', url: `/api/registry/villages/${VILLAGE}/years/${year}`, payload: body as Record<string, unknown> });
  const putIncome = (c: Client, year: number, body: unknown) => c.request({ method: 'PUT', url: `/api/registry/households/${householdId}/incomes/${year}`, payload: body as Record<string, unknown> });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const villageOrg = await t.org('俄尔古取村村两委', { parent: townOrg, kind: '扶贫办', level: '村', regionCode: VILLAGE });
    const otherTown = await t.org('城北镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431101000' });
    const otherVillage = await t.org('城北村村两委', { parent: otherTown, kind: '扶贫办', level: '村', regionCode: CHENGBEI_VILLAGE });
    villageClerk = await t.user(villageOrg, 'cunji', 'village_clerk');
    townReviewer = await t.user(townOrg, 'xiangzhen', 'township_reviewer');
    otherReviewer = await t.user(otherTown, 'chengbei', 'township_reviewer');
    otherClerk = await t.user(otherVillage, 'chengbeicun', 'village_clerk');
    countyClerk = await t.user(countyOrg, 'xianji', 'county_clerk');

    const h = await villageClerk.post('/api/registry/households', householdBody(VILLAGE, '0001', [member('吉克阿呷', idNumber('19800101', '031'), '户主'), member('吉克阿妹', idNumber('19820101', '042'), '配偶')]));
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().id;
    // The township enters the income (a village clerk's income change waits for its approval: change-requests.test.ts).
    expect((await putIncome(townReviewer, 2019, { wages: 12000, business: 3000 })).statusCode).toBe(200);
    expect((await putYear(villageClerk, 2019, { collectiveIncome: 60000, plannedHouseholds: 1, plannedPersons: 2 })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('shows the village its own year: no report yet, the figures as the registry has them now', async () => {
    const res = await villageClerk.get('/api/reports/own?year=2019');
    expect(res.statusCode, res.body).toBe(200);
    const own = res.json();
    expect(own.region.code).toBe(VILLAGE);
    expect(own.report).toBeNull();
    expect(own.current.villages).toEqual({ reported: 1, collectiveIncome: 60000, plannedHouseholds: 1, plannedPersons: 2 });
    expect(own.current.byStatus).toEqual([{ status: '未脱贫', households: 1, persons: 2 }]);
    expect(own.current.meanPerCapita).toEqual({ mean: 7500, households: 1 });
    expect(own.current.identified).toEqual({ households: 0, persons: 0 });
    // The household was identified in 2014 (建档立卡): that year's report counts it.
    expect((await villageClerk.get('/api/reports/own?year=2014')).json().current.identified).toEqual({ households: 1, persons: 2 });
  });

  it('a village reports its year (报送); while it waits the figures cannot be changed', async () => {
    const res = await villageClerk.post('/api/reports', { year: 2019 });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    reportId = r.id;
    expect(r.state).toBe('submitted');
    expect(r.figures.villages.collectiveIncome).toBe(60000);
    expect(r.mayDecide).toBe(false);
    const again = await villageClerk.post('/api/reports', { year: 2019 });
    expect(again.statusCode).toBe(409);
    const edit = await putYear(villageClerk, 2019, { collectiveIncome: 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('正在等待上级审核');
  });

  it('a village cannot approve its own report; another township does not see it (404)', async () => {
    const self = await villageClerk.post(`/api/reports/${reportId}/approve`, { version: 1 });
    expect(self.statusCode).toBe(403);
    for (const [url, body] of [
      [`/api/reports/${reportId}/approve`, { version: 1 }],
      [`/api/reports/${reportId}/return`, { version: 1, reason: '越权' }],
    ] as const) {
      const res = await otherReviewer.post(url, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('俄尔古取');
    }
    expect((await otherReviewer.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
    expect((await otherReviewer.get('/api/reports?year=2019')).json().total).toBe(0);
    expect((await otherClerk.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
  });

  it('the township returns it with a reason; the village corrects and reports again', async () => {
    const list = (await townReviewer.get('/api/reports?year=2019&state=submitted')).json();
    expect(list.items.map((r: { id: number; mayDecide: boolean }) => [r.id, r.mayDecide])).toEqual([[reportId, true]]);
    const wb = (await townReviewer.get('/api/workbench')).json();
    expect(wb.todos.find((x: { key: string }) => x.key === 'reports')).toMatchObject({ label: '待审核的报送和更正申请', count: 1, link: '/registry/reports' });
    expect((await townReviewer.post(`/api/reports/${reportId}/return`, { version: 1, reason: ' ' })).statusCode).toBe(400);
    const ret = await townReviewer.post(`/api/reports/${reportId}/return`, { version: 1, reason: '村集体经济收入应扣除转移性收入' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ state: 'returned', returnReason: '村集体经济收入应扣除转移性收入' });
    expect((await putYear(villageClerk, 2019, { collectiveIncome: 55000, plannedHouseholds: 1, plannedPersons: 2 })).statusCode).toBe(200);
    const resubmit = await villageClerk.post('/api/reports', { year: 2019, version: ret.json().version });
    expect(resubmit.statusCode, resubmit.body).toBe(201);
    expect(resubmit.json()).toMatchObject({ id: reportId, state: 'submitted', returnReason: null });
    expect(resubmit.json().figures.villages.collectiveIncome).toBe(55000);
  });

  it('the township approves; afterwards the year’s village figure and income are refused 409 with the lock', async () => {
    const version = (await townReviewer.get(`/api/reports/${reportId}`)).json().version;
    expect((await townReviewer.post(`/api/reports/${reportId}/approve`, { version: version + 5 })).statusCode).toBe(409);
    const ok = await townReviewer.post(`/api/reports/${reportId}/approve`, { version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('approved');
    expect((await townReviewer.post(`/api/reports/${reportId}/return`, { version: ok.json().version, reason: '再退回' })).statusCode).toBe(409);

    for (const c of [villageClerk, townReviewer]) {
      const y = await putYear(c, 2019, { collectiveIncome: 1 });
      expect(y.statusCode).toBe(409);
      expect(y.json().error.message).toBe(LOCKED);
      const i = await putIncome(c, 2019, { wages: 1 });
      expect(i.statusCode).toBe(409);
      expect(i.json().error.message).toBe(LOCKED);
    }
    expect((await villageYear(villageClerk, 2019)).collectiveIncome).toBe(55000);
    expect((await income(villageClerk, 2019)).wages).toBe(12000);
    // Another year is not locked.
    expect((await putYear(villageClerk, 2018, { collectiveIncome: 40000 })).statusCode).toBe(200);
    // (The clerk's income change of an open year is taken, to wait for the township's approval.)
    expect((await putIncome(villageClerk, 2018, { wages: 9000 })).statusCode).toBe(202);
  });

  it('a township cannot approve its own report: the county does', async () => {
    const sub = await townReviewer.post('/api/reports', { year: 2019 });
    expect(sub.statusCode, sub.body).toBe(201);
    const self = await townReviewer.post(`/api/reports/${sub.json().id}/approve`, { version: sub.json().version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('须由上级审核');
    expect((await countyClerk.post(`/api/reports/${sub.json().id}/approve`, { version: sub.json().version })).statusCode).toBe(200);
  });

  it('a correction request changes the figure only after approval, with its trace', async () => {
    const res = await villageClerk.post('/api/reports/corrections', { kind: 'village_year', villageCode: VILLAGE, year: 2019, values: { collectiveIncome: 90000 }, reason: '漏记村集体光伏电站收益' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ state: 'pending', before: { collectiveIncome: 55000 }, proposed: { collectiveIncome: 90000, plannedHouseholds: 1 } });
    // The township report is approved by the county as well: the approver is the level above the outermost one.
    expect(c.reportRegion.code).toBe('513431100000');
    expect((await villageYear(villageClerk, 2019)).collectiveIncome).toBe(55000);
    expect((await villageClerk.post('/api/reports/corrections', { kind: 'village_year', villageCode: VILLAGE, year: 2019, values: { collectiveIncome: 1 }, reason: '重复' })).statusCode).toBe(409);
    expect((await otherReviewer.post(`/api/reports/corrections/${c.id}/approve`, { version: c.version })).statusCode).toBe(404);
    expect((await townReviewer.post(`/api/reports/corrections/${c.id}/approve`, { version: c.version })).statusCode).toBe(403);
    expect((await villageYear(villageClerk, 2019)).collectiveIncome).toBe(55000);

    const wb = (await countyClerk.get('/api/workbench')).json();
    expect(wb.todos.find((x: { key: string }) => x.key === 'reports').count).toBe(1);
    const ok = await countyClerk.post(`/api/reports/corrections/${c.id}/approve`, { version: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('approved');
    expect((await villageYear(villageClerk, 2019)).collectiveIncome).toBe(90000);
    // The reports holding the figure are recomputed; the lock holds for edits in place still.
    expect((await villageClerk.get(`/api/reports/${reportId}`)).json().figures.villages.collectiveIncome).toBe(90000);
    expect((await putYear(villageClerk, 2019, { collectiveIncome: 2 })).statusCode).toBe(409);
    expect((await countyClerk.post(`/api/reports/corrections/${c.id}/approve`, { version: ok.json().version })).statusCode).toBe(409);

    const audit = (await t.admin.get('/api/audit?entity=village&pageSize=50')).json().items as Array<{ after: Record<string, unknown> | null }>;
    expect(audit.find((a) => a.after?.correction === c.id)?.after).toMatchObject({ collectiveIncome: 90000, correction: c.id });
    const trail = (await t.admin.get(`/api/audit?entity=correction&entityId=${c.id}`)).json().items as Array<{ action: string; after: Record<string, unknown> }>;
    expect(trail.map((a) => a.after.state).sort()).toEqual(['approved', 'pending']);
  });

  it('a rejected correction leaves the figure unchanged', async () => {
    const res = await villageClerk.post('/api/reports/corrections', { kind: 'income', householdId, year: 2019, values: { wages: 20000 }, reason: '务工收入补录' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.before.wages).toBe(12000);
    expect(c.proposed).toMatchObject({ wages: 20000, business: 3000 });
    expect((await countyClerk.post(`/api/reports/corrections/${c.id}/reject`, { version: c.version, reason: '' })).statusCode).toBe(400);
    const no = await countyClerk.post(`/api/reports/corrections/${c.id}/reject`, { version: c.version, reason: '无务工证明' });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json()).toMatchObject({ state: 'rejected', decisionReason: '无务工证明' });
    expect((await income(villageClerk, 2019)).wages).toBe(12000);
    expect((await countyClerk.post(`/api/reports/corrections/${c.id}/approve`, { version: no.json().version })).statusCode).toBe(409);
  });

  it('an approved income correction changes the income through the registry, and the mean with it', async () => {
    const c = (await villageClerk.post('/api/reports/corrections', { kind: 'income', householdId, year: 2019, values: { wages: 14000 }, reason: '务工收入核实' })).json();
    const ok = await countyClerk.post(`/api/reports/corrections/${c.id}/approve`, { version: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await income(villageClerk, 2019))).toMatchObject({ wages: 14000, business: 3000 });
    expect((await villageClerk.get(`/api/reports/${reportId}`)).json().figures.meanPerCapita).toEqual({ mean: 8500, households: 1 });
  });

  it('an edit racing the 报送 either lands before it (and is reported) or is refused: never after, unreported', async () => {
    const [sent, edit] = await Promise.all([villageClerk.post('/api/reports', { year: 2018 }), putYear(villageClerk, 2018, { collectiveIncome: 45000 })]);
    expect(sent.statusCode, sent.body).toBe(201);
    expect([200, 409]).toContain(edit.statusCode);
    expect(sent.json().figures.villages.collectiveIncome).toBe((await villageYear(villageClerk, 2018)).collectiveIncome);
  });

  it('a figure not locked needs no correction request; another scope’s figure is refused', async () => {
    const open = await villageClerk.post('/api/reports/corrections', { kind: 'village_year', villageCode: VILLAGE, year: 2017, values: { collectiveIncome: 1 }, reason: '无需' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('未审核锁定');
    const foreign = await otherClerk.post('/api/reports/corrections', { kind: 'income', householdId, year: 2019, values: { wages: 1 }, reason: '越权' });
    expect([403, 404]).toContain(foreign.statusCode);
    expect((await otherReviewer.get('/api/reports/corrections')).json().total).toBe(0);
  });
});
