import { describe, expect, it } from 'vitest';
import { FIVE_BATCHES, EIGHT_PROJECTS, POLICY_KINDS, refusalForStatus, stableExitAllows, stableMarkRefusal, type PolicyKind } from './policy';

describe('稳定脱贫户 may keep only 保障类 and 资助类 policies', () => {
  // Seed 004: “原则上除原有的保障类和资助类扶贫政策外，今后不再安排其他增收或发展类的扶贫项目”.
  it.each<[PolicyKind, boolean]>([
    ['保障类', true],
    ['资助类', true],
    ['增收类', false],
    ['发展类', false],
  ])('%s → allowed %s', (kind, allowed) => {
    expect(stableExitAllows(kind)).toBe(allowed);
    expect(refusalForStatus('稳定脱贫', kind) === null).toBe(allowed);
  });

  it.each(['未脱贫', '已脱贫', '返贫'])('a %s household may receive every kind', (status) => {
    for (const kind of POLICY_KINDS) expect(refusalForStatus(status, kind)).toBeNull();
  });

  it('the refusal names the kind and the document', () => {
    const r = refusalForStatus('稳定脱贫', '发展类')!;
    expect(r).toContain('发展类');
    expect(r).toContain('《脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议》');
  });
});

describe('社会保障兜底一批 households may not be marked 稳定脱贫', () => {
  // Seed 004: “属于‘社会保障兜底一批’的脱贫户不得标注为‘稳定脱贫户’”.
  it.each([
    [['社会保障兜底一批'], false],
    [['发展生产脱贫一批', '社会保障兜底一批'], false],
    [['发展生产脱贫一批'], true],
    [[], true],
  ] as const)('%j → may mark %s', (batches, may) => {
    expect(stableMarkRefusal(batches) === null).toBe(may);
  });

  it('the lists are the seed\'s five batches and eight projects', () => {
    // Seed 004: “五个一批: 发展生产脱贫一批,易地搬迁脱贫一批,生态补偿脱贫一批,发展教育脱贫一批,社会保障兜底一批”.
    expect(FIVE_BATCHES).toHaveLength(5);
    expect(EIGHT_PROJECTS).toHaveLength(8);
  });
});
