import { describe, expect, it } from 'vitest';
import { readBenefitRow, yuanOfCell, type BenefitColumnKey } from './row';

const NOW = new Date('2020-06-30T02:00:00Z');
const ID = '513431198001010012';
const cells = (over: Partial<Record<BenefitColumnKey, string>> = {}): Record<BenefitColumnKey, string> => ({ idNumber: ID, name: '吉克阿呷', policy: '教育资助', amount: '1,000', year: '2019', period: '2019年春季学期', note: '', ...over });

/** Seed 004 一比对: “先将新识别贫困人口姓名、身份证号信息汇总” — the ID number is the key; 教育扶贫 学生资助 per 学期. */
describe('readBenefitRow', () => {
  it('reads a row of the education department', () => {
    expect(readBenefitRow({ row: 3, cells: cells() }, { department: '教育' }, NOW)).toEqual({
      row: { rowNo: 3, idNumber: ID, name: '吉克阿呷', policy: '教育资助', amount: 1000, year: 2019, period: '2019年春季学期', note: '' },
    });
  });
  it('blank policy and year take the chosen ones; a blank row is null', () => {
    expect(readBenefitRow({ row: 4, cells: cells({ policy: '', year: '', period: '' }) }, { department: '民政', policy: '低保金', year: 2019 }, NOW)).toMatchObject({ row: { policy: '低保金', year: 2019 } });
    expect(readBenefitRow({ row: 5, cells: cells({ idNumber: '', name: '', policy: '', amount: '', year: '', period: '' }) }, { department: '教育' }, NOW)).toBeNull();
  });
  it.each<[string, Partial<Record<BenefitColumnKey, string>>, string, string]>([
    ['wrong check character', { idNumber: '513431198001010013' }, 'A', '校验'],
    ['15-digit number', { idNumber: '513431800101001' }, 'A', '15 位'],
    ['policy of another department', { policy: '低保金' }, 'C', '不由教育部门发放'],
    ['unknown policy', { policy: '发红包' }, 'C', '没有政策'],
    ['fractional yuan', { amount: '12.5' }, 'D', '整数元'],
    ['year out of range', { year: '2030', period: '' }, 'E', '之间的年份'],
    ['period of another year', { period: '2018年秋季学期' }, 'F', '不在 2019 年度内'],
  ])('%s → column %s', (_n, over, column, message) => {
    const r = readBenefitRow({ row: 7, cells: cells(over) }, { department: '教育' }, NOW);
    expect(r && 'errors' in r ? r.errors[0] : null).toMatchObject({ row: 7, column, message: expect.stringContaining(message) });
  });
  it('reads yuan as departments write them', () => {
    expect([yuanOfCell('1,200'), yuanOfCell('1200.00'), yuanOfCell('￥1200'), yuanOfCell('1200元'), yuanOfCell('-1'), yuanOfCell('abc')]).toEqual([1200, 1200, 1200, 1200, null, null]);
  });
});
