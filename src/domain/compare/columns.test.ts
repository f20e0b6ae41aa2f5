import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, detectColumns, findHeaderRow } from './columns';

// Seed 004, “一比对”: 与组织、人社、财政、公安、住建、农机、工商、国税、地税等行业部门数据比对 — each department sends its own layout,
// so the ID-number and name columns are found by their headers.
describe('detectColumns', () => {
  it.each([
    ['车辆 (公安交管)', ['序号', '号牌号码', '车辆类型', '机动车所有人', '身份证明号码', '公民身份号码'], 5, 3],
    ['商品房 (住建)', ['序号', '购房人', '身份证号', '房屋坐落', '建筑面积'], 2, 1],
    ['工商注册', ['企业名称', '统一社会信用代码', '法定代表人', '法定代表人身份证号码'], 3, 2],
    ['财政供养人员', ['单位', '姓名', '性别', '身份证号码（18位）', '职务'], 3, 1],
    ['死亡', ['姓 名', '公民身份号码', '死亡日期', '注销原因'], 1, 0],
    ['full-width header and parenthesised note', ['姓名', '证件号码（身份证）'], 1, 0],
    ['an exact header beats one that only contains a word', ['经办人身份证号码', '身份证号'], 1, null],
    ['no ID column at all', ['企业名称', '注册资本', '地址'], null, null],
  ])('%s', (_what, headers, id, name) => {
    expect(detectColumns(headers)).toEqual({ id, name, detail: null });
  });
});

describe('findHeaderRow', () => {
  it.each([
    ['headers on the first row', [['姓名', '身份证号'], ['张三', '1']], 0],
    ['a title and a date line above the headers', [['昭觉县2017年机动车登记名单'], ['制表日期：2017-10-01'], [], ['序号', '车主', '公民身份号码'], ['1', '张三', '1']], 3],
    ['no ID header: the first non-empty row', [[], ['企业名称', '地址']], 1],
  ])('%s', (_what, rows, at) => {
    expect(findHeaderRow(rows)).toBe(at);
  });
});

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
  ])('%i ⇄ %s', (i, l) => {
    expect(columnLetter(i)).toBe(l);
    expect(columnIndex(l)).toBe(i);
  });
  it.each(['', '1', 'A1', 'ABCD'])('%j is not a column', (l) => expect(columnIndex(l)).toBeNull());
});
