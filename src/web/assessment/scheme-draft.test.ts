import { describe, expect, it } from 'vitest';
import { GUANGDONG_2019_AIDED } from '../../domain/assessment/schemes/guangdong-2019-aided';
import { draftProblems, fromServer } from './scheme-draft';

const draft = () => structuredClone(GUANGDONG_2019_AIDED);

/**
 * The editor checks a draft with the checks the server applies (issue 10: “the assessment scheme's shape is written
 * three times”): the endpoint's schema, then the domain's. Seed 003 附件 1 六(四): “交叉考核、第三方评估和日常工作情况，
 * 分别按 40%、30%、30% 的权重”.
 */
describe('the scheme editor’s draft', () => {
  it('passes for a shipped scheme', () => expect(draftProblems(draft())).toEqual([]));

  it.each([
    ['an emptied weight', (d: ReturnType<typeof draft>) => (d.methods[2]!.weight = NaN), { field: 'methods.2.weight', label: '考核方式“日常工作情况”的权重', message: '必填' }],
    ['a blank method name', (d: ReturnType<typeof draft>) => (d.methods[0]!.label = ' '), { field: 'methods.0.label', label: '第 1 个考核方式的名称', message: '必填' }],
    ['a content without indicators', (d: ReturnType<typeof draft>) => (d.contents[0]!.indicators = []), { field: 'contents.0.indicators', label: `考核内容“${GUANGDONG_2019_AIDED.contents[0]!.name}”`, message: '至少应有 1 个指标' }],
    [
      'points with no maximum',
      (d: ReturnType<typeof draft>) => (d.contents[0]!.indicators[0]!.scoring = { kind: 'points', max: 0 }),
      { field: 'contents.0.indicators.0.scoring.max', label: `指标“${GUANGDONG_2019_AIDED.contents[0]!.indicators[0]!.name}”的满分`, message: '应大于 0' },
    ],
    ['weights summing to 90 %', (d: ReturnType<typeof draft>) => (d.methods[2]!.weight = 20), { field: '', label: '考核方案', message: '各考核方式权重之和应为 100%，现为 90%' }],
    ['thresholds from low to high', (d: ReturnType<typeof draft>) => (d.gradeThresholds = [60, 80, 90]), { field: 'gradeThresholds', label: '等次分数线', message: '应从高到低排列' }],
  ])('refuses %s, naming the place', (_what, change, problem) => {
    const d = draft();
    change(d);
    expect(draftProblems(d)).toContainEqual(problem);
  });

  it("places the server's field errors in the draft", () => {
    const d = draft();
    expect(fromServer(d)({ field: 'scheme.methods.1.weight', label: '权重', message: '应为数字' })).toEqual({ field: 'methods.1.weight', label: `考核方式“${d.methods[1]!.label}”的权重`, message: '应为数字' });
    expect(fromServer(d)({ field: 'scheme', label: '考核方案', message: '缺少等次“好”的折算分' })).toEqual({ field: '', label: '考核方案', message: '缺少等次“好”的折算分' });
  });
});
