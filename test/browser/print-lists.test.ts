/**
 * Issue 12, print and PDF: the village lists (贫困户精准扶贫一览表, the 花名册 of seed 001), the 脱贫确认表 of a household
 * exit and the 公示 / 公告 of a procedure's notice step, produced from real data as PDF (read back with poppler) and, for
 * the notices, as Word (.docx, its word/document.xml read back).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type Client, type TestApp } from '../support/app';
import { ADMIN_PASSWORD } from '../support/db';
import { compact, pdfInfo, pdfText } from '../support/pdf';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { skipBrowser } from './support';

const VILLAGE = XINCHENG_VILLAGE;
const quorum = { representatives: 30, present: 21, votesFor: 15, votesAgainst: 6 };
const ids = {
  head1: idNumber('19800101', '011'),
  wife1: idNumber('19820303', '022'),
  head2: idNumber('19750505', '031'),
  son2: idNumber('20000606', '041'),
  head3: idNumber('19700707', '051'),
  head4: idNumber('19660808', '061'),
};
/** An ID number as printed for the public or a role without 身份证号查看: the first four and the last four kept. */
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
const household = (number: string, persons: unknown[], over: Record<string, unknown> = {}) => householdBody(VILLAGE, number, persons, { identifiedYear: 2016, ...over });

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe.skipIf(skipBrowser)('printed village lists and notices', () => {
  let t: TestApp;
  let county: Client;
  let town: Client;
  let leader: Client;
  let foreign: Client;
  const clock = new Date(TEST_NOW);
  const logins: Array<() => Promise<void>> = [];
  const setDay = async (iso: string) => {
    clock.setTime(Date.parse(`${iso}T10:00:00+08:00`));
    for (const l of logins) await l();
  };
  const hh: Record<string, number> = {};
  const procs: Array<{ id: number; version: number }> = [];
  const pdfOf = async (who: Client, url: string) => {
    const res = await who.get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', clock);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const otherCounty = await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' });
    county = await t.user(countyOrg, 'county');
    town = await t.user(townOrg, 'town');
    leader = await t.user(countyOrg, 'leader', 'leader');
    foreign = await t.user(otherCounty, 'foreign');
    logins.push(async () => void (county = await t.login('county', 'password-123')));
    logins.push(async () => void (town = await t.login('town', 'password-123')));
    logins.push(async () => void (leader = await t.login('leader', 'password-123')));
    logins.push(async () => void (foreign = await t.login('foreign', 'password-123')));
    logins.push(async () => void (t.admin = await t.login('admin', ADMIN_PASSWORD)));
    await t.admin.request({ method: 'PUT', url: '/api/registry/poverty-lines', payload: { year: 2020, scope: 'national', yuan: 3747, source: '测试用' } });
    const add = async (number: string, persons: unknown[], over: Record<string, unknown> = {}) => {
      const res = await town.post('/api/registry/households', household(number, persons, over));
      expect(res.statusCode, res.body).toBe(201);
      hh[number] = res.json().id;
    };
    await add('0001', [member('吉克阿呷', ids.head1, '户主'), member('吉克阿芝', ids.wife1, '配偶')]);
    await add('0002', [member('曲比拉哈', ids.head2, '户主'), member('曲比木呷', ids.son2, '之子')], { mainCause: '因病' });
    await add('0003', [member('阿说阿果', ids.head3, '户主')], { attribute: '低保贫困户', mainCause: '缺劳力' });
    await add('0004', [member('沙马依作', ids.head4, '户主')], { mainCause: '缺资金' });
    const income = (n: string, items: Record<string, number>) => town.request({ method: 'PUT', url: `/api/registry/households/${hh[n]}/incomes/2020`, payload: items });
    expect((await income('0001', { wages: 9000 })).statusCode).toBe(200);
    expect((await income('0002', { wages: 8600 })).statusCode).toBe(200);
    expect((await income('0003', { wages: 600, minimumLiving: 3000 })).statusCode).toBe(200);
    expect((await income('0004', { wages: 5200 })).statusCode).toBe(200);
    const helper = await town.post('/api/pairing/helpers', { name: '李干部', unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '副镇长', phone: '0834-1234567', regionCode: '513431100000' });
    expect(helper.statusCode, helper.body).toBe(201);
    expect((await town.post(`/api/pairing/households/${hh['0001']}/assignments`, { helperId: helper.json().id, fromOn: '2020-01-01' })).statusCode).toBe(201);
    for (const n of ['0001', '0002']) {
      const res = await town.post('/api/procedures', { kind: 'exit', householdId: hh[n], year: 2020 });
      expect(res.statusCode, res.body).toBe(201);
      procs.push(res.json());
    }
  });
  afterAll(async () => t?.close());

  const pass = async (who: Client, i: number, step: number, record: Record<string, unknown> = {}) => {
    const p = procs[i]!;
    const res = await who.post(`/api/procedures/${p.id}/actions`, { type: 'pass', step, record, version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    procs[i] = res.json();
  };

  it('prints the 村内公示 of the open step with both households, its days as they would run, masked ID numbers', async () => {
    for (const i of [0, 1]) {
      await pass(town, i, 0, { assembly: quorum });
      await pass(town, i, 1, { confirmedBy: '户主本人' });
    }
    // Seed 004: “经村“两委”和驻村扶贫工作队核实、拟退出贫困户认可后，在村内进行公示”: the village posts it, 7 days.
    const text = compact(pdfText(await pdfOf(town, `/api/print/procedures/${procs[0]!.id}/notice.pdf`)));
    expect(text).toContain('俄尔古取村关于2020年拟脱贫户名单的公示');
    expect(text).toContain('公示期为2020年6月30日至2020年7月6日，共7天');
    expect(text).toContain('吉克阿呷');
    expect(text).toContain('曲比拉哈');
    expect(text).toContain('曲比木呷（之子）');
    expect(text).toContain('12317');
    expect(text).toContain('俄尔古取村村民委员会');
    // The full ID number is never on a public notice, even for a role that may read it.
    expect(text).not.toContain(ids.head1);
    expect(text).toContain(masked(ids.head1));
  });

  it('walks the exit to its end; the Word notice of the 村内公示 holds the households and the recorded dates', async () => {
    await setDay('2020-07-07');
    for (const i of [0, 1]) await pass(town, i, 2, { notice: { from: '2020-06-30' } });
    await setDay('2020-07-14');
    for (const i of [0, 1]) await pass(town, i, 3, { notice: { from: '2020-07-07' } });
    for (const i of [0, 1]) await pass(town, i, 4);
    for (const i of [0, 1]) await pass(county, i, 5);
    for (const i of [0, 1]) await pass(county, i, 6);
    expect(procs[0]!).toMatchObject({ state: 'completed' });

    const res = await county.get(`/api/print/procedures/${procs[0]!.id}/notice.docx?step=2`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('俄尔古取村关于2020年拟脱贫户名单的公示.docx')}`);
    const doc = await docxText(res.rawPayload);
    expect(doc).toContain('俄尔古取村关于2020年拟脱贫户名单的公示');
    expect(doc).toContain('公示期为2020年6月30日至2020年7月6日，共 7 天');
    expect(doc).toContain('吉克阿呷');
    expect(doc).toContain('曲比拉哈');
    expect(doc).toContain('4,500');
    expect(doc).not.toContain(ids.head1);

    // The township's 公告 (seed 004: “公示无异议的,由乡镇党委、政府审定并公告”), dated the day it was passed.
    const gonggao = await docxText((await county.get(`/api/print/procedures/${procs[1]!.id}/notice.docx?step=4`)).rawPayload);
    expect(gonggao).toContain('新城镇关于2020年脱贫户名单的公告');
    expect(gonggao).toContain('村内公示无异议');
    expect(gonggao).toContain('新城镇人民政府');
    expect(gonggao).toContain('2020年7月14日');
    expect(gonggao).toContain('吉克阿呷');
    // A step that posts nothing is refused at its field.
    const none = await county.get(`/api/print/procedures/${procs[0]!.id}/notice.pdf?step=5`);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('不是公示或公告步骤');
  });

  it('prints the 脱贫确认表 with the income against the line, the standard, the steps and the signature lines', async () => {
    const text = compact(pdfText(await pdfOf(county, `/api/print/procedures/${procs[0]!.id}/confirmation.pdf`)));
    expect(text).toContain('2020年贫困户脱贫确认表');
    expect(text).toContain('吉克阿呷');
    expect(text).toContain('吉克阿芝');
    expect(text).toContain(ids.wife1); // the county office may read ID numbers
    expect(text).toContain('4,500元');
    expect(text).toContain('3,747元');
    // Seed 004 贫困人口脱贫标准: “(2)有安全住房;(3)家庭无因贫辍学学生;(4)……全部参加基本医保”.
    expect(text).toContain('有安全住房');
    expect(text).toContain('家庭无因贫辍学学生');
    expect(text).toContain('达到脱贫标准');
    expect(text).toContain('公示2020-06-30至2020-07-06');
    expect(text).toContain('2020年7月14日');
    expect(text).toContain('李干部（新城镇人民政府）');
    expect(text).toContain('户主（签字或按手印）');
    expect(text).toContain('乡镇党委、政府意见（盖章）');
  });

  it('prints the village 一览表 on A3 landscape with members, causes, helpers and the exit year', async () => {
    const pdf = await pdfOf(town, `/api/print/villages/${VILLAGE}/overview.pdf`);
    const [w, h] = pdfInfo(pdf).pageSize.split(' x ').map((s) => parseFloat(s));
    expect(w).toBeGreaterThan(1180);
    expect(h).toBeLessThan(850);
    const text = compact(pdfText(pdf));
    // Seed 001: “贫困户精准扶贫一览表(包括家庭构成、贫困成因、帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限等)”.
    for (const word of ['俄尔古取村贫困户精准扶贫一览表', '家庭构成', '贫困成因', '帮扶措施', '已实施和将要实施的帮扶项目', '帮扶责任人', '脱贫时限']) expect(text).toContain(word);
    expect(text).toContain('共4户6人');
    expect(text).toContain('吉克阿芝（配偶，女，1982年生');
    expect(text).toContain('因病');
    expect(text).toContain('李干部（新城镇人民政府）');
    expect(text).toContain('2020年已脱贫');
  });

  it('prints the 花名册: 减贫人口 of the year, 测算减贫人口, 低保户, masked for a role without ID numbers', async () => {
    // Seed 001 村级档案资料: “2014年测算减贫人口花名册”、“2015年计划减贫人口花名册”、“低保户、五保户花名册”.
    const exited = compact(pdfText(await pdfOf(town, `/api/print/villages/${VILLAGE}/rosters/exited.pdf?year=2020`)));
    expect(exited).toContain('俄尔古取村2020年减贫人口花名册');
    expect(exited).toContain('2020年减贫2户4人');
    for (const name of ['吉克阿呷', '吉克阿芝', '曲比拉哈', '曲比木呷']) expect(exited).toContain(name);
    expect(exited).not.toContain('阿说阿果');
    expect(exited).toContain(ids.son2);
    expect(compact(pdfText(await pdfOf(town, `/api/print/villages/${VILLAGE}/rosters/exited.pdf?year=2019`)))).toContain('2019年减贫0户0人');

    // 0004: 5,200 元 for one person, over 3,747 元 and secure: estimated to exit; 0003 (600 + 3,000 元) is not.
    const estimated = compact(pdfText(await pdfOf(town, `/api/print/villages/${VILLAGE}/rosters/estimated.pdf?year=2020`)));
    expect(estimated).toContain('测算达到脱贫标准1户1人');
    expect(estimated).toContain('沙马依作');
    expect(estimated).toContain('5,200元');
    expect(estimated).not.toContain('阿说阿果');

    // The township's: one sheet per village with households of the kind (only 俄尔古取村 has any here).
    const township = await pdfOf(county, '/api/print/townships/513431100000/rosters/exited.pdf?year=2020');
    expect(pdfInfo(township).pages).toBe(1);
    const townText = compact(pdfText(township));
    expect(townText).toContain('俄尔古取村2020年减贫人口花名册');
    expect(townText).toContain('曲比木呷');
    const emptyTown = compact(pdfText(await pdfOf(county, '/api/print/townships/513431101000/rosters/exited.pdf?year=2020')));
    expect(emptyTown).toContain('城北镇2020年减贫人口花名册');
    expect(emptyTown).toContain('无符合条件的户');
    // 新城镇's office cannot print 城北镇's.
    expect((await town.get('/api/print/townships/513431101000/rosters/poor.pdf')).statusCode).toBe(403);

    const pdf = await pdfOf(leader, `/api/print/villages/${VILLAGE}/rosters/minimum-living.pdf?year=2020`);
    expect(pdfInfo(pdf).pageSize).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // A4 landscape
    const dibao = compact(pdfText(pdf));
    expect(dibao).toContain('俄尔古取村低保户花名册');
    expect(dibao).toContain('阿说阿果');
    expect(dibao).toContain('3,000元');
    expect(dibao).not.toContain('吉克阿呷');
    // 领导查阅 reads ID numbers masked (its role: “身份证号脱敏”).
    expect(dibao).not.toContain(ids.head3);
    expect(dibao).toContain(masked(ids.head3));
  });

  it('refuses another county’s village and procedure without a word of their data', async () => {
    for (const url of [
      `/api/print/villages/${VILLAGE}/overview.pdf`,
      `/api/print/villages/${VILLAGE}/rosters/exited.pdf?year=2020`,
      '/api/print/townships/513431100000/rosters/poor.pdf',
      `/api/print/procedures/${procs[0]!.id}/confirmation.pdf`,
      `/api/print/procedures/${procs[0]!.id}/notice.pdf`,
      `/api/print/procedures/${procs[0]!.id}/notice.docx`,
    ]) {
      const res = await foreign.get(url);
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('吉克');
      expect(res.body).not.toContain('俄尔古取');
    }
  });
});
