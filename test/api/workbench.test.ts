import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/contract/workbench';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

/** A village of 安化县 (Hunan): another county, never in the 昭觉县 users' counts. */
const SANXING = '430923103233';

/**
 * 工作台 (issue 11: “Workbench (工作台) as the home page of every role: key figures for the user's scope … and a to-do
 * list with counts”): each count is the owning feature's own answer for the same user, a to-do the role has no
 * permission for is absent, and another county's records are never counted.
 */
describe.each(dbKinds())('workbench on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let village: Client;

  const workbench = async (c: Client): Promise<Workbench> => {
    const res = await c.get('/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const todo = (w: Workbench, key: string) => w.todos.find((x) => x.key === key);
  const total = async (c: Client, url: string): Promise<number> => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Offices down to the village, made through the API as an administrator would.
    const office = await t.admin.post('/api/orgs', { parentId: t.root.id, name: '昭觉县扶贫开发领导小组办公室', kind: '扶贫办', level: '县', regionCode: '513431000000' });
    const station = await t.admin.post('/api/orgs', { parentId: office.json().id, name: '新城镇双联扶贫工作站', kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431100000' });
    const villageOffice = await t.admin.post('/api/orgs', { parentId: station.json().id, name: '俄尔古取村村两委', kind: '村两委', level: '村', regionCode: XINCHENG_VILLAGE });
    expect([office.statusCode, station.statusCode, villageOffice.statusCode]).toEqual([201, 201, 201]);
    for (const [username, role, orgId] of [
      ['wb-county', 'county_clerk', office.json().id],
      ['wb-village', 'village_clerk', villageOffice.json().id],
    ] as const) {
      const res = await t.admin.post('/api/users', { username, displayName: username, password: 'Workbench-2020!', role, orgId });
      expect(res.statusCode, res.body).toBe(201);
    }
    county = await t.login('wb-county', 'Workbench-2020!');
    village = await t.login('wb-village', 'Workbench-2020!');

    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    const households: Array<[string, string, string, string]> = [
      [XINCHENG_VILLAGE, '0001', '19800101', '001'],
      [XINCHENG_VILLAGE, '0002', '19810101', '003'],
      [CHENGBEI_VILLAGE, '0001', '19820101', '005'],
    ];
    const ids: number[] = [];
    for (const [code, number, birth, seq] of households) {
      const res = await t.admin.post('/api/registry/households', householdBody(code, number, [member(`户主${code.slice(-3)}${number}`, idNumber(birth, seq), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const far = await t.admin.post('/api/registry/households', householdBody(SANXING, '0001', [member('安化户主', idNumber('19830101', '007', '430923'), '户主')]));
    expect(far.statusCode, far.body).toBe(201);
    // An exit procedure in the village and one in the other county.
    for (const id of [ids[0]!, far.json().id as number]) {
      await t.admin.request({ method: 'PUT', url: `/api/registry/households/${id}/incomes/2020`, payload: { wages: 9000 } });
      const started = await t.admin.post('/api/procedures', { kind: 'exit', householdId: id, year: 2020 });
      expect(started.statusCode, started.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('counts each to-do as the owning feature lists it, for the system administrator', async () => {
    const w = await workbench(t.admin);
    expect(w.todos.map((x) => x.key).sort()).toEqual(['assessmentRounds', 'changeRequests', 'compareHits', 'missingVisits', 'procedures', 'qualityFindings', 'returnedChanges', 'withoutHelper']);
    expect(todo(w, 'withoutHelper')).toMatchObject({ count: 4, link: '/pairing/gaps', permission: 'pairing.manage' });
    expect(todo(w, 'withoutHelper')!.count).toBe(await total(t.admin, '/api/pairing/households-without-helper'));
    expect(todo(w, 'procedures')!.count).toBe(2);
    expect(todo(w, 'procedures')!.count).toBe(await total(t.admin, '/api/procedures?state=running'));
    expect(todo(w, 'missingVisits')!.count).toBe(await total(t.admin, '/api/pairing/visits/missing'));
    // The whole registry's figures and the ledger's totals of the root office.
    expect(w.figures.registry!.byStatus.reduce((a, s) => a + s.households, 0)).toBe(4);
    expect(w.figures.ledger).toMatchObject({ year: 2020, entries: 0 });
  });

  it('counts only the county’s records for a county clerk, never another county’s', async () => {
    const w = await workbench(county);
    expect(todo(w, 'withoutHelper')!.count).toBe(3);
    expect(todo(w, 'withoutHelper')!.count).toBe(await total(county, '/api/pairing/households-without-helper'));
    expect(todo(w, 'procedures')!.count).toBe(1);
    // A county clerk reads assessments but does not score: no assessment to-do; no ledger permission: no ledger figures.
    expect(todo(w, 'assessmentRounds')).toBeUndefined();
    expect(w.figures.ledger).toBeNull();
  });

  // roles.ts: 村级信息员 “本村贫困户信息录入、村民代表大会评议和公示” — no 帮扶 assignments (pairing.manage), no ledger.
  it('shows a village clerk the village’s to-dos only, without those the role has no permission for', async () => {
    const w = await workbench(village);
    expect(todo(w, 'withoutHelper')).toBeUndefined();
    expect(todo(w, 'assessmentRounds')).toBeUndefined();
    expect(todo(w, 'procedures')).toMatchObject({ count: 1, link: '/procedures', permission: 'procedures.handle' });
    expect(todo(w, 'procedures')!.count).toBe(await total(village, '/api/procedures?state=running'));
    expect(todo(w, 'missingVisits')!.count).toBe(await total(village, '/api/pairing/visits/missing'));
    expect(todo(w, 'compareHits')).toMatchObject({ count: 0, link: '/compare' });
    const stats = (await village.get('/api/registry/statistics')).json();
    expect(w.figures.registry).toEqual({ asOf: stats.asOf, byStatus: stats.byStatus, poorPersons: stats.poorPersons });
    expect(w.figures.registry!.byStatus.reduce((a, s) => a + s.households, 0)).toBe(2);
    expect(w.figures.ledger).toBeNull();
  });
});
