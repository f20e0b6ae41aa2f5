import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';

const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村
const OTHER_TOWN_VILLAGE = '513431101001'; // 昭觉县城北镇
const head = { name: '吉克阿呷', idNumber: '513431198805061210', relation: '户主', labour: '普通劳动力', workMonths: 6, workIncome: 8000, medicalInsured: true };
const child = { name: '吉克阿果', idNumber: '51343120100101048x', relation: '之女', labour: '无劳动力', schooling: '在校', medicalInsured: true };
const household = (over: Record<string, unknown> = {}) => ({
  villageCode: VILLAGE,
  number: '0001',
  attribute: '一般贫困户',
  identifiedYear: 2014,
  mainCause: '缺技术',
  secondaryCauses: ['缺资金'],
  housingSafe: true,
  drinkingWaterSafe: true,
  foodSecure: true,
  clothingSecure: true,
  persons: [head, child],
  ...over,
});

describe.each(dbKinds())('registry API on %s', (kind) => {
  let t: TestApp;
  let townUser: Client;
  let otherTownUser: Client;
  let id: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    townUser = await t.user(await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' }), 'xincheng');
    otherTownUser = await t.user(await t.org('城北镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431101000' }), 'chengbei');
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    const res = await townUser.post('/api/registry/households', household());
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });
  afterAll(async () => t?.close());

  it('registers a household with its members, sex and birth date derived from the ID numbers', async () => {
    const h = (await townUser.get(`/api/registry/households/${id}`)).json();
    expect(h.persons.map((p: { name: string; sex: string; birthDate: string }) => [p.name, p.sex, p.birthDate])).toEqual([
      ['吉克阿呷', '男', '1988-05-06'],
      ['吉克阿果', '女', '2010-01-01'],
    ]);
    expect(h.history).toMatchObject([{ status: '未脱贫', reason: '建档立卡识别', effectiveOn: '2014-12-31', persons: 2 }]);
    expect(h.village.path.map((p: { name: string }) => p.name)).toContain('新城镇');
  });

  it('keeps one person in one household across the registry', async () => {
    const res = await townUser.post('/api/registry/households', household({ number: '0002', persons: [{ ...head, name: '另一个户主' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('已在其他户（村代码 513431100200，户编号 0001）中，一人只能属于一户');
  });

  it('refuses bad members with field-named errors and writes nothing', async () => {
    const res = await townUser.post('/api/registry/households', household({ number: '0003', persons: [child] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message])).toEqual([['persons', '每户须有且只有 1 名户主（现有 0 名）']]);
    expect((await townUser.get('/api/registry/households?q=0003')).json().total).toBe(0);
  });

  // Issue 10: “Field errors outside the ledger show the English key as the label (mainCause：必填)”.
  it('names a schema error’s field in the registry’s words', async () => {
    const { mainCause: _omitted, ...withoutCause } = household({ number: '0004' });
    const res = await townUser.post('/api/registry/households', withoutCause);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', message: '主要致贫原因：必填', fields: [{ field: 'mainCause', label: '主要致贫原因', message: '必填' }] });
    const { idNumber: _none, ...noId } = child;
    const member = await townUser.post('/api/registry/households', household({ number: '0004', persons: [head, noId] }));
    expect(member.json().error.fields).toEqual([{ field: 'persons.1.idNumber', label: '第 2 位成员身份证号', message: '必填' }]);
    const village = await townUser.post('/api/registry/households', household({ number: '0004', villageCode: 513431100200 }));
    expect(village.json().error.message).toBe('村：应为文字');
  });

  // Seed 004: 纯收入=年收入-生产经营性支出; 贫困人口脱贫……年人均可支配收入稳定超过国家扶贫标准.
  it('computes income item by item with its trace, and refuses an exit below the line', async () => {
    const low = await townUser.request({ method: 'PUT', url: `/api/registry/households/${id}/incomes/2019`, payload: { wages: 6000, business: 2000, businessCosts: 600, minimumLiving: 0 } });
    expect(low.statusCode).toBe(200);
    const income = low.json().incomes[0].result;
    expect(income).toMatchObject({ annualIncome: 8000, netIncome: 7400, perCapita: 3700 });
    expect(income.trace.find((l: { label: string }) => l.label === '纯收入').formula).toBe('年收入 8,000 元 − 生产经营性支出 600 元');
    expect(low.json().verdicts.exit.passed).toBe(false);
    const version = low.json().version;
    const refused = await t.admin.post(`/api/registry/households/${id}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '年度脱贫', version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('人均纯收入超过标准');
    expect((await townUser.get(`/api/registry/households/${id}`)).json().status).toBe('未脱贫');
  });

  // Issue 4: a household changes status only by completing its procedure; the direct route is a data correction.
  it('keeps the direct status change to system administrators', async () => {
    const h = (await townUser.get(`/api/registry/households/${id}`)).json();
    const res = await townUser.post(`/api/registry/households/${id}/status`, { status: '清退', reason: '直接清退', version: h.version });
    expect(res.statusCode).toBe(403);
    expect((await townUser.get(`/api/registry/households/${id}`)).json().status).toBe('未脱贫');
  });

  it('exits a household that meets the standard, and answers as of any date', async () => {
    const h = (await townUser.request({ method: 'PUT', url: `/api/registry/households/${id}/incomes/2019`, payload: { wages: 7000, business: 2000, businessCosts: 500 } })).json();
    expect(h.verdicts.exit.passed).toBe(true);
    const exited = await t.admin.post(`/api/registry/households/${id}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version });
    expect(exited.statusCode).toBe(200);
    expect(exited.json()).toMatchObject({ status: '已脱贫', statusYear: 2019 });
    const at = async (asOf: string) => (await townUser.get(`/api/registry/statistics?region=513431100000&asOf=${asOf}`)).json().byStatus;
    expect(await at('2013-12-31')).toEqual([]);
    expect(await at('2018-12-31')).toEqual([{ status: '未脱贫', households: 1, persons: 2 }]);
    expect(await at('2019-12-31')).toEqual([{ status: '已脱贫', households: 1, persons: 2 }]);
    const exits = (await townUser.get('/api/registry/statistics?region=513431100000')).json().exits.actual;
    expect(exits).toEqual([{ year: 2019, households: 1, persons: 2 }]);
  });

  // Seed 004: 属于“社会保障兜底一批”的脱贫户不得标注为“稳定脱贫户”.
  it('marks stable exit only outside the safety net', async () => {
    const h = (await townUser.get(`/api/registry/households/${id}`)).json();
    const asDibao = (await townUser.patch(`/api/registry/households/${id}`, { attribute: '低保贫困户', version: h.version })).json();
    const refused = await t.admin.post(`/api/registry/households/${id}/status`, { status: '稳定脱贫', reason: '家庭经济条件较好', version: asDibao.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('不得标注为稳定脱贫户');
    const back = (await townUser.patch(`/api/registry/households/${id}`, { attribute: '一般贫困户', version: asDibao.version })).json();
    const ok = await t.admin.post(`/api/registry/households/${id}/status`, { status: '稳定脱贫', reason: '家庭经济条件较好', version: back.version });
    expect(ok.json().status).toBe('稳定脱贫');
    const backdated = await t.admin.post(`/api/registry/households/${id}/status`, { status: '返贫', effectiveOn: '2019-01-01', reason: 'x', version: ok.json().version });
    expect(backdated.json().error.message).toBe('生效日期：不能早于上一次变更的生效日期 2020-06-30');
    const stale = await t.admin.post(`/api/registry/households/${id}/status`, { status: '返贫', reason: 'x', version: back.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  // Issue 10: “A status correction dated in the future becomes current at once while statistics disagree: refuse it.”
  it('refuses a status correction dated after today (Beijing time)', async () => {
    const h = (await townUser.get(`/api/registry/households/${id}`)).json();
    const future = await t.admin.post(`/api/registry/households/${id}/status`, { status: '返贫', effectiveOn: '2020-07-01', reason: '生活困难', version: h.version });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ message: '生效日期：不能晚于今天（2020-06-30）', fields: [{ field: 'effectiveOn', label: '生效日期', message: '不能晚于今天（2020-06-30）' }] });
    const after = (await townUser.get(`/api/registry/households/${id}`)).json();
    expect(after).toMatchObject({ status: h.status, version: h.version });
    expect(after.history).toHaveLength(h.history.length);
  });

  it('keeps each township to its own households and masks ID numbers for readers who may not see them', async () => {
    expect((await otherTownUser.get(`/api/registry/households/${id}`)).statusCode).toBe(403);
    expect((await otherTownUser.get('/api/registry/households')).json().total).toBe(0);
    expect((await otherTownUser.get(`/api/registry/statistics?region=513431100000`)).statusCode).toBe(403);
    expect((await otherTownUser.post('/api/registry/households', household({ number: '0009', persons: [{ ...head, idNumber: '513431198805061210' }] }))).statusCode).toBe(403);
    const elsewhere = await townUser.post('/api/registry/households', household({ villageCode: OTHER_TOWN_VILLAGE, number: '0001', persons: [{ ...head, idNumber: '51343119900101002X' }] }));
    expect(elsewhere.statusCode).toBe(403);
    const org = await t.services.orgs.getUnchecked((await t.services.orgs.list(t.rootAuth)).find((o) => o.name === '新城镇扶贫工作站')!.id);
    // A member holds no registry permission (issue 11: a 政协委员 records their own deeds); the read-only 领导查阅 reads
    // the registry with ID numbers masked.
    const m = await t.member(org, '查看员');
    const memberUser = await t.user(org, 'member', 'member', m.id);
    expect((await memberUser.get(`/api/registry/households/${id}`)).statusCode).toBe(403);
    const viewer = await t.user(org, 'viewer', 'leader');
    const seen = (await viewer.get(`/api/registry/households/${id}`)).json();
    expect(seen.persons[0].idNumber).toBe('5134**********1210');
    expect((await viewer.get('/api/registry/households?q=513431198805061210')).json().total).toBe(1);
    // Issue 12: a part of an ID number finds the household: any 6+ characters for a role that sees whole numbers, only
    // the last 4 (what the mask shows) for one that does not, so the hidden digits cannot be worked out by searching.
    for (const part of ['061210', '19880506', '0101048x']) expect((await townUser.get(`/api/registry/households?q=${part}`)).json().total, part).toBe(1);
    expect((await townUser.get('/api/registry/households?q=061219')).json().total).toBe(0);
    expect((await viewer.get('/api/registry/households?q=1210')).json().total).toBe(1);
    expect((await viewer.get('/api/registry/households?q=061210')).json().total).toBe(0);
    expect((await otherTownUser.get('/api/registry/households?q=061210')).json().total).toBe(0);
  });

  // Seed 004 贫困村出列标准, with the village's own figures.
  it('checks a village against the exit standard from its profile and households', async () => {
    const saved = await townUser.request({
      method: 'PUT',
      url: `/api/registry/villages/${VILLAGE}`,
      payload: { poorVillage: true, identifiedYear: 2014, exited: false, certifiedPopulation: 100, populationYear: 2019, specialtyIndustries: ['苦荞'], infrastructureImproved: true, publicServicesImproved: true, version: null },
    });
    expect(saved.statusCode).toBe(200);
    const withIncome = (await townUser.request({ method: 'PUT', url: `/api/registry/villages/${VILLAGE}/years/2019`, payload: { collectiveIncome: 50000, plannedHouseholds: 1, plannedPersons: 2 } })).json();
    expect(withIncome.remainingPoor).toBe(0);
    expect(withIncome.exitCheck.passed).toBe(true);
    const stricter = (await townUser.get(`/api/registry/villages/${VILLAGE}?minCollectiveIncomeYuan=80000`)).json();
    expect(stricter.exitCheck.criteria.filter((c: { passed: boolean }) => c.passed === false).map((c: { key: string }) => c.key)).toEqual(['collectiveIncome']);
    const stats = (await townUser.get('/api/registry/statistics?region=513431100000&asOf=2019-12-31')).json();
    expect(stats.villages).toEqual({ poor: 1, exited: 0, population: 100 });
    expect(stats.exits.planned).toEqual([{ year: 2019, households: 1, persons: 2 }]);
    // Labour ability as of the date, from the members each history row records.
    expect(stats.byLabour.map((b: { key: string; persons: number }) => [b.key, b.persons]).sort()).toEqual([
      ['无劳动力', 1],
      ['普通劳动力', 1],
    ]);
  });

  it('runs trial calculations without saving', async () => {
    const trial = await townUser.post('/api/registry/trial/household', {
      regionCode: VILLAGE,
      year: 2019,
      income: { wages: 5000, business: 0, property: 0, transfer: { subsidies: 0, minimumLiving: 2000, extremePoverty: 0, pension: 0, ecological: 0, other: 0 }, businessCosts: 0, illnessCosts: 8000, schoolingCosts: 0 },
      householdSize: 2,
      foodSecure: true,
      clothingSecure: true,
      housingSafe: false,
      members: [{ name: '甲', schooling: '已毕业', medicalEligible: true, medicalInsured: true }],
    });
    expect(trial.statusCode).toBe(200);
    expect(trial.json()).toMatchObject({ income: { netIncome: 7000, perCapita: 3500, overspent: true }, identification: { passed: true }, exit: { passed: false }, line: { yuan: 3747 } });
    const village = await townUser.post('/api/registry/trial/village', { remainingPoor: 3, certifiedPopulation: 100, specialtyIndustries: 1, collectiveIncomeYuan: 60000, infrastructureImproved: true, publicServicesImproved: true });
    expect(village.json().criteria[0]).toMatchObject({ key: 'incidence', passed: false, reason: '剩余贫困人口 3 人 ÷ 全村总人口 100 人 = 3.00%' });
    const noLine = await townUser.post('/api/registry/trial/household', { regionCode: VILLAGE, year: 2030, income: { wages: 0, business: 0, property: 0, transfer: { subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, other: 0 }, businessCosts: 0, illnessCosts: 0, schoolingCosts: 0 }, householdSize: 1, foodSecure: true, clothingSecure: true, housingSafe: true, members: [] });
    expect(noLine.json().error.message).toContain('缺少 2030 年适用于该地区的扶贫标准');
  });
});
