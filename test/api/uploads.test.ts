import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/connection';
import { parseWithLimit, UPLOAD_LIMITS } from '../../src/server/http/upload';
import type { Services } from '../../src/server/services';
import { TEST_NOW } from '../support/app';
import { systemAuth } from '../../src/server/auth/access';
import { createTestDatabase, dbKinds } from '../support/db';
import { idNumber, XINCHENG_VILLAGE } from '../support/registry';
import { householdCols, personCols, rosterWith } from '../support/roster';

/**
 * Issue 9, “One upload kills the server”: every upload has a size and a row limit named in its error, the role is
 * checked before a byte is read, and attachments are typed by their bytes and served so that no browser runs them.
 * The app is built with small limits (the real defaults are tried on the reader alone).
 */

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签字页')]);
const PDF = Buffer.from('%PDF-1.4\n%签字页\n');

function multipart(content: Buffer, fileName: string, type: string): Pick<InjectOptions, 'headers' | 'payload'> {
  const boundary = '----tz-uploads';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (content: Buffer) => multipart(content, 'import.xlsx', XLSX_TYPE);
const csv = (text: string) => multipart(Buffer.from(text, 'utf8'), 'list.csv', 'text/csv');
/** Not multipart at all, although it says so: whoever reads it first gets a parse error. */
const GARBAGE: Pick<InjectOptions, 'headers' | 'payload'> = { headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: 'garbage, not a form' };

/** A one-column sheet of `n` non-empty rows (streamed, as a large file would be written). */
async function oneColumnXlsx(n: number): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('花名册');
  for (let i = 1; i <= n; i++) ws.addRow([i]).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

interface Client {
  request(o: InjectOptions): Promise<LightMyRequestResponse>;
}

describe('the reader with the real default limits', () => {
  it('stops a roster one row past 100,000 persons with the limit named, and reads one at the limit', async () => {
    const rows = UPLOAD_LIMITS.roster.maxRows;
    // Header and hint rows are allowed besides the persons (and the template's notes sheet): 22 in all.
    const over = await oneColumnXlsx(rows + 23);
    await expect(parseWithLimit(UPLOAD_LIMITS.roster, over, { headerRows: 22 })).rejects.toThrow('花名册最多 100,000 行');
    const at = await parseWithLimit(UPLOAD_LIMITS.roster, await oneColumnXlsx(rows + 22), { headerRows: 22 });
    expect(at.sheets[0]!.rows).toHaveLength(rows + 22);
  });

  it('keeps Chinese text whole across the pieces a large sheet is read in', async () => {
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('名单');
    for (let i = 0; i < 20_000; i++) ws.addRow([`吉克阿呷${i}`, '昭觉县新城镇俄尔古取村']).commit();
    ws.commit();
    await wb.commit();
    const t = await parseWithLimit(UPLOAD_LIMITS.list, Buffer.concat(chunks), { headerRows: 0 });
    const rows = t.sheets[0]!.rows;
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r, i) => r.cells[0] === `吉克阿呷${i}` && r.cells[1] === '昭觉县新城镇俄尔古取村')).toBe(true);
  });

  it('names every default limit in Chinese', () => {
    expect(UPLOAD_LIMITS).toMatchObject({
      roster: { what: '花名册', maxBytes: 20 * 1024 * 1024, maxRows: 100_000 },
      list: { what: '部门名单', maxRows: 500_000 },
      evidence: { maxBytes: 20 * 1024 * 1024 },
      signature: { maxBytes: 10 * 1024 * 1024 },
    });
  });
});

describe.each(dbKinds())('uploads on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let services: Services;
  let town: Client;
  let member: Client;
  let householdId: number;

  async function login(username: string, password: string): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
    return { request: (o) => app.inject({ ...o, headers: { ...(o.headers as Record<string, string>), cookie } }) };
  }
  const post = (c: Client, url: string, body: Pick<InjectOptions, 'headers' | 'payload'>) => c.request({ method: 'POST', url, ...body });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ({ app, services } = await buildApp({
      database,
      now: () => TEST_NOW,
      webDir: null,
      uploadLimits: { roster: { maxRows: 5 }, list: { maxBytes: 2048, maxRows: 3 } },
    }));
    await app.ready();
    const root = (await services.orgs.root())!;
    const rootAuth = systemAuth(root);
    const county = await services.orgs.create(rootAuth, { parentId: root.id, name: '昭觉县扶贫办', kind: '扶贫办', level: '县', regionCode: '513431000000' });
    const townOrg = await services.orgs.create(rootAuth, { parentId: county.id, name: '新城镇扶贫工作站', kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    const m = await services.members.create(rootAuth, townOrg.id, { name: '阿西委员' });
    await services.auth.insertUserUnchecked({ username: 'xincheng', displayName: '新城镇', password: 'password-123', role: 'org_admin', orgId: townOrg.id, memberId: null });
    await services.auth.insertUserUnchecked({ username: 'axi', displayName: '阿西', password: 'password-123', role: 'member', orgId: townOrg.id, memberId: m.id });
    town = await login('xincheng', 'password-123');
    member = await login('axi', 'password-123');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const twoPersons = () =>
    rosterWith([
      { ...householdCols('0101'), ...personCols('吉克阿呷', idNumber('19800101', '011'), '户主') },
      { 村级区划代码: XINCHENG_VILLAGE, 户编号: '0101', ...personCols('阿说阿果', idNumber('19820202', '022'), '配偶') },
    ]);

  it('imports a roster within the limits and records the upload (who, what, how many rows, which file)', async () => {
    const res = await post(town, '/api/registry/roster/import', multipart(await twoPersons(), '俄尔古取村花名册.xlsx', XLSX_TYPE));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ households: 1, persons: 2, created: 1 });
    const [event] = await database.query<{ user_name: string; after: Record<string, unknown> }>(`select user_name, after from audit_log where entity = 'access' and action = 'upload' order by id desc limit 1`);
    expect(event).toMatchObject({ user_name: '新城镇', after: { what: '花名册导入', rows: 2, file: '俄尔古取村花名册.xlsx' } });
    const found = await town.request({ method: 'GET', url: '/api/registry/households?q=0101' });
    householdId = found.json().items[0].id;
  });

  it('refuses more rows than the limit with a 400 naming it, on the import and the job route, writing nothing', async () => {
    const six = await rosterWith(
      ['011', '022', '031', '041', '052', '061'].map((seq, i) => ({ ...householdCols(`02${i}`), ...personCols(`成员${i}`, idNumber('19700101', seq), '户主') })),
    );
    for (const url of ['/api/registry/roster/import', '/api/registry/roster/import-jobs']) {
      const res = await post(town, url, xlsx(six));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', message: '导入文件：花名册最多 5 行，请分批导入', maxRows: 5, fields: [{ field: 'file', label: '导入文件' }] });
    }
    expect((await town.request({ method: 'GET', url: '/api/registry/households?q=020' })).json().items).toHaveLength(0);
    const list = await post(town, '/api/compare/lists/preview', csv(['姓名,身份证号', '张三,1', '李四,2', '王五,3', '赵六,4', ...Array.from({ length: 12 }, (_, i) => `人${i},${i}`)].join('\n')));
    expect(list.statusCode, list.body).toBe(400);
    expect(list.json().error.message).toBe('导入文件：部门名单最多 3 行，请分批导入');
  });

  it('refuses a file over the size limit with a 4xx naming the limit, before it is parsed', async () => {
    const big = csv(`姓名,身份证号\n${'张三,11010519491231002X\n'.repeat(200)}`);
    const res = await post(town, '/api/compare/lists/preview', big);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toBe('导入文件：文件超过 2 KB 上限');
    // Within the limit the same route reads the file.
    const small = await post(town, '/api/compare/lists/preview', csv('姓名,身份证号\n张三,11010519491231002X\n'));
    expect(small.statusCode, small.body).toBe(200);
    expect(small.json()).toMatchObject({ detected: { idColumn: 'B' }, rows: 1 });
  });

  it('refuses a member before a byte is parsed: a garbage body gets 403, not a parse error', async () => {
    const urls = ['/api/registry/roster/import', '/api/registry/roster/import-jobs', '/api/compare/lists/preview', '/api/compare/lists?name=x&department=公安', '/api/assessment/rounds/1/grid.xlsx', '/api/procedures/1/attachments', '/api/pairing/visits/1/signatures'];
    for (const url of urls) {
      const res = await post(member, url, GARBAGE);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    // And without a session, 401.
    const anonymous = await app.inject({ method: 'POST', url: '/api/registry/roster/import', ...GARBAGE });
    expect(anonymous.statusCode).toBe(401);
    // An administrator sending the same garbage gets a clear 400, never a 500.
    const admin = await post(town, '/api/registry/roster/import', GARBAGE);
    expect(admin.statusCode, admin.body).toBe(400);
    expect(admin.json().error.code).toBe('VALIDATION');
  });

  it('types an attachment by its bytes: a spoofed type is refused, the stored type is the one found', async () => {
    const visit = await town.request({ method: 'POST', url: `/api/pairing/households/${householdId}/visits`, payload: { kind: '家庭医生', visitedOn: '2020-04-02', visitor: '王医生', content: '家庭医生签约随访' } });
    expect(visit.statusCode, visit.body).toBe(201);
    const url = `/api/pairing/visits/${visit.json().id}/signatures`;
    // HTML declared as a PNG (it would run as a page if it were ever served as text/html).
    const html = await post(town, url, multipart(Buffer.from('<html><script>alert(1)</script></html>'), '签字.png', 'image/png'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.fields[0]).toEqual({ field: 'file', label: '签字材料', message: '文件内容不是 PNG 格式，请上传签字页的照片或扫描件' });
    // A PDF declared as a PNG.
    const pdfAsPng = await post(town, url, multipart(PDF, '签字.png', 'image/png'));
    expect(pdfAsPng.statusCode).toBe(400);
    expect(pdfAsPng.json().error.message).toBe('签字材料：文件内容不是 PNG 格式，请上传签字页的照片或扫描件');
    // No specific type declared: the bytes decide.
    const generic = await post(town, url, multipart(PDF, '签字', 'application/octet-stream'));
    expect(generic.statusCode, generic.body).toBe(201);
    expect(generic.json()).toMatchObject({ mime: 'application/pdf' });
    const unknown = await post(town, url, multipart(Buffer.from('MZ\x90\x00'), 'a.bin', 'application/octet-stream'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('文件内容不是可接受的类型');
  });

  it('serves attachments with nosniff, as a download, under their stored type', async () => {
    const visit = await town.request({ method: 'POST', url: `/api/pairing/households/${householdId}/visits`, payload: { kind: '家庭医生', visitedOn: '2020-04-03', visitor: '王医生', content: '随访' } });
    const saved = await post(town, `/api/pairing/visits/${visit.json().id}/signatures`, multipart(PNG, '帮扶成效"签字";.png', 'image/png'));
    expect(saved.statusCode, saved.body).toBe(201);
    const file = await town.request({ method: 'GET', url: `/api/pairing/signatures/${saved.json().id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(file.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(disposition).toContain(encodeURIComponent('帮扶成效'));
    expect(disposition).not.toMatch(/filename="[^"]*"[^;]*"/);
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });
});
