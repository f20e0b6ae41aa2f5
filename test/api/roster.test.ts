import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { idNumber } from '../support/registry';
import { householdCols, personCols, rosterWith, type RosterCells } from '../support/roster';
import { expectRollupConsistent } from '../support/rollup';
import { multipart, readSheet } from '../support/xlsx';

const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村
const OTHER_TOWN_VILLAGE = '513431101001'; // 昭觉县城北镇
const UNKNOWN_VILLAGE = '513431100999';

const id = (birth: string, seq: string) => idNumber(birth, seq);
type Row = RosterCells;
const person = personCols;

const HEAD_1 = id('19800101', '011');
const good: Row[] = [
  { ...householdCols('0101'), ...person('吉克阿呷', HEAD_1, '户主') },
  { 村级区划代码: VILLAGE, 户编号: '0101', ...person('阿说阿果', id('19820202', '022'), '配偶', { 务工地点: '=1+1' }) },
  { 村级区划代码: VILLAGE, 户编号: '0101', ...person('吉克木呷', id('20100303', '031'), '之子', { 劳动能力: '无劳动力', 在校情况: '在校', 务工月数: 0, 务工收入: 0, 务工地点: '' }) },
  { ...householdCols('0102', { 贫困户属性: '低保贫困户', 主要致贫原因: '因病', 次要致贫原因: '' }), ...person('沙马拉且', id('19700404', '041'), '户主', { 健康状况: '大病' }) },
  { ...householdCols('0102', { 贫困户属性: '低保贫困户', 主要致贫原因: '因病', 次要致贫原因: '' }), ...person('沙马阿依', id('19720505', '052'), '配偶') },
  { ...householdCols('0103', { 主要致贫原因: '因残', 次要致贫原因: '' }), ...person('俄底日者', id('19500606', '061'), '户主', { 健康状况: '残疾', 残疾等级: 2, 劳动能力: '丧失劳动力', 务工月数: 0, 务工收入: 0 }) },
];

describe.each(dbKinds())('roster import and export on %s', (kind) => {
  let t: TestApp;
  let townUser: Client;
  let memberUser: Client;
  let leader: Client;
  const importFile = (c: Client, file: Buffer) => c.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(file) });
  const find = async (q: string) => (await t.admin.get(`/api/registry/households?q=${encodeURIComponent(q)}`)).json();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const town = await t.org('新城镇扶贫工作站', { parent: county, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    townUser = await t.user(town, 'xincheng');
    const m = await t.member(town, '阿西委员');
    memberUser = await t.user(town, 'axi', 'member', m.id);
    leader = await t.user(town, 'lingdao', 'leader');
  });
  afterAll(async () => t?.close());

  it('downloads the roster template, one row per person', async () => {
    const res = await townUser.get('/api/registry/roster/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [headers] = await readSheet(res.rawPayload, '花名册');
    expect(headers).toEqual(expect.arrayContaining(['村级区划代码', '户编号', '次要致贫原因', '吃穿不愁', '身份证号', '与户主关系', '务工收入', '养老保险']));
  });

  it('imports every household and person of a good file, as createHousehold would', async () => {
    const res = await importFile(townUser, await rosterWith(good));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ households: 3, persons: 6, created: 3, updated: 0, unchanged: 0 });
    const hid = (await find('0101')).items[0].id;
    const h = (await townUser.get(`/api/registry/households/${hid}`)).json();
    expect(h).toMatchObject({ villageCode: VILLAGE, number: '0101', attribute: '一般贫困户', identifiedYear: 2015, mainCause: '缺技术', secondaryCauses: ['缺资金', '因病'], status: '未脱贫', foodSecure: true });
    expect(h.persons.map((p: { name: string; sex: string; birthDate: string; relation: string }) => [p.name, p.relation, p.sex, p.birthDate])).toEqual([
      ['吉克阿呷', '户主', '男', '1980-01-01'],
      ['阿说阿果', '配偶', '女', '1982-02-02'],
      ['吉克木呷', '之子', '男', '2010-03-03'],
    ]);
    expect(h.history).toMatchObject([{ status: '未脱贫', reason: '建档立卡识别', effectiveOn: '2015-12-31', persons: 3 }]);
    expect((await find('俄底日者')).items[0]).toMatchObject({ number: '0103', size: 1, mainCause: '因残' });
    // Each history row carries the household's members by labour ability (the as-of statistics count them).
    expect(await t.database.query(`select count(*)::int as n from household_status_history where labour_ordinary + labour_skilled + labour_lost + labour_none <> persons`)).toEqual([{ n: 0 }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await find('');
    const hid = (await find('0101')).items[0].id;
    const version = (await t.admin.get(`/api/registry/households/${hid}`)).json().version;
    const res = await importFile(townUser, await rosterWith(good));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ households: 3, persons: 6, created: 0, updated: 0, unchanged: 3 });
    expect((await find('')).total).toBe(before.total);
    const h = (await t.admin.get(`/api/registry/households/${hid}`)).json();
    expect(h.version).toBe(version);
    expect(h.history).toHaveLength(1);
  });

  it('updates a changed household on re-import and records its new size in the status history', async () => {
    const changed = [...good, { ...householdCols('0102', { 贫困户属性: '低保贫困户', 主要致贫原因: '因病', 次要致贫原因: '' }), ...person('沙马石布', id('20120707', '072'), '之女', { 劳动能力: '无劳动力', 务工月数: 0, 务工收入: 0 }) }];
    const res = await importFile(townUser, await rosterWith(changed));
    expect(res.json()).toEqual({ households: 3, persons: 7, created: 0, updated: 1, unchanged: 2 });
    const h = (await t.admin.get(`/api/registry/households/${(await find('0102')).items[0].id}`)).json();
    expect(h.persons).toHaveLength(3);
    expect(h.history.map((s: { persons: number; reason: string }) => [s.persons, s.reason])).toEqual([
      [2, '建档立卡识别'],
      [3, '家庭成员由 2 人变更为 3 人（花名册导入）'],
    ]);
    // …and importing that file again changes nothing more.
    expect((await importFile(townUser, await rosterWith(changed))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses a file with one bad row, listing every error by row and column, and writes nothing', async () => {
    const bad = id('19900808', '081').slice(0, 17) + (id('19900808', '081').endsWith('1') ? '2' : '1');
    const res = await importFile(
      townUser,
      await rosterWith([
        { ...householdCols('0201'), ...person('阿于阿木', id('19850909', '091'), '户主') },
        { 村级区划代码: VILLAGE, 户编号: '0201', ...person('阿于拉拉', bad, '配偶', { 务工月数: 13, 基本医保: '有' }) },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    const fields = body.error.fields.map((f: { row: number; column: string; label: string; message: string }) => [f.row, f.column, f.label, f.message]);
    expect(fields).toEqual([
      [4, 'L', '身份证号', '校验位错误（GB 11643），请核对号码'],
      [4, 'T', '务工月数', '应为 0–12 的整数'],
      [4, 'W', '基本医保', '应填“是”或“否”，不能是“有”'],
    ]);
    expect((await find('0201')).total).toBe(0);
    expect((await find('阿于阿木')).total).toBe(0);
  });

  it('refuses a repeated ID, two heads, an ID of another household, an unknown village and a village outside the township', async () => {
    const res = await importFile(
      townUser,
      await rosterWith([
        /* 3 */ { ...householdCols('0301'), ...person('甲', id('19900101', '101'), '户主') },
        /* 4 */ { 村级区划代码: VILLAGE, 户编号: '0301', ...person('乙', id('19900101', '101'), '之子') },
        /* 5 */ { ...householdCols('0302'), ...person('丙', id('19910101', '111'), '户主') },
        /* 6 */ { 村级区划代码: VILLAGE, 户编号: '0302', ...person('丁', id('19920101', '121'), '户主') },
        /* 7 */ { ...householdCols('0303'), ...person('戊', HEAD_1, '户主') },
        /* 8 */ { ...householdCols('0304', { 村级区划代码: UNKNOWN_VILLAGE }), ...person('己', id('19930101', '131'), '户主') },
        /* 9 */ { ...householdCols('0305', { 村级区划代码: OTHER_TOWN_VILLAGE }), ...person('庚', id('19940101', '141'), '户主') },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const fields: Array<{ row: number; column: string; message: string }> = res.json().error.fields;
    const at = (row: number, column: string) => fields.filter((f) => f.row === row && f.column === column).map((f) => f.message);
    expect(at(4, 'L')).toEqual(['身份证号与第 3 行重复：一人只能录入 1 次、只能属于一户']);
    expect(at(5, 'M')).toEqual(['户编号 0302 的户每户须有且只有 1 名户主（现有 2 名）']);
    expect(at(6, 'M')).toEqual(['户编号 0302 的户每户须有且只有 1 名户主（现有 2 名）']);
    expect(at(7, 'L')[0]).toMatch(/^5134\*+\d{3}[\dX]（吉克阿呷）已在其他户（村代码 513431100200，户编号 0101）中，一人只能属于一户$/);
    expect(at(8, 'B')).toEqual([`区划代码 ${UNKNOWN_VILLAGE} 不存在，请核对村级区划代码`]);
    expect(at(9, 'B')[0]).toMatch(/（513431101001）不在您的管辖范围内$/);
    expect(fields).toHaveLength(6);
    expect((await find('030')).total).toBe(0);
  });

  it('refuses an import by a member', async () => {
    const res = await importFile(memberUser, await rosterWith(good));
    expect(res.statusCode).toBe(403);
  });

  it('exports the roster with ID numbers masked for a reader who may not see them and not for an administrator, formulas neutralised', async () => {
    const adminRes = await t.admin.get(`/api/registry/roster/export.xlsx?region=${VILLAGE}`);
    expect(adminRes.statusCode).toBe(200);
    const adminRows = await readSheet(adminRes.rawPayload, '花名册');
    expect(adminRows[0]!.slice(0, 4)).toEqual(['所在村', '村级区划代码', '户编号', '贫困户属性']);
    expect(adminRows).toHaveLength(1 + 7);
    expect(adminRows[1]!.slice(0, 3)).toEqual(['新城镇/俄尔古取村村民委员会', VILLAGE, '0101']);
    expect(adminRows[1]![11]).toBe(HEAD_1);
    expect(adminRows[2]![20]).toBe("'=1+1");
    // Issue 11: a member holds no registry permission; the read-only 领导查阅 exports with ID numbers masked.
    expect((await memberUser.get('/api/registry/roster/export.xlsx')).statusCode).toBe(403);
    const memberRes = await leader.get('/api/registry/roster/export.xlsx');
    expect(memberRes.statusCode).toBe(200);
    const memberRows = await readSheet(memberRes.rawPayload, '花名册');
    expect(memberRows).toHaveLength(1 + 7);
    expect(memberRows[1]![11]).toBe(`${HEAD_1.slice(0, 4)}**********${HEAD_1.slice(-4)}`);
    expect(memberRows.slice(1).every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(String(r[11])))).toBe(true);
    // An administrator's export is a roster file: importing it changes nothing.
    expect((await importFile(t.admin, adminRes.rawPayload)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  // Issue 10: “The village 贫困户精准扶贫一览表 export leaves 帮扶责任人 blank although pairing records them.”
  it('exports the village 贫困户精准扶贫一览表 with each household’s helpers of today', async () => {
    const helper = async (name: string, unit: string) =>
      (await townUser.post('/api/pairing/helpers', { name, unit, kind: 'cadre', level: '乡', post: '干部', regionCode: '513431100000' })).json().id as number;
    const [li, wang] = [await helper('李干部', '新城镇人民政府'), await helper('王干部', '昭觉县农业农村局')];
    const [h1, h2] = [(await find('0101')).items[0].id, (await find('0102')).items[0].id];
    const assign = async (householdId: number, helperId: number, fromOn: string) => {
      const res = await townUser.post(`/api/pairing/households/${householdId}/assignments`, { helperId, fromOn });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await assign(h1, li, '2020-01-01');
    await assign(h1, wang, '2020-02-01');
    // 0102's first helper was replaced in March: only the one of today is shown.
    const first = (await assign(h2, wang, '2020-01-01')).helpers[0].id;
    expect((await townUser.post(`/api/pairing/assignments/${first}/replace`, { helperId: li, on: '2020-03-01', reason: '工作调动' })).statusCode).toBe(200);

    const res = await townUser.get(`/api/registry/villages/${VILLAGE}/overview.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '一览表');
    expect(String(rows[0]![0])).toContain('俄尔古取村');
    expect(String(rows[0]![0])).toContain('贫困户精准扶贫一览表');
    expect(String(rows[1]![0])).toContain('帮扶措施、帮扶项目在建档立卡中尚未登记');
    expect(rows[2]).toEqual(expect.arrayContaining(['家庭构成', '帮扶措施', '帮扶项目', '帮扶责任人', '脱贫时限']));
    expect(rows[3]!.slice(0, 3)).toEqual([1, '0101', '吉克阿呷']);
    expect(String(rows[3]![6])).toContain('阿说阿果（配偶');
    const helpersColumn = rows[2]!.indexOf('帮扶责任人');
    expect(rows.slice(3).map((r) => [r[1], r[helpersColumn] ?? ''])).toEqual([
      ['0101', '李干部（新城镇人民政府）、王干部（昭觉县农业农村局）'],
      ['0102', '李干部（新城镇人民政府）'],
      ['0103', ''],
    ]);
    const other = await townUser.get(`/api/registry/villages/${OTHER_TOWN_VILLAGE}/overview.xlsx`);
    expect(other.statusCode).toBe(403);
  });

  it('keeps the maintained statistics true through imports and re-imports', async () => {
    await expectRollupConsistent(t, ['2014-12-31', '2015-12-31', '2019-12-31', '2020-06-30']);
    const stats = (await t.admin.get('/api/registry/statistics?region=513431000000&asOf=2020-06-30')).json();
    const households = stats.byStatus.reduce((a: number, s: { households: number }) => a + s.households, 0);
    expect(households).toBe((await t.admin.get('/api/registry/households?region=513431000000')).json().total);
  });
  // Issue 11: “the roster template makes people type 12-digit village codes (give a village-name column with a lookup
  // sheet and validation)”.
  it('offers the villages of the user’s scope by name in the template, and imports by 所在村 without a code', async () => {
    const res = await townUser.get('/api/registry/roster/template.xlsx');
    const lookup = await readSheet(res.rawPayload, '村名对照');
    expect(lookup[0]).toEqual(['所在村（乡镇/村）', '村级区划代码']);
    const labels = lookup.slice(1).map((r) => String(r[0]));
    expect(labels).toContain('新城镇/俄尔古取村村民委员会');
    // Only the township's villages: none of 城北镇.
    expect(lookup.slice(1).every((r) => String(r[1]).startsWith('513431100'))).toBe(true);
    const byName = await importFile(
      townUser,
      await rosterWith([
        { ...householdCols('0401', { 村级区划代码: '', 所在村: '新城镇/俄尔古取村村民委员会' }), ...person('阿西拉莫', id('19880808', '401'), '户主') },
        { 所在村: '俄尔古取村村民委员会', 户编号: '0401', ...person('阿西木乃', id('19890909', '402'), '配偶') },
      ]),
    );
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json()).toMatchObject({ households: 1, created: 1 });
    expect((await find('阿西拉莫')).items[0]).toMatchObject({ villageCode: VILLAGE, number: '0401', size: 2 });
    const wrong = await importFile(
      townUser,
      await rosterWith([
        { ...householdCols('0402', { 村级区划代码: '', 所在村: '城北镇/不存在村' }), ...person('甲乙', id('19870707', '411'), '户主') },
        { ...householdCols('0403', { 村级区划代码: OTHER_TOWN_VILLAGE, 所在村: '俄尔古取村村民委员会' }), ...person('丙丁', id('19860606', '421'), '户主') },
      ]),
    );
    expect(wrong.statusCode).toBe(400);
    const fields = wrong.json().error.fields.map((f: { row: number; column: string; message: string }) => [f.row, f.column, f.message]);
    expect(fields).toContainEqual([3, 'A', '您的管辖范围内没有“城北镇/不存在村”，请从下拉列表选择或填写村级区划代码']);
    expect(fields).toContainEqual([4, 'B', `与所在村“俄尔古取村村民委员会”（${VILLAGE}）不一致`]);
    expect((await find('甲乙')).total + (await find('丙丁')).total).toBe(0);
  });
});
