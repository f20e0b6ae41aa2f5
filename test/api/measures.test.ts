import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { rosterRows } from '../support/roster-xlsx';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

const COUNTY = '513431000000';
const TOWN = '513431100000';
const VILLAGE = XINCHENG_VILLAGE;

/**
 * Issue 15 (帮扶措施, 脱贫规划). Seed 001: 贫困户精准扶贫一览表 “包括家庭构成、贫困成因、帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、
 * 脱贫时限等”; “全乡脱贫规划(包括年度脱贫村、脱贫人口、年末人均纯收入)”. Seed 004: 五个一批 “发展生产脱贫一批,易地搬迁脱贫一批,生态补偿脱贫一批,
 * 发展教育脱贫一批,社会保障兜底一批”; “标注为“稳定脱贫户”的,……原则上除原有的保障类和资助类扶贫政策外,今后不再安排其他增收或发展类的扶贫项目”;
 * “属于“社会保障兜底一批”的脱贫户不得标注为“稳定脱贫户””.
 */
describe.each(dbKinds())('measures and plans (帮扶措施, 脱贫规划) on %s', (kind) => {
  let t: TestApp;
  let town: Client;
  let village: Client;
  let other: Client;
  const ids: number[] = [];

  const put = (c: Client, url: string, payload: Record<string, unknown>) => c.request({ method: 'PUT', url, payload });
  const exit = async (id: number, status: string, year?: number) => {
    if (year) expect((await put(t.admin, `/api/registry/households/${id}/incomes/${year}`, { wages: 30000, business: 2000, businessCosts: 500 })).statusCode).toBe(200);
    const h = (await t.admin.get(`/api/registry/households/${id}`)).json();
    const res = await t.admin.post(`/api/registry/households/${id}/status`, { status, year, effectiveOn: year ? `${year}-12-20` : undefined, reason: '测试', version: h.version });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: COUNTY });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: TOWN });
    const villageOrg = await t.org('新城村两委', { parent: townOrg, kind: '村两委', level: '村', regionCode: VILLAGE });
    const otherOrg = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' });
    town = await t.user(townOrg, 'measure-town', 'township_reviewer');
    village = await t.user(villageOrg, 'measure-village', 'village_clerk');
    other = await t.user(otherOrg, 'measure-other', 'county_clerk');
    for (const [i, name] of ['吉克阿呷', '阿说阿果', '沙马拉且'].entries()) {
      const res = await village.post('/api/registry/households', householdBody(VILLAGE, `M00${i}`, [member(name, idNumber(`1981020${i + 1}`, `20${i}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('adds, edits and deletes measures; each shows its 五个一批, 工程 and policy kind', async () => {
    const id = ids[0]!;
    const add = await village.post(`/api/measures/households/${id}`, { kind: '产业扶持/特色种养', state: '计划', on: '2020-03-01', unit: '县农业农村局', cost: 3000, note: '养殖西门塔尔牛 2 头' });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ batch: '发展生产脱贫一批', project: '产业脱贫工程', policy: '发展类', responsible: '县农业农村局' });
    const bad = await village.post(`/api/measures/households/${id}`, { kind: '修楼', state: '进行中', on: '2020-02-01', unit: '', cost: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['kind', 'state', 'unit']);
    const edited = await village.patch(`/api/measures/${add.json().id}`, { kind: '产业扶持/特色种养', state: '已实施', on: '2020-04-01', unit: '县农业农村局', cost: 3500, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ state: '已实施', cost: 3500, version: 2 });
    expect((await village.patch(`/api/measures/${add.json().id}`, { kind: '产业扶持/特色种养', state: '已实施', on: '2020-04-01', unit: 'x', cost: 1, version: 1 })).statusCode).toBe(409);
    const school = await village.post(`/api/measures/households/${id}`, { kind: '学生资助', state: '已实施', on: '2020-03-10', unit: '县教育局', cost: 1000 });
    expect(school.json()).toMatchObject({ batch: '发展教育脱贫一批', project: '智力扶贫工程', policy: '资助类' });
    const list = (await town.get(`/api/measures/households/${id}`)).json();
    expect(list.measures.map((m: { kind: string }) => m.kind)).toEqual(['学生资助', '产业扶持/特色种养']);
    expect(list).toMatchObject({ batches: ['发展教育脱贫一批', '发展生产脱贫一批'], cost: 4500, stableMarkRefusal: null });
    expect((await village.del(`/api/measures/${school.json().id}?version=1`)).statusCode).toBe(204);
    expect((await town.get(`/api/measures/households/${id}`)).json().measures).toHaveLength(1);
    const plan = await put(village, `/api/measures/households/${id}/plan`, { targetYear: 2020, plan: '发展养牛，年内脱贫' });
    expect(plan.json().plan).toMatchObject({ targetYear: 2020, version: 1 });
    expect((await put(village, `/api/measures/households/${id}/plan`, { targetYear: 2013, plan: '' , version: 1})).json().error.fields[0].field).toBe('targetYear');
  });

  it('refuses a 稳定脱贫户 a new 发展类 measure, naming the document; 保障类 still allowed', async () => {
    const id = ids[1]!;
    await exit(id, '已脱贫', 2019);
    await exit(id, '稳定脱贫');
    const refused = await village.post(`/api/measures/households/${id}`, { kind: '小额信贷', state: '计划', on: '2020-05-01', unit: '县农商行', cost: 50000 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'kind', message: expect.stringContaining('今后不再安排其他增收或发展类的扶贫项目') });
    expect(refused.json().error.fields[0].message).toContain('马鞍山');
    const ok = await village.post(`/api/measures/households/${id}`, { kind: '家庭签约医生', state: '已实施', on: '2020-05-01', unit: '乡卫生院', cost: 0 });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses the stable-exit procedure of a household helped under 社会保障兜底一批', async () => {
    const id = ids[2]!;
    await exit(id, '已脱贫', 2019);
    const dibao = await village.post(`/api/measures/households/${id}`, { kind: '低保兜底', state: '已实施', on: '2019-01-01', unit: '县民政局', cost: 3600 });
    expect(dibao.json()).toMatchObject({ batch: '社会保障兜底一批' });
    expect((await town.get(`/api/measures/households/${id}`)).json().stableMarkRefusal).toContain('不得标注为稳定脱贫户');
    const refused = await town.post('/api/procedures', { kind: 'stable_exit', householdId: id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('属于“社会保障兜底一批”');
    // The registry's own status change refuses it the same way, naming the field.
    const h = (await t.admin.get(`/api/registry/households/${id}`)).json();
    const direct = await t.admin.post(`/api/registry/households/${id}/status`, { status: '稳定脱贫', reason: '测试', version: h.version });
    expect(direct.statusCode).toBe(400);
    expect(direct.json().error.fields[0]).toMatchObject({ field: 'status', message: expect.stringContaining('社会保障兜底一批') });
    expect((await t.admin.get(`/api/registry/households/${id}`)).json().status).toBe('已脱贫');
    await village.del(`/api/measures/${dibao.json().id}?version=1`);
    const started = await town.post('/api/procedures', { kind: 'stable_exit', householdId: id });
    expect(started.statusCode, started.body).toBe(201);
  });

  it('answers the plan against the actual exits and incomes, for a village and a town', async () => {
    const v = await put(village, `/api/measures/plans/${VILLAGE}/2019`, { plannedHouseholds: 3, plannedPersons: 3, plannedPerCapita: 4200 });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().years[0]).toMatchObject({ year: 2019, planned: { households: 3, persons: 3, perCapita: 4200, villageExits: null }, actual: { households: 2, persons: 2 } });
    expect((await put(village, `/api/measures/plans/${VILLAGE}/2019`, { plannedVillageExits: 1, version: 1 })).json().error.fields[0].field).toBe('plannedVillageExits');
    const tp = await put(town, `/api/measures/plans/${TOWN}/2019`, { plannedHouseholds: 5, plannedPersons: 12, plannedVillageExits: 1, plannedPerCapita: 4000 });
    expect(tp.statusCode, tp.body).toBe(200);
    const res = await town.get(`/api/measures/plans?region=${TOWN}&from=2018&to=2020`);
    expect(res.statusCode, res.body).toBe(200);
    const y2019 = res.json().years.find((y: { year: number }) => y.year === 2019);
    expect(y2019).toMatchObject({ planned: { households: 5, persons: 12, villageExits: 1, perCapita: 4000 }, actual: { households: 2, persons: 2, villageExits: 0 }, villagesPlanned: { households: 3, persons: 3 }, version: 1 });
    // 年末人均纯收入: the mean of the households' 2019 per-capita net incomes (31,500 yuan each, one person).
    expect(y2019.actual.perCapita).toBe(31500);
    expect(res.json().source).toContain('全乡脱贫规划');
    expect((await put(town, `/api/measures/plans/${TOWN}/2019`, { plannedHouseholds: 6 })).statusCode).toBe(409);
    expect((await town.get(`/api/measures/plans?region=${TOWN}&from=2020&to=2018`)).statusCode).toBe(400);
  });

  it('keeps another county out', async () => {
    const id = ids[0]!;
    expect([403, 404]).toContain((await other.get(`/api/measures/households/${id}`)).statusCode);
    expect([403, 404]).toContain((await other.post(`/api/measures/households/${id}`, { kind: '其他', state: '计划', on: '2020-01-01', unit: 'x', cost: 0 })).statusCode);
    const m = (await town.get(`/api/measures/households/${id}`)).json().measures[0];
    expect([403, 404]).toContain((await other.patch(`/api/measures/${m.id}`, { kind: '其他', state: '计划', on: '2020-01-01', unit: 'x', cost: 0, version: m.version })).statusCode);
    expect([403, 404]).toContain((await other.del(`/api/measures/${m.id}?version=${m.version}`)).statusCode);
    expect((await other.get(`/api/measures/plans?region=${TOWN}&from=2019&to=2019`)).statusCode).toBe(403);
    expect((await put(other, `/api/measures/plans/${TOWN}/2019`, { plannedHouseholds: 1 })).statusCode).toBe(403);
  });

  it('lists for the rosters: households due in a year, 技能培训 measures', async () => {
    await village.post(`/api/measures/households/${ids[0]}`, { kind: '技能培训', state: '已实施', on: '2020-05-20', unit: '县人社局', cost: 800 });
    const due = await t.services.measures.householdsDueIn(t.rootAuth, TOWN, 2020);
    expect(due.map((d) => d.householdId)).toEqual([ids[0]]);
    const training = await t.services.measures.trainingIn(t.rootAuth, TOWN, 2020);
    expect(training.map((m) => m.householdNumber)).toEqual(['M000']);
  });

  it('prints them as the 计划减贫人口花名册 and the 培训花名册 (seed 001: “计划减贫人口花名册”, “贫困户接受培训情况”)', async () => {
    const read = async (kind: string) => {
      const res = await town.get(`/api/print/villages/${VILLAGE}/rosters/${kind}.xlsx?year=2020`);
      expect(res.statusCode, res.body).toBe(200);
      return rosterRows(res.rawPayload);
    };
    const planned = await read('planned');
    expect(planned.title).toContain('2020年计划减贫人口花名册');
    expect([...new Set(planned.rows.map((r) => r[1]))]).toEqual(['M000']);
    const trained = await read('training');
    expect(trained.title).toContain('2020年培训花名册');
    expect(trained.header).toEqual(expect.arrayContaining(['培训项目', '培训日期', '实施情况']));
    expect(trained.rows.map((r) => r[1])).toEqual(['M000']);
    expect(trained.rows[0]).toEqual(expect.arrayContaining(['2020-05-20', '已实施']));
    expect((await other.get(`/api/print/villages/${VILLAGE}/rosters/training.xlsx?year=2020`)).statusCode).toBe(403);
    // The 扶贫手册“四个三” check counts the household's measures (帮扶措施必须细致).
    const items = async (id: number) => (await town.get(`/api/rosters/households/${id}/handbook-check`)).json().parts[1].gaps.map((g: { item: string }) => g.item);
    expect(await items(ids[0]!)).not.toContain('帮扶措施');
    expect(await items(ids[2]!)).toContain('帮扶措施');
  });
});
