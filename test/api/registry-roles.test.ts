import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD, dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { multipart, readSheet } from '../support/xlsx';

const VILLAGE = XINCHENG_VILLAGE;
const household = (village: string, number: string, persons: unknown[]) => householdBody(village, number, persons, { identifiedYear: 2016 });
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };
const HEAD_A = idNumber('19800101', '031');
const HEAD_B = idNumber('19810101', '042');
const APPLICANT = idNumber('19900101', '053');
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

/**
 * Issue 11: the offices that do the registry's work get roles of their own — 村级信息员, 乡镇审核员, 县级扶贫办业务员,
 * 帮扶责任人 (“sees and visits their own households only”) and 领导查阅 (“read-only”) — and “the procedure step levels
 * follow the office level”.
 */
describe.each(dbKinds())('registry and procedures by role on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let villageClerk: Client;
  let townReviewer: Client;
  let countyClerk: Client;
  let leader: Client;
  let helper: Client;
  let householdA: number;
  let householdB: number;
  let helperId: number;
  const clock = new Date(TEST_NOW);
  const users: Array<[string, (c: Client) => void]> = [];
  /** Moves the clock (sessions expire with it: everyone logs in again). */
  const setDay = async (iso: string) => {
    clock.setTime(Date.parse(`${iso}T10:00:00+08:00`));
    admin = await t.login('admin', ADMIN_PASSWORD);
    for (const [name, set] of users) set(await t.login(name, 'password-123'));
  };

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    admin = t.admin;
    const countyOrg = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const villageOrg = await t.org('新城村村两委', { parent: townOrg, kind: '扶贫办', level: '村', regionCode: VILLAGE });
    villageClerk = await t.user(villageOrg, 'cunji', 'village_clerk');
    townReviewer = await t.user(townOrg, 'xiangzhen', 'township_reviewer');
    countyClerk = await t.user(countyOrg, 'xianji', 'county_clerk');
    leader = await t.user(countyOrg, 'lingdao', 'leader');
    users.push(['cunji', (c) => (villageClerk = c)], ['xiangzhen', (c) => (townReviewer = c)], ['xianji', (c) => (countyClerk = c)], ['lingdao', (c) => (leader = c)], ['bangfu', (c) => (helper = c)]);
    await admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });

    // Two households of the village; the 帮扶责任人 holds the first (seed 004: 每名帮扶联系人所联系的贫困家庭一般不超过3户).
    const a = await villageClerk.post('/api/registry/households', household(VILLAGE, '0001', [member('吉克阿呷', HEAD_A, '户主')]));
    expect(a.statusCode, a.body).toBe(201);
    householdA = a.json().id;
    const b = await villageClerk.post('/api/registry/households', household(VILLAGE, '0002', [member('阿说阿果', HEAD_B, '户主')]));
    expect(b.statusCode, b.body).toBe(201);
    householdB = b.json().id;
    const h = await admin.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', regionCode: '513431100000' });
    expect(h.statusCode, h.body).toBe(201);
    helperId = h.json().id;
    const assigned = await admin.post(`/api/pairing/households/${householdA}/assignments`, { helperId, fromOn: '2020-01-01' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    // A 帮扶责任人's account is linked to their helper record (issue 11).
    await t.services.auth.insertUserUnchecked({ username: 'bangfu', displayName: '李干部', password: 'password-123', role: 'helper', orgId: townOrg.id, memberId: null });
    await t.database.query(`update users set helper_id = ${helperId} where username = 'bangfu'`);
    helper = await t.login('bangfu', 'password-123');
  });
  afterAll(async () => t?.close());

  // Issue 11: 村级信息员 — seed 004: “村级对已确定的贫困户进行入户信息采集，填写贫困户登记表，并录入系统”.
  it('lets a village clerk maintain the households and profile of their own village, and nothing outside it', async () => {
    const h = (await villageClerk.get(`/api/registry/households/${householdA}`)).json();
    expect(h.persons[0].idNumber).toBe(HEAD_A);
    // Issue 11: a village clerk's change of a household's facts or income waits for the township's approval (202,
    // test/api/change-requests.test.ts); it is accepted here, nothing applied yet.
    expect((await villageClerk.request({ method: 'PUT', url: `/api/registry/households/${householdA}/incomes/2020`, payload: { wages: 2000 } })).statusCode).toBe(202);
    const patched = await villageClerk.patch(`/api/registry/households/${householdA}`, { version: h.version, mainCause: '缺资金' });
    expect(patched.statusCode, patched.body).toBe(202);
    const profile = await villageClerk.request({ method: 'PUT', url: `/api/registry/villages/${VILLAGE}`, payload: { poorVillage: true, identifiedYear: 2014, exited: false, version: null } });
    expect(profile.statusCode, profile.body).toBe(200);
    // Another township's village is outside the office's region.
    expect((await villageClerk.post('/api/registry/households', household(CHENGBEI_VILLAGE, '0001', [member('越权户主', idNumber('19850505', '064'), '户主')]))).statusCode).toBe(403);
    expect((await villageClerk.request({ method: 'PUT', url: `/api/registry/villages/${CHENGBEI_VILLAGE}/years/2019`, payload: { collectiveIncome: 1 } })).statusCode).toBe(403);
    // What only a system administrator does: a poverty line, a direct status correction, a procedure definition.
    expect((await villageClerk.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 1 } })).json().error.message).toBe('此操作需要“维护贫困标准（扶贫标准线）”权限');
    expect((await villageClerk.post(`/api/registry/households/${householdA}/status`, { status: '清退', reason: '越权', version: h.version + 1 })).statusCode).toBe(403);
    expect((await villageClerk.request({ method: 'PUT', url: '/api/procedures/definitions/removal', payload: { regionPrefix: '51', steps: [] } })).statusCode).toBe(403);
  });

  // Issue 11: 乡镇审核员 (本乡镇的审核、帮扶和数据维护) and 县级扶贫办业务员 (全县建档立卡) work on the registry below their
  // office and see ID numbers in full.
  it('lets the township reviewer and the county clerk maintain the households below their office', async () => {
    for (const c of [townReviewer, countyClerk]) {
      const h = await c.get(`/api/registry/households/${householdB}`);
      expect(h.json().persons[0].idNumber).toBe(HEAD_B);
      expect((await c.request({ method: 'PUT', url: `/api/registry/households/${householdB}/incomes/2019`, payload: { wages: 1500 } })).statusCode).toBe(200);
    }
    expect((await townReviewer.post('/api/registry/households', household(CHENGBEI_VILLAGE, '0001', [member('越权户主', idNumber('19850505', '064'), '户主')]))).statusCode).toBe(403);
    expect((await countyClerk.post(`/api/registry/households/${householdB}/status`, { status: '清退', reason: '越权', version: 1 })).json().error.message).toBe('此操作需要“数据更正：直接变更贫困户状态”权限');
  });

  // Issue 11: 领导查阅 “(read-only)”; its ID numbers masked (roles.ts: 身份证号脱敏).
  it('lets a leader read everything in scope with ID numbers masked, and refuses every write', async () => {
    const h = await leader.get(`/api/registry/households/${householdA}`);
    expect(h.statusCode).toBe(200);
    expect(h.json().persons[0].idNumber).toBe(masked(HEAD_A));
    expect((await leader.get('/api/registry/households?q=')).json().total).toBe(2);
    expect((await leader.get(`/api/registry/villages/${VILLAGE}`)).statusCode).toBe(200);
    expect((await leader.get('/api/registry/statistics')).statusCode).toBe(200);
    expect((await leader.get('/api/procedures')).statusCode).toBe(200);
    const writes = [
      await leader.post('/api/registry/households', household(VILLAGE, '0009', [member('领导户主', idNumber('19850505', '075'), '户主')])),
      await leader.patch(`/api/registry/households/${householdA}`, { version: h.json().version, mainCause: '因病' }),
      await leader.request({ method: 'PUT', url: `/api/registry/households/${householdA}/incomes/2020`, payload: { wages: 1 } }),
      await leader.request({ method: 'PUT', url: `/api/registry/villages/${VILLAGE}/years/2019`, payload: { collectiveIncome: 1 } }),
      await leader.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(Buffer.from('x')) }),
      await leader.post('/api/procedures', { kind: 'removal', householdId: householdB }),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(writes[0]!.json().error.message).toBe('此操作需要“维护村情、户情、家庭成员和收入，导入花名册”权限');
  });

  // Issue 11: 帮扶责任人 “sees and visits their own households only”.
  it('shows a helper only the households they hold today; any other is not found', async () => {
    const own = await helper.get(`/api/registry/households/${householdA}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().persons[0].idNumber).toBe(masked(HEAD_A));
    const other = await helper.get(`/api/registry/households/${householdB}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe(`贫困户不存在（编号 ${householdB}）`);
    const found = (await helper.get('/api/registry/households?q=')).json();
    expect(found.items.map((x: { id: number }) => x.id)).toEqual([householdA]);
    expect(found.total).toBe(1);
    expect((await helper.get(`/api/registry/households?q=${encodeURIComponent('阿说阿果')}`)).json().total).toBe(0);
    // The exports too: the roster and the village's 一览表 hold only the helper's household.
    const roster = await readSheet((await helper.get('/api/registry/roster/export.xlsx')).rawPayload, '花名册');
    expect(roster.slice(1).map((r) => r[2])).toEqual(['0001']);
    // Issue 11: “lists lack export (查找贫困户 …)” — the list's export holds what the list shows, and only that.
    const list = await readSheet((await helper.get('/api/registry/households/export.xlsx')).rawPayload, '贫困户');
    expect(list[0]).toEqual(['所在村', '村级区划代码', '户编号', '户主', '家庭人口', '贫困户属性', '主要致贫原因', '状态', '状态年度']);
    expect(list.slice(1).map((r) => r[2])).toEqual(['0001']);
    const overview = await helper.get(`/api/registry/villages/${VILLAGE}/overview.xlsx`);
    expect(overview.statusCode).toBe(200);
    expect(overview.rawPayload.includes(Buffer.from('阿说阿果'))).toBe(false);
    // No writes, and no procedures.
    expect((await helper.patch(`/api/registry/households/${householdA}`, { version: own.json().version, mainCause: '因病' })).statusCode).toBe(403);
    expect((await helper.get('/api/procedures')).statusCode).toBe(403);
  });

  it('drops a household from the helper’s view once the pairing ends', async () => {
    const pairing = (await admin.get(`/api/pairing/households/${householdA}`)).json();
    const current = pairing.assignments.find((x: { toOn: string | null }) => x.toOn === null);
    const ended = await admin.post(`/api/pairing/assignments/${current.id}/end`, { toOn: '2020-06-30', reason: '调整帮扶责任人' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await helper.get(`/api/registry/households/${householdA}`)).statusCode).toBe(404);
    expect((await helper.get('/api/registry/households?q=')).json().total).toBe(0);
  });

  // Seed 004: “农户申请、村民小组评议、县级比对、村民代表大会评议公示、乡镇审核公示、县级审定公告……村级对已确定的贫困户进行
  // 入户信息采集……并录入系统”; issue 11: “the procedure step levels follow the office level”.
  it('walks a new identification through the village, township and county offices, each passing its own steps', async () => {
    const applicant = household(VILLAGE, '0003', [member('沙马拉且', APPLICANT, '户主')]);
    const started = await villageClerk.post('/api/procedures', { kind: 'identification', applicant });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    expect(p.userLevel).toBe('村');
    const act = (who: Client, body: Record<string, unknown>) => who.post(`/api/procedures/${p.id}/actions`, { version: p.version, ...body });
    const ok = async (who: Client, body: Record<string, unknown>) => {
      const res = await act(who, body);
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    };
    const refusal = async (who: Client, body: Record<string, unknown>) => {
      const res = await act(who, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields[0].message as string;
    };
    await ok(villageClerk, { type: 'pass', step: 0, record: {} });
    await ok(villageClerk, { type: 'pass', step: 1, record: { assembly: quorum } });
    // 县级比对 is the county's: the village and the township cannot pass it.
    expect(await refusal(villageClerk, { type: 'pass', step: 2, record: {} })).toBe('“县级比对”应由县级及以上办理');
    expect(await refusal(townReviewer, { type: 'pass', step: 2, record: {} })).toBe('“县级比对”应由县级及以上办理');
    const csv = Buffer.from(`姓名,身份证号,车辆类型\n某某,${idNumber('19700101', '086')},小型轿车\n`);
    const list = await admin.request({ method: 'POST', url: `/api/compare/lists?${new URLSearchParams({ name: '机动车登记', department: '车辆' })}`, ...multipart(csv, 'vehicles.csv') });
    expect(list.statusCode, list.body).toBe(201);
    expect((await admin.post(`/api/compare/procedures/${p.id}/runs`, { listIds: [list.json().list.id] })).statusCode).toBe(201);
    p = (await countyClerk.get(`/api/procedures/${p.id}`)).json();
    await ok(countyClerk, { type: 'pass', step: 2, record: {} });
    // 村民代表大会评议公示: the village's, after its 7 days.
    await setDay('2020-07-07');
    await ok(villageClerk, { type: 'pass', step: 3, record: { assembly: quorum, notice: { from: '2020-06-30' } } });
    // 乡镇审核公示: the township's; the village cannot.
    await setDay('2020-07-14');
    expect(await refusal(villageClerk, { type: 'pass', step: 4, record: { notice: { from: '2020-07-07' } } })).toBe('“乡镇审核并公示”应由乡级及以上办理');
    await ok(townReviewer, { type: 'pass', step: 4, record: { notice: { from: '2020-07-07' } } });
    // 县级审定公告: the county's; the township cannot, a leader may not act at all.
    expect(await refusal(townReviewer, { type: 'pass', step: 5, record: {} })).toBe('“县级审定并公告”应由县级及以上办理');
    expect((await act(leader, { type: 'pass', step: 5, record: {} })).statusCode).toBe(403);
    await ok(countyClerk, { type: 'pass', step: 5, record: {} });
    // 入户采集录入: the village enters the household.
    await ok(villageClerk, { type: 'pass', step: 6, record: {} });
    expect(p.state).toBe('completed');
    expect(p.events.map((e: { stepKey: string; outcome: string; userLevel: string; userRole: string }) => `${e.stepKey}:${e.outcome}:${e.userLevel}:${e.userRole}`)).toEqual([
      'application:start:村:village_clerk',
      'application:pass:村:village_clerk',
      'group_review:pass:村:village_clerk',
      'county_comparison:pass:县:county_clerk',
      'village_assembly:pass:村:village_clerk',
      'township_review:pass:乡:township_reviewer',
      'county_decision:pass:县:county_clerk',
      'data_entry:pass:村:village_clerk',
    ]);
    const entered = await villageClerk.get(`/api/registry/households/${p.householdId}`);
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({ number: '0003', status: '未脱贫' });
    expect(entered.json().persons[0].idNumber).toBe(APPLICANT);
  });
});
