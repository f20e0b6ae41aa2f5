import { describe, expect, it } from 'vitest';
import { SCALE_EAST_WEST } from './engine';
import { evaluateRound } from './round';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, schemeProblems, type Scheme } from './scheme';

/** A two-method scheme: a graded item, a median-graded quantity and a done/not-done item, with a veto and a cap. */
const scheme: Scheme = {
  id: 'test',
  name: '测试方案',
  year: 2019,
  unitKind: '地级市',
  source: '测试',
  scale: SCALE_EAST_WEST,
  methods: [
    { key: 'a', label: '交叉考核', weight: 60 },
    { key: 'b', label: '第三方评估', weight: 40 },
  ],
  contents: [
    { key: 'org', name: '组织领导', major: true, indicators: [{ key: 'lead', name: '部署推动工作', source: '实地核查', scoring: { kind: 'grade' } }] },
    {
      key: 'fund',
      name: '资金支持',
      major: true,
      indicators: [
        { key: 'money', name: '县均财政援助', source: '县均投入财政援助资金数', scoring: { kind: 'median', unit: '万元' } },
        { key: 'rules', name: '援助资金监管', source: '制定管理办法', scoring: { kind: 'done', doneGrades: ['好', '较好'], notDoneGrade: '差' } },
      ],
    },
  ],
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  facts: [{ key: 'falsified', label: '弄虚作假、虚报数据' }],
  rules: [
    { kind: 'veto', id: 'falsified', fact: 'falsified', text: '弄虚作假、虚报数据的，一票否决，评为“差”' },
    { kind: 'cap', id: 'one_fair', items: 'major', when: '一般', max: '较好', text: '有一大项被评价为“一般”的，不能评价为“好”' },
  ],
  adjustments: [{ key: 'late', label: '援助资金 3 月 30 日后到位', sign: -1, max: 5 }],
};
const both = (e: Record<string, unknown>) => ({ a: e, b: e }) as never;

describe('evaluateRound', () => {
  it('is a valid scheme', () => expect(schemeProblems(scheme)).toEqual([]));

  const results = evaluateRound(scheme, [
    { unit: '甲市', entries: both({ lead: { grade: '好' }, money: { value: 300 }, rules: { done: true, grade: '好' } }) },
    { unit: '乙市', entries: both({ lead: { grade: '好' }, money: { value: 200 }, rules: { done: true, grade: '好' } }) },
    { unit: '丙市', entries: both({ lead: { grade: '好' }, money: { value: 100 }, rules: { done: true } }), adjustments: { late: 3 } },
    { unit: '丁市', entries: both({ lead: { grade: '好' }, money: { value: 300 }, rules: { done: true, grade: '好' } }), facts: { falsified: true } },
  ]);
  const byUnit = Object.fromEntries(results.map((r) => [r.unit, r]));

  // Median of 300, 200, 100, 300 is (200 + 300) / 2 = 250: 300 → 好 (120%), 200 → 较好 (80%), 100 → 差 (40%).
  it('grades quantities against the median of the round', () => {
    expect(byUnit['乙市']!.methods[0]!.indicators[1]).toEqual({ indicator: 'money', grade: '较好', points: 85, detail: '200万元，中位数 250万元，为中位数的 80%，评为较好' });
  });
  it('computes scores, grades, ranks and explanations', () => {
    // 甲: (100 + 100 + 100) / 3 = 100 in both methods → 100 → 好.
    expect(byUnit['甲市']).toMatchObject({ composite: 100, grade: '好', rank: 1 });
    // 乙: (100 + 85 + 100) / 3 = 95 → 好 by score; 资金支持 = (85 + 100) / 2 = 92.5 → 好: no cap.
    expect(byUnit['乙市']).toMatchObject({ composite: 95, grade: '好', rank: 2 });
    // 丙: done without a chosen grade takes the first of 好/较好: (100 + 50 + 100) / 3 = 83.33 → −3 = 80.33 → 较好;
    // 资金支持 (50 + 100) / 2 = 75 → 一般 → cap at 较好 (unchanged).
    expect(byUnit['丙市']).toMatchObject({ composite: 83.33, adjusted: 80.33, scoreGrade: '较好', grade: '较好', rank: 3 });
    expect(byUnit['丙市']!.explanation).toEqual([
      '综合得分：交叉考核 83.33 × 60% + 第三方评估 83.33 × 40% = 83.33',
      '援助资金 3 月 30 日后到位：扣 3 分 → 80.33',
      '按得分 80.33 评为较好',
      '资金支持 评为一般 → 有一大项被评价为“一般”的，不能评价为“好”（等次不变）',
    ]);
    // 戊: 组织领导 一般 (70) with the rest 好: (70 + 100 + 100) / 3 = 90 → 好 by score, capped at 较好 by its major item.
    const capped = evaluateRound(scheme, [
      { unit: '戊市', entries: both({ lead: { grade: '一般' }, money: { value: 100 }, rules: { done: true } }) },
      { unit: '己市', entries: both({ lead: { grade: '好' }, money: { value: 100 }, rules: { done: true } }) },
    ]).find((r) => r.unit === '戊市')!;
    expect(capped).toMatchObject({ composite: 90, scoreGrade: '好', grade: '较好' });
    expect(capped.explanation.at(-1)).toBe('组织领导 评为一般 → 有一大项被评价为“一般”的，不能评价为“好”：好 → 较好');
    // 丁: the best scores, vetoed.
    expect(byUnit['丁市']).toMatchObject({ composite: 100, grade: '差', rank: 4 });
    expect(byUnit['丁市']!.explanation.at(-1)).toBe('falsified → 弄虚作假、虚报数据的，一票否决，评为“差”：好 → 差');
  });
  it('shares a rank between equal grades and scores', () => {
    const tied = evaluateRound(scheme, [
      { unit: 'A', entries: both({ lead: { grade: '好' }, money: { value: 1 }, rules: { done: true, grade: '好' } }) },
      { unit: 'B', entries: both({ lead: { grade: '好' }, money: { value: 1 }, rules: { done: true, grade: '好' } }) },
      { unit: 'C', entries: both({ lead: { grade: '较好' }, money: { value: 1 }, rules: { done: true, grade: '好' } }) },
    ]);
    expect(tied.map((r) => [r.unit, r.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });
  it('names a missing entry', () => {
    expect(() => evaluateRound(scheme, [{ unit: '戊市', entries: { a: {}, b: {} } }])).toThrow('戊市：缺少“交叉考核”对“部署推动工作”的评价');
  });
});
