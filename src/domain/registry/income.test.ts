import { describe, expect, it } from 'vitest';
import { computeIncome, NO_TRANSFER, type IncomeInput } from './income';

const base: IncomeInput = { wages: 0, business: 0, property: 0, transfer: NO_TRANSFER, businessCosts: 0, illnessCosts: 0, schoolingCosts: 0, householdSize: 1 };

// Seed 004: “家庭年人均纯收入=纯收入/户人口数 纯收入=年收入-生产经营性支出 年收入=工资性收入……+转移性收入”
describe('computeIncome', () => {
  it.each<[string, Partial<IncomeInput>, { annualIncome: number; netIncome: number; perCapita: number; overspent: boolean }]>([
    ['wages only', { wages: 12000, householdSize: 4 }, { annualIncome: 12000, netIncome: 12000, perCapita: 3000, overspent: false }],
    [
      'all four sources less business costs',
      { wages: 8000, business: 6000, property: 500, transfer: { ...NO_TRANSFER, minimumLiving: 2400, ecological: 300 }, businessCosts: 2000, householdSize: 3 },
      { annualIncome: 17200, netIncome: 15200, perCapita: 5067, overspent: false },
    ],
    // “同时,考虑因病、因学支出,防止入不敷出。”
    ['illness and schooling above net income', { wages: 9000, illnessCosts: 7000, schoolingCosts: 2500, householdSize: 3 }, { annualIncome: 9000, netIncome: 9000, perCapita: 3000, overspent: true }],
    ['business loss', { business: 1000, businessCosts: 3000, householdSize: 2 }, { annualIncome: 1000, netIncome: -2000, perCapita: -1000, overspent: false }],
  ])('%s', (_name, input, expected) => {
    expect(computeIncome({ ...base, ...input })).toMatchObject(expected);
  });

  it('explains every figure (the trace)', () => {
    const r = computeIncome({ ...base, wages: 9900, householdSize: 3, businessCosts: 0 });
    expect(r.trace.map((l) => l.label)).toEqual(['转移性收入', '年收入', '纯收入', '人均纯收入', '因病、因学支出']);
    expect(r.trace[3]).toEqual({ label: '人均纯收入', formula: '纯收入 9,900 元 ÷ 家庭人口 3 人 = 3,300 元', value: 3300 });
  });
});
