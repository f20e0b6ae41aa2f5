/**
 * Spending progress (资金支出进度) and its points in the 财政专项扶贫资金绩效评价 (issue 14). Seed 004 资金支出进度要求:
 * “（1）2017年扶贫资金支出进度高于92%（不含本数）得满分7分；（2）2016年扶贫资金支出进度大于98%（不含本数）得满分3分；（3）2015年及以前
 * 年度资金没有结余结转的得满分2分。” For an assessment of year Y the same rule reads: Y's funds above 92%, Y−1's above 98%, no balance
 * left of Y−2 and earlier. Amounts are integer 元; the bounds are compared exactly (spent × 100 > 92 × allocated), never
 * through a rounded percentage.
 */

/** The seed's bounds: the assessed year's funds, the year before, and no balance of the years before that. */
export const SPENDING_RULES = [
  { yearsBack: 0, abovePercent: 92, points: 7, word: '高于' },
  { yearsBack: 1, abovePercent: 98, points: 3, word: '大于' },
] as const;
export const NO_BALANCE_POINTS = 2;
/** The first year, counted back from the assessed one, whose funds (and all before) must have no balance. */
export const NO_BALANCE_YEARS_BACK = 2;
export const SPENDING_POINTS_MAX = SPENDING_RULES.reduce((a, r) => a + r.points, 0) + NO_BALANCE_POINTS;

/** Spent ÷ allocated in hundredths of a percent, rounded down (9,200 = 92.00%); null when nothing was allocated. */
export function spendingBasisPoints(spent: number, allocated: number): number | null {
  if (allocated <= 0) return null;
  return Number((BigInt(Math.trunc(spent)) * 10000n) / BigInt(Math.trunc(allocated)));
}

/** “92.00%”, rounded down; “—” when nothing was allocated. */
export function percentText(spent: number, allocated: number): string {
  const bp = spendingBasisPoints(spent, allocated);
  return bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** Whether spent ÷ allocated is above `percent` (exclusive), compared exactly. */
export function spentAbove(spent: number, allocated: number, percent: number): boolean {
  return allocated > 0 && BigInt(Math.trunc(spent)) * 100n > BigInt(percent) * BigInt(Math.trunc(allocated));
}

export interface YearFunds {
  allocated: number;
  spent: number;
}

export interface SpendingPointsInput {
  /** The assessed year (2017 in the seed). */
  year: number;
  /** Allocated and spent (as of the assessment's date) of the funds of each year. */
  funds: (year: number) => YearFunds;
  /** What is left unspent, as of that date, of the funds of `year − 2` and every year before. */
  balanceBefore: number;
}

export interface PointsItem {
  label: string;
  points: number;
  max: number;
  reason: string;
}

/** The 7 + 3 + 2 points with the reason of each, in the words of the seed. */
export function spendingProgressPoints(input: SpendingPointsInput): { points: number; max: number; items: PointsItem[] } {
  const items: PointsItem[] = SPENDING_RULES.map((r) => {
    const y = input.year - r.yearsBack;
    const { allocated, spent } = input.funds(y);
    const above = spentAbove(spent, allocated, r.abovePercent);
    const reason =
      allocated <= 0
        ? `${y} 年无扶贫资金安排，不计支出进度：0 分`
        : `${y} 年支出进度 ${percentText(spent, allocated)}，${above ? '' : '未'}${r.word} ${r.abovePercent}%（不含本数）：${above ? r.points : 0} 分`;
    return { label: `${y} 年扶贫资金支出进度`, points: above ? r.points : 0, max: r.points, reason };
  });
  const before = input.year - NO_BALANCE_YEARS_BACK;
  const clear = input.balanceBefore === 0;
  items.push({
    label: `${before} 年及以前年度资金结余结转`,
    points: clear ? NO_BALANCE_POINTS : 0,
    max: NO_BALANCE_POINTS,
    reason: clear ? `${before} 年及以前年度资金没有结余结转：${NO_BALANCE_POINTS} 分` : `${before} 年及以前年度资金结余结转 ${input.balanceBefore} 元：0 分`,
  });
  return { points: items.reduce((a, i) => a + i.points, 0), max: SPENDING_POINTS_MAX, items };
}
