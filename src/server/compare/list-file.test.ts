import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../test/support/gbk';
import { decodeText, parseCsv, readListFile } from './list-file';

describe('parseCsv', () => {
  it.each([
    ['plain comma-separated, LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF and no final line break', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted fields with commas, quotes and a line break', 'a,b\n"x, y","he said ""hi""\nbye"\n', [['a', 'b'], ['x, y', 'he said "hi"\nbye']]],
    ['tab-separated', '姓名\t身份证号\n张三\t1\n', [['姓名', '身份证号'], ['张三', '1']]],
    ['semicolon-separated', '姓名;身份证号\n张三;1\n', [['姓名', '身份证号'], ['张三', '1']]],
    ['Excel’s ="…" text form', '身份证号\n="513431198001010011"\n', [['身份证号'], ['513431198001010011']]],
    ['empty fields and blank lines kept', 'a,b\n,\n\n', [['a', 'b'], ['', ''], ['']]],
  ])('%s', (_what, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });
});

describe('decodeText', () => {
  const text = '姓名,公民身份号码\n张三,11010519491231002X\n';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'auto', 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'auto', 'utf-8'],
    ['GBK (Excel on Chinese Windows)', encodeGbk(text), 'auto', 'gbk'],
    ['GBK chosen by the user', encodeGbk(text), 'gbk', 'gbk'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'auto', 'utf-16le'],
  ] as const)('%s', (_what, bytes, choice, encoding) => {
    expect(decodeText(bytes, choice)).toEqual({ text, encoding });
  });

  it('refuses GBK bytes when the user said UTF-8', () => {
    expect(() => decodeText(encodeGbk(text), 'utf-8')).toThrow('文件不是 UTF-8 编码');
  });
});

describe('readListFile', () => {
  it('finds the header row below a title in a CSV and numbers rows as in the file', async () => {
    const t = await readListFile(encodeGbk('昭觉县机动车登记名单\n序号,车主,公民身份号码\n1,张三,11010519491231002X\n'));
    expect(t).toMatchObject({ format: 'csv', encoding: 'gbk', headerRow: 2, headers: ['序号', '车主', '公民身份号码'], rows: [{ row: 3, cells: ['1', '张三', '11010519491231002X'] }] });
  });

  it('reads the sheet that has the ID column and marks numeric cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表由县公安局提供']);
    const s = wb.addWorksheet('名单');
    s.addRow(['2017年死亡人员名单']);
    s.addRow(['姓名', '身份证号', '死亡日期']);
    s.addRow(['李四', '11010519491231002X', new Date(Date.UTC(2017, 4, 6))]);
    s.addRow(['王五', 513431198001010000, '2017-05-07']);
    const t = await readListFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t).toMatchObject({ format: 'xlsx', sheet: '名单', headerRow: 2, headers: ['姓名', '身份证号', '死亡日期'] });
    expect(t.rows).toEqual([
      { row: 3, cells: ['李四', '11010519491231002X', '2017-05-06'] },
      { row: 4, cells: ['王五', '513431198001010000', '2017-05-07'], numeric: [1] },
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), '文件为空'],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), '不支持旧版 .xls 文件'],
    ['a broken zip', Buffer.from('PK\u0003\u0004broken'), '无法读取文件'],
  ])('refuses %s', async (_what, bytes, message) => {
    await expect(readListFile(bytes)).rejects.toThrow(message);
  });
});
