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

// Seed 004 收入计算: “转移性收入(包括补贴、低保金、养老保险金、生态补偿金等)” — what the departments paid is that income.
describe('computeIncome with department-reported amounts (政策享受)', () => {
  const entered: IncomeInput = { ...base, wages: 5000, transfer: { ...NO_TRANSFER, minimumLiving: 3000, pension: 1200 }, householdSize: 2 };
  it.each<[string, Parameters<typeof computeIncome>[1], { transferTotal: number; annualIncome: number; transferFormula: string }]>([
    ['no department data: entered figures as before', undefined, { transferTotal: 4200, annualIncome: 9200, transferFormula: '补贴 0 元 + 低保金 3,000 元 + 特困供养金 0 元 + 养老金 1,200 元 + 生态补偿金 0 元 + 其他 0 元' }],
    [
      '低保金 from 民政 replaces the entered figure, which is named',
      { minimumLiving: [{ policy: '低保金', amount: 3600, source: '民政部门 2019 年名单' }] },
      { transferTotal: 4800, annualIncome: 9800, transferFormula: '补贴 0 元 + 低保金 3,600 元（民政部门 2019 年名单；录入 3,000 元） + 特困供养金 0 元 + 养老金 1,200 元 + 生态补偿金 0 元 + 其他 0 元' },
    ],
    [
      'two sources of 补贴 summed, each named',
      { subsidies: [{ policy: '教育资助', amount: 500, source: '教育部门 2019 年名单' }, { policy: '产业奖补', amount: 1000, source: '农业农村部门 2019 年名单' }] },
      { transferTotal: 5700, annualIncome: 10700, transferFormula: '补贴 1,500 元（教育资助 500 元，教育部门 2019 年名单；产业奖补 1,000 元，农业农村部门 2019 年名单；录入 0 元） + 低保金 3,000 元 + 特困供养金 0 元 + 养老金 1,200 元 + 生态补偿金 0 元 + 其他 0 元' },
    ],
    ['an equal entered figure is not repeated', { pension: [{ policy: '养老金', amount: 1200, source: '人社部门 2019 年名单' }] }, { transferTotal: 4200, annualIncome: 9200, transferFormula: '补贴 0 元 + 低保金 3,000 元 + 特困供养金 0 元 + 养老金 1,200 元（人社部门 2019 年名单） + 生态补偿金 0 元 + 其他 0 元' }],
  ])('%s', (_name, reported, expected) => {
    const r = computeIncome(entered, reported);
    expect(r).toMatchObject({ transferTotal: expected.transferTotal, annualIncome: expected.annualIncome });
    expect(r.trace[0]!.formula).toBe(expected.transferFormula);
    expect(r.departmentFigures === undefined).toBe(reported === undefined);
  });

  it('公益性岗位 wages come into 工资性收入 with their source', () => {
    const r = computeIncome(entered, { wages: [{ policy: '公益性岗位', amount: 6000, source: '人社部门 2019 年名单' }] });
    expect(r.annualIncome).toBe(10200);
    expect(r.trace[1]!.formula).toContain('工资性收入 6,000 元（公益性岗位 6,000 元，人社部门 2019 年名单；录入 5,000 元）');
  });
});
