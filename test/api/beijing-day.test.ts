import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type Client, type TestApp } from '../support/app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

/**
 * “Today” is a date in Beijing whatever the host's zone (DESIGN: Time). The tests run with TZ=UTC, and this server's
 * clock stands at 2021-01-01 01:00 北京时间 = 2020-12-31 17:00 UTC: inside the 00:00–08:00 window, where the host's
 * own calendar still says 2020-12-31.
 */
const NEW_YEAR_1AM = new Date('2020-12-31T17:00:00Z');

describe.each(dbKinds())('the day of a server on UTC at 01:00 Beijing time, on %s', (kind) => {
  let t: TestApp;
  let town: Client;
  let poor: number;
  let exited: number;

  beforeAll(async () => {
    expect(new Date(NEW_YEAR_1AM).getDate()).toBe(31); // the host's calendar (UTC) is still in 2020
    t = await createTestApp(kind, NEW_YEAR_1AM);
    const county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    town = await t.user(await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' }), 'xincheng');
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    const created = async (number: string, seq: string) => {
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, number, [member(`户主${number}`, idNumber('19800101', seq), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    poor = await created('0001', '101');
    exited = await created('0002', '103');
    const h = (await town.request({ method: 'PUT', url: `/api/registry/households/${exited}/incomes/2019`, payload: { wages: 20000 } })).json();
    const res = await t.admin.post(`/api/registry/households/${exited}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  it('dates a status change on 2021-01-01 and counts it as of that day', async () => {
    const h = (await town.get(`/api/registry/households/${poor}`)).json();
    const res = await t.admin.post(`/api/registry/households/${poor}/status`, { status: '清退', reason: '识别不准，予以清退', version: h.version });
    expect(res.statusCode, res.body).toBe(200);
    const history = (await town.get(`/api/registry/households/${poor}`)).json().history as Array<{ status: string; effectiveOn: string }>;
    expect(history.at(-1)).toMatchObject({ status: '清退', effectiveOn: '2021-01-01' });
    const byStatus = async (q: string) => (await town.get(`/api/registry/statistics?region=513431100000${q}`)).json().byStatus as Array<{ status: string; households: number }>;
    expect(await byStatus('&asOf=2020-12-31')).toContainEqual(expect.objectContaining({ status: '未脱贫', households: 1 }));
    expect(await byStatus('')).not.toContainEqual(expect.objectContaining({ status: '未脱贫' })); // today is 2021-01-01
  });

  it('dates a visit on 2021-01-01, in the first half-year of 2021', async () => {
    const helper = await town.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567', regionCode: '513431100000' });
    expect(helper.statusCode, helper.body).toBe(201);
    const helperId = helper.json().id as number;
    const assigned = await town.post(`/api/pairing/households/${exited}/assignments`, { helperId });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const missing = (await town.get('/api/pairing/visits/missing')).json();
    expect(missing.halfYear).toMatchObject({ from: '2021-01-01', to: '2021-06-30', label: '2021 年上半年' });
    expect(missing.items.map((i: { number: string }) => i.number)).toEqual(['0002']);
    const visit = await town.post(`/api/pairing/households/${exited}/visits`, { kind: '帮扶走访', helperId, content: '元旦上门回访，核实收入' });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ visitedOn: '2021-01-01' });
    expect((await town.get('/api/pairing/visits/missing')).json().items).toEqual([]);
    const panel = (await town.get(`/api/pairing/households/${exited}`)).json();
    expect(panel.assignments[0]).toMatchObject({ fromOn: '2021-01-01', current: true });
    // Tomorrow is still refused as “later than today”.
    const tomorrow = await town.post(`/api/pairing/households/${exited}/visits`, { kind: '帮扶走访', helperId, visitedOn: '2021-01-02', content: '回访' });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().error.fields[0]).toMatchObject({ field: 'visitedOn', message: '不能晚于今天（2021-01-01）' });
  });

  it('takes 2021 as this year (ledger entries, incomes)', async () => {
    const org = await t.org('昭觉县政协', { regionCode: '513431000000' });
    const entry = await t.admin.post('/api/ledger/entries', entryBody(org.id, { startYear: 2021 }));
    expect(entry.statusCode, entry.body).toBe(201);
    const future = await t.admin.post('/api/ledger/entries', entryBody(org.id, { startYear: 2022, content: '明年的事项' }));
    expect(future.statusCode).toBe(400);
  });
});
