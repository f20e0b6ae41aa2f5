import { describe, expect, it } from 'vitest';
import { formatWanYuan, parseWanYuan } from './money';

// Seed 000: “个人捐款 … 单位为万元”; the ledger stores 万元 to 4 decimals, i.e. whole yuan.
describe('parseWanYuan', () => {
  it.each([
    ['0.0001', 1],
    ['0.0002', 2],
    ['1', 10000],
    ['12.5', 125000],
    ['3.1415', 31415],
    [' 2,000.0001 ', 20000001],
    ['', 0],
    [null, 0],
    [0.0003, 3],
    [0.1 + 0.2, 3000],
    [100, 1000000],
  ] as const)('%j 万元 → %i 元', (input, yuan) => {
    expect(parseWanYuan(input)).toEqual({ ok: true, yuan });
  });

  it.each([
    ['-1', '金额不能为负数'],
    [-0.5, '金额不能为负数'],
    ['0.00001', '最多保留 4 位小数（万元）'],
    ['abc', '应为以万元为单位的数字，最多 4 位小数'],
    ['1e3', '应为以万元为单位的数字，最多 4 位小数'],
    [Number.NaN, '不是有效的数字'],
    [0.00001, '最多保留 4 位小数（万元）'],
    [1.23456, '最多保留 4 位小数（万元）'],
  ] as const)('%j is refused: %s', (input, message) => {
    expect(parseWanYuan(input)).toEqual({ ok: false, message });
  });
});

describe('formatWanYuan', () => {
  it.each([
    [3, '0.0003'],
    [0, '0.0000'],
    [10000, '1.0000'],
    [123456789, '12345.6789'],
  ])('%i 元 → %s 万元', (yuan, text) => {
    expect(formatWanYuan(yuan)).toBe(text);
  });

  it('sums exactly: 0.0001 + 0.0002 万元 = 0.0003 万元', () => {
    const a = parseWanYuan('0.0001');
    const b = parseWanYuan('0.0002');
    if (!a.ok || !b.ok) throw new Error('parse failed');
    expect(formatWanYuan(a.yuan + b.yuan)).toBe('0.0003');
  });
});
