import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../src/contract/notifications';
import type { Role } from '../../src/server/auth/access';
import type { OrgRow } from '../../src/server/orgs/repo';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { upload } from '../support/route-calls';

/** A village of 安化县 (Hunan): another county, whose users are never told of 昭觉县's records. */
const SANXING = '430923103233';
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };

/**
 * Issue 11: “In-app notifications (a bell with unread count) when something lands on my list.” A procedure step that
 * opens at a level tells the accounts of that level whose office covers the village (procedures.handle), an assignment
 * tells the helper's own account, a round naming an assessor tells that assessor — nobody else, and never the actor;
 * each user reads and marks only their own.
 */
describe.each(dbKinds())('notifications on %s', (kind) => {
  let t: TestApp;
  const as = {} as Record<'county' | 'town' | 'village' | 'village2' | 'farVillage' | 'helper' | 'assessor' | 'otherAssessor' | 'manager', Client>;
  const ids: Record<string, number> = {};

  const bell = async (c: Client, query = ''): Promise<NotificationPage> => {
    const res = await c.get(`/api/notifications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  async function account(org: OrgRow, username: string, role: Role): Promise<Client> {
    ids[username] = await t.services.auth.insertUserUnchecked({ username, displayName: username, password: 'password-123', role, orgId: org.id });
    return t.login(username, 'password-123');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', level: '县', regionCode: '513431000000' });
    const town = await t.org('新城镇双联扶贫工作站', { parent: county, kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431100000' });
    const village = await t.org('俄尔古取村村两委', { parent: town, kind: '村两委', level: '村', regionCode: XINCHENG_VILLAGE });
    const far = await t.org('三星村村两委', { kind: '村两委', level: '村', regionCode: SANXING });
    const exam = await t.org('昭觉县考核办', { parent: county, kind: '机关', level: '县', regionCode: '513431000000' });
    as.county = await account(county, 'n-county', 'county_clerk');
    as.town = await account(town, 'n-town', 'township_reviewer');
    as.village = await account(village, 'n-village', 'village_clerk');
    as.village2 = await account(village, 'n-village2', 'village_clerk');
    as.farVillage = await account(far, 'n-far-village', 'village_clerk');
    as.helper = await account(town, 'n-helper', 'helper');
    as.assessor = await account(exam, 'n-assessor', 'assessor');
    as.otherAssessor = await account(exam, 'n-assessor2', 'assessor');
    as.manager = await account(county, 'n-manager', 'org_admin');
  });
  afterAll(async () => t?.close());

  it('a procedure step that opens tells the accounts of its level covering the village, and no one of another county', async () => {
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    const h = await t.admin.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0001', [member('吉克阿呷', idNumber('19800101', '001'), '户主')]));
    expect(h.statusCode, h.body).toBe(201);
    await t.admin.request({ method: 'PUT', url: `/api/registry/households/${h.json().id}/incomes/2020`, payload: { wages: 9000 } });
    // The county clerk starts an exit: its first step (村两委民主评议) waits at the village.
    const started = await as.county.post('/api/procedures', { kind: 'exit', householdId: h.json().id, year: 2020 });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    const link = `/procedures/${p.id}`;
    for (const c of [as.village, as.village2]) {
      const b = await bell(c);
      expect(b.unread).toBe(1);
      expect(b.items[0]).toMatchObject({ kind: 'procedureStep', link, readAt: null, title: expect.stringContaining('“村两委民主评议”待村级办理') });
    }
    // Not the actor, not another level, not another county's village, not a role without procedures.handle.
    for (const c of [as.county, as.town, as.farVillage, as.helper, as.assessor]) expect((await bell(c)).total).toBe(0);

    // The village passes its two steps: the second village step tells the other village clerk, not the one acting.
    const pass = async (c: Client, step: number, record: Record<string, unknown>) => {
      const res = await c.post(`/api/procedures/${p.id}/actions`, { version: p.version, type: 'pass', step, record });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    };
    await pass(as.village, 0, { assembly: quorum });
    expect((await bell(as.village)).unread).toBe(1);
    expect((await bell(as.village2)).unread).toBe(2);
    expect((await bell(as.town)).total).toBe(0);
  });

  it('an assignment tells the helper’s own account, and only that one', async () => {
    const helper = await as.county.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '干部', phone: '0834-1234567', regionCode: '513431100000' });
    expect(helper.statusCode, helper.body).toBe(201);
    // The user-create API does not take helperId yet: the account is linked to its helper record in the database.
    await t.database.query('update users set helper_id = $1 where username = $2', [helper.json().id, 'n-helper']);
    const h = await t.admin.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0002', [member('沙马阿木', idNumber('19810101', '003'), '户主')]));
    const assigned = await as.county.post(`/api/pairing/households/${h.json().id}/assignments`, { helperId: helper.json().id, fromOn: '2020-01-02' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const b = await bell(as.helper);
    expect(b.unread).toBe(1);
    expect(b.items[0]).toMatchObject({ kind: 'assignment', link: `/registry/households/${h.json().id}`, title: '您被确定为一户贫困户的帮扶责任人（自 2020-01-02 起）' });
    expect((await bell(as.county)).total).toBe(0);
    expect((await bell(as.town)).total).toBe(0);
  });

  it('a round naming an assessor tells that assessor once, not the unnamed one', async () => {
    const schemeId = (await as.manager.get('/api/assessment/schemes')).json().find((s: { code: string }) => s.code === 'guangdong-2019-aided').id;
    const round = await as.manager.post('/api/assessment/rounds', { schemeId, name: '2019年度交叉考核', year: 2019, units: [{ unitKey: 'c1', name: '汕头', kind: 'city' }] });
    expect(round.statusCode, round.body).toBe(201);
    const put = (userIds: number[]) => as.manager.request({ method: 'PUT', url: `/api/assessment/rounds/${round.json().id}/assessors`, payload: { userIds } });
    expect((await put([ids['n-assessor']!])).statusCode).toBe(200);
    // Named again with another: only the newly named one is told.
    expect((await put([ids['n-assessor']!, ids['n-assessor2']!])).statusCode).toBe(200);
    const b = await bell(as.assessor);
    expect(b.items).toHaveLength(1);
    expect(b.items[0]).toMatchObject({ kind: 'assessor', title: '您被指定为“2019年度交叉考核”的考核员', link: `/assessment/rounds/${round.json().id}` });
    expect((await bell(as.otherAssessor)).items).toHaveLength(1);
    expect((await bell(as.manager)).total).toBe(0);
  });

  it('each user marks their own read, one or all; another user’s is not there', async () => {
    const mine = await bell(as.village2);
    expect(mine.unread).toBe(2);
    const first = mine.items[0]!;
    // Someone else's notification: 404, and it stays unread.
    expect((await as.village.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await bell(as.village2)).unread).toBe(2);
    expect((await as.village2.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(204);
    const after = await bell(as.village2);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === first.id)!.readAt).not.toBeNull();
    expect((await bell(as.village2, '?unread=1')).items.map((n) => n.id)).not.toContain(first.id);
    const all = await as.village2.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 1 });
    expect((await bell(as.village2)).unread).toBe(0);
    // The other village clerk's bell is untouched.
    expect((await bell(as.village)).unread).toBe(1);
  });

  // Seed 004: 一比对 hits go back to the village for 评议 — the accounts deciding them (compare.decide) over a village with hits are told.
  it('a comparison run with hits tells the deciders covering a village with hits, not the other county nor the one who ran it', async () => {
    const csv = Buffer.from(`姓名,公民身份号码\n吉克阿呷,${idNumber('19800101', '001')}\n`);
    const list = await upload(as.county, 'POST', `/api/compare/lists?name=${encodeURIComponent('车辆登记名单')}&department=${encodeURIComponent('车辆')}`, { content: csv, name: '车辆.csv', type: 'text/csv' });
    expect(list.statusCode, list.body).toBe(201);
    const run = await as.county.post('/api/compare/runs', { listIds: [list.json().list.id] });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().hits).toBe(1);
    for (const c of [as.village, as.village2, as.town, as.manager]) {
      const b = await bell(c);
      expect(b.items[0]).toMatchObject({ kind: 'compareHits', link: `/compare/runs/${run.json().id}`, readAt: null });
    }
    for (const c of [as.county, as.farVillage, as.helper, as.assessor]) expect((await bell(c)).items.filter((n) => n.kind === 'compareHits')).toEqual([]);
  });
});
