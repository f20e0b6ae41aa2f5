import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, dbKinds, postgresUrl } from '../support/db';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';

/** 仙溪镇三星村 (seed 002: 县政协机关帮扶村) and 平口镇兴果村 (王益文主席联系) of 安化县. */
const SANXING = '430923103233';
const XINGGUO = '430923114218';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签字页')]);

function multipart(content: Buffer, fileName: string, type: string) {
  const boundary = '----tz-pairing';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const errorOf = (res: LightMyRequestResponse) => res.json().error as { code: string; message: string; fields?: Array<{ field: string; message: string }> };

describe.each(dbKinds())('pairing API on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  let otherTown: Client;
  /** Households of 新城镇 by number: 0001–0008 poor, 0009 exited. */
  const hh: Record<string, number> = {};
  let otherTownHousehold: number;

  const helper = (who: Client, over: Record<string, unknown> = {}) =>
    who.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567', regionCode: '513431100000', ...over });
  const assign = (householdId: number, helperId: number, over: Record<string, unknown> = {}) => town.post(`/api/pairing/households/${householdId}/assignments`, { helperId, ...over });
  const listed = (res: LightMyRequestResponse) => (res.json().items as Array<{ number: string }>).map((i) => i.number);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(countyOrg, 'county');
    town = await t.user(await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' }), 'xincheng');
    otherTown = await t.user(await t.org('城北镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431101000' }), 'chengbei');
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2019, scope: 'national', yuan: 3747, source: '测试用' } });
    for (let i = 1; i <= 9; i++) {
      const number = `000${i}`;
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, number, [member(`户主${i}`, idNumber('19800101', `10${i}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      hh[number] = res.json().id;
    }
    // 0009 exited in 2019 (a data correction by the system administrator, with the income of its exit year).
    const h = (await town.request({ method: 'PUT', url: `/api/registry/households/${hh['0009']}/incomes/2019`, payload: { wages: 20000 } })).json();
    expect((await t.admin.post(`/api/registry/households/${hh['0009']}/status`, { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '达到脱贫标准', version: h.version })).statusCode).toBe(200);
    const other = await otherTown.post('/api/registry/households', householdBody(CHENGBEI_VILLAGE, '0001', [member('城北户主', idNumber('19800101', '201'), '户主')]));
    otherTownHousehold = other.json().id;
  });
  afterAll(async () => t?.close());

  // Seed 004: “落实帮扶联系人必须是乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员的要求”; “帮扶联系人仅有村干部” was a problem.
  it('refuses a village-level cadre and a junior enterprise manager, naming the field', async () => {
    const village = await helper(town, { name: '村支书', unit: '俄尔古取村村委会', level: '村' });
    expect(village.statusCode).toBe(400);
    expect(errorOf(village).message).toBe('单位层级：村级干部不能担任帮扶责任人：须为乡镇以上党政机关、事业单位在编干部');
    expect(errorOf(village).fields).toEqual([{ field: 'level', label: '单位层级', message: '村级干部不能担任帮扶责任人：须为乡镇以上党政机关、事业单位在编干部' }]);
    const junior = await helper(town, { name: '赵班长', unit: '昭觉县某公司', kind: 'enterprise', level: '基层' });
    expect(errorOf(junior).fields?.[0]).toMatchObject({ field: 'level', message: '企业基层管理人员不能担任帮扶责任人：须为企业中层以上管理人员' });
    const manager = await helper(town, { name: '钱经理', unit: '昭觉县某公司', kind: 'enterprise', level: '中层' });
    expect(manager.statusCode, manager.body).toBe(201);
    expect(manager.json()).toMatchObject({ eligible: true, kindLabel: '企业管理人员', households: 0, limit: 3 });
    // A township user cannot place a helper in the county's region, nor another township's.
    expect(errorOf(await helper(town, { regionCode: '513431101000' })).fields?.[0]).toMatchObject({ field: 'regionCode', message: '不在您的管辖范围内' });
  });

  // Seed 004: “每名帮扶联系人所联系的贫困家庭一般不超过3户”.
  it('refuses a 4th household with an error naming the helper and the households held', async () => {
    const id = (await helper(town)).json().id as number;
    for (const n of ['0001', '0002', '0003']) expect((await assign(hh[n]!, id, { fromOn: '2020-01-01' })).statusCode).toBe(201);
    const fourth = await assign(hh['0004']!, id);
    expect(fourth.statusCode).toBe(409);
    expect(errorOf(fourth).message).toBe(
      '帮扶责任人“李干部”已联系 3 户（俄尔古取村 户编号 0001（户主 户主1）、俄尔古取村 户编号 0002（户主 户主2）、俄尔古取村 户编号 0003（户主 户主3）），每名帮扶责任人联系的贫困户不超过 3 户，请先办理更换或结束帮扶',
    );
    expect(errorOf(fourth).fields?.[0]?.field).toBe('helperId');
    expect((await town.get(`/api/pairing/households/${hh['0004']}`)).json().helpers).toEqual([]);
    // The same helper twice on one household is refused too.
    expect((await assign(hh['0001']!, id)).statusCode).toBe(409);
    const page = (await town.get(`/api/pairing/helpers/${id}`)).json();
    expect(page.households).toBe(3);
    expect(page.assignments.map((a: { household: { number: string } }) => a.household.number).sort()).toEqual(['0001', '0002', '0003']);
  });

  it('cannot exceed the limit with simultaneous assignments', async () => {
    const id = (await helper(town, { name: '孙干部' })).json().id as number;
    expect((await assign(hh['0004']!, id)).statusCode).toBe(201);
    expect((await assign(hh['0005']!, id)).statusCode).toBe(201);
    const results = await Promise.all([assign(hh['0006']!, id), assign(hh['0007']!, id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await town.get(`/api/pairing/helpers/${id}`)).json().households).toBe(3);
    // The household refused gets another helper.
    const refused = results[0]!.statusCode === 409 ? '0006' : '0007';
    const other = (await helper(town, { name: '郑干部' })).json().id as number;
    expect((await assign(hh[refused]!, other)).statusCode).toBe(201);
  });

  // Seed 004: “扶贫手册帮扶责任人有调整的，在后面备注从何时调整更换”.
  it('replaces a helper keeping both dates, so the handbook shows who took over from whom and when', async () => {
    const a = (await helper(town, { name: '张三' })).json().id as number;
    const b = (await helper(town, { name: '李四', unit: '昭觉县农业农村局', level: '县', regionCode: '513431100000' })).json().id as number;
    const first = await assign(hh['0008']!, a, { fromOn: '2020-01-01', reason: '确定帮扶责任人' });
    const assignmentId = first.json().helpers[0].id as number;
    expect((await town.post(`/api/pairing/assignments/${assignmentId}/replace`, { helperId: b, on: '2020-03-01', reason: '' })).json().error.fields[0]).toMatchObject({ field: 'reason' });
    expect((await town.post(`/api/pairing/assignments/${assignmentId}/replace`, { helperId: b, on: '2020-07-01', reason: '调动' })).json().error.fields[0]).toMatchObject({ field: 'on', message: '不能晚于今天（2020-06-30）' });
    const res = await town.post(`/api/pairing/assignments/${assignmentId}/replace`, { helperId: b, on: '2020-03-01', reason: '原帮扶责任人工作调动' });
    expect(res.statusCode, res.body).toBe(200);
    const panel = res.json();
    expect(panel.assignments.map((x: { helperName: string; fromOn: string; toOn: string | null }) => [x.helperName, x.fromOn, x.toOn])).toEqual([
      ['张三', '2020-01-01', '2020-03-01'],
      ['李四', '2020-03-01', null],
    ]);
    expect(panel.helpers.map((x: { helperName: string }) => x.helperName)).toEqual(['李四']);
    expect(panel.notes.map((n: { text: string; reason: string }) => [n.text, n.reason])).toEqual([
      ['自 2020-01-01 起由张三担任帮扶责任人', '确定帮扶责任人'],
      ['自 2020-03-01 起由李四接替张三', '原帮扶责任人工作调动'],
    ]);
    // An ended assignment is not replaced again.
    expect((await town.post(`/api/pairing/assignments/${assignmentId}/replace`, { helperId: b, reason: '再次' })).statusCode).toBe(409);
    // The replaced helper may be deactivated now; the new one may not while holding the household.
    const bRow = (await town.get(`/api/pairing/helpers/${b}`)).json();
    const refused = await town.patch(`/api/pairing/helpers/${b}`, { active: false, version: bRow.version });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('“李四”仍联系 1 户');
    const aRow = (await town.get(`/api/pairing/helpers/${a}`)).json();
    // Deactivating keeps the record's kind one of the two the seed names (the answer's contract lists them).
    const unknownKind = await town.patch(`/api/pairing/helpers/${a}`, { active: false, kind: 'volunteer', version: aRow.version });
    expect(unknownKind.statusCode).toBe(400);
    expect(errorOf(unknownKind).fields?.[0]).toMatchObject({ field: 'kind', message: '应为党政机关、事业单位干部或企业管理人员' });
    expect((await town.patch(`/api/pairing/helpers/${a}`, { active: false, version: aRow.version })).json()).toMatchObject({ active: false });
    expect(errorOf(await assign(hh['0009']!, a)).message).toBe('帮扶责任人：“张三”已停用，不能再联系贫困户');
  });

  // Seed 004: “确保每个贫困户至少有一名帮扶责任人”; exited households keep theirs (“仍需安排帮扶联系人定期走访”).
  it('lists the households without a current helper, exited ones included', async () => {
    expect(listed(await town.get('/api/pairing/households-without-helper'))).toEqual(['0009']);
    const countyView = await county.get('/api/pairing/households-without-helper?region=513431000000');
    expect(countyView.json().items.map((i: { villageCode: string; number: string }) => `${i.villageCode}/${i.number}`).sort()).toEqual([`${XINCHENG_VILLAGE}/0009`, `${CHENGBEI_VILLAGE}/0001`]);
    // As of a day before any assignment every household is listed.
    expect((await town.get('/api/pairing/households-without-helper?on=2019-12-31')).json().total).toBe(9);
    // Ending an assignment puts the household back on the list.
    const panel = (await town.get(`/api/pairing/households/${hh['0001']}`)).json();
    const ended = await town.post(`/api/pairing/assignments/${panel.helpers[0].id}/end`, { reason: '帮扶责任人退休' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().notes.at(-1)).toMatchObject({ kind: 'end', text: '自 2020-06-30 起李干部不再担任帮扶责任人', reason: '帮扶责任人退休' });
    expect(listed(await town.get('/api/pairing/households-without-helper'))).toEqual(['0001', '0009']);
  });

  // Seed 004: “脱贫以后，每半年至少上门回访1次”.
  it('lists an exited household without a visit this half-year until a helper visits', async () => {
    const missing = async (q = '') => listed(await town.get(`/api/pairing/visits/missing${q}`));
    expect(await missing()).toEqual(['0009']);
    expect((await town.get('/api/pairing/visits/missing')).json().halfYear).toMatchObject({ from: '2020-01-01', to: '2020-06-30', label: '2020 年上半年' });
    const doctor = await town.post(`/api/pairing/households/${hh['0009']}/visits`, { kind: '家庭医生', visitedOn: '2020-04-02', visitor: '王医生', content: '家庭医生签约随访，测血压' });
    expect(doctor.statusCode, doctor.body).toBe(201);
    expect(await missing()).toEqual(['0009']); // a family doctor's visit is not the helper's 回访
    const helperId = (await helper(town, { name: '周干部' })).json().id as number;
    await assign(hh['0009']!, helperId, { fromOn: '2020-01-01' });
    // The helper must hold the household on the visit day.
    expect(errorOf(await town.post(`/api/pairing/households/${hh['0009']}/visits`, { kind: '帮扶走访', visitedOn: '2019-12-01', helperId, content: '回访' })).fields?.[0]).toMatchObject({ field: 'helperId' });
    const visit = await town.post(`/api/pairing/households/${hh['0009']}/visits`, { kind: '帮扶走访', visitedOn: '2020-05-10', helperId, content: '上门回访，核实收入，宣讲政策' });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ visitor: '周干部', helperId });
    expect(await missing()).toEqual([]);
    expect(await missing('?year=2019&half=2')).toEqual(['0009']); // the half-year before still lacks one
    expect(errorOf(await town.get('/api/pairing/visits/missing?year=2020&half=3')).fields?.[0]).toMatchObject({ field: 'half' });
    const panel = (await town.get(`/api/pairing/households/${hh['0009']}`)).json();
    expect(panel.halfYear.problem).toBeNull();
    expect(panel.visits.map((v: { kind: string; visitedOn: string }) => [v.kind, v.visitedOn])).toEqual([
      ['帮扶走访', '2020-05-10'],
      ['家庭医生', '2020-04-02'],
    ]);
    expect(errorOf(await town.post(`/api/pairing/households/${hh['0009']}/visits`, { kind: '慰问', content: '' })).fields?.map((f) => f.field)).toEqual(['kind', 'content', 'visitor']);
  });

  // Seed 004: “帮扶成效签字：帮扶人与被帮扶人签字确认帮扶落实情况”.
  it('keeps a visit’s signature file and serves it back; refuses other types and other townships', async () => {
    const visitId = (await town.get(`/api/pairing/households/${hh['0009']}`)).json().visits[0].id as number;
    const upload = (content: Buffer, name: string, type: string) => town.request({ method: 'POST', url: `/api/pairing/visits/${visitId}/signatures`, ...multipart(content, name, type) });
    const saved = await upload(PNG, '帮扶成效签字.png', 'image/png');
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ fileName: '帮扶成效签字.png', mime: 'image/png', size: PNG.length });
    const file = await town.get(`/api/pairing/signatures/${saved.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(errorOf(await upload(Buffer.from('<html>'), '签字.pdf', 'application/pdf')).fields?.[0]).toEqual({ field: 'file', label: '签字材料', message: '文件内容不是 PDF 格式，请上传签字页的照片或扫描件' });
    expect(errorOf(await upload(Buffer.from('MZ'), 'a.exe', 'application/x-msdownload')).message).toBe('签字材料：只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件');
    expect(errorOf(await upload(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf', 'application/pdf')).message).toBe('签字材料：文件超过 10 MB 上限');
    expect((await town.get(`/api/pairing/households/${hh['0009']}`)).json().visits[0].attachments).toHaveLength(1);
    expect((await otherTown.get(`/api/pairing/signatures/${saved.json().id}`)).statusCode).toBe(403);
    expect((await otherTown.request({ method: 'POST', url: `/api/pairing/visits/${visitId}/signatures`, ...multipart(PNG, 'x.png', 'image/png') })).statusCode).toBe(403);
  });

  it('keeps another township out of helpers, households and lists', async () => {
    const helpers = (await town.get('/api/pairing/helpers')).json();
    const townHelper = helpers.items.find((h: { name: string }) => h.name === '李干部');
    expect(townHelper).toMatchObject({ households: 2 });
    expect((await otherTown.get('/api/pairing/helpers')).json().total).toBe(0);
    expect((await otherTown.get(`/api/pairing/helpers/${townHelper.id}`)).statusCode).toBe(403);
    expect((await otherTown.patch(`/api/pairing/helpers/${townHelper.id}`, { phone: '1', version: townHelper.version })).statusCode).toBe(403);
    expect((await otherTown.get(`/api/pairing/households/${hh['0001']}`)).statusCode).toBe(403);
    expect((await otherTown.post(`/api/pairing/households/${hh['0001']}/assignments`, { helperId: townHelper.id })).statusCode).toBe(403);
    expect((await otherTown.post(`/api/pairing/households/${hh['0001']}/visits`, { kind: '帮扶走访', visitor: '某人', content: '走访' })).statusCode).toBe(403);
    expect(listed(await otherTown.get('/api/pairing/households-without-helper'))).toEqual(['0001']);
    expect((await otherTown.get('/api/pairing/households-without-helper?region=513431100000')).statusCode).toBe(403);
    expect((await otherTown.get('/api/pairing/visits/missing')).json().total).toBe(0);
    // A township's helper may not take another township's household, but a county cadre may help in both.
    expect((await otherTown.post(`/api/pairing/households/${otherTownHousehold}/assignments`, { helperId: townHelper.id })).statusCode).toBe(403);
    const countyCadre = await helper(county, { name: '吴局长', unit: '昭觉县扶贫开发局', level: '县', post: '局长', regionCode: '513431000000' });
    expect(countyCadre.statusCode).toBe(201);
    expect((await otherTown.get('/api/pairing/helpers')).json().items.map((h: { name: string }) => h.name)).toEqual(['吴局长']);
    const placed = await otherTown.post(`/api/pairing/households/${otherTownHousehold}/assignments`, { helperId: countyCadre.json().id });
    expect(placed.statusCode, placed.body).toBe(201);
    // The county cadre's page names only the households the user may see.
    await assign(hh['0001']!, countyCadre.json().id);
    const seen = (await otherTown.get(`/api/pairing/helpers/${countyCadre.json().id}`)).json().assignments;
    expect(seen.map((a: { household: { number: string } | null }) => a.household?.number ?? null).sort()).toEqual(['0001', null]);
    expect((await otherTown.patch(`/api/pairing/helpers/${countyCadre.json().id}`, { phone: '1', version: 1 })).statusCode).toBe(403);
  });

  // Seed 002: “王益文主席联系平口镇兴果村……”; “县政协机关帮扶村：仙溪镇三星村”; 经促分会 and 工商联 chambers' villages.
  it('records leader–village links of a CPPCC body, checked and scoped', async () => {
    const cppcc = await t.org('政协安化县委员会', { regionCode: '430923000000' });
    const chair = await t.member(cppcc, '王益文');
    const office = await t.user(cppcc, 'anhua');
    const link = (body: Record<string, unknown>) => office.post('/api/pairing/leader-villages', { orgId: cppcc.id, fromOn: '2018-03-09', ...body });
    const lead = await link({ kind: '领导联系村', memberId: chair.id, villageCode: XINGGUO });
    expect(lead.statusCode, lead.body).toBe(201);
    expect((await link({ kind: '机关定点帮扶村', villageCode: SANXING })).statusCode).toBe(201);
    expect((await link({ kind: '工商联商会帮扶村', holder: '平口镇商会', villageCode: XINGGUO })).statusCode).toBe(201);
    expect(errorOf(await link({ kind: '领导联系村', villageCode: XINGGUO })).fields?.[0]).toMatchObject({ field: 'memberId' });
    expect(errorOf(await link({ kind: '经促分会帮扶村', villageCode: XINGGUO })).fields?.[0]).toMatchObject({ field: 'holder' });
    expect(errorOf(await link({ kind: '机关定点帮扶村', villageCode: '430923103000' })).fields?.[0]).toEqual({ field: 'villageCode', label: '帮扶村', message: '“仙溪镇”不是村级行政区划' });
    const list = (await office.get('/api/pairing/leader-villages')).json();
    expect(list.items.map((l: { kind: string; memberName: string | null; holder: string; villageName: string }) => [l.kind, l.memberName ?? l.holder, l.villageName])).toEqual([
      ['领导联系村', '王益文', '湖南省益阳市安化县平口镇兴果村委会'],
      ['机关定点帮扶村', '', '湖南省益阳市安化县仙溪镇三星村委会'],
      ['工商联商会帮扶村', '平口镇商会', '湖南省益阳市安化县平口镇兴果村委会'],
    ]);
    // Ended links keep their dates; other bodies see none of them and cannot change them.
    const ended = await office.patch(`/api/pairing/leader-villages/${lead.json().id}`, { toOn: '2018-12-31' });
    expect(ended.json()).toMatchObject({ fromOn: '2018-03-09', toOn: '2018-12-31' });
    expect((await office.get('/api/pairing/leader-villages?current=true')).json().total).toBe(2);
    expect((await town.get('/api/pairing/leader-villages')).json().total).toBe(0);
    expect((await town.patch(`/api/pairing/leader-villages/${lead.json().id}`, { toOn: '2019-01-01' })).statusCode).toBe(403);
    expect((await town.request({ method: 'DELETE', url: `/api/pairing/leader-villages/${lead.json().id}` })).statusCode).toBe(403);
    // A member of another body cannot be a leader of this one.
    const other = await t.member(await t.org('政协昭觉县委员会', { regionCode: '513431000000' }), '某委员');
    // … and is not named: the member is outside the user's scope (issue 9).
    expect(errorOf(await link({ kind: '领导联系村', memberId: other.id, villageCode: XINGGUO })).fields?.[0]).toMatchObject({ field: 'memberId', message: `委员编号 ${other.id} 不属于“政协安化县委员会”` });
  });

  // Deterministic on PostgreSQL: another session holds back inserts into helper_assignments until both requests wait.
  // Without the lock on the helper's row both would have counted 2 households and both would insert; with it, the
  // second waits for the first to commit and then counts 3.
  it.runIf(kind === 'postgres')('locks the helper so that two waiting assignments cannot both pass the limit', async () => {
    const ids: number[] = [];
    for (const n of ['0101', '0102', '0103', '0104']) {
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, n, [member(`户主${n}`, idNumber('19800101', `3${n.slice(2)}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const id = (await helper(town, { name: '冯干部' })).json().id as number;
    for (const h of ids.slice(0, 2)) expect((await assign(h, id)).statusCode).toBe(201);
    const [{ db }] = (await t.database.query<{ db: string }>('select current_database() as db')) as [{ db: string }];
    const url = new URL(postgresUrl()!);
    url.pathname = `/${db}`;
    const blocker = new pg.Client({ connectionString: url.toString() });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table helper_assignments in exclusive mode');
      const pending = Promise.all([assign(ids[2]!, id), assign(ids[3]!, id)]);
      let waiting = 0;
      for (let i = 0; i < 400 && waiting < 2; i++) {
        await new Promise((r) => setTimeout(r, 25));
        [{ waiting }] = (await t.database.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        )) as [{ waiting: number }];
      }
      expect(waiting).toBe(2);
      await blocker.query('commit');
      expect((await pending).map((r) => r.statusCode).sort()).toEqual([201, 409]);
    } finally {
      await blocker.end();
    }
    expect((await town.get(`/api/pairing/helpers/${id}`)).json().households).toBe(3);
  });
});

/**
 * Seed 004: exited households keep their helpers (“脱贫以后，……脱贫攻坚政策继续保持不变，支持力度不减”, “标注后的稳定脱贫户仍需
 * 安排帮扶联系人定期走访”); a household struck off (“坚决剔除违规纳入、识别不精准的建档立卡户”) does not: the removal procedure's
 * last step ends its helpers' assignments, and it no longer counts toward “每名帮扶联系人所联系的贫困家庭一般不超过3户”.
 */
describe.each(dbKinds())('a 清退 household and its helper on %s', (kind) => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  const clock = new Date(TEST_NOW);
  const hh: Record<string, number> = {};
  const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };
  /** Moves the clock; sessions expire with it, so everyone signs in again. */
  const setDay = async (iso: string) => {
    clock.setTime(Date.parse(`${iso}T10:00:00+08:00`));
    county = await t.login('county', 'password-123');
    town = await t.login('town', 'password-123');
    t.admin = await t.login('admin', ADMIN_PASSWORD);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, clock);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(countyOrg, 'county');
    town = await t.user(await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' }), 'town');
    for (let i = 1; i <= 4; i++) {
      const res = await town.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, `000${i}`, [member(`户主${i}`, idNumber('19800101', `40${i}`), '户主')], { identifiedYear: 2016 }));
      expect(res.statusCode, res.body).toBe(201);
      hh[`000${i}`] = res.json().id;
    }
  });
  afterAll(async () => t?.close());

  it('ends the assignments when the removal procedure completes, so the helper can take a new third household', async () => {
    const helperId = (await town.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', regionCode: '513431100000' })).json().id as number;
    const assign = (n: string) => town.post(`/api/pairing/households/${hh[n]}/assignments`, { helperId, fromOn: '2020-01-01' });
    for (const n of ['0001', '0002', '0003']) expect((await assign(n)).statusCode).toBe(201);
    expect((await assign('0004')).statusCode).toBe(409);

    // 清退 of 0001: 入户核实、告知本人、村级评议公示、乡镇审核、县级备案.
    const started = await town.post('/api/procedures', { kind: 'removal', householdId: hh['0001'] });
    expect(started.statusCode, started.body).toBe(201);
    let p = started.json();
    const pass = async (who: () => Client, step: number, record: Record<string, unknown> = {}) => {
      const res = await who().post(`/api/procedures/${p.id}/actions`, { type: 'pass', step, record, version: p.version });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    };
    await pass(() => town, 0);
    await pass(() => town, 1, { confirmedBy: '户主1（户主）' });
    await setDay('2020-07-07');
    await pass(() => town, 2, { assembly: quorum, notice: { from: '2020-06-30' } });
    await pass(() => town, 3);
    // Until the last step the household is poor and its helper holds it.
    expect((await town.get(`/api/pairing/households/${hh['0001']}`)).json().helpers).toHaveLength(1);
    await pass(() => county, 4);
    expect(p.state).toBe('completed');
    expect((await town.get(`/api/registry/households/${hh['0001']}`)).json().status).toBe('清退');

    const panel = (await town.get(`/api/pairing/households/${hh['0001']}`)).json();
    expect(panel.helpers).toEqual([]);
    expect(panel.assignments.map((a: { fromOn: string; toOn: string | null }) => [a.fromOn, a.toOn])).toEqual([['2020-01-01', '2020-07-07']]);
    expect(panel.notes.at(-1)).toEqual({ on: '2020-07-07', kind: 'end', text: '自 2020-07-07 起李干部不再担任帮扶责任人', reason: `该户已清退（清退程序办结（程序编号 ${p.id}））` });
    expect((await town.get(`/api/pairing/helpers/${helperId}`)).json().households).toBe(2);
    // The freed place takes a new third household, and a fourth is refused again.
    expect((await assign('0004')).statusCode).toBe(201);
    expect((await town.get(`/api/pairing/helpers/${helperId}`)).json().households).toBe(3);
    // The struck-off household is on no list of households lacking a helper, here or in the data-quality check.
    expect((await town.get('/api/pairing/households-without-helper')).json().total).toBe(0);
    expect((await town.get('/api/quality/checks/no_helper')).json().total).toBe(0);
  });

  it('does not count a 清退 household whose assignment was left open (a correction outside the procedure)', async () => {
    const helperId = (await town.get('/api/pairing/helpers')).json().items[0].id as number;
    const h = (await town.get(`/api/registry/households/${hh['0002']}`)).json();
    const corrected = await t.admin.post(`/api/registry/households/${hh['0002']}/status`, { status: '清退', effectiveOn: '2020-07-07', reason: '识别不准（数据纠错）', version: h.version });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const page = (await town.get(`/api/pairing/helpers/${helperId}`)).json();
    expect(page.households).toBe(2);
    expect((await town.get('/api/pairing/helpers')).json().items[0]).toMatchObject({ id: helperId, households: 2 });
    expect((await town.get('/api/pairing/households-without-helper')).json().total).toBe(0);
    expect((await t.admin.get('/api/quality/checks/helper_over_limit?region=513431000000')).json().total).toBe(0);
  });
});
