import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD, dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { expectRollupConsistent } from '../support/rollup';

const XINCHENG = XINCHENG_VILLAGE;
const CHENGBEI = CHENGBEI_VILLAGE;
const id = idNumber;
const household = householdBody;

/**
 * Issue 3: “any figure can be asked ‘as of’ a past date … and reproduces what was true then” — statuses, sizes, causes,
 * attributes, labour and income, from the maintained rollup (province, city, county) and the direct count (town,
 * village) alike.
 */
describe.each(dbKinds())('registry statistics as of a date, maintained on write, on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const clock = new Date(TEST_NOW);
  const ids: number[] = [];
  const stats = async (region: string, asOf: string) => {
    const res = await admin.get(`/api/registry/statistics?region=${region}&asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    admin = t.admin;
    await admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    for (const [village, number, persons, over] of [
      [XINCHENG, '0001', [member('甲', id('19800101', '001'), '户主'), member('甲妻', id('19820101', '002'), '配偶')], {}],
      [XINCHENG, '0002', [member('乙', id('19700101', '011'), '户主', { labour: '丧失劳动力', workMonths: 0, workIncome: 0, health: '残疾', disabilityGrade: 2 })], { mainCause: '因残' }],
      [CHENGBEI, '0001', [member('丙', id('19900101', '021'), '户主'), member('丙子', id('20150101', '033'), '之子', { labour: '无劳动力', workMonths: 0, workIncome: 0, schooling: '学龄前' })], { identifiedYear: 2016 }],
    ] as const) {
      const res = await admin.post('/api/registry/households', household(village, number, [...persons], over));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('reproduces statuses, causes, attributes, labour and income as of each date, at every level', async () => {
    const [a, b, c] = ids as [number, number, number];
    let h = (await admin.request({ method: 'PUT', url: `/api/registry/households/${a}/incomes/2019`, payload: { wages: 9000, business: 1000, businessCosts: 600 } })).json();
    await admin.request({ method: 'PUT', url: `/api/registry/households/${c}/incomes/2019`, payload: { wages: 5000 } });
    expect((await admin.post(`/api/registry/households/${a}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version })).statusCode).toBe(200);

    // 2020-07-10: household b becomes 低保贫困户 and gains a member; 2020-08-01: c's main cause is corrected.
    // Sessions expire with the clock: log in again on each new day.
    clock.setTime(Date.parse('2020-07-10T10:00:00+08:00'));
    admin = await t.login('admin', ADMIN_PASSWORD);
    const got = await admin.get(`/api/registry/households/${b}`);
    expect(got.statusCode, got.body).toBe(200);
    h = got.json();
    const grown = await admin.patch(`/api/registry/households/${b}`, {
      attribute: '低保贫困户',
      persons: [...h.persons, member('乙妻', id('19720101', '042'), '配偶', { labour: '普通劳动力' })],
      version: h.version,
    });
    expect(grown.statusCode, grown.body).toBe(200);
    expect(grown.json().history.at(-1)).toMatchObject({ effectiveOn: '2020-07-10', persons: 2, reason: '家庭成员由 1 人变更为 2 人；户属性由一般贫困户变更为低保贫困户' });
    clock.setTime(Date.parse('2020-08-01T10:00:00+08:00'));
    admin = await t.login('admin', ADMIN_PASSWORD);
    h = (await admin.get(`/api/registry/households/${c}`)).json();
    expect((await admin.patch(`/api/registry/households/${c}`, { mainCause: '缺资金', version: h.version })).statusCode).toBe(200);

    const county = '513431000000';
    const before = await stats(county, '2020-07-01');
    expect(before.byStatus).toEqual([
      { status: '已脱贫', households: 1, persons: 2 },
      { status: '未脱贫', households: 2, persons: 3 },
    ]);
    expect(before.byAttribute).toEqual([{ key: '一般贫困户', households: 3 }]);
    expect(before.byCause).toEqual([
      { key: '缺技术', households: 2 },
      { key: '因残', households: 1 },
    ]);
    expect(before.byLabour).toEqual([
      { key: '普通劳动力', persons: 3 },
      { key: '丧失劳动力', persons: 1 },
      { key: '无劳动力', persons: 1 },
    ]);
    // (9,000 + 1,000 − 600) ÷ 2 = 4,700 and 5,000 ÷ 2 = 2,500: mean 3,600 元 over 2 households.
    expect(before.meanPerCapita).toEqual({ year: 2019, mean: 3600, households: 2 });
    expect(before.exits.actual).toEqual([{ year: 2019, households: 1, persons: 2 }]);

    const after = await stats(county, '2020-08-31');
    expect(after.byStatus).toEqual([
      { status: '已脱贫', households: 1, persons: 2 },
      { status: '未脱贫', households: 2, persons: 4 },
    ]);
    expect(after.byAttribute).toEqual([
      { key: '一般贫困户', households: 2 },
      { key: '低保贫困户', households: 1 },
    ]);
    expect(after.byCause).toEqual([
      { key: '因残', households: 1 },
      { key: '缺技术', households: 1 },
      { key: '缺资金', households: 1 },
    ]);
    expect(after.byLabour.find((l: { key: string }) => l.key === '普通劳动力').persons).toBe(4);

    // Before anything was identified, and before c (identified 2016) was.
    expect((await stats(county, '2014-06-30')).byStatus).toEqual([]);
    expect((await stats(county, '2015-12-31')).byStatus).toEqual([{ status: '未脱贫', households: 2, persons: 3 }]);
    // The province (rollup) and a town (direct count) answer alike.
    expect((await stats('510000000000', '2020-07-01')).byAttribute).toEqual(before.byAttribute);
    expect((await stats('513431100000', '2020-07-01')).byCause).toEqual([
      { key: '因残', households: 1 },
      { key: '缺技术', households: 1 },
    ]);
    await expectRollupConsistent(t, ['2014-12-30', '2014-12-31', '2016-12-31', '2019-12-20', '2020-07-01', '2020-07-10', '2020-08-31']);
  });
});
