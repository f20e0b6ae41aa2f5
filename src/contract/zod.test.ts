import { describe, expect, it } from 'vitest';
import { apiFieldLabel, id, idParam, int, isoDate, isRealDate, name, text } from './zod';

const messageOf = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? null : r.error!.issues[0]!.message);

describe('isoDate', () => {
  // Issue 9: “impossible dates (2017-09-31)” answered 500 from the database; they are refused at the schema.
  it.each([
    ['2016-02-29', null], // leap year
    ['2017-02-28', null],
    ['2000-02-29', null], // divisible by 400
    ['2017-02-29', '日期不存在'],
    ['1900-02-29', '日期不存在'], // divisible by 100, not by 400
    ['2017-09-31', '日期不存在'],
    ['2017-04-31', '日期不存在'],
    ['2017-13-01', '日期不存在'],
    ['2017-00-10', '日期不存在'],
    ['2017-01-00', '日期不存在'],
    ['2017-9-30', '应为日期（YYYY-MM-DD）'],
    ['20170930', '应为日期（YYYY-MM-DD）'],
    ['', '应为日期（YYYY-MM-DD）'],
    ['1899-12-31', '日期超出范围（1900—2100 年）'],
    ['9999-12-31', '日期超出范围（1900—2100 年）'],
  ])('%s → %s', (value, message) => {
    expect(messageOf(isoDate().safeParse(value))).toBe(message);
  });

  it('says 必填 when the date is missing and refuses other types', () => {
    expect(messageOf(isoDate().safeParse(undefined))).toBe('必填');
    expect(messageOf(isoDate().safeParse(20170930))).toBe('应为日期（YYYY-MM-DD）');
  });

  it.each([['2016-02-29', true], ['2017-02-29', false], ['2017-09-31', false], ['2017-09-30', true]])('isRealDate(%s) = %s', (d, ok) => {
    expect(isRealDate(d)).toBe(ok);
  });
});

describe('integers', () => {
  it.each([
    [1, null],
    [2147483647, null],
    [2147483648, '不能大于 2147483647'],
    [0, '不能小于 1'],
    [-1, '不能小于 1'],
    [1.5, '应为整数'],
    ['1', '应为数字'],
    [Number.MAX_SAFE_INTEGER * 4, '应为整数'], // beyond 2^53 zod no longer takes it for an integer
  ])('id() of %s → %s', (value, message) => {
    expect(messageOf(id().safeParse(value))).toBe(message);
  });

  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['99999999999', null],
    ['1.5', null],
    ['abc', null],
    ['', null],
    ['-3', null],
  ])('idParam() of %j → %s', (value, parsed) => {
    const r = idParam().safeParse(value);
    expect(r.success ? r.data : null).toBe(parsed);
  });

  it('bounds an int to the given range', () => {
    expect(messageOf(int(0, 10).safeParse(11))).toBe('不能大于 10');
    expect(messageOf(int().safeParse(-2147483649))).toBe('不能小于 -2147483648');
  });
});

describe('text', () => {
  it.each([
    ['name, trimmed', name(5), '  张三  ', '张三'],
    ['name, at the limit', name(5), '一二三四五', '一二三四五'],
    ['a name with a character beyond the BMP (a surrogate pair)', name(5), '𠮷野家', '𠮷野家'],
    ['multi-line text', text(20), '第一行\n第二行\t完', '第一行\n第二行\t完'],
  ])('accepts %s', (_what, schema, value, parsed) => {
    const r = schema.safeParse(value);
    expect(r.success && r.data).toBe(parsed);
  });

  it.each([
    ['a name too long', name(5), '一二三四五六', '不能超过 5 个字'],
    ['NUL in a name', name(50), 'a\u0000b', '不能包含控制字符'],
    ['a line break in a name', name(50), '第一行\n第二行', '不能包含控制字符'],
    ['NUL in a text', text(50), 'a\u0000b', '不能包含控制字符'],
    ['ESC in a text', text(50), 'a\u001bb', '不能包含控制字符'],
    ['DEL in a text', text(50), 'a\u007fb', '不能包含控制字符'],
    ['half a surrogate pair in a name (found by the fuzz test: it reached the database)', name(50), 'a\ud800', '含有无效字符'],
    ['half a surrogate pair in a text', text(50), '\udc00b', '含有无效字符'],
    ['a number', name(50), 12, '应为文字'],
    ['nothing', name(50), undefined, '必填'],
  ])('refuses %s', (_what, schema, value, message) => {
    expect(messageOf(schema.safeParse(value))).toBe(message);
  });
});

describe('apiFieldLabel', () => {
  it.each([
    ['idNumber', '身份证号'],
    ['persons.0.idNumber', '身份证号（第 1 项）'],
    ['record.notice.from', '公示开始日期'],
    ['unknownField', 'unknownField'],
  ])('%s → %s', (path, label) => {
    expect(apiFieldLabel(path)).toBe(label);
  });
});
