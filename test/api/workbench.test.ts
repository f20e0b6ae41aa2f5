import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/contract/workbench';
import type { Role } from '../../src/server/auth/access';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD, dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { householdCols, personCols, rosterWith } from '../support/roster';
import { upload, xlsxType } from '../support/route-calls';
import { readSheet } from '../support/xlsx';

/** A village of 安化县 (Hunan): another county, never in the 昭觉县 users' counts. */
const SANXING = '430923103233';
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };

/**
 * 工作台 (issue 11: “a to-do list with counts in the menu: procedure steps waiting at my level, notices ending today or
 * ended, assemblies to record, comparison hits to decide, households without a helper, exited households not visited
 * this half-year, quality findings, scores due in my rounds, failed or finished import jobs”): each count is the owning
 * feature's own answer for the same user, a to-do the role has no permission for is absent, and another county's
 * records are never counted.
 */
describe.each(dbKinds())('workbench on %s', (kind) => {
  let t: TestApp;
  const clock = new Date('2020-06-20T10:00:00+08:00');
  const setDay = (iso: string) => clock.setTime(Date.parse(`${iso}T10:00:00+08:00`));
  const as = {} as Record<'admin' | 'county' | 'town' | 'village' | 'farVillage' | 'assessor' | 'manager', Client>;
  const ids: Record<string, number> = {};
  const procedures: Record<string, number> = {};
  let roundId: number;

  const workbench = async (c: Client): Promise<Workbench> => {
    const res = await c.get('/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const todo = (w: Workbench, key: string) => w.todos.find((x) => x.key === key);
  const list = async (c: Client, url: string): Promise<{ total: number; items: Array<{ id: number }> }> => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  async function account(org: OrgRow, username: string, role: Role) {
    ids[username] = await t.services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id });
  }
  const login = (username: string) => t.login(username, 'password-123');

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    const county = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', level: '县', regionCode: '513431000000' });
    const town = await t.org('新城镇双联扶贫工作站', { parent: county, kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431100000' });
    const village = await t.org('俄尔古取村村两委', { parent: town, kind: '村两委', level: '村', regionCode: XINCHENG_VILLAGE });
    const far = await t.org('三星村村两委', { kind: '村两委', level: '村', regionCode: SANXING });
    const exam = await t.org('昭觉县考核办', { parent: county, kind: '机关', level: '县', regionCode: '513431000000' });
    await account(county, 'wb-county', 'county_clerk');
    await account(town, 'wb-town', 'township_reviewer');
    await account(village, 'wb-village', 'village_clerk');
    await account(far, 'wb-far-village', 'village_clerk');
    await account(exam, 'wb-assessor', 'assessor');
    await account(county, 'wb-manager', 'org_admin');

    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    const households: Array<[string, string, string, string, string]> = [
      ['p1', XINCHENG_VILLAGE, '0001', '19800101', '001'],
      ['p2', XINCHENG_VILLAGE, '0002', '19810101', '003'],
      ['p3', CHENGBEI_VILLAGE, '0001', '19820101', '005'],
      ['p4', XINCHENG_VILLAGE, '0003', '19840101', '009'],
      ['far', SANXING, '0001', '19830101', '007'],
    ];
    const household: Record<string, number> = {};
    for (const [key, code, number, birth, seq] of households) {
      const res = await t.admin.post('/api/registry/households', householdBody(code, number, [member(`户主${code.slice(-3)}${number}`, idNumber(birth, seq, code.slice(0, 6)), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      household[key] = res.json().id;
      await t.admin.request({ method: 'PUT', url: `/api/registry/households/${res.json().id}/incomes/2020`, payload: { wages: 9000 } });
    }
    const versions: Record<string, number> = {};
    const start = async (key: string) => {
      const res = await t.admin.post('/api/procedures', { kind: 'exit', householdId: household[key], year: 2020 });
      expect(res.statusCode, res.body).toBe(201);
      procedures[key] = res.json().id;
      versions[key] = res.json().version;
    };
    const pass = async (key: string, step: number, record: Record<string, unknown>) => {
      const res = await t.admin.post(`/api/procedures/${procedures[key]}/actions`, { version: versions[key], type: 'pass', step, record });
      expect(res.statusCode, res.body).toBe(200);
      versions[key] = res.json().version;
    };
    // 2020-06-20: three exits pass 村两委民主评议 and 核实 — their 村内公示 (7 days) opens that day.
    for (const key of ['p1', 'p2', 'p3']) {
      await start(key);
      await pass(key, 0, { assembly: quorum });
      await pass(key, 1, { confirmedBy: '户主本人' });
    }
    // 2020-06-27: p2 (新城镇) and p3 (城北乡) pass their notice; 乡镇审核并公示 opens at the township.
    setDay('2020-06-27');
    t.admin = await t.login('admin', ADMIN_PASSWORD);
    for (const key of ['p2', 'p3']) await pass(key, 2, { notice: { from: '2020-06-20', objections: '' } });
    // 2020-06-30 (today): p4 starts — 村两委民主评议 (an assembly) waits; and an exit in the other county.
    setDay('2020-06-30');
    t.admin = await t.login('admin', ADMIN_PASSWORD);
    await start('p4');
    await start('far');

    as.admin = t.admin;
    as.county = await login('wb-county');
    as.town = await login('wb-town');
    as.village = await login('wb-village');
    as.farVillage = await login('wb-far-village');
    as.assessor = await login('wb-assessor');
    as.manager = await login('wb-manager');

    const schemeId = (await as.manager.get('/api/assessment/schemes')).json().find((s: { code: string }) => s.code === 'guangdong-2019-aided').id;
    const round = async (name: string) => {
      const res = await as.manager.post('/api/assessment/rounds', { schemeId, name, year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }, { unitKey: 'c2', name: '潮州', kind: 'city' }] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    roundId = await round('2019年度交叉考核（第一组）');
    await round('2019年度交叉考核（第二组）');
    const named = await as.manager.request({ method: 'PUT', url: `/api/assessment/rounds/${roundId}/assessors`, payload: { userIds: [ids['wb-assessor']] } });
    expect(named.statusCode, named.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('lists the to-dos in the issue’s order, each with its own permission', async () => {
    const w = await workbench(as.admin);
    expect(w.todos.map((x) => x.key)).toEqual(['procedureSteps', 'notices', 'assemblies', 'compareHits', 'withoutHelper', 'missingVisits', 'qualityFindings', 'scores', 'importJobs', 'reports', 'changeRequests', 'returnedChanges', 'returnRisks']);
    expect(todo(w, 'reports')).toMatchObject({ count: 0, link: '/registry/reports', permission: 'reports.approve' });
    expect(todo(w, 'withoutHelper')!.count).toBe((await list(as.admin, '/api/pairing/households-without-helper')).total);
    // The notices and assemblies are steps waiting too: counted once in the menu's total.
    expect(todo(w, 'notices')).toMatchObject({ partOf: 'procedureSteps', link: '/procedures?waiting=notices' });
    expect(todo(w, 'procedureSteps')!.partOf).toBeUndefined();
    // Nothing waits at the level above the province.
    expect(todo(w, 'procedureSteps')!.count).toBe(0);
  });

  // Seed 004: 村两委民主评议 … 村内公示 (村), 乡镇审核并公示 (乡) — each step waits at its office's level.
  it('counts for a village clerk the village’s steps, its notice run out and its assembly, never another county’s', async () => {
    const w = await workbench(as.village);
    expect(todo(w, 'procedureSteps')).toMatchObject({ count: 2, link: '/procedures?waiting=steps', permission: 'procedures.handle' });
    // p1's 村内公示 opened 2020-06-20: 7 days end 2020-06-26, before today; p4's 村两委民主评议 records an assembly.
    expect(todo(w, 'notices')!.count).toBe(1);
    expect(todo(w, 'assemblies')!.count).toBe(1);
    const steps = await list(as.village, '/api/procedures?waiting=steps');
    expect(steps.items.map((p) => p.id).sort()).toEqual([procedures.p1, procedures.p4].sort());
    expect((await list(as.village, '/api/procedures?waiting=notices')).items.map((p) => p.id)).toEqual([procedures.p1]);
    expect((await list(as.village, '/api/procedures?waiting=assemblies')).items.map((p) => p.id)).toEqual([procedures.p4]);
    // Issue 11: “lists lack export (… 程序办理 …)” — the list's export, with the same filter, holds the same procedures.
    const exported = await readSheet((await as.village.get('/api/procedures/export.xlsx?waiting=steps')).rawPayload, '程序');
    expect(exported[0]!.slice(0, 3)).toEqual(['编号', '程序', '办理对象']);
    expect(exported.slice(1).map((r) => Number(r[0])).sort()).toEqual([procedures.p1, procedures.p4].sort());
    // No pairing.manage, no assessment.score: those to-dos are absent.
    expect(todo(w, 'withoutHelper')).toBeUndefined();
    expect(todo(w, 'scores')).toBeUndefined();
    expect(todo(w, 'missingVisits')!.count).toBe((await list(as.village, '/api/pairing/visits/missing')).total);
    expect(todo(w, 'compareHits')).toMatchObject({ count: 0, link: '/compare' });

    // The other county's village clerk: only its own exit.
    const far = await workbench(as.farVillage);
    expect([todo(far, 'procedureSteps')!.count, todo(far, 'notices')!.count, todo(far, 'assemblies')!.count]).toEqual([1, 0, 1]);
    expect((await list(as.farVillage, '/api/procedures?waiting=steps')).items.map((p) => p.id)).toEqual([procedures.far]);
  });

  it('counts for a township its own township’s step (its notice not yet run out), and nothing at the county', async () => {
    const w = await workbench(as.town);
    // p2's 乡镇审核并公示 opened 2020-06-27: a notice from then ends 2020-07-03. p3 is 城北乡's, not 新城镇's.
    expect([todo(w, 'procedureSteps')!.count, todo(w, 'notices')!.count, todo(w, 'assemblies')!.count]).toEqual([1, 0, 0]);
    expect((await list(as.town, '/api/procedures?waiting=steps')).items.map((p) => p.id)).toEqual([procedures.p2]);
    const c = await workbench(as.county);
    expect(todo(c, 'procedureSteps')!.count).toBe(0);
    expect((await list(as.county, '/api/procedures?waiting=steps')).total).toBe(0);
    expect(todo(c, 'withoutHelper')!.count).toBe(4);
    expect(todo(c, 'withoutHelper')!.count).toBe((await list(as.county, '/api/pairing/households-without-helper')).total);
    expect(todo(c, 'scores')).toBeUndefined();
  });

  // Issue 11: 考核员 “scores the units of their round”; the to-do is the grid's empty cells of the rounds naming them.
  it('counts an assessor’s scores due in the open rounds naming them only', async () => {
    const round = (await as.assessor.get(`/api/assessment/rounds/${roundId}`)).json();
    expect(round.missingCount).toBeGreaterThan(0);
    expect(todo(await workbench(as.assessor), 'scores')).toMatchObject({ count: round.missingCount, link: '/assessment', permission: 'assessment.score' });
    const saved = await as.assessor.request({ method: 'PUT', url: `/api/assessment/rounds/${roundId}/scores`, payload: { entries: [{ unitKey: 'c1', methodKey: 'cross', indicatorKey: 'leaders', entry: { grade: '好' } }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(todo(await workbench(as.assessor), 'scores')!.count).toBe(round.missingCount - 1);
  });

  it('counts a user’s own finished import jobs until they read them', async () => {
    const bad = await rosterWith([{ ...householdCols('0009'), ...personCols('导入户主', '513431198001010000', '户主') }]);
    const res = await upload(as.village, 'POST', '/api/registry/roster/import-jobs', { content: bad, name: '花名册.xlsx', type: xlsxType });
    expect(res.statusCode, res.body).toBe(202);
    let count = 0;
    for (let i = 0; i < 100 && count === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      count = todo(await workbench(as.village), 'importJobs')!.count;
    }
    expect(count).toBe(1);
    expect(todo(await workbench(as.county), 'importJobs')!.count).toBe(0);
    const job = (await as.village.get(`/api/registry/roster/import-jobs/${res.json().jobId}`)).json();
    expect(job.status).toBe('failed');
    expect(todo(await workbench(as.village), 'importJobs')).toMatchObject({ count: 0, link: '/registry/import' });
  });

  // Seed 000: each member records what they did (“政协委员个人参与脱贫攻坚工作的相关事项录入…电子台账”).
  it('reminds a member with no entry this year, and only a member; an entry of the year ends the reminder', async () => {
    const body = await t.org('昭觉县政协第一委员组', { kind: '委员组', level: '县', regionCode: '513431000000' });
    const m = await t.member(body, '吉克委员');
    const memberUser = await t.user(body, 'wb-member', 'member', m.id);
    expect(todo(await workbench(memberUser), 'memberEntries')).toMatchObject({ count: 1, link: '/ledger/new', permission: 'ledger.write' });
    // An administrator holds ledger.write too, but records no deeds of their own: no reminder.
    expect(todo(await workbench(as.manager), 'memberEntries')).toBeUndefined();
    const entry = await memberUser.post('/api/ledger/entries', entryBody(body.id, { memberIds: [m.id], startYear: 2020 }));
    expect(entry.statusCode, entry.body).toBe(201);
    expect(todo(await workbench(memberUser), 'memberEntries')!.count).toBe(0);
  });

  it('moves a step off the to-do as soon as it is acted on', async () => {
    const before = await workbench(as.village);
    expect(todo(before, 'assemblies')!.count).toBe(1);
    const p4 = (await as.village.get(`/api/procedures/${procedures.p4}`)).json();
    const passed = await as.village.post(`/api/procedures/${procedures.p4}/actions`, { version: p4.version, type: 'pass', step: 0, record: { assembly: quorum } });
    expect(passed.statusCode, passed.body).toBe(200);
    // 核实、拟退出户认可 still waits at the village; the assembly is recorded.
    const after = await workbench(as.village);
    expect([todo(after, 'procedureSteps')!.count, todo(after, 'assemblies')!.count]).toEqual([2, 0]);
  });
});
