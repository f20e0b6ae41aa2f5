import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { upload, xlsxType } from '../support/route-calls';
import { fillTemplate } from '../support/xlsx';

const COUNTY = '513431000000';
const TOWN = '513431100000';
const VILLAGE = XINCHENG_VILLAGE;
const PROVINCE = '510000000000';

/**
 * Issue 14 (扶贫资金与项目库). Seed 004: “严格对照“户申请、村申报、乡镇审查、县审批”的机制安排扶贫资金项目”; 负面清单 “不得用于……修建
 * 楼堂馆所……”; 资金支出进度 “2017年扶贫资金支出进度高于92%（不含本数）得满分7分；……2015年及以前年度资金没有结余结转的得满分2分”.
 */
describe.each(dbKinds())('funds and projects (扶贫资金与项目库) on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  let village: Client;
  let other: Client;
  let households: number[];
  let provinceAllocation: number;
  let countyAllocation: number;
  let projectId: number;
  let procedureId: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: COUNTY });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: TOWN });
    const villageOrg = await t.org('新城村两委', { parent: townOrg, kind: '村两委', level: '村', regionCode: VILLAGE });
    const otherOrg = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' });
    county = await t.user(countyOrg, 'fund-county', 'county_clerk');
    town = await t.user(townOrg, 'fund-town', 'township_reviewer');
    village = await t.user(villageOrg, 'fund-village', 'village_clerk');
    other = await t.user(otherOrg, 'fund-other', 'county_clerk');
    households = [];
    for (const [i, name] of ['吉克阿呷', '阿说阿果', '沙马拉且', '俄木日哈'].entries()) {
      const res = await village.post('/api/registry/households', householdBody(VILLAGE, `F00${i}`, [member(name, idNumber(`1980010${i + 1}`, `10${i}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      households.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('allocates down the region tree; a child never exceeds its parent', async () => {
    const prov = await t.admin.post('/api/funds/allocations', { year: 2020, source: 'central', regionCode: PROVINCE, amount: 1_000_000, documentNo: '川财农〔2020〕1号', allocatedOn: '2020-02-01' });
    expect(prov.statusCode, prov.body).toBe(201);
    provinceAllocation = prov.json().id;
    const child = await county.post('/api/funds/allocations', { year: 2020, source: 'central', regionCode: COUNTY, parentId: provinceAllocation, amount: 600_000, documentNo: '昭财农〔2020〕3号', allocatedOn: '2020-03-01' });
    expect(child.statusCode, child.body).toBe(201);
    countyAllocation = child.json().id;
    expect(child.json()).toMatchObject({ amount: 600_000, balance: 600_000, region: { name: '昭觉县' } });
    const over = await county.post('/api/funds/allocations', { year: 2020, source: 'central', regionCode: COUNTY, parentId: provinceAllocation, amount: 400_001, documentNo: '昭财农〔2020〕4号', allocatedOn: '2020-03-02' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0]).toMatchObject({ field: 'amount', message: expect.stringContaining('结余 400000 元') });
    const wrongSource = await county.post('/api/funds/allocations', { year: 2019, source: 'provincial', regionCode: COUNTY, parentId: provinceAllocation, amount: 1, documentNo: 'x', allocatedOn: '2020-03-02' });
    expect(wrongSource.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['year', 'source']);
    const list = (await t.admin.get(`/api/funds/allocations?region=${PROVINCE}`)).json();
    expect(list.items.find((a: { id: number }) => a.id === provinceAllocation)).toMatchObject({ passedDown: 600_000, balance: 400_000 });
  });

  it('imports allocations all or nothing, each error by row and column', async () => {
    const template = await county.get('/api/funds/allocations/import/template.xlsx');
    expect(template.statusCode).toBe(200);
    const row = (over: Record<string, string | number>) => ({ 资金年度: 2020, 资金来源: '中央财政专项扶贫资金', 下达地区代码: COUNTY, 上级资金编号: provinceAllocation, '金额（元）': 1_000, 文号: '昭财农〔2020〕9号', 下达日期: '2020-04-01', ...over });
    const send = async (rows: Array<Record<string, string | number>>) =>
      upload(county, 'POST', '/api/funds/allocations/import', { content: await fillTemplate(template.rawPayload, '资金下达', rows), name: 'allocations.xlsx', type: xlsxType });
    const before = (await county.get('/api/funds/allocations')).json().total;
    const bad = await send([row({}), row({ '金额（元）': 399_001 }), row({ 下达日期: '2020-02-30', 下达地区代码: '513436000000' })]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { row: number; column: string }) => `${f.row}${f.column}`)).toEqual(['4E', '5G']);
    expect(bad.json().error.fields[0].message).toContain('超过上级资金（川财农〔2020〕1号）的结余 399000 元');
    expect((await county.get('/api/funds/allocations')).json().total).toBe(before);
    const ok = await send([row({})]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().created).toBe(1);
    expect((await county.get('/api/funds/allocations')).json().total).toBe(before + 1);
  });

  it('refuses a use on the 负面清单, naming the clause and the field', async () => {
    const res = await village.post('/api/funds/projects', { year: 2020, name: '新城村村委会办公楼', villageCode: VILLAGE, reach: 'village', use: 'infrastructure', content: '修建村委会办公楼一栋', budget: 200_000 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'name', message: expect.stringContaining('负面清单“不得用于修建楼堂馆所”') });
    const unclassified = await village.post('/api/funds/projects', { year: 2020, name: '光伏电站运维', villageCode: VILLAGE, reach: 'village', use: null, content: '村级光伏电站运维', budget: 10_000 });
    expect(unclassified.json().error.fields[0].field).toBe('useReason');
  });

  it('declares a 到户 project in a village and starts its approval (户申请、村申报、乡镇审查、县审批、实施、验收、备案/公告)', async () => {
    const foreign = await village.post('/api/funds/projects', { year: 2020, name: '种牛到户', villageCode: VILLAGE, reach: 'household', use: 'industry', content: '为贫困户发放种牛', budget: 30_000, householdIds: [households[0], 999_999] });
    expect(foreign.json().error.fields[0]).toMatchObject({ field: 'householdIds.1', message: '编号 999999 不是本村登记的贫困户' });
    const res = await village.post('/api/funds/projects', { year: 2020, name: '种牛到户', villageCode: VILLAGE, reach: 'household', use: 'industry', content: '为 3 户贫困户发放种牛，代养代种协议到户', budget: 30_000, householdIds: households.slice(0, 3) });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    projectId = p.id;
    procedureId = p.procedureId;
    expect(p).toMatchObject({ stage: 'running', currentStep: '户申请', households: 3, useLabel: '产业脱贫' });
    const proc = (await village.get(`/api/procedures/${procedureId}`)).json();
    expect(proc.definition.steps.map((s: { name: string; level: string }) => `${s.name}（${s.level}）`)).toEqual(['户申请（村）', '村申报（村）', '乡镇审查（乡）', '县审批（县）', '实施（村）', '验收（县）', '备案/公告（县）']);
    expect(proc.projectId).toBe(projectId);
    const listed = (await county.get('/api/procedures?kind=project')).json();
    expect(listed.items[0].subjectName).toBe('项目：种牛到户');
    expect((await county.post('/api/procedures', { kind: 'project', villageCode: VILLAGE })).statusCode).toBe(409);
  });

  it('refuses a payment before 县审批, then pays three households once the county approved', async () => {
    const pay = (householdId: number, amount = 10_000, allocationId = countyAllocation) =>
      county.post(`/api/funds/projects/${projectId}/payments`, { allocationId, paidOn: '2020-06-20', amount, purpose: '购买种牛', voucherNo: `PZ-${householdId}`, householdId });
    const early = await pay(households[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('项目尚未通过县审批，不能拨付资金（现在办理到“户申请”）');

    let version = (await village.get(`/api/procedures/${procedureId}`)).json().version;
    const pass = async (who: Client, step: number) => {
      const r = await who.post(`/api/procedures/${procedureId}/actions`, { type: 'pass', step, version });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().version;
    };
    await pass(village, 0);
    await pass(village, 1);
    // The township cannot approve for the county.
    const townTries = await town.post(`/api/procedures/${procedureId}/actions`, { type: 'pass', step: 3, version });
    expect(townTries.statusCode).toBe(400);
    await pass(town, 2);
    expect((await pay(households[0]!)).statusCode).toBe(409);
    await pass(county, 3);
    expect((await county.get(`/api/funds/projects/${projectId}`)).json()).toMatchObject({ stage: 'approved', currentStep: '实施' });

    // A 负面清单 purpose is refused at payment too; a household off the list, and paying the project's village from
    // the other county's funds, are refused.
    const bonus = await county.post(`/api/funds/projects/${projectId}/payments`, { allocationId: countyAllocation, paidOn: '2020-06-20', amount: 100, purpose: '发放村干部奖金', voucherNo: 'PZ-X', householdId: households[0] });
    expect(bonus.json().error.fields[0]).toMatchObject({ field: 'purpose', message: expect.stringContaining('负面清单“不得用于各种奖金、津贴和福利补助”') });
    expect((await pay(households[3]!)).json().error.fields[0].field).toBe('householdId');

    for (const h of households.slice(0, 3)) expect((await pay(h)).statusCode).toBe(201);
    // Overspending: the project's budget is paid out, and a small allocation's balance cannot be exceeded.
    const beyond = await pay(households[0]!, 1);
    expect(beyond.json().error.fields[0]).toMatchObject({ field: 'amount', message: expect.stringContaining('超过项目预算的未拨付部分 0 元') });
    const small = (await county.post('/api/funds/allocations', { year: 2020, source: 'central', regionCode: COUNTY, parentId: provinceAllocation, amount: 5_000, documentNo: '昭财农〔2020〕5号', allocatedOn: '2020-03-05' })).json();
    expect((await pay(households[0]!, 6_000, small.id)).json().error.fields[0]).toMatchObject({ field: 'amount', message: expect.stringContaining('结余 5000 元') });

    const detail = (await county.get(`/api/funds/projects/${projectId}`)).json();
    expect(detail).toMatchObject({ paid: 30_000 });
    expect(detail.householdList.map((h: { paid: number }) => h.paid)).toEqual([10_000, 10_000, 10_000]);
    const receipts = (await village.get(`/api/funds/households/${households[1]}/receipts`)).json();
    expect(receipts).toMatchObject({ total: 10_000, items: [{ projectName: '种牛到户', reachLabel: '到户项目', amount: 10_000, sourceLabel: '中央财政专项扶贫资金' }] });
  });

  it('lets only one of two payments sent at once take the last of a project’s budget (row locks)', async () => {
    const p = (await village.post('/api/funds/projects', { year: 2020, name: '村组道路硬化', villageCode: VILLAGE, reach: 'village', use: 'infrastructure', content: '硬化村组道路 1.2 公里', budget: 60_000 })).json();
    let version = (await village.get(`/api/procedures/${p.procedureId}`)).json().version;
    for (const [step, who] of [village, village, town, county].entries()) version = (await who.post(`/api/procedures/${p.procedureId}/actions`, { type: 'pass', step, version })).json().version;
    const send = (voucherNo: string) => county.post(`/api/funds/projects/${p.id}/payments`, { allocationId: countyAllocation, paidOn: '2020-06-25', amount: 50_000, purpose: '道路硬化工程款', voucherNo });
    const answers = await Promise.all([send('PZ-A'), send('PZ-B')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
    expect((await county.get(`/api/funds/projects/${p.id}`)).json().paid).toBe(50_000);

    // The rest by an .xlsx of payments, all or nothing: a row beyond the budget refuses the whole file.
    const template = await county.get('/api/funds/payments/import/template.xlsx');
    const row = (over: Record<string, string | number>) => ({ 项目编号: p.id, 资金编号: countyAllocation, 拨付日期: '2020-06-26', '金额（元）': 10_000, 资金用途: '道路硬化工程尾款', 凭证号: 'PZ-C', ...over });
    const sendFile = async (rows: Array<Record<string, string | number>>) =>
      upload(county, 'POST', '/api/funds/payments/import', { content: await fillTemplate(template.rawPayload, '资金拨付', rows), name: 'payments.xlsx', type: xlsxType });
    const bad = await sendFile([row({}), row({ '金额（元）': 1, 凭证号: 'PZ-D' }), row({ 资金用途: '发放加班费', 凭证号: 'PZ-E' })]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { row: number; column: string }) => `${f.row}${f.column}`)).toEqual(['4D', '5E']);
    expect((await county.get(`/api/funds/projects/${p.id}`)).json().paid).toBe(50_000);
    const ok = await sendFile([row({})]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await county.get(`/api/funds/projects/${p.id}`)).json().paid).toBe(60_000);
  });

  it('answers the county’s spending progress and its points from the payments', async () => {
    const byCounty = (await t.admin.get('/api/funds/progress?region=513400000000&year=2020&asOf=2020-06-30&by=county')).json();
    const row = byCounty.rows.find((r: { region: { code: string } }) => r.region.code === COUNTY);
    expect(row).toMatchObject({ allocated: 606_000, spent: 90_000, percentText: '14.85%', balance: 516_000 });
    expect(byCounty.total).toMatchObject({ allocated: 606_000, spent: 90_000 });
    // As of a day before the payments, nothing was spent.
    expect((await county.get('/api/funds/progress?year=2020&asOf=2020-06-19')).json().total).toMatchObject({ allocated: 606_000, spent: 0 });
    const province = (await t.admin.get(`/api/funds/progress?region=${PROVINCE}&year=2020&asOf=2020-06-30`)).json();
    expect(province.total).toMatchObject({ allocated: 1_000_000, spent: 90_000 });
    expect(province.rows.find((r: { region: { code: string } }) => r.region.code === '513400000000')).toMatchObject({ allocated: 606_000, spent: 90_000 });
    expect(province.rows.find((r: { region: { name: string } }) => r.region.name === '四川省本级')).toMatchObject({ allocated: 394_000, spent: 0 });

    const perf = (await county.get('/api/funds/performance?year=2020&asOf=2020-12-31')).json();
    expect(perf.items.map((i: { reason: string }) => i.reason)).toEqual(['2020 年支出进度 14.85%，未高于 92%（不含本数）：0 分', '2019 年无扶贫资金安排，不计支出进度：0 分', '2018 年及以前年度资金没有结余结转：2 分']);
    expect(perf.points).toBe(2);
  });

  it('shows the national scheme’s fund points of a unit from the funds data', async () => {
    const scheme = (await t.admin.get('/api/assessment/schemes')).json().find((s: { code: string }) => s.code === 'national-2017');
    const round = await t.admin.post('/api/assessment/rounds', { schemeId: scheme.id, name: '2020 年度考核', year: 2020, units: [{ unitKey: 'zj', name: '昭觉县', kind: 'county', ref: COUNTY }] });
    expect(round.statusCode, round.body).toBe(201);
    const results = (await t.admin.get(`/api/assessment/rounds/${round.json().id}/results`)).json();
    expect(results.funds).toEqual([expect.objectContaining({ unitKey: 'zj', regionCode: COUNTY, points: 2, max: 12 })]);
    expect(results.funds[0].items[0].reason).toBe('2020 年支出进度 14.85%，未高于 92%（不含本数）：0 分');
  });

  it('keeps another county’s user out of all of it', async () => {
    expect((await other.get(`/api/funds/projects/${projectId}`)).statusCode).toBe(404);
    expect((await other.get('/api/funds/projects')).json().total).toBe(0);
    expect((await other.get('/api/funds/allocations')).json().total).toBe(0);
    expect((await other.get(`/api/funds/households/${households[0]}/receipts`)).statusCode).toBe(404);
    expect((await other.get(`/api/funds/progress?region=${COUNTY}&year=2020`)).statusCode).toBe(403);
    const pay = await other.post(`/api/funds/projects/${projectId}/payments`, { allocationId: countyAllocation, paidOn: '2020-06-20', amount: 1, purpose: '购买种牛', voucherNo: 'X', householdId: households[0] });
    expect(pay.statusCode).toBe(404);
    expect(pay.body).not.toContain('种牛到户');
  });

  it('records findings and a reproducible draw, and exports what the lists show', async () => {
    const f = await county.post('/api/funds/findings', { projectId, foundOn: '2020-05-01', foundBy: '县审计局', problem: '验收资料不全', deadline: '2020-06-01' });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json()).toMatchObject({ state: 'open', overdue: true, region: { code: VILLAGE } });
    expect((await county.get('/api/funds/findings?overdue=true')).json().total).toBe(1);
    const fixed = await county.patch(`/api/funds/findings/${f.json().id}`, { state: 'rectified', rectification: '已补齐验收资料', version: f.json().version });
    expect(fixed.json()).toMatchObject({ state: 'rectified', overdue: false });

    const drawn = await county.post('/api/funds/samples', { region: COUNTY, year: 2020, count: 5, drawKey: '2020-县级抽查' });
    expect(drawn.statusCode, drawn.body).toBe(201);
    expect(drawn.json().projects.map((p: { id: number }) => p.id).sort()).toEqual([projectId, projectId + 1]);
    // The same seed over the same projects draws the same ones.
    const again = await county.post('/api/funds/samples', { region: COUNTY, year: 2020, count: 1, drawKey: '2020-县级抽查' });
    expect(again.json().projects.map((p: { id: number }) => p.id)).toEqual([drawn.json().projects[0].id]);
    expect((await county.get(`/api/funds/samples/${drawn.json().id}`)).json().drawKey).toBe('2020-县级抽查');
    expect((await other.get(`/api/funds/samples/${drawn.json().id}`)).statusCode).toBe(404);

    const res = await county.get('/api/funds/payments/export.xlsx?year=2020');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('资金拨付')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('金额（元）');
    expect(sheet.rowCount).toBe(6);
    expect([2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(6).value)).toEqual([10_000, 50_000, 10_000, 10_000, 10_000]);
    const projects = await county.get('/api/funds/projects/export.xlsx');
    const pwb = new ExcelJS.Workbook();
    await pwb.xlsx.load(projects.rawPayload as unknown as ArrayBuffer);
    expect(pwb.getWorksheet('扶贫项目')!.getRow(3).getCell(2).value).toBe('种牛到户');
  });
});
