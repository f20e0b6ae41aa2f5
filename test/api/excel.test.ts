import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, entryBody, type TestApp } from '../support/app';
import { multipart, readSheet, templateWith } from '../support/xlsx';

const VILLAGE = '513431100200';

describe.each(dbKinds())('Excel template, import and export on %s', (kind) => {
  let t: TestApp;
  let org: Awaited<ReturnType<TestApp['org']>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await t.org('导入测试县政协', { regionCode: '513431000000' });
    await t.member(org, '吉克阿呷');
  });
  afterAll(async () => t?.close());

  const count = async () => (await t.admin.get(`/api/ledger/entries?orgId=${org.id}&pageSize=1`)).json().total as number;
  const importFile = (file: Buffer) => t.admin.request({ method: 'POST', url: `/api/ledger/import?orgId=${org.id}`, ...multipart(file) });

  it('downloads a blank template with the codebook and the filling rules', async () => {
    const res = await t.admin.get('/api/ledger/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload, '事项');
    expect(rows[0]).toContain('具体内容');
    expect(rows[0]).toContain('个人捐款（万元）');
    expect(rows).toHaveLength(2);
    expect(await readSheet(res.rawPayload, '代码表')).toHaveLength(36);
    expect((await readSheet(res.rawPayload, '填报说明')).flat().join('')).toContain('政协委员职务履职的事项不录入');
  });

  const good = {
    大类: '富民产业',
    小类: '种植',
    '帮扶对象·村级区划代码': VILLAGE,
    具体内容: '发展马铃薯种植',
    '个人资金（万元）': 1.25,
    '社会资金（万元）': '0.0001',
    受益人数: 30,
    开始年度: 2019,
    参与委员: '吉克阿呷',
    非职务履职确认: '是',
  };

  it('writes nothing when one row is bad, and reports every error with row, column and reason', async () => {
    const before = await count();
    const file = await templateWith([
      good,
      { ...good, 小类: '养殖', '个人资金（万元）': -3, 非职务履职确认: '' },
      { ...good, 大类: '医疗救助', 小类: '不存在的小类', 开始年度: 1999 },
      { ...good, 小类: '加工', 参与委员: '查无此人' },
    ]);
    const res = await importFile(file);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toBe('导入失败：共 5 处错误，未写入任何事项');
    expect(error.fields.map((f: { row: number; column: string; label: string; message: string }) => [f.row, f.column, f.label, f.message])).toEqual([
      [4, 'I', '个人资金（万元）', '金额不能为负数'],
      [4, 'S', '非职务履职确认', '请确认本事项不属于委员职务履职（履行本职工作的事项不录入）'],
      [5, 'C', '小类', '“不存在的小类”不是“医疗救助”下的小类'],
      [5, 'O', '开始年度', '应在 2013 至 2020 年之间'],
      [6, 'R', '参与委员', '找不到委员：查无此人'],
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a file that enters one deed twice, naming both rows', async () => {
    const res = await importFile(await templateWith([good, { ...good, 具体内容: '同一件事换个说法' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ row: 4, column: 'C', message: '与第 3 行是同一事项（同一单位、类别、对象和年度），同一事项只录入 1 次' });
  });

  // Seed 000: “跨年度事项只录入1次” — a cross-year row is the same deed as any earlier row of the same target it overlaps.
  it('names the earlier row a cross-year row overlaps, though another row of the same target came between', async () => {
    const before = await count();
    const res = await importFile(await templateWith([good, { ...good, 开始年度: 2020 }, { ...good, 开始年度: 2018, 结束年度: 2019 }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ row: 5, column: 'C', message: '与第 3 行是同一事项（同一单位、类别、对象和年度），同一事项只录入 1 次' }),
    ]);
    expect(await count()).toBe(before);
  });

  it('imports a good file in full, with exact amounts and members', async () => {
    const before = await count();
    const res = await importFile(await templateWith([good, { ...good, 小类: '养殖', '帮扶对象·村级区划代码': '', '帮扶对象·其他': '养殖合作社', 结束年度: 2020 }]));
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(2);
    expect(await count()).toBe(before + 2);
    const entry = (await t.admin.get(`/api/ledger/entries/${res.json().ids[0]}`)).json();
    expect(entry).toMatchObject({ funds: { personal: '1.2500', social: '0.0001' }, deepPoverty: true, members: [{ name: '吉克阿呷' }] });
    // Importing the same file again would enter the deeds twice: refused as a whole.
    const again = await importFile(await templateWith([good]));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('第 3 行该事项已录入');
  });

  it('refuses a file that is not the template', async () => {
    const res = await importFile(Buffer.from('not a spreadsheet'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('无法读取文件：请上传由导入模板填写的 .xlsx 文件');
  });

  it('exports the filtered ledger with Chinese headers, 万元 to 4 decimals and formula text neutralised', async () => {
    const o = await t.org('导出测试政协');
    await t.admin.post('/api/ledger/entries', entryBody(o.id, { content: '=HYPERLINK("http://evil")', funds: { donation: '0.0003' }, target: { kind: 'text', text: '@对象' } }));
    await t.admin.post('/api/ledger/entries', entryBody(o.id, { subtypeCode: '0101', target: { kind: 'text', text: '其他年度' }, startYear: 2018 }));
    const res = await t.admin.get(`/api/ledger/export.xlsx?orgId=${o.id}&yearFrom=2019&yearTo=2019`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '台账');
    expect(rows[0]!.slice(0, 4)).toEqual(['事项编号', '填报单位', '大类', '小类']);
    expect(rows).toHaveLength(2);
    const header = rows[0] as string[];
    const row = rows[1]!;
    expect(row[header.indexOf('具体内容')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[header.indexOf('帮扶对象')]).toBe(`'@对象`);
    expect(row[header.indexOf('个人捐款（万元）')]).toBe(0.0003);
  });

  it('exports the totals table', async () => {
    const res = await t.admin.get(`/api/ledger/summary.xlsx?orgId=${org.id}&yearFrom=2019&yearTo=2020`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '汇总');
    expect(String(rows[0]![0])).toContain('导入测试县政协');
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[2]).toBe(2);
    expect(total[6]).toBe(2.5);
    // Only the village target lies in a listed county; the free-text one is not flagged.
    expect((await readSheet(res.rawPayload, '深度贫困县')).find((r) => r[0] === '合计')![2]).toBe(1);
  });
});
