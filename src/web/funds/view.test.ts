import { describe, expect, it } from 'vitest';
import type { Allocation } from '../../contract/funds';
import { isAtOrAbove, NOT_LISTED, payableAllocations, positiveListMix, progressChartOption, progressPercent } from './view';

const VILLAGE = '341523100201';

function allocation(id: number, code: string, level: 1 | 2 | 3 | 4 | 5, balance: number, year = 2017): Allocation {
  return {
    id,
    year,
    source: 'central',
    sourceLabel: '中央财政专项扶贫资金',
    region: { code, name: code, level },
    parentId: null,
    amount: balance,
    passedDown: 0,
    paid: 0,
    balance,
    documentNo: '财农〔2017〕1号',
    allocatedOn: '2017-03-01',
    note: '',
    createdAt: '2017-03-01T00:00:00Z',
  };
}

describe('isAtOrAbove', () => {
  it.each([
    ['its province', '340000000000', 1, true],
    ['its city', '341500000000', 2, true],
    ['its county', '341523000000', 3, true],
    ['another county of the city', '341524000000', 3, false],
    ['another province', '350000000000', 1, false],
    ['the village itself', VILLAGE, 5, true],
  ] as const)('%s', (_what, code, level, expected) => {
    expect(isAtOrAbove({ code, level }, VILLAGE)).toBe(expected);
  });
});

describe('payableAllocations', () => {
  it('keeps the allocations of the county and above with money left, the project year first, then by year and balance', () => {
    const list = [
      allocation(1, '341523000000', 3, 100),
      allocation(2, '341524000000', 3, 900),
      allocation(3, '340000000000', 1, 500),
      allocation(4, '341523000000', 3, 0),
      allocation(5, '341523000000', 3, 800, 2018),
      allocation(6, '341500000000', 2, 100, 2016),
    ];
    expect(payableAllocations(list, VILLAGE, 2017).map((a) => a.id)).toEqual([3, 1, 5, 6]);
  });
});

describe('positiveListMix', () => {
  it('counts projects and budgets by 正面清单 category in the seed order, the unlisted last, empty ones left out', () => {
    const mix = positiveListMix([
      { use: 'infrastructure', budget: 300 },
      { use: 'industry', budget: 100 },
      { use: null, budget: 50 },
      { use: 'industry', budget: 20 },
    ]);
    expect(mix).toEqual([
      { key: 'industry', label: '产业脱贫', projects: 2, budget: 120 },
      { key: 'infrastructure', label: '基础设施建设扶贫', projects: 1, budget: 300 },
      { key: 'none', label: NOT_LISTED, projects: 1, budget: 50 },
    ]);
  });
  it('is empty without projects', () => {
    expect(positiveListMix([])).toEqual([]);
  });
});

describe('progress chart', () => {
  const row = (name: string, basisPoints: number | null) => ({
    region: { code: name, name, level: 3 as const },
    allocated: 1,
    spent: 1,
    basisPoints,
    percentText: '',
    balance: 0,
  });
  it('reads basis points as percent, none without allocation', () => {
    expect(progressPercent({ basisPoints: 9200 })).toBe(92);
    expect(progressPercent({ basisPoints: null })).toBeNull();
  });
  it('draws a line at 92% and at 98% (seed 004: “高于92%（不含本数）得满分7分” … “大于98%（不含本数）得满分3分”), no bar without allocation', () => {
    const option = progressChartOption([row('和县', 9201), row('含山县', null)]) as {
      series: Array<{ data: unknown[]; markLine: { data: Array<{ yAxis: number }> } }>;
    };
    const bars = option.series[0]!;
    expect(bars.markLine.data.map((l) => l.yAxis)).toEqual([92, 98]);
    expect(bars.data[1]).toBe('-');
    expect((bars.data[0] as { value: number }).value).toBe(92.01);
  });
});
