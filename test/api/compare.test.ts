import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/domain/registry/id-number';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { encodeGbk } from '../support/gbk';
import { multipart } from '../support/xlsx';

const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村
const OTHER_VILLAGE = '513431101001'; // 昭觉县城北镇
const id = (birth: string, seq: string) => `513431${birth}${seq}${checkCharacter(`513431${birth}${seq}`)}`;
/** A valid ID number of a Beijing district: on a list, never in this registry. */
const outsider = (seq: string) => `110105${'19750505'}${seq}${checkCharacter(`11010519750505${seq}`)}`;
const member = (name: string, idNumber: string, relation: string, over: Record<string, unknown> = {}) => ({
  name,
  idNumber,
  relation,
  labour: '普通劳动力',
  workMonths: 6,
  workIncome: 8000,
  medicalInsured: true,
  ...over,
});
const household = (villageCode: string, number: string, persons: unknown[]) => ({
  villageCode,
  number,
  attribute: '一般贫困户',
  identifiedYear: 2016,
  mainCause: '缺技术',
  housingSafe: true,
  drinkingWaterSafe: true,
  foodSecure: true,
  clothingSecure: true,
  persons,
});
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };

// The seeded people: a household of three whose spouse (not the head) is on two lists, a one-person household on the
// housing list, a household struck off (清退) that is on the vehicle list, and a household of another township.
const HEAD = id('19800101', '011');
const SPOUSE = id('19820202', '022');
const CHILD = id('20100303', '031');
const LONE = id('19700404', '041');
const STRUCK = id('19600505', '051');
const ELSEWHERE = id('19750606', '061');
const APPLICANT = id('19900707', '071');
const APPLICANT_CHILD = id('20150808', '082');

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Issue 4, 一比对: department lists imported (.xlsx, UTF-8 and GBK CSV) with every ID checked; a comparison finds every
 * member of every household on the lists and keeps each hit with its evidence; the village assembly's decision is
 * recorded; a hit never changes a household (seed 004: 以村民评议结果为最终依据, no 一刀切).
 */
describe.each(dbKinds())('cross-department comparison (一比对) on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  let other: Client;
  let memberUser: Client;
  const households: Record<string, number> = {};
  const lists: Record<string, number> = {};
  let runId: number;
  /** The app's clock: a notice passes only days after its step opened (issue 10), so the walk below moves it. */
  const clock = new Date(TEST_NOW);
  const sql = <T = Record<string, unknown>>(text: string) => t.database.query<T>(text);
  const upload = (c: Client, file: Buffer, query: Record<string, string>, name = 'list.csv') =>
    c.request({ method: 'POST', url: `/api/compare/lists?${new URLSearchParams(query)}`, ...multipart(file, name) });
  const counts = async () => (await sql<{ lists: number; rows: number }>(`select (select count(*)::int from department_lists) as lists, (select count(*)::int from department_list_rows) as rows`))[0]!;

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const otherOrg = await t.org('城北镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431101000' });
    county = await t.user(countyOrg, 'county');
    town = await t.user(townOrg, 'town');
    other = await t.user(otherOrg, 'other');
    const m = await t.member(townOrg, '阿西委员');
    memberUser = await t.user(townOrg, 'axi', 'member', m.id);
    const seed: Array<[string, Client, unknown]> = [
      ['family', town, household(VILLAGE, '0001', [member('吉克阿呷', HEAD, '户主'), member('阿说阿果', SPOUSE, '配偶'), member('吉克木呷', CHILD, '之子', { labour: '无劳动力', schooling: '在校', workMonths: 0, workIncome: 0 })])],
      ['lone', town, household(VILLAGE, '0002', [member('沙马拉且', LONE, '户主')])],
      ['struck', town, household(VILLAGE, '0003', [member('俄底日者', STRUCK, '户主')])],
      ['elsewhere', other, household(OTHER_VILLAGE, '0001', [member('曲比阿果', ELSEWHERE, '户主')])],
    ];
    for (const [key, c, body] of seed) {
      const res = await c.post('/api/registry/households', body);
      expect(res.statusCode, res.body).toBe(201);
      households[key] = res.json().id;
    }
    // Struck off earlier (outside this feature): a comparison leaves it out.
    await sql(`update households set status = '清退' where id = ${households.struck}`);
  });
  afterAll(async () => t?.close());

  it('previews a CSV: the header row below a title, the ID and name columns found', async () => {
    const csv = Buffer.from(`昭觉县机动车登记名单（2017年）\n序号,号牌号码,机动车所有人,公民身份号码,车辆类型\n1,川W12345,阿说阿果,${SPOUSE},小型轿车\n`);
    const res = await county.request({ method: 'POST', url: '/api/compare/lists/preview', ...multipart(csv, 'vehicles.csv') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRow: 2, detected: { idColumn: 'D', nameColumn: 'C', detailColumn: null }, rows: 1 });
    expect(res.json().headers[3]).toEqual({ letter: 'D', header: '公民身份号码' });
  });

  it('imports a UTF-8 CSV (车辆): rows kept with their row number and the other cells as the detail', async () => {
    const csv = Buffer.from(
      [
        '昭觉县机动车登记名单（2017年）',
        '序号,号牌号码,机动车所有人,公民身份号码,车辆类型',
        `1,川W12345,阿说阿果,${SPOUSE},小型轿车`,
        `2,川W22222,王某,${outsider('011')},重型货车`,
        `3,川W33333,俄底日者,${STRUCK},摩托车`,
        `4,川W44444,曲比阿果,${ELSEWHERE.toLowerCase()},小型轿车`,
        '',
      ].join('\r\n'),
    );
    const res = await upload(county, csv, { name: '2017年机动车登记', department: '车辆' }, '机动车.csv');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ written: 4, skippedRows: 0, columns: { idColumn: 'D', nameColumn: 'C', detailColumn: null } });
    expect(body.list).toMatchObject({ name: '2017年机动车登记', department: '车辆', fileName: '机动车.csv', rows: 4, regionPrefix: '513431', canManage: true });
    expect(body.list.regionName).toContain('昭觉县');
    lists.vehicles = body.list.id;
    const rows = (await county.get(`/api/compare/lists/${lists.vehicles}/rows?pageSize=2&page=1`)).json();
    expect(rows.total).toBe(4);
    expect(rows.items[0]).toEqual({ rowNo: 3, idNumber: SPOUSE, name: '阿说阿果', detail: '序号：1；号牌号码：川W12345；车辆类型：小型轿车' });
    expect((await county.get(`/api/compare/lists/${lists.vehicles}/rows?q=曲比`)).json().items).toEqual([
      { rowNo: 6, idNumber: ELSEWHERE, name: '曲比阿果', detail: '序号：4；号牌号码：川W44444；车辆类型：小型轿车' },
    ]);
  });

  it('imports a GBK CSV (商品房, as Excel on Chinese Windows saves it) with a chosen detail column', async () => {
    const csv = encodeGbk(`购房人,身份证号,房屋坐落,建筑面积\r\n沙马拉且,${LONE},西昌市航天大道一段 8 号 2-301,89.5\r\n`);
    const res = await upload(county, csv, { name: '城镇商品房登记', department: '商品房', detailColumn: 'C' }, 'housing.csv');
    expect(res.statusCode, res.body).toBe(201);
    lists.housing = res.json().list.id;
    expect((await county.get(`/api/compare/lists/${lists.housing}/rows`)).json().items).toEqual([
      { rowNo: 2, idNumber: LONE, name: '沙马拉且', detail: '西昌市航天大道一段 8 号 2-301' },
    ]);
  });

  it('imports an .xlsx list (财政供养人员) of the township', async () => {
    const file = await xlsx([
      ['新城镇财政供养人员名单'],
      ['单位', '姓名', '身份证号码（18位）', '职务'],
      ['新城镇中心校', '阿说阿果', SPOUSE, '代课教师'],
      ['新城镇人民政府', '李某', outsider('021'), '科员'],
    ]);
    const res = await upload(town, file, { name: '财政供养人员', department: '财政供养人员' }, 'fiscal.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ written: 2, list: { regionPrefix: '513431100', rows: 2 } });
    lists.fiscal = res.json().list.id;
  });

  it('refuses a list with bad rows, naming row and column, and writes nothing', async () => {
    const before = await counts();
    const bad = SPOUSE.slice(0, 17) + (SPOUSE.endsWith('1') ? '2' : '1');
    const csv = Buffer.from(['姓名,公民身份号码,死亡日期', `甲,${HEAD},2018-01-01`, `乙,${bad},2018-02-01`, '丙,,2018-03-01', `丁,${HEAD.slice(0, 15)},2018-04-01`, ''].join('\n'));
    const res = await upload(county, csv, { name: '死亡人员', department: '死亡' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toContain('共 3 行有错误');
    expect(error.message).toContain('未写入任何数据');
    expect(error.fields.map((f: { row: number; column: string; label: string; message: string }) => [f.row, f.column, f.label, f.message])).toEqual([
      [3, 'B', '公民身份号码', `校验位错误（GB 11643），请核对号码（“${bad}”）`],
      [4, 'B', '公民身份号码', '身份证号为空'],
      [5, 'B', '公民身份号码', '为 15 位旧身份证号，请换算为 18 位公民身份号码'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an .xlsx whose ID cells are numbers (digits lost) by row and column', async () => {
    const before = await counts();
    const res = await upload(county, await xlsx([['姓名', '身份证号'], ['甲', 513431198001010000]]), { name: '数值格式', department: '其他' }, 'numbers.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ row: 2, column: 'B', field: 'idNumber' });
    expect(res.json().error.fields[0].message).toContain('单元格为数值格式');
    expect(await counts()).toEqual(before);
  });

  it('writes the valid rows and lists the skipped ones when asked to skip bad rows', async () => {
    const csv = Buffer.from(['姓名,公民身份号码', `甲,${outsider('031')}`, '乙,12345', ''].join('\n'));
    const res = await upload(county, csv, { name: '死亡人员', department: '死亡', skipInvalid: 'true' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ written: 1, skippedRows: 1, skipped: [{ row: 3, column: 'B', message: expect.stringContaining('应为 18 位') }] });
    lists.deaths = res.json().list.id;
  });

  it('asks for the ID column when no header names it, and for a name and a department', async () => {
    const csv = Buffer.from(`企业名称,法人,证照\n某某公司,王某,${outsider('041')}\n`);
    const res = await upload(county, csv, { name: ' ', department: '银行' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'department', 'idColumn']);
    expect(res.json().error.fields[2].message).toContain('A 企业名称、B 法人、C 证照');
    const chosen = await upload(county, csv, { name: '企业法人', department: '工商注册', idColumn: 'C', nameColumn: 'B' });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect((await county.get(`/api/compare/lists/${chosen.json().list.id}/rows`)).json().items[0]).toMatchObject({ name: '王某', detail: '企业名称：某某公司' });
    expect((await upload(county, csv, { name: '企业法人', department: '工商注册', idColumn: 'Z' })).json().error.fields[0]).toMatchObject({ field: 'idColumn' });
    expect((await county.del(`/api/compare/lists/${chosen.json().list.id}`)).statusCode).toBe(204);
  });

  it('refuses list imports and runs by a member', async () => {
    const csv = Buffer.from(`姓名,身份证号\n甲,${outsider('051')}\n`);
    expect((await upload(memberUser, csv, { name: 'x', department: '其他' })).statusCode).toBe(403);
    expect((await memberUser.request({ method: 'POST', url: '/api/compare/lists/preview', ...multipart(csv, 'x.csv') })).statusCode).toBe(403);
    expect((await memberUser.get('/api/compare/lists')).statusCode).toBe(403);
    expect((await memberUser.post('/api/compare/runs', { listIds: [lists.vehicles] })).statusCode).toBe(403);
  });

  it('finds exactly the seeded hits over the county: every member, not only heads; struck-off households left out', async () => {
    const res = await county.post('/api/compare/runs', { listIds: [lists.vehicles, lists.housing, lists.fiscal, lists.deaths] });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    runId = run.id;
    // 3 + 1 members in 新城镇 (the struck-off household left out) and 1 in 城北镇.
    expect(run).toMatchObject({ scope: 'registry', regionPrefix: '513431', persons: 5, hits: 4, inScope: { villages: 2, households: 3, persons: 3, hits: 4, undecided: 4 } });
    expect(run.finishedAt).not.toBeNull();
    const hits = (await county.get(`/api/compare/runs/${runId}/hits?pageSize=50`)).json();
    expect(hits.total).toBe(4);
    expect(hits.items.map((h: Record<string, unknown>) => [h.villageCode, h.householdId, h.personName, h.relation, h.department, h.rowNo, h.detail])).toEqual([
      [VILLAGE, households.family, '阿说阿果', '配偶', '车辆', 3, '序号：1；号牌号码：川W12345；车辆类型：小型轿车'],
      [VILLAGE, households.family, '阿说阿果', '配偶', '财政供养人员', 3, '单位：新城镇中心校；职务：代课教师'],
      [VILLAGE, households.lone, '沙马拉且', '户主', '商品房', 2, '西昌市航天大道一段 8 号 2-301'],
      [OTHER_VILLAGE, households.elsewhere, '曲比阿果', '户主', '车辆', 6, '序号：4；号牌号码：川W44444；车辆类型：小型轿车'],
    ]);
    expect(hits.items[0]).toMatchObject({ householdNumber: '0001', headName: '吉克阿呷', listName: '2017年机动车登记', idNumber: SPOUSE, decision: null });
    expect(hits.items[0].villageName).toContain('俄尔古取村');
    const villages = (await county.get(`/api/compare/runs/${runId}/villages`)).json();
    expect(villages.items.map((v: Record<string, unknown>) => [v.villageCode, v.households, v.persons, v.hits])).toEqual([
      [VILLAGE, 2, 2, 3],
      [OTHER_VILLAGE, 1, 1, 1],
    ]);
    // A township runs over its own scope only.
    const own = (await town.post('/api/compare/runs', { listIds: [lists.vehicles, lists.fiscal] })).json();
    expect(own).toMatchObject({ regionPrefix: '513431100', persons: 4, hits: 2 });
  });

  it('changes no status, member or history of a household, whatever the hits and decisions', async () => {
    const snapshot = async () =>
      Promise.all(
        ['family', 'lone', 'elsewhere'].map(async (k) => {
          const h = (await t.admin.get(`/api/registry/households/${households[k]}`)).json();
          return { status: h.status, version: h.version, persons: h.persons.map((p: { idNumber: string; relation: string }) => [p.idNumber, p.relation]), history: h.history.length };
        }),
      );
    const before = await snapshot();
    const statusRows = await sql(`select count(*)::int as n from household_status_history`);
    const hits = (await county.get(`/api/compare/runs/${runId}/hits`)).json().items;
    for (const h of hits) {
      const res = await county.post(`/api/compare/hits/${h.id}/decision`, { decision: '属实', outcome: '经核实属实，提交村民代表大会评议', expectedDecidedAt: null });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await snapshot()).toEqual(before);
    expect(await sql(`select count(*)::int as n from household_status_history`)).toEqual(statusRows);
    expect((await t.admin.get('/api/procedures')).json().total).toBe(0);
  });

  it('records the assembly’s decision with who and when; a correction needs the current state and is kept in history', async () => {
    const [hit] = (await town.get(`/api/compare/runs/${runId}/hits?village=${VILLAGE}&pageSize=1`)).json().items;
    expect(hit).toMatchObject({ decision: '属实', decidedByName: 'county' });
    const invalid = await town.post(`/api/compare/hits/${hit.id}/decision`, { decision: '有车不准', outcome: '', expectedDecidedAt: hit.decidedAt });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['decision', 'outcome']);
    const stale = await town.post(`/api/compare/hits/${hit.id}/decision`, { decision: '不属实', outcome: '车辆已过户', expectedDecidedAt: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const outcome = '2020-07-02 村民代表大会评议：车辆登记在同名他人名下，评议不属实，保留贫困户';
    const res = await town.post(`/api/compare/hits/${hit.id}/decision`, { decision: '不属实', outcome, expectedDecidedAt: hit.decidedAt });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ decision: '不属实', outcome, decidedByName: 'town', decidedAt: '2020-06-30T02:00:00.000Z' });
    expect(saved.history.map((e: { userName: string; changes: Array<{ field: string; before: unknown; after: unknown }> }) => [e.userName, e.changes.map((c) => [c.field, c.before, c.after])])).toEqual([
      ['county', [['decision', null, '属实'], ['outcome', null, '经核实属实，提交村民代表大会评议']]],
      ['town', [['decision', '属实', '不属实'], ['outcome', '经核实属实，提交村民代表大会评议', outcome]]],
    ]);
    const filtered = (await county.get(`/api/compare/runs/${runId}/hits?decision=不属实`)).json();
    expect(filtered.items.map((h: { id: number }) => h.id)).toEqual([hit.id]);
    expect((await memberUser.post(`/api/compare/hits/${hit.id}/decision`, { decision: '属实', outcome: 'x', expectedDecidedAt: saved.decidedAt })).statusCode).toBe(403);
  });

  // Issue 11: a 政协委员's role holds the ledger's permissions only; the masked reading of hits is a 领导查阅's (compare-roles.test.ts).
  it('refuses a member the comparison results (their role holds no compare.read)', async () => {
    const res = await memberUser.get(`/api/compare/runs/${runId}/hits`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('此操作需要“查看部门名单和比对结果”权限');
  });

  it('keeps another township out: its lists, its runs and its hits', async () => {
    const visible = (await other.get('/api/compare/lists')).json().items;
    // The county's lists may be used below it, not viewed; the township's own list is not visible at all.
    expect(visible.map((l: { id: number; canManage: boolean }) => [l.id, l.canManage]).sort()).toEqual(
      [lists.vehicles, lists.housing, lists.deaths].map((i) => [i, false]).sort(),
    );
    expect((await other.get(`/api/compare/lists/${lists.fiscal}`)).statusCode).toBe(403);
    expect((await other.get(`/api/compare/lists/${lists.fiscal}/rows`)).statusCode).toBe(403);
    expect((await other.get(`/api/compare/lists/${lists.vehicles}/rows`)).statusCode).toBe(403);
    expect((await other.del(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(403);
    expect((await other.post('/api/compare/runs', { listIds: [lists.fiscal] })).statusCode).toBe(403);
    expect((await other.post('/api/compare/runs', { region: VILLAGE, listIds: [lists.vehicles] })).statusCode).toBe(403);
    // The county's run: only the township's own hit; the township run of 新城镇: nothing.
    const runs = (await other.get('/api/compare/runs')).json();
    expect(runs.items.map((r: { id: number; hitsInScope: number }) => [r.id, r.hitsInScope])).toEqual([[runId, 1]]);
    const hits = (await other.get(`/api/compare/runs/${runId}/hits`)).json();
    expect(hits.items.map((h: { personName: string }) => h.personName)).toEqual(['曲比阿果']);
    expect((await other.get(`/api/compare/runs/${runId}/hits?village=${VILLAGE}`)).statusCode).toBe(403);
    const townRun = (await town.get('/api/compare/runs')).json().items.find((r: { regionPrefix: string }) => r.regionPrefix === '513431100');
    expect((await other.get(`/api/compare/runs/${townRun.id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/compare/runs/${townRun.id}/hits`)).statusCode).toBe(403);
    const [ownHit] = (await county.get(`/api/compare/runs/${runId}/hits?village=${VILLAGE}`)).json().items;
    expect((await other.get(`/api/compare/hits/${ownHit.id}`)).statusCode).toBe(403);
    expect((await other.post(`/api/compare/hits/${ownHit.id}/decision`, { decision: '属实', outcome: 'x', expectedDecidedAt: ownHit.decidedAt })).statusCode).toBe(403);
  });

  it('compares the applicants of a new identification, and then lets its 县级比对 step pass', async () => {
    const applicant = household(VILLAGE, '0009', [member('阿尔拉则', APPLICANT, '户主'), member('阿尔木呷', APPLICANT_CHILD, '之子', { labour: '无劳动力', schooling: '学龄前', workMonths: 0, workIncome: 0 })]);
    const csv = Buffer.from(`姓名,身份证号,企业名称\n阿尔木呷,${APPLICANT_CHILD},昭觉县某某商贸有限公司（股东）\n`);
    const list = (await upload(county, csv, { name: '企业股东', department: '工商注册' })).json().list.id;
    const started = await town.post('/api/procedures', { kind: 'identification', applicant });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    for (const [step, record] of [
      [0, {}],
      [1, { assembly: quorum }],
    ] as const) {
      const res = await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step, record, version: p.version });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    expect((await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step: 2, record: {}, version: p.version })).statusCode).toBe(400);
    expect((await other.post(`/api/compare/procedures/${p.id}/runs`, { listIds: [list] })).statusCode).toBe(403);
    const run = await county.post(`/api/compare/procedures/${p.id}/runs`, { listIds: [list, lists.vehicles] });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json()).toMatchObject({ scope: 'procedure', procedureId: p.id, regionPrefix: VILLAGE, persons: 2, hits: 1 });
    const [hit] = (await county.get(`/api/compare/runs/${run.json().id}/hits`)).json().items;
    expect(hit).toMatchObject({ householdId: null, procedureId: p.id, personName: '阿尔木呷', department: '工商注册', detail: '企业名称：昭觉县某某商贸有限公司（股东）' });
    expect((await county.get(`/api/compare/runs?procedureId=${p.id}`)).json().total).toBe(1);
    const passed = await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step: 2, record: {}, version: p.version });
    expect(passed.statusCode, passed.body).toBe(200);
    // Still nobody in the registry: the comparison decides nothing, the procedure's later steps do.
    expect((await town.get('/api/registry/households?q=阿尔拉则')).json().total).toBe(0);
    // The assembly weighs the hit (属实, but the family still qualifies), the notices run, the county decides, and the
    // last step (入户采集录入) enters the household into the registry.
    p = passed.json();
    for (const [step, record, day] of [
      [3, { assembly: quorum, notice: { from: '2020-06-30' } }, '2020-07-07'],
      [4, { notice: { from: '2020-07-07' } }, '2020-07-14'],
      [5, {}, null],
      [6, {}, null],
    ] as const) {
      // The days of a notice pass (a session lasts 7 days of the clock: the county signs in again).
      if (day) clock.setTime(Date.parse(`${day}T10:00:00+08:00`));
      if (day) county = await t.login('county', 'password-123');
      const res = await county.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step, record, version: p.version });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    expect(p).toMatchObject({ state: 'completed' });
    // Back to the suite's day: the other users' sessions hold again.
    clock.setTime(TEST_NOW.getTime());
    const entered = (await town.get(`/api/registry/households/${p.householdId}`)).json();
    expect(entered).toMatchObject({ number: '0009', status: '未脱贫' });
    expect(entered.persons.map((x: { name: string }) => x.name)).toEqual(['阿尔拉则', '阿尔木呷']);
    expect(entered.history).toMatchObject([{ status: '未脱贫', reason: '建档立卡识别' }]);
  });

  it('compares the members of the household of a running procedure (a removal)', async () => {
    const started = await town.post('/api/procedures', { kind: 'removal', householdId: households.lone });
    expect(started.statusCode, started.body).toBe(201);
    const run = await town.post(`/api/compare/procedures/${started.json().id}/runs`, { listIds: [lists.housing, lists.vehicles] });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json()).toMatchObject({ scope: 'procedure', procedureId: started.json().id, regionPrefix: VILLAGE, persons: 1, hits: 1 });
    const [hit] = (await town.get(`/api/compare/runs/${run.json().id}/hits`)).json().items;
    expect(hit).toMatchObject({ householdId: households.lone, procedureId: started.json().id, personName: '沙马拉且', relation: '户主', department: '商品房' });
    // A bad expectedDecidedAt is a field error, not a server error.
    const bad = await town.post(`/api/compare/hits/${hit.id}/decision`, { decision: '属实', outcome: '已评议', expectedDecidedAt: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('expectedDecidedAt');
  });

  it('deletes a list after confirmation; its hits keep their evidence', async () => {
    expect((await town.del(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(403);
    expect((await county.del(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(204);
    expect((await county.get(`/api/compare/lists/${lists.vehicles}`)).statusCode).toBe(404);
    expect(await sql(`select count(*)::int as n from department_list_rows where list_id = ${lists.vehicles}`)).toEqual([{ n: 0 }]);
    const run = (await county.get(`/api/compare/runs/${runId}`)).json();
    expect(run.lists.find((l: { id: number }) => l.id === lists.vehicles)).toMatchObject({ deleted: true });
    const hits = (await county.get(`/api/compare/runs/${runId}/hits`)).json().items;
    expect(hits.filter((h: { department: string }) => h.department === '车辆').map((h: { rowNo: number; detail: string; listName: string | null }) => [h.rowNo, h.listName, h.detail])).toEqual([
      [3, null, '序号：1；号牌号码：川W12345；车辆类型：小型轿车'],
      [6, null, '序号：4；号牌号码：川W44444；车辆类型：小型轿车'],
    ]);
  });
});
