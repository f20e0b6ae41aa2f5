/**
 * The scope matrix (issue 9, DESIGN: “a test enumerates every route and tries it as every role across scopes”).
 *
 * Every route the app registers is read from the app itself (`routesOf`, test/support/routes.ts) and must have one line
 * in ROUTES (test/support/route-calls.ts), or the first test fails naming it. Each line says how to call the route
 * against county B's records (美姑县; ids made in beforeAll as `b.*`), and each route is then tried with no session
 * (401) and as county A's (昭觉县) administrator and member; what each line's `kind` asserts is described there.
 * Every answer (JSON, text, or the cells of an .xlsx) is searched for B's names and ID numbers (`b.markers`); at the end
 * B's records, read back by B's administrator and by the system administrator, must be exactly as they were.
 *
 * HOW TO ADD A ROUTE: see test/support/route-calls.ts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { householdCols, personCols, rosterWith } from '../support/roster';
import { A_COUNTY, B_COUNTY, B_PREFIX, created, makeCountyB, ROUTES, upload, xlsxType, type Call, type CountyB, type Line } from '../support/route-calls';
import { routesOf } from '../support/routes';


/** The text of an answer as a reader would see it: the body, or every cell of an .xlsx. */
async function textOf(res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  } catch {
    return res.body;
  }
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => out.push(JSON.stringify(row.values))));
  return out.join('\n');
}

describe.each(dbKinds())('scope matrix on %s', (kind) => {
  let t: TestApp;
  let b: CountyB;
  let callers: Record<'org_admin' | 'member', Client>;
  let bAdmin: Client;
  let before: unknown;

  /** B's records as B's administrator (and the system administrator, for the shared tables) read them. */
  async function snapshotOfB(): Promise<unknown> {
    const read = async (c: Client, u: string) => {
      const res = await c.get(u);
      return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body.length };
    };
    const urls = [
      '/api/orgs',
      '/api/users',
      `/api/users/${b.user}/sessions`,
      `/api/orgs/${b.subOrg}`,
      `/api/members/${b.member}`,
      `/api/ledger/entries/${b.entry}`,
      `/api/registry/households/${b.household}`,
      `/api/registry/households/${b.household2}`,
      `/api/registry/change-requests/${b.changeRequest}`,
      '/api/registry/change-requests/rules',
      `/api/registry/villages/${b.village}`,
      `/api/registry/statistics?region=${B_COUNTY}`,
      `/api/procedures/${b.procedure}`,
      `/api/procedures?region=${B_COUNTY}`,
      `/api/pairing/helpers/${b.helper}`,
      `/api/mutual-aid/funds/${b.fund}`,
      `/api/mutual-aid/funds/${b.fund}/loans`,
      '/api/credit/loans',
      '/api/credit/dividends',
      `/api/pairing/households/${b.household}`,
      `/api/pairing/households/${b.household2}`,
      '/api/pairing/leader-villages',
      `/api/quality/households/${b.household}/handbook`,
      `/api/quality/latest?region=${B_COUNTY}`,
      '/api/compare/lists',
      `/api/compare/lists/${b.list}`,
      '/api/compare/runs',
      `/api/compare/hits/${b.hit}`,
      '/api/assessment/rounds',
      `/api/assessment/rounds/${b.round}`,
      '/api/roles',
      `/api/reports/${b.report}`,
      '/api/reports?year=2017',
      '/api/reports/corrections',
      // issue 15: screening
      `/api/screening/runs/${b.screeningRun}`,
      `/api/screening/flags/${b.screeningFlag}`,
      // issue 15: measures and plans
      `/api/measures/households/${b.household2}`,
    ];
    const shared = ['/api/registry/poverty-lines', '/api/regions/deep-poverty-counties', '/api/procedures/definitions', '/api/assessment/schemes', `/api/assessment/schemes/${b.schemeCopy}`];
    const out: Record<string, unknown> = {};
    for (const u of urls) out[u] = await read(bAdmin, u);
    for (const u of shared) out[`admin ${u}`] = await read(t.admin, u);
    return out;
  }


  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ b, callers, bAdmin } = await makeCountyB(t));
    before = await snapshotOfB();
  });
  afterAll(async () => t?.close());

  it('has one line for every route the app registers, and no line for a route it does not', () => {
    const registered = routesOf(t.app);
    expect(registered.length).toBeGreaterThan(100);
    const missing = registered.filter((r) => !(r in ROUTES));
    expect(missing, `routes without a line in ROUTES of test/api/scope-matrix.test.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(ROUTES).filter((r) => !registered.includes(r as (typeof registered)[number]));
    expect(stale, 'lines in ROUTES for routes the app no longer registers').toEqual([]);
  });

  const send = (c: Client, method: string, call: Call) =>
    call.file ? upload(c, method, call.url, call.file) : c.request({ method: method as 'GET', url: call.url, ...(call.payload === undefined ? {} : { payload: call.payload as Record<string, unknown> }) });

  it.each(Object.entries(ROUTES).filter(([, line]) => line.kind !== 'public'))('%s', async (key, line) => {
    const method = key.split(' ')[0]!;
    const anonymous: Client = { ...t.admin, cookie: '', request: (o) => t.app.inject(o) };
    for (const call of [line.call!, ...(line.also ?? [])].map((c) => c(b))) await tryCall(key, method, line, call, anonymous);
  });

  async function tryCall(key: string, method: string, line: Line, call: Call & { expect?: number[] }, anonymous: Client) {
    const none = await send(anonymous, method, call);
    expect(none.statusCode, `${key} without a session: ${none.body.slice(0, 200)}`).toBe(line.anonymous ?? 401);

    for (const role of ['org_admin', 'member'] as const) {
      const caller = line.freshSession ? await t.login(role === 'org_admin' ? 'county-a-admin' : 'county-a-member', 'password-123') : callers[role];
      const res = await send(caller, method, call);
      const text = await textOf(res);
      const shown = b.markers.filter((m) => text.includes(m));
      expect(shown, `${key} as county A's ${role} shows county B's data (${res.statusCode}): ${text.slice(0, 300)}`).toEqual([]);
      expect(res.statusCode, `${key} as county A's ${role}: ${text.slice(0, 300)}`).toBeLessThan(500);
      // A refusal is 403 or 404; a 400 counts when it is the scope that refused a field (e.g. a row of an import).
      const scopeField = res.statusCode === 400 && text.includes('不在您的管辖范围内');
      if (line.kind === 'foreign' && !scopeField) expect([403, 404, ...(line.expect ?? []), ...(call.expect ?? [])], `${key} as county A's ${role}: ${text.slice(0, 300)}`).toContain(res.statusCode);
      if (line.kind === 'list') expect([200, 403], `${key} as county A's ${role}: ${text.slice(0, 300)}`).toContain(res.statusCode);
    }
  }

  it('leaves county B’s records exactly as they were', async () => {
    expect(await snapshotOfB()).toEqual(before);
  });
});

/**
 * Issue 9, item 1 (scope escalation): a county administrator made a sub-body for the province (or moved one to
 * another county), then an administrator in it who read the other county's households.
 */
describe.each(dbKinds())('scope escalation on %s', (kind) => {
  let t: TestApp;
  let zhaojue: Client;
  let zhaojueOrg: { id: number; path: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const city = await t.org('凉山州政协', { level: '市', regionCode: '513400000000' });
    const org = await t.org('昭觉县政协', { parent: city, regionCode: A_COUNTY });
    zhaojueOrg = org;
    zhaojue = await t.user(org, 'zhaojue');
    const meigu = await t.org('美姑县政协', { parent: city, regionCode: B_COUNTY });
    const meiguAdmin = await t.user(meigu, 'meigu');
    const village = (await t.services.regions.children((await t.services.regions.children(B_COUNTY))[0]!.code))[0]!.code;
    created(await meiguAdmin.post('/api/registry/households', householdBody(village, '0001', [member('美姑户主', idNumber('19800101', '123', B_PREFIX), '户主')])), 'household');
  });
  afterAll(async () => t?.close());

  it('refuses a sub-body whose region is outside the parent body’s region', async () => {
    for (const regionCode of ['510000000000', '513400000000', B_COUNTY, '513436100000']) {
      const res = await zhaojue.post('/api/orgs', { parentId: zhaojueOrg.id, name: '越权下级', kind: '委员组', level: '乡', regionCode });
      expect([400, 403], `${regionCode}: ${res.body}`).toContain(res.statusCode);
      expect(res.json().error.fields[0]).toMatchObject({ field: 'regionCode' });
    }
    expect((await zhaojue.get('/api/orgs')).json().items.map((o: { name: string }) => o.name)).toEqual(['昭觉县政协']);
    const inside = await zhaojue.post('/api/orgs', { parentId: zhaojueOrg.id, name: '新城镇委员组', kind: '委员组', level: '乡', regionCode: '513431100000' });
    expect(inside.statusCode, inside.body).toBe(201);
  });

  it('refuses to move a sub-body (or the user’s own body) out of its parent’s region, and a body away from its children', async () => {
    const sub = (await zhaojue.post('/api/orgs', { parentId: zhaojueOrg.id, name: '城北镇委员组', kind: '委员组', level: '乡', regionCode: '513431101000' })).json();
    for (const regionCode of [B_COUNTY, '510000000000', '513400000000']) {
      const res = await zhaojue.patch(`/api/orgs/${sub.id}`, { regionCode, version: sub.version });
      expect([400, 403], `${regionCode}: ${res.body}`).toContain(res.statusCode);
    }
    const own = (await zhaojue.get(`/api/orgs/${zhaojueOrg.id}`)).json();
    for (const regionCode of ['513400000000', B_COUNTY]) expect((await zhaojue.patch(`/api/orgs/${zhaojueOrg.id}`, { regionCode, version: own.version })).statusCode).toBe(403);
    // Narrowing the county body to one township would leave 城北镇委员组 outside it.
    const narrowed = await zhaojue.patch(`/api/orgs/${zhaojueOrg.id}`, { regionCode: '513431100000', version: own.version });
    expect(narrowed.statusCode).toBe(400);
    expect(narrowed.json().error.fields[0].message).toContain('下级单位');
    // Within the parent's region a move is fine.
    expect((await zhaojue.patch(`/api/orgs/${sub.id}`, { regionCode: '513431100000', version: sub.version })).statusCode).toBe(200);
    expect((await t.services.orgs.getUnchecked(zhaojueOrg.id)).regionCode).toBe(A_COUNTY);
  });

  it('grants no role above the user’s own and no body outside their subtree, so no user can read the other county', async () => {
    const sub = (await zhaojue.get('/api/orgs')).json().items.find((o: { name: string }) => o.name === '新城镇委员组');
    const admin = { username: 'sub-admin', displayName: '新城镇干部', password: 'Xincheng-town-2020!', role: 'org_admin', orgId: sub.id };
    expect((await zhaojue.post('/api/users', { ...admin, role: 'sysadmin', username: 'sub-sys' })).statusCode).toBe(403);
    expect((await zhaojue.post('/api/users', { ...admin, orgId: t.root.id, username: 'root-admin' })).statusCode).toBe(403);
    expect((await zhaojue.post('/api/users', admin)).statusCode).toBe(201);
    const subAdmin = await t.login('sub-admin', 'Xincheng-town-2020!');
    expect((await subAdmin.get(`/api/registry/households?q=${encodeURIComponent('美姑户主')}`)).json().total).toBe(0);
    expect((await subAdmin.get(`/api/registry/roster/export.xlsx?region=${B_COUNTY}`)).statusCode).toBe(403);
  });

  it('answers an ID number registered in another county without naming that household', async () => {
    const res = await zhaojue.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, '0009', [member('冒名', idNumber('19800101', '123', B_PREFIX), '户主')]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toContain('该身份证号已在其他户登记，不在您的管辖范围内');
    expect(res.body).not.toContain('美姑户主');
    expect(res.body).not.toContain(B_PREFIX + '1');
    const roster = await rosterWith([{ ...householdCols('0010'), ...personCols('冒名', idNumber('19800101', '123', B_PREFIX), '户主') }]);
    const imported = await upload(zhaojue, 'POST', '/api/registry/roster/import', { content: roster, name: 'r.xlsx', type: xlsxType });
    expect(imported.statusCode).toBe(400);
    expect(imported.body).toContain('该身份证号已在其他户登记，不在您的管辖范围内');
    expect(imported.body).not.toContain('美姑户主');
  });

  it('answers a member of another county by number, not by name', async () => {
    const meiguOrg = (await t.services.orgs.list(t.rootAuth)).find((o) => o.name === '美姑县政协')!;
    const other = await t.member(meiguOrg, '美姑委员');
    const res = await zhaojue.post('/api/ledger/entries', entryBody(zhaojueOrg.id, { memberIds: [other.id] }));
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('美姑委员');
  });
});
