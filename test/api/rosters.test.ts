import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectHouseholds, projects } from '../../src/server/db/schema';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { rosterRows } from '../support/roster-xlsx';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const COUNTY = '513431000000';
const TOWN = '513431100000';
const B_COUNTY = '513436000000';

/**
 * Issue 15 (rosters slice). Seed 001 (村级档案资料): “2014年测算减贫人口花名册”、“低保户、五保户花名册”、“贫困人口增减表”、项目受益
 * 花名册; seed 004: “脱贫人口脱贫以后，每半年至少上门回访1次……切实做好防范返贫”, and 扶贫手册“四个三”: “基础信息必须准确……帮扶措施
 * 必须细致，帮扶成效必须真实（一收入两不愁三保障）”.
 */
describe.each(dbKinds())('rosters, 防返贫 monitoring and the 扶贫手册 check on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let leader: Client;
  let other: Client;
  const ids: Record<string, number> = {};
  const headId = idNumber('19800101', '101');

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: COUNTY });
    const otherOrg = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: B_COUNTY });
    county = await t.user(countyOrg, 'roster-county', 'county_clerk');
    leader = await t.user(countyOrg, 'roster-leader', 'leader');
    other = await t.user(otherOrg, 'roster-other', 'county_clerk');
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    const make = async (key: string, village: string, number: string, people: unknown[], over: Record<string, unknown> = {}) => {
      const res = await t.admin.post('/api/registry/households', householdBody(village, number, people, over));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      return res.json() as { id: number; version: number };
    };
    const exit = async (id: number, effectiveOn: string) => {
      await t.admin.request({ method: 'PUT', url: `/api/registry/households/${id}/incomes/2020`, payload: { wages: 20_000 } });
      const version = (await t.admin.get(`/api/registry/households/${id}`)).json().version;
      const res = await t.admin.post(`/api/registry/households/${id}/status`, { status: '已脱贫', year: 2020, effectiveOn, reason: '达到脱贫标准', version });
      expect(res.statusCode, res.body).toBe(200);
    };
    // 未脱贫, income of 2020 above the line: 测算减贫.
    await make('estimated', XINCHENG_VILLAGE, 'R001', [member('吉克阿呷', headId, '户主'), member('吉克阿妹', idNumber('19820202', '202'), '配偶')]);
    await t.admin.request({ method: 'PUT', url: `/api/registry/households/${ids.estimated}/incomes/2020`, payload: { wages: 20_000 } });
    await make('minimum', XINCHENG_VILLAGE, 'R002', [member('阿说阿果', idNumber('19700303', '303'), '户主')], { attribute: '低保贫困户' });
    await make('extreme', XINCHENG_VILLAGE, 'R003', [member('沙马拉且', idNumber('19500404', '403'), '户主')], { attribute: '特困供养贫困户', identifiedYear: 2020 });
    // Exited in 2020, not visited this half-year: at risk.
    const exited = await make('exited', XINCHENG_VILLAGE, 'R004', [member('俄木日哈', idNumber('19750505', '505'), '户主')]);
    await exit(exited.id, '2020-03-20');
    // Exited and visited this half-year, all held, income above the line: not at risk.
    const safe = await make('safe', XINCHENG_VILLAGE, 'R005', [member('吉伍木呷', idNumber('19760606', '607'), '户主')]);
    await exit(safe.id, '2020-03-21');
    const visit = await t.admin.post(`/api/pairing/households/${safe.id}/visits`, { kind: '帮扶走访', visitedOn: '2020-05-10', visitor: '帮扶干部', content: '回访，了解收入' });
    expect(visit.statusCode, visit.body).toBe(201);
    // Another county's exited household, never visited.
    const bVillage = (await t.services.regions.children((await t.services.regions.children(B_COUNTY))[0]!.code))[0]!.code;
    const b = await make('other', bVillage, 'B001', [member('美姑户主', idNumber('19800707', '707', '513436'), '户主')]);
    await exit(b.id, '2020-03-22');
    // A 到户 project of 2020 reaching R001 and R002 (the funds feature's records).
    const db = t.database.db;
    const [p] = await db.insert(projects).values({ year: 2020, name: '新城村养殖到户项目', villageCode: XINCHENG_VILLAGE, reach: 'household', content: '购买仔猪', budget: 20_000, approvalStep: 0, createdBy: 1 }).returning({ id: projects.id });
    await db.insert(projectHouseholds).values([{ projectId: p!.id, householdId: ids.estimated!, paid: 3_000 }, { projectId: p!.id, householdId: ids.minimum!, paid: 0 }]);
  });
  afterAll(async () => t?.close());

  const xlsx = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return rosterRows(res.rawPayload);
  };
  const numbers = (rows: string[][]) => [...new Set(rows.map((r) => r[1]))];

  it('writes each roster as .xlsx with the right rows', async () => {
    const base = `/api/print/villages/${XINCHENG_VILLAGE}/rosters`;
    const est = await xlsx(county, `${base}/estimated.xlsx?year=2020`);
    expect(est.title).toBe('俄尔古取村2020年测算减贫人口花名册');
    expect(est.header.slice(0, 10)).toEqual(['序号', '户编号', '户主姓名', '家庭人口', '姓名', '与户主关系', '性别', '身份证号', '出生日期', '贫困户属性']);
    expect(numbers(est.rows)).toEqual(['R001']);
    expect(est.rows.map((r) => r[4])).toEqual(['吉克阿呷', '吉克阿妹']);
    expect(est.rows[0]![7]).toBe(headId);
    expect(numbers((await xlsx(county, `${base}/minimum-living.xlsx?year=2020`)).rows)).toEqual(['R002']);
    expect(numbers((await xlsx(county, `${base}/extreme-poverty.xlsx?year=2020`)).rows)).toEqual(['R003']);
    const change = await xlsx(county, `${base}/population-change.xlsx?year=2020`);
    expect(change.title).toBe('俄尔古取村2020年贫困人口增减表');
    // R003 identified in 2020 (增加, 新识别); R004 and R005 exited in 2020 (减少, 脱贫); the others identified in 2014.
    const removed = change.rows.filter((r) => r[10] === '减少').map((r) => `${r[1]}:${r[11]}:${r[12]}`);
    expect(removed).toEqual(['R004:脱贫:1', 'R005:脱贫:1']);
    expect(change.rows.filter((r) => r[10] === '增加').map((r) => `${r[1]}:${r[11]}`)).toEqual(['R003:新识别']);
    const projectRows = (await xlsx(county, `${base}/project-beneficiaries.xlsx?year=2020`)).rows;
    expect(projectRows.map((r) => `${r[1]}:${r[10]}`)).toEqual(['R001:新城村养殖到户项目', 'R001:新城村养殖到户项目', 'R002:新城村养殖到户项目']);
    const township = await t.admin.get(`/api/print/townships/${TOWN}/rosters/minimum-living.xlsx?year=2020`);
    expect(township.statusCode, township.body).toBe(200);
    expect(numbers((await rosterRows(township.rawPayload)).rows)).toEqual(['R002']);
  });

  it('masks ID numbers for a role without the right to see them', async () => {
    const est = await xlsx(leader, `/api/print/villages/${XINCHENG_VILLAGE}/rosters/estimated.xlsx?year=2020`);
    expect(est.rows[0]![7]).not.toBe(headId);
    expect(est.rows[0]![7]).toMatch(/^5134\*+\d{3}[\dX]$/);
  });

  it('lists an exited household not visited this half-year as at risk, and counts it on the workbench', async () => {
    const page = (await county.get('/api/rosters/return-risks')).json();
    expect(page.halfYear.label).toBe('2020 年上半年');
    expect(page.items.map((h: { number: string }) => h.number)).toEqual(['R004']);
    expect(page.items[0].risks.map((r: { key: string }) => r.key)).toEqual(['visit']);
    expect(page.total).toBe(1);
    const wb = (await county.get('/api/workbench')).json();
    expect(wb.todos.find((x: { key: string }) => x.key === 'returnRisks')).toMatchObject({ count: 1, link: '/rosters/return-risks' });
  });

  it('never shows another county’s households', async () => {
    expect((await other.get('/api/rosters/return-risks')).json().items.map((h: { number: string }) => h.number)).toEqual(['B001']);
    expect((await other.get(`/api/rosters/return-risks?region=${COUNTY}`)).statusCode).toBe(403);
    expect((await other.get(`/api/print/villages/${XINCHENG_VILLAGE}/rosters/estimated.xlsx?year=2020`)).statusCode).toBe(403);
    expect((await other.get(`/api/rosters/households/${ids.estimated}/handbook-check`)).statusCode).toBe(403);
    expect((await county.get('/api/rosters/return-risks')).json().items.some((h: { number: string }) => h.number === 'B001')).toBe(false);
  });

  it('checks the 扶贫手册“四个三” of a household', async () => {
    const res = await county.get(`/api/rosters/households/${ids.minimum}/handbook-check`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.complete).toBe(false);
    expect(c.parts.map((p: { label: string }) => p.label)).toEqual(['基础信息必须准确', '帮扶措施必须细致', '帮扶成效必须真实']);
    expect(c.parts[0].gaps).toEqual([]);
    expect(c.parts[1].gaps.map((g: { item: string }) => g.item)).toEqual(['帮扶责任人', '走访记录', '帮扶措施']);
    expect(c.parts[2].gaps.map((g: { message: string }) => g.message)).toEqual(['未登记 2020 年收入']);
  });
});
