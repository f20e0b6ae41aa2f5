import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import type { TownshipWall, VillageWall } from '../../src/contract/wall';

const XINCHENG = '513431100000';

/**
 * 上墙图表 (issue 12). The document's 精准扶贫乡、村、户软件资料清单 lists for 乡级 “需上墙图表 … 2、全乡贫困村分布图;
 * 3、全乡贫困村脱贫规划图; 4、乡镇扶贫攻坚协调推进领导小组组织机构图; … 6、全乡贫困人口分布柱状图”, for 村级
 * “1、扶贫工作组织机构图(包括双联干部、驻村帮扶工作队人员、村干部) … 2、村级精准脱贫规划(2014年至脱贫年度)”.
 */
describe.each(dbKinds())('wall charts API on %s', (kind) => {
  let t: TestApp;
  let town: Client;
  let otherTown: Client;
  let otherVillage: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', regionCode: '513431000000' });
    const group = await t.org('新城镇扶贫攻坚协调推进领导小组', { parent: county, kind: '扶贫开发领导小组', level: '乡', regionCode: XINCHENG });
    const station = await t.org('新城镇双联扶贫工作站', { parent: group, kind: '乡镇扶贫工作站', level: '乡', regionCode: XINCHENG });
    const committee = await t.org('俄尔古取村两委', { parent: station, kind: '村两委', level: '村', regionCode: XINCHENG_VILLAGE });
    // The work team is sent by the county (another branch of the tree): still drawn in the village's chart.
    const team = await t.org('县农业局驻俄尔古取村工作队', { parent: county, kind: '驻村工作队', level: '村', regionCode: XINCHENG_VILLAGE });
    await t.org('新城镇委员组', { parent: group, kind: '委员组', level: '乡', regionCode: XINCHENG });
    await t.member(group, '吉克组长', { sector: '组长' });
    await t.member(team, '沙马队长', { sector: '队长' });
    await t.member(committee, '阿说书记', { sector: '村党支部书记' });
    town = await t.user(station, 'xincheng-station');
    otherTown = await t.user(await t.org('城北镇扶贫工作站', { parent: county, kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431101000' }), 'chengbei');
    const villages = (await t.services.regions.children(XINCHENG)).map((r) => r.code);
    otherVillage = villages.find((c) => c !== XINCHENG_VILLAGE)!;

    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    const put = (url: string, payload: unknown) => town.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
    expect((await put(`/api/registry/villages/${XINCHENG_VILLAGE}`, { poorVillage: true, identifiedYear: 2014, exited: false, version: null })).statusCode).toBe(200);
    expect((await put(`/api/registry/villages/${otherVillage}`, { poorVillage: true, identifiedYear: 2014, exited: true, exitYear: 2019, version: null })).statusCode).toBe(200);
    // 村级年度脱贫规划: 2019 two households (5 persons), 2020 one (3).
    expect((await put(`/api/registry/villages/${XINCHENG_VILLAGE}/years/2019`, { plannedHouseholds: 2, plannedPersons: 5 })).statusCode).toBe(200);
    expect((await put(`/api/registry/villages/${XINCHENG_VILLAGE}/years/2020`, { plannedHouseholds: 1, plannedPersons: 3 })).statusCode).toBe(200);

    const hh: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const persons = [member(`俄尔户主${i}`, idNumber('19800101', `30${i}`), '户主'), member(`俄尔配偶${i}`, idNumber('19820202', `40${i}`), '配偶')];
      ids.push(...persons.map((p) => p.idNumber));
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, `000${i}`, persons));
      expect(res.statusCode, res.body).toBe(201);
      hh.push(res.json().id);
    }
    const other = await town.post('/api/registry/households', householdBody(otherVillage, '0001', [member('邻村户主', idNumber('19790101', '501'), '户主')]));
    hh.push(other.json().id);
    // Household 3 exited in 2019 (2 persons).
    const h = (await town.request({ method: 'PUT', url: `/api/registry/households/${hh[2]}/incomes/2019`, payload: { wages: 20000 } })).json();
    expect((await t.admin.post(`/api/registry/households/${hh[2]}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version })).statusCode).toBe(200);

    // 双联干部: a helper of two households and a body's link to the village.
    const helper = await town.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567', regionCode: XINCHENG });
    expect(helper.statusCode, helper.body).toBe(201);
    for (const id of hh.slice(0, 2)) expect((await town.post(`/api/pairing/households/${id}/assignments`, { helperId: helper.json().id })).statusCode).toBe(201);
    const link = await t.admin.post('/api/pairing/leader-villages', { orgId: county.id, kind: '机关定点帮扶村', villageCode: XINCHENG_VILLAGE, fromOn: '2018-03-09' });
    expect(link.statusCode, link.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('gives the township its villages, its plan by year and its leading group with their people', async () => {
    const res = await town.get(`/api/wall/townships/${XINCHENG}`);
    expect(res.statusCode, res.body).toBe(200);
    const wall = res.json() as TownshipWall;
    expect(wall.region.name).toBe('新城镇');
    // 全乡贫困村分布图 / 全乡贫困人口分布柱状图: every village of the township, the two with households counted.
    expect(wall.villages.map((v) => v.code)).toEqual((await t.services.regions.children(XINCHENG)).map((r) => r.code));
    expect(wall.villages.find((v) => v.code === XINCHENG_VILLAGE)).toMatchObject({ standing: '贫困村', poorHouseholds: 2, poorPersons: 4, exitYear: null });
    expect(wall.villages.find((v) => v.code === otherVillage)).toMatchObject({ standing: '已出列', poorHouseholds: 1, poorPersons: 1, exitYear: 2019 });
    expect(wall.villages.filter((v) => v.standing === '非贫困村')).toHaveLength(wall.villages.length - 2);
    // 全乡贫困村脱贫规划图: planned 2019 2 households / 5 persons, actual 1 / 2 and one village out; 2020 planned 1 / 3.
    expect(wall.plan).toEqual([
      { year: 2019, plannedHouseholds: 2, plannedPersons: 5, actualHouseholds: 1, actualPersons: 2, exitedVillages: 1 },
      { year: 2020, plannedHouseholds: 1, plannedPersons: 3, actualHouseholds: 0, actualPersons: 0, exitedVillages: 0 },
    ]);
    // 领导小组组织机构图: the leading group over its station, with their people; the 委员组 is not drawn.
    expect(wall.offices.map((o) => [o.name, o.kind, o.parentId === null ? null : wall.offices.find((p) => p.id === o.parentId)?.name])).toEqual([
      ['新城镇扶贫攻坚协调推进领导小组', '扶贫开发领导小组', null],
      ['新城镇双联扶贫工作站', '乡镇扶贫工作站', '新城镇扶贫攻坚协调推进领导小组'],
    ]);
    expect(wall.offices[0]!.people).toEqual([{ name: '吉克组长', role: '组长' }]);
    expect(wall.offices[1]!.people.map((p) => p.name)).toEqual(['xincheng-station']);
  });

  it('gives the village its 双联干部, work team, 两委, plan and households', async () => {
    const res = await town.get(`/api/wall/villages/${XINCHENG_VILLAGE}`);
    expect(res.statusCode, res.body).toBe(200);
    const wall = res.json() as VillageWall;
    expect(wall).toMatchObject({ standing: '贫困村', poorHouseholds: 2, poorPersons: 4 });
    expect(wall.leaders).toEqual([{ kind: '机关定点帮扶村', holder: '昭觉县扶贫开发领导小组办公室', orgName: '昭觉县扶贫开发领导小组办公室' }]);
    expect(wall.helpers).toEqual([{ name: '李干部', unit: '新城镇人民政府', households: 2 }]);
    expect(wall.offices.map((o) => [o.kind, o.name, o.people])).toEqual([
      ['驻村工作队', '县农业局驻俄尔古取村工作队', [{ name: '沙马队长', role: '队长' }]],
      ['村两委', '俄尔古取村两委', [{ name: '阿说书记', role: '村党支部书记' }]],
    ]);
    expect(wall.plan.map((p) => [p.year, p.plannedPersons, p.actualPersons])).toEqual([
      [2019, 5, 2],
      [2020, 3, 0],
    ]);
    expect(wall.households.map((h) => [h.number, h.head, h.status])).toEqual([
      ['0001', '俄尔户主1', '未脱贫'],
      ['0002', '俄尔户主2', '未脱贫'],
      ['0003', '俄尔户主3', '已脱贫'],
    ]);
  });

  it('puts no ID number on a wall, not even masked', async () => {
    for (const url of [`/api/wall/townships/${XINCHENG}`, `/api/wall/villages/${XINCHENG_VILLAGE}`]) {
      for (const who of [town, t.admin]) {
        const body = (await who.get(url)).body;
        for (const id of ids) expect(body).not.toContain(id.slice(-4));
        expect(body).not.toMatch(/\d{4}\*{6,}/);
      }
    }
  });

  it('does not find another township or its village', async () => {
    for (const url of [`/api/wall/townships/${XINCHENG}`, `/api/wall/villages/${XINCHENG_VILLAGE}`]) {
      const res = await otherTown.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('俄尔');
      expect(res.body).not.toContain('新城镇');
    }
  });

  it('refuses a region of another level, naming it', async () => {
    const res = await town.get(`/api/wall/townships/${XINCHENG_VILLAGE}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不是乡镇级行政区划');
    expect((await town.get(`/api/wall/villages/${XINCHENG}`)).json().error.message).toContain('不是村级行政区划');
  });
});
