import { describe, expect, it } from 'vitest';
import {
  applyGradeRules,
  award,
  composite,
  gradeByMedian,
  gradeByScore,
  median,
  SCALE_EAST_WEST,
  SCALE_NATIONAL,
  weightProblems,
  type GradeRule,
} from './engine';

// Seed 003 (广东 2019): 交叉考核 40%、第三方评估 30%、日常工作情况 30%.
const GUANGDONG = [
  { key: 'cross', label: '交叉考核', weight: 40 },
  { key: 'third', label: '第三方评估', weight: 30 },
  { key: 'daily', label: '日常工作情况', weight: 30 },
];

describe('weights and composites', () => {
  it('accepts integer weights summing to 100% and names what is wrong otherwise', () => {
    expect(weightProblems(GUANGDONG)).toEqual([]);
    expect(weightProblems([...GUANGDONG.slice(0, 2), { key: 'daily', label: '日常工作情况', weight: 20 }])).toEqual(['各考核方式权重之和应为 100%，现为 90%']);
    expect(weightProblems([{ key: 'a', label: '甲', weight: 50.5 }, { key: 'b', label: '乙', weight: 49.5 }])).toEqual(['“甲”的权重应为不小于 0 的整数（%）', '“乙”的权重应为不小于 0 的整数（%）']);
  });
  it.each([
    [{ cross: 90, third: 80, daily: 70 }, 81],
    [{ cross: 88.88, third: 77.77, daily: 66.66 }, 78.88], // 35.552 + 23.331 + 19.998 = 78.881
    [{ cross: 0.01, third: 0.01, daily: 0.02 }, 0.01], // 0.004 + 0.003 + 0.006 = 0.013
    [{ cross: 0.03, third: 0.03, daily: 0.03 }, 0.03],
    [{ cross: 85.125, third: 0, daily: 0 }, 34.05], // scores are kept to hundredths first: 85.13 × 40% = 34.052
    [{ cross: 0.0125, third: 0.0125, daily: 0.0125 }, 0.01],
  ])('Σ weight × score of %j = %d, exactly, rounded half up once', (scores, expected) => {
    expect(composite(GUANGDONG, scores).score).toBe(expected);
  });
  it('writes the formula', () => {
    expect(composite(GUANGDONG, { cross: 90, third: 80, daily: 70 }).formula).toBe('交叉考核 90 × 40% + 第三方评估 80 × 30% + 日常工作情况 70 × 30% = 81.00');
  });
  it.each([
    [95, '好'],
    [90, '好'],
    [89.99, '较好'],
    [80, '较好'],
    [60, '一般'],
    [59.99, '较差'],
  ])('a score of %d is graded %s (thresholds 90/80/60, at the threshold reaches it)', (score, grade) => {
    expect(gradeByScore(score, [90, 80, 60], SCALE_NATIONAL)).toBe(grade);
  });
});

describe('the median method (中位法)', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[2, 2, 2, 9], 2],
    [[1, 2, 2, 3], 2],
    [[7, 7], 7],
  ])('median of %j is %d (even counts take the mean of the two middle values; ties count each)', (values, m) => {
    expect(median(values)).toBe(m);
  });
  it.each([
    [100, 100, '好'],
    [120, 100, '好'],
    [99.9, 100, '较好'],
    [80, 100, '较好'],
    [79, 100, '一般'],
    [60, 100, '一般'],
    [59, 100, '差'],
  ])('%d against a median of %d is %s with the default bands (1.0 / 0.8 / 0.6)', (value, med, grade) => {
    expect(gradeByMedian(value, med, SCALE_EAST_WEST).grade).toBe(grade);
  });
  it('inverts the ratio for indicators where lower is better, and takes other bands as parameters', () => {
    expect(gradeByMedian(50, 100, SCALE_NATIONAL, { edges: [1, 0.8, 0.6], lowerIsBetter: true }).grade).toBe('好');
    expect(gradeByMedian(200, 100, SCALE_NATIONAL, { edges: [1, 0.8, 0.6], lowerIsBetter: true }).grade).toBe('较差');
    expect(gradeByMedian(95, 100, SCALE_NATIONAL, { edges: [0.95, 0.9, 0.85] }).grade).toBe('好');
  });
  it('grades a median of 0: any non-negative value is at or above it', () => {
    expect(gradeByMedian(0, 0, SCALE_NATIONAL).grade).toBe('好');
  });
});

describe('grade rules of the East–West cooperation evaluation (seed 003 七)', () => {
  // “1. 原则上，完成全国和省目标要求的，评价档次不能低于‘较好’的等次。2. 有重大违法、违纪问题的，实行一票否决权，评为‘差’的等次；
  // 对弄虚作假、虚报数据的，实行一票否决权，评为‘差’的等次。3. 六大项指标中，有一大项被评价为‘一般’等次的，不能评价为‘好’的等次；
  // 有一大项被评价为‘差’等次的，不能评价为‘好’和‘较好’的等次。”
  const RULES: GradeRule[] = [
    { kind: 'floor', id: 'targets', fact: '完成全国和省目标要求', min: '较好', text: '完成全国和省目标要求的，评价档次不能低于“较好”' },
    { kind: 'veto', id: 'violation', fact: '有重大违法、违纪问题', text: '有重大违法、违纪问题的，一票否决，评为“差”' },
    { kind: 'veto', id: 'falsified', fact: '弄虚作假、虚报数据', text: '弄虚作假、虚报数据的，一票否决，评为“差”' },
    { kind: 'cap', id: 'one_fair', items: 'major', when: '一般', max: '较好', text: '六大项指标中有一大项被评价为“一般”的，不能评价为“好”' },
    { kind: 'cap', id: 'one_poor', items: 'major', when: '差', max: '一般', text: '六大项指标中有一大项被评价为“差”的，不能评价为“好”和“较好”' },
  ];
  const good = { 组织领导: '好', 人才支援: '好', 资金支持: '好', 产业合作: '好', 劳务协作: '好', 携手奔小康: '好' };
  const run = (start: string, facts: Record<string, boolean>, majors: Record<string, string> = good) => applyGradeRules(SCALE_EAST_WEST, start, RULES, facts, majors);

  it.each<[string, string, Record<string, boolean>, Record<string, string>, string, string[]]>([
    ['no rule applies', '好', {}, good, '好', []],
    ['targets met lifts 一般 to 较好', '一般', { 完成全国和省目标要求: true }, good, '较好', ['targets']],
    ['targets met leaves 好 alone (listed, unchanged)', '好', { 完成全国和省目标要求: true }, good, '好', ['targets']],
    ['one major item 一般 → not 好', '好', {}, { ...good, 资金支持: '一般' }, '较好', ['one_fair']],
    ['one major item 差 → neither 好 nor 较好', '好', {}, { ...good, 劳务协作: '差' }, '一般', ['one_fair', 'one_poor']],
    ['a cap outweighs the floor', '一般', { 完成全国和省目标要求: true }, { ...good, 劳务协作: '差' }, '一般', ['targets', 'one_fair', 'one_poor']],
    ['a major violation vetoes', '好', { '有重大违法、违纪问题': true }, good, '差', ['violation']],
    ['falsified data vetoes, whatever else', '好', { 完成全国和省目标要求: true, '弄虚作假、虚报数据': true }, good, '差', ['targets', 'falsified']],
  ])('%s', (_name, start, facts, majors, grade, applied) => {
    const r = run(start, facts, majors);
    expect(r.grade).toBe(grade);
    expect(r.steps.map((s) => s.rule)).toEqual(applied);
  });

  it('explains each step with its input', () => {
    const r = run('好', {}, { ...good, 组织领导: '一般' });
    expect(r.steps).toEqual([{ rule: 'one_fair', text: RULES[3]!.text, input: '组织领导 评为一般', from: '好', to: '较好', changed: true }]);
  });
});

describe('awards of the Anhua CPPCC 2018 (seed 002)', () => {
  // “帮扶资金、物资达5万元以上的委组、20万元以上的经促分会、20万元以上的工商联企业或商会” — 以上 includes the number.
  it.each([
    ['委组', 49_999, false],
    ['委组', 50_000, true],
    ['委组', 50_001, true],
    ['经促分会', 199_999, false],
    ['经促分会', 200_000, true],
    ['工商联', 200_000, true],
    ['工商联', 150_000, false],
  ] as const)('%s with %d 元 → %s', (kind, yuan, awarded) => {
    expect(award(kind, yuan).awarded).toBe(awarded);
  });
});
