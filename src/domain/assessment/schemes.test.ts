import { describe, expect, it } from 'vitest';
import { evaluateRound, type Entry, type UnitInput } from './round';
import { scheme as schemeSchema, storedScheme } from '../../contract/assessment/scheme';
import { gradeDescriptionList, indicators, schemeProblems, storedSchemeProblems, type Scheme } from './scheme';
import { ANHUA_2018 } from './schemes/anhua-2018';
import { unitsFollowing } from './schemes/consequence';
import { EAST_WEST_CITIES } from './schemes/east-west-cities';
import { EAST_WEST_DEPARTMENTS } from './schemes/east-west-departments';
import { GUANGDONG_2019_AIDED, GUANGDONG_2019_AIDED_CITIES, GUANGDONG_2019_AIDED_CONSEQUENCES, GUANGDONG_2019_AIDED_SECOND_LEVEL } from './schemes/guangdong-2019-aided';
import { GUANGDONG_2019_PAIRING } from './schemes/guangdong-2019-pairing';
import { SHIPPED_CONSEQUENCES, SHIPPED_SCHEMES } from './schemes/index';
import { NATIONAL_2017 } from './schemes/national-2017';

// Points and thresholds used below are the documented defaults (scheme.ts): 好 100, 较好 85, 一般 70, 较差 / 差 50;
// a score of 90 or more is 好, 80 较好, 60 一般, below 60 the worst grade.

describe('shipped schemes', () => {
  it.each(SHIPPED_SCHEMES.map((s) => [s.id, s] as const))('%s has no problems', (_id, s) => {
    expect(schemeProblems(s)).toEqual([]);
  });

  // The scheme's shape is declared once, in the contract: what the seeds' schemes hold is what an edited copy may hold,
  // so every shipped scheme passes the schema unchanged (nothing trimmed, nothing left out).
  it.each(SHIPPED_SCHEMES.map((s) => [s.id, s] as const))('%s is what the contract describes', (_id, s) => {
    const parsed = schemeSchema.safeParse(s);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(s);
    expect(storedSchemeProblems({ ...s, consequences: SHIPPED_CONSEQUENCES[s.id] ?? [] })).toEqual([]);
  });

  it.each([
    ['a method code twice', (c: Scheme) => c.methods.push({ ...c.methods[0]! }), 'scheme.methods', `代码 ${GUANGDONG_2019_AIDED.methods[0]!.key} 重复`],
    ['thresholds not from high to low', (c: Scheme) => (c.gradeThresholds = [80, 90, 60]), 'scheme.gradeThresholds', '应从高到低排列'],
  ])('refuses an edited copy with %s', (_what, change, field, message) => {
    const copy = structuredClone(GUANGDONG_2019_AIDED);
    change(copy);
    expect(storedSchemeProblems(copy).filter((p) => p.field === field).map((p) => p.message)).toContain(message);
  });

  it('refuses a consequence on a grade outside the scale, and a system source the domain does not list', () => {
    const copy = { ...structuredClone(GUANGDONG_2019_AIDED), consequences: [{ grades: ['优秀'], action: '表扬', source: '' }] };
    expect(storedSchemeProblems(copy)).toContainEqual({ field: 'scheme.consequences', label: '“表扬”', message: '等次“优秀”不在等次表中' });
    const bad = structuredClone(copy) as unknown as { contents: Array<{ indicators: Array<Record<string, unknown>> }> };
    bad.contents[0]!.indicators[0]!.system = 'ledger.unknown';
    expect(storedScheme.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['系统数据来源未定义']);
  });

  // 附件 1 六(四): “交叉考核、第三方评估和日常工作情况，分别按 40%、30%、30% 的权重” — an edited copy is checked with
  // weightProblems: each weight a whole percentage, together 100 %.
  it('checks an edited copy with the weights rule (integers summing to 100 %)', () => {
    const copy = structuredClone(GUANGDONG_2019_AIDED);
    copy.methods = copy.methods.map((m, i) => ({ ...m, weight: [40, 30.5, 20][i]! }));
    expect(schemeProblems(copy)).toEqual([`“${copy.methods[1]!.label}”的权重应为不小于 0 的整数（%）`, '各考核方式权重之和应为 100%，现为 90.5%']);
  });

  it('has one scheme per id, and consequences only for shipped ids', () => {
    const ids = SHIPPED_SCHEMES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of Object.keys(SHIPPED_CONSEQUENCES)) expect(ids).toContain(id);
  });

  it.each([
    // 附件 1-2: 17 indicators under 4 考核内容; 附件 1-3: 8 under 3.
    [GUANGDONG_2019_AIDED, ['减贫成效', '精准帮扶', '资金管理', '精准识别'], 17],
    [GUANGDONG_2019_PAIRING, ['减贫成效', '精准帮扶（协议落实情况）', '资金管理'], 8],
    // 附件 2-1: 6 + 5 + 6 + 5 + 5 + 13; 附件 2-2: 5 + 3 + 1.
    [EAST_WEST_CITIES, ['组织领导', '人才支援', '资金支持', '产业合作', '劳务协作', '携手奔小康行动'], 40],
    [EAST_WEST_DEPARTMENTS, ['组织领导', '基础工作', '重点工作'], 9],
    [NATIONAL_2017, ['综合评价'], 1],
    [ANHUA_2018, ['委组、委员参与脱贫攻坚工作'], 1],
  ] as const)('%# has its contents and indicator count', (s: Scheme, contents, count) => {
    expect(s.contents.map((c) => c.name)).toEqual(contents);
    expect(indicators(s)).toHaveLength(count);
    for (const i of indicators(s)) expect(i.source.length).toBeGreaterThan(0);
  });

  it('counts the indicators of each East–West content, and scores each as a median or a task', () => {
    expect(EAST_WEST_CITIES.contents.map((c) => c.indicators.length)).toEqual([6, 5, 6, 5, 5, 13]);
    const kinds = indicators(EAST_WEST_CITIES).map((i) => i.scoring.kind);
    expect(kinds.filter((k) => k === 'median')).toHaveLength(23);
    expect(kinds.filter((k) => k === 'done')).toHaveLength(17);
    expect(indicators(EAST_WEST_DEPARTMENTS).every((i) => i.scoring.kind === 'done')).toBe(true);
    // The six 大项 of the cap rules are the cities' six contents; the departments have none.
    expect(EAST_WEST_CITIES.contents.every((c) => c.major)).toBe(true);
    expect(EAST_WEST_DEPARTMENTS.contents.some((c) => c.major)).toBe(false);
  });

  it('keeps the Guangdong 2019 methods, weights and second-level contents', () => {
    expect(GUANGDONG_2019_AIDED.methods.map((m) => [m.label, m.weight])).toEqual([
      ['交叉考核', 40],
      ['第三方评估', 30],
      ['日常工作情况', 30],
    ]);
    expect(new Set(Object.values(GUANGDONG_2019_AIDED_SECOND_LEVEL))).toEqual(
      new Set(['贫困地区减贫人口', '贫困村增收成效', '责任落实', '政策落实', '工作落实', '扶贫资金使用和监管', '扶贫资金绩效', '贫困人口识别']),
    );
    expect(Object.keys(GUANGDONG_2019_AIDED.gradeDescriptions ?? {})).toEqual(['好', '较好', '一般', '较差']);
  });
});

describe('a round of the Guangdong 2019 aided-city scheme over the 14 cities', () => {
  type G = '好' | '较好' | '一般' | '较差';
  const KEYS = indicators(GUANGDONG_2019_AIDED).map((i) => i.key);
  /** Every indicator graded `g` by one method, but for the overrides. */
  const all = (g: G, overrides: Record<string, G> = {}) => Object.fromEntries(KEYS.map((k) => [k, { grade: overrides[k] ?? g }]));
  const city = (unit: string, cross: Record<string, Entry>, third: Record<string, Entry>, daily: Record<string, Entry>): UnitInput => ({ unit, entries: { cross, third, daily } });

  // Method score = mean of the 17 indicator points, to hundredths; composite = 交叉考核 × 40% + 第三方评估 × 30% +
  // 日常工作情况 × 30%, rounded half up once.
  const input = [
    city('汕头', all('好'), all('好'), all('好')), // 40 + 30 + 30 = 100
    city('韶关', all('好'), all('较好'), all('好')), // 40 + 25.5 + 30 = 95.5
    city('河源', all('较好'), all('好'), all('好')), // 34 + 30 + 30 = 94
    // 交叉考核: 16 × 100 + 70 = 1670; 1670 / 17 = 98.235… → 98.24. 98.24 × 40% = 39.296; + 25.5 + 25.5 = 90.296 → 90.30.
    city('梅州', all('好', { real_reduction: '一般' }), all('较好'), all('较好')),
    city('惠州', all('较好'), all('较好'), all('好')), // 34 + 25.5 + 30 = 89.5
    city('汕尾', all('较好'), all('较好'), all('较好')), // 85
    city('阳江', all('好'), all('一般'), all('一般')), // 40 + 21 + 21 = 82
    city('湛江', all('一般'), all('好'), all('较好')), // 28 + 30 + 25.5 = 83.5
    city('茂名', all('较好'), all('较好'), all('较好')), // 85, the same as 汕尾
    city('肇庆', all('一般'), all('较好'), all('一般')), // 28 + 25.5 + 21 = 74.5
    city('清远', all('一般'), all('一般'), all('一般')), // 70
    // 第三方评估: 16 × 70 + 50 = 1170; 1170 / 17 = 68.823… → 68.82. 20 + 68.82 × 30% (20.646) + 25.5 = 66.146 → 66.15.
    city('潮州', all('较差'), all('一般', { identification: '较差' }), all('较好')),
    city('揭阳', all('较差'), all('较差'), all('一般')), // 20 + 15 + 21 = 56
    city('云浮', all('较差'), all('较差'), all('较差')), // 50
  ];
  const results = evaluateRound(GUANGDONG_2019_AIDED, input);
  const byUnit = Object.fromEntries(results.map((r) => [r.unit, r]));

  it('assesses the 14 cities of 二、考核对象', () => {
    expect(results.map((r) => r.unit)).toEqual([...GUANGDONG_2019_AIDED_CITIES]);
  });

  // Rank: by grade, then score; 汕尾 and 茂名 share 6th, the next is 8th.
  it.each<[string, string, G, number, string]>([
    ['汕头', '交叉考核 100 × 40% + 第三方评估 100 × 30% + 日常工作情况 100 × 30% = 100.00', '好', 1, '100.00'],
    ['韶关', '交叉考核 100 × 40% + 第三方评估 85 × 30% + 日常工作情况 100 × 30% = 95.50', '好', 2, '95.50'],
    ['河源', '交叉考核 85 × 40% + 第三方评估 100 × 30% + 日常工作情况 100 × 30% = 94.00', '好', 3, '94.00'],
    ['梅州', '交叉考核 98.24 × 40% + 第三方评估 85 × 30% + 日常工作情况 85 × 30% = 90.30', '好', 4, '90.30'],
    ['惠州', '交叉考核 85 × 40% + 第三方评估 85 × 30% + 日常工作情况 100 × 30% = 89.50', '较好', 5, '89.50'],
    ['汕尾', '交叉考核 85 × 40% + 第三方评估 85 × 30% + 日常工作情况 85 × 30% = 85.00', '较好', 6, '85.00'],
    ['阳江', '交叉考核 100 × 40% + 第三方评估 70 × 30% + 日常工作情况 70 × 30% = 82.00', '较好', 9, '82.00'],
    ['湛江', '交叉考核 70 × 40% + 第三方评估 100 × 30% + 日常工作情况 85 × 30% = 83.50', '较好', 8, '83.50'],
    ['茂名', '交叉考核 85 × 40% + 第三方评估 85 × 30% + 日常工作情况 85 × 30% = 85.00', '较好', 6, '85.00'],
    ['肇庆', '交叉考核 70 × 40% + 第三方评估 85 × 30% + 日常工作情况 70 × 30% = 74.50', '一般', 10, '74.50'],
    ['清远', '交叉考核 70 × 40% + 第三方评估 70 × 30% + 日常工作情况 70 × 30% = 70.00', '一般', 11, '70.00'],
    ['潮州', '交叉考核 50 × 40% + 第三方评估 68.82 × 30% + 日常工作情况 85 × 30% = 66.15', '一般', 12, '66.15'],
    ['揭阳', '交叉考核 50 × 40% + 第三方评估 50 × 30% + 日常工作情况 70 × 30% = 56.00', '较差', 13, '56.00'],
    ['云浮', '交叉考核 50 × 40% + 第三方评估 50 × 30% + 日常工作情况 50 × 30% = 50.00', '较差', 14, '50.00'],
  ])('%s: %s → %s, rank %d', (unit, formula, grade, rank, score) => {
    const r = byUnit[unit]!;
    expect(r.grade).toBe(grade);
    expect(r.scoreGrade).toBe(grade); // the scheme has no grade rules
    expect(r.rank).toBe(rank);
    expect(r.explanation).toEqual([`综合得分：${formula}`, `按得分 ${score} 评为${grade}`]);
  });

  it('shows the indicator grades, method scores and content grades behind a score', () => {
    const r = byUnit['梅州']!;
    expect(r.methods.map((m) => m.score)).toEqual([98.24, 85, 85]);
    expect(r.methods[0]!.indicators[0]).toEqual({ indicator: 'real_reduction', grade: '一般', points: 70, detail: '评为一般' });
    // 减贫成效: (70 + 100) 交叉考核, (85 + 85) 第三方评估, (85 + 85) 日常工作情况 → 510 / 6 = 85 → 较好; the others
    // (100 + 85 + 85) / 3 = 90 → 好.
    expect(r.contents).toEqual({ 减贫成效: '较好', 精准帮扶: '好', 资金管理: '好', 精准识别: '好' });
    expect(byUnit['潮州']!.methods[1]!.score).toBe(68.82);
  });

  it('lists the cities for 谈话提醒: 综合评价一般及以下', () => {
    expect(unitsFollowing(GUANGDONG_2019_AIDED_CONSEQUENCES[0]!, results)).toEqual(['肇庆', '清远', '潮州', '揭阳', '云浮']);
  });
});

describe('the East–West cooperation scheme for cities: rules that change outcomes (七)', () => {
  const IND = indicators(EAST_WEST_CITIES);
  /** One method (综合评议): every quantity `value` unless given, every task done with `doneGrade` unless listed as not done. */
  const unit = (
    name: string,
    o: { value?: number; values?: Record<string, number>; doneGrade?: '好' | '较好'; notDone?: string[] },
    extra: Pick<UnitInput, 'facts' | 'adjustments'> = {},
  ): UnitInput => ({
    unit: name,
    entries: {
      review: Object.fromEntries(
        IND.map((i): [string, Entry] => [
          i.key,
          i.scoring.kind === 'median' ? { value: o.values?.[i.key] ?? o.value ?? 100 } : o.notDone?.includes(i.key) ? { done: false } : { done: true, grade: o.doneGrade ?? '好' },
        ]),
      ),
    },
    ...extra,
  });
  const TARGETS = { 完成全国和省目标要求: true };

  // Quantities: 100 everywhere but 佛山 (75) and 东莞's two 劳务协作 quantities (50). Every median is 100 (for those two:
  // 50, 75, 100, 100, 100 → 100): 100 → 好, 75 (75 %) → 一般, 50 (50 %) → 差. A task done → 好 or 较好, not done → 差.
  const results = evaluateRound(EAST_WEST_CITIES, [
    // 40 × 100 → 100; late funds −3 → 97 → 好; the floor holds and changes nothing.
    unit('广州', {}, { facts: TARGETS, adjustments: { late_funds: 3 } }),
    // 100 → 好; falsified data vetoes, after the floor.
    unit('深圳', {}, { facts: { ...TARGETS, '弄虚作假、虚报数据': true } }),
    // Three 组织领导 tasks not done: (37 × 100 + 3 × 50) / 40 = 96.25; bonus +2 → 98.25 → 好.
    // 组织领导 = (3 × 50 + 3 × 100) / 6 = 75 → 一般 → not 好.
    unit('珠海', { notDone: ['deploy', 'visits', 'joint_meeting'] }, { adjustments: { central_endorsement: 2 } }),
    // 23 quantities at 一般 (70), 17 tasks 较好 (85): (1610 + 1445) / 40 = 76.375 → 76.38 → 一般; targets met → 较好.
    // Contents: 组织领导 85 → 较好; 人才支援 (85 + 4 × 70) / 5 = 73, 资金支持 (85 + 5 × 70) / 6 = 72.5, 产业合作 73,
    // 劳务协作 (3 × 85 + 2 × 70) / 5 = 79, 携手奔小康行动 (5 × 85 + 8 × 70) / 13 = 75.77 → 一般: the cap to 较好 changes nothing.
    unit('佛山', { value: 75, doneGrade: '较好' }, { facts: TARGETS }),
    // 劳务协作 all 差 (2 quantities at 50 %, 3 tasks not done): (35 × 100 + 5 × 50) / 40 = 93.75 → 好; 劳务协作 50 → 差:
    // not 好, and neither 好 nor 较好.
    unit('东莞', { values: { job_fairs: 50, jobs: 50 }, notDone: ['labour_mechanism', 'job_services', 'labour_tilt'] }),
  ]);
  const byUnit = Object.fromEntries(results.map((r) => [r.unit, r]));
  const FLOOR = '完成全国和省目标要求 → 原则上，完成全国和省目标要求的，评价档次不能低于“较好”的等次';
  const ONE_FAIR = '六大项指标中，有一大项被评价为“一般”等次的，不能评价为“好”的等次';
  const ONE_POOR = '有一大项被评价为“差”等次的，不能评价为“好”和“较好”的等次';

  it.each<[string, string, number, string[]]>([
    ['广州', '好', 1, ['综合得分：综合评议 100 × 100% = 100.00', '援助资金4月份以后才到位：扣 3 分 → 97.00', '按得分 97.00 评为好', `${FLOOR}（等次不变）`]],
    [
      '珠海',
      '较好',
      2,
      ['综合得分：综合评议 96.25 × 100% = 96.25', '经验和做法得到中央领导同志批示肯定：加 2 分 → 98.25', '按得分 98.25 评为好', `组织领导 评为一般 → ${ONE_FAIR}：好 → 较好`],
    ],
    [
      '佛山',
      '较好',
      3,
      [
        '综合得分：综合评议 76.38 × 100% = 76.38',
        '按得分 76.38 评为一般',
        `${FLOOR}：一般 → 较好`,
        `人才支援 评为一般、资金支持 评为一般、产业合作 评为一般、劳务协作 评为一般、携手奔小康行动 评为一般 → ${ONE_FAIR}（等次不变）`,
      ],
    ],
    [
      '东莞',
      '一般',
      4,
      ['综合得分：综合评议 93.75 × 100% = 93.75', '按得分 93.75 评为好', `劳务协作 评为差 → ${ONE_FAIR}：好 → 较好`, `劳务协作 评为差 → ${ONE_POOR}：较好 → 一般`],
    ],
    [
      '深圳',
      '差',
      5,
      ['综合得分：综合评议 100 × 100% = 100.00', '按得分 100.00 评为好', `${FLOOR}（等次不变）`, '弄虚作假、虚报数据 → 对弄虚作假、虚报数据的，实行一票否决权，评为“差”的等次：好 → 差'],
    ],
  ])('%s → %s, rank %d', (name, grade, rank, explanation) => {
    const r = byUnit[name]!;
    expect(r.grade).toBe(grade);
    expect(r.rank).toBe(rank);
    expect(r.explanation).toEqual(explanation);
  });

  it('grades quantities against the median and tasks as done or not', () => {
    const fs = byUnit['佛山']!.methods[0]!.indicators;
    expect(fs.find((i) => i.indicator === 'professionals')).toEqual({ indicator: 'professionals', grade: '一般', points: 70, detail: '75人，中位数 100人，为中位数的 75%，评为一般' });
    expect(fs.find((i) => i.indicator === 'deploy')).toEqual({ indicator: 'deploy', grade: '较好', points: 85, detail: '已完成，评为较好' });
    expect(byUnit['东莞']!.methods[0]!.indicators.find((i) => i.indicator === 'labour_mechanism')!.detail).toBe('未完成，评为差');
    expect(byUnit['东莞']!.contents['劳务协作']).toBe('差');
  });

  it('lists who is praised (好, 较好) and who is summoned (差)', () => {
    const [praise, summon] = SHIPPED_CONSEQUENCES[EAST_WEST_CITIES.id]!;
    expect(unitsFollowing(praise!, results)).toEqual(['广州', '珠海', '佛山']);
    expect(unitsFollowing(summon!, results)).toEqual(['深圳']);
  });
});

describe('the East–West cooperation scheme for provincial departments', () => {
  const KEYS = indicators(EAST_WEST_DEPARTMENTS).map((i) => i.key);
  // 七(一)4: the fact and the floor.
  const TASKS_DONE = EAST_WEST_DEPARTMENTS.facts[0]!.key;
  const FLOOR = EAST_WEST_DEPARTMENTS.rules[0]!;
  const dept = (unit: string, notDone: string[], facts: Record<string, boolean> = {}): UnitInput => ({
    unit,
    entries: { review: Object.fromEntries(KEYS.map((k) => [k, notDone.includes(k) ? { done: false } : { done: true, grade: '好' }])) },
    facts,
  });
  const five = KEYS.slice(0, 5);
  const [finance, commerce, health] = evaluateRound(EAST_WEST_DEPARTMENTS, [
    // 5 tasks not done: (4 × 100 + 5 × 50) / 9 = 72.22 → 一般; tasks done with growth and no violation → 较好 以上 (七(一)4).
    dept('省财政厅', five, { [TASKS_DONE]: true }),
    dept('省商务厅', five),
    // Everything done → 100 → 好; a major violation vetoes.
    dept('省卫生健康委', [], { '有重大违法、违纪问题': true }),
  ]);

  it('lifts a department that completed its tasks to 较好, and vetoes a violation', () => {
    expect(FLOOR).toMatchObject({ kind: 'floor', fact: TASKS_DONE, min: '较好' });
    expect(finance!.explanation).toEqual(['综合得分：综合评议 72.22 × 100% = 72.22', '按得分 72.22 评为一般', `${TASKS_DONE} → ${FLOOR.text}：一般 → 较好`]);
    expect(finance!.grade).toBe('较好');
    expect(commerce!.grade).toBe('一般');
    // No 六大项: a content at 一般 or worse caps nothing.
    expect(Object.values(commerce!.contents)).toContain('差');
    expect(commerce!.steps).toEqual([]);
    expect(health!.explanation.at(-1)).toBe('有重大违法、违纪问题 → 有重大违法、违纪问题的，实行一票否决权，评为“差”的等次：好 → 差');
    expect(health!.grade).toBe('差');
  });
});

describe('the national 2017 scheme: weighted sources, deductions, a veto', () => {
  // Placeholder weights 25 / 25 / 20 / 10 / 10 / 10 (the seed says only “按照一定权重计分”).
  const province = (unit: string, scores: number[], extra: Pick<UnitInput, 'facts' | 'adjustments'> = {}): UnitInput => ({
    unit,
    entries: Object.fromEntries(NATIONAL_2017.methods.map((m, i) => [m.key, { result: { points: scores[i]! } }])),
    ...extra,
  });
  const [a, b] = evaluateRound(NATIONAL_2017, [
    // 22.5 + 22 + 16 + 10 + 9.5 + 8.5 = 88.5; − 2 − 1 = 85.5 → 较好.
    province('甲省', [90, 88, 80, 100, 95, 85], { adjustments: { audit: 2, corruption: 1 } }),
    // 95; − 5 = 90 → 好; a grave negative instruction vetoes → 较差.
    province('乙省', [95, 95, 95, 95, 95, 95], { adjustments: { negative_instruction: 5 }, facts: { '中央领导“负面”批示问题重大': true } }),
  ]);

  it('deducts after the weighted sum and grades the rest', () => {
    expect(a!.explanation).toEqual([
      '综合得分：国家第三方评估 90 × 25% + 省际交叉考核 88 × 25% + 扶贫资金绩效考评 80 × 20% + 国家统计局提供的相关数据 100 × 10% + 易地扶贫搬迁考核 95 × 10% + 健康扶贫专项考核 85 × 10% = 88.50',
      '国家审计中发现的问题：扣 2 分 → 86.50',
      '中央纪委机关和检察机关提供的扶贫领域腐败案件查办情况：扣 1 分 → 85.50',
      '按得分 85.50 评为较好',
    ]);
    expect(a!.grade).toBe('较好');
  });

  it('vetoes a grave negative instruction', () => {
    expect(b!.explanation.slice(1)).toEqual([
      '中央领导批示：扣 5 分 → 90.00',
      '按得分 90.00 评为好',
      '中央领导“负面”批示问题重大 → 增加中央领导关于各省(市、区)扶贫领域的“负面”批示作为扣分项,甚至会一票否决：好 → 较差',
    ]);
    expect([a!.rank, b!.rank]).toEqual([1, 2]);
  });
});

describe('the Anhua CPPCC 2018 scheme: 30 points and three vetoes', () => {
  const body = (unit: string, points: number, facts: Record<string, boolean> = {}): UnitInput => ({ unit, entries: { performance: { participation: { points } } }, facts });
  const [member, group, town] = evaluateRound(ANHUA_2018, [
    body('委员甲', 27), // 27 / 30 = 90 → 好
    body('县直委员组乙', 30, { 没有开展扶贫下乡活动的县直委员组: true }), // 100 → 好, vetoed
    body('乡镇联工委丙', 18), // 18 / 30 = 60 → 一般
  ]);

  it('converts the 30 points and applies the vetoes', () => {
    expect(member!.methods[0]!.indicators[0]).toMatchObject({ grade: '好', points: 90, detail: '27 / 30 分' });
    expect(member!.grade).toBe('好');
    expect(group!.explanation.at(-1)).toBe('没有开展扶贫下乡活动的县直委员组 → 对于没有开展扶贫下乡活动的县直委员组,实行一票否决：好 → 较差');
    expect(group!.grade).toBe('较差');
    expect(town!.grade).toBe('一般');
  });
});

describe('gradeDescriptionList', () => {
  it('lists the grade descriptions best first, whatever the stored key order (jsonb sorts keys: 好, 一般, 较好, 较差)', () => {
    // 附件 1-1 of the 2019 Guangdong scheme: “综合评价结果分为好、较好、一般和较差四个等次（评价标准见附件）”.
    const stored = { 好: 'a', 一般: 'c', 较好: 'b', 较差: 'd' };
    expect(gradeDescriptionList(['好', '较好', '一般', '较差'], stored).map((d) => d.grade)).toEqual(['好', '较好', '一般', '较差']);
    expect(gradeDescriptionList(['好', '较好', '一般', '较差'], stored)[1]).toEqual({ grade: '较好', text: 'b' });
  });
  it('keeps a described grade outside the scale at the end, and lists nothing without descriptions', () => {
    expect(gradeDescriptionList(['好', '差'], { 其他: 'x', 差: 'y' }).map((d) => d.grade)).toEqual(['差', '其他']);
    expect(gradeDescriptionList(['好'], undefined)).toEqual([]);
  });
});
