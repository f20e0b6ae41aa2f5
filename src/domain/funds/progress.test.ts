import { describe, expect, it } from 'vitest';
import { percentText, spendingBasisPoints, spendingProgressPoints, spentAbove, SPENDING_POINTS_MAX } from './progress';

// Seed 004 资金支出进度要求: “（1）2017年扶贫资金支出进度高于92%（不含本数）得满分7分；（2）2016年扶贫资金支出进度大于98%（不含本数）
// 得满分3分；（3）2015年及以前年度资金没有结余结转的得满分2分。”
const points = (spent2017: number, spent2016: number, balanceBefore: number, allocated = 1_000_000) =>
  spendingProgressPoints({ year: 2017, funds: (y) => ({ allocated, spent: y === 2017 ? spent2017 : y === 2016 ? spent2016 : 0 }), balanceBefore });

describe('spending-progress points of the national 2017 fund evaluation (seed 004)', () => {
  it.each([
    // 2017 spent, 2016 spent (of 1,000,000 元 each), balance of 2015 and before → 2017 points, 2016 points, balance points
    [920_000, 990_000, 0, 0, 3, 2], // 92.00% is not above 92%
    [920_100, 990_000, 0, 7, 3, 2], // 92.01%
    [920_001, 990_000, 0, 7, 3, 2], // 92.0001%: above, though shown as 92.00%
    [1_000_000, 980_000, 0, 7, 0, 2], // 98.00% is not above 98%
    [1_000_000, 980_100, 0, 7, 3, 2], // 98.01%
    [1_000_000, 1_000_000, 1, 7, 3, 0], // one 元 left of 2015 or before
    [0, 0, 500, 0, 0, 0],
  ])('2017 %d 元, 2016 %d 元, balance %d 元 → %d + %d + %d', (s17, s16, balance, p17, p16, pBal) => {
    const r = points(s17, s16, balance);
    expect(r.items.map((i) => i.points)).toEqual([p17, p16, pBal]);
    expect(r.points).toBe(p17 + p16 + pBal);
    expect(r.max).toBe(12);
  });

  it('explains each item in the seed’s words', () => {
    const r = points(920_000, 980_100, 0);
    expect(r.items.map((i) => i.reason)).toEqual([
      '2017 年支出进度 92.00%，未高于 92%（不含本数）：0 分',
      '2016 年支出进度 98.01%，大于 98%（不含本数）：3 分',
      '2015 年及以前年度资金没有结余结转：2 分',
    ]);
    expect(points(950_000, 0, 12_345).items[2]!.reason).toBe('2015 年及以前年度资金结余结转 12345 元：0 分');
    expect(points(1, 1, 0, 0).items[0]!.reason).toBe('2017 年无扶贫资金安排，不计支出进度：0 分');
  });

  it('compares exactly, with amounts far beyond a float’s exact percentage', () => {
    // 92% of 123,456,789,011 元 is 113,580,245,890.12: one 元 more is above, the rounded-down amount is not.
    expect(spentAbove(113_580_245_891, 123_456_789_011, 92)).toBe(true);
    expect(spentAbove(113_580_245_890, 123_456_789_011, 92)).toBe(false);
    expect(spentAbove(5, 0, 92)).toBe(false);
    expect(spendingBasisPoints(2, 3)).toBe(6666);
    expect(spendingBasisPoints(1, 0)).toBeNull();
    expect(percentText(2, 3)).toBe('66.66%');
    expect(percentText(1, 0)).toBe('—');
    expect(SPENDING_POINTS_MAX).toBe(12);
  });
});
