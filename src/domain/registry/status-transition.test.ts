import { describe, expect, it } from 'vitest';
import { statusChangeProblem } from './status-transition';

describe('statusChangeProblem', () => {
  it.each([
    ['未脱贫', '已脱贫', null],
    ['返贫', '已脱贫', null],
    ['已脱贫', '稳定脱贫', null],
    ['已脱贫', '返贫', null], // seed 004: “凡是尚未完全解决‘两不愁、三保障’的,必须及时返贫”
    ['稳定脱贫', '返贫', null],
    ['未脱贫', '清退', null], // seed 004: “坚决剔除违规纳入、识别不精准的建档立卡户”
    ['未脱贫', '稳定脱贫', '“未脱贫”不能直接变更为“稳定脱贫”'],
    ['未脱贫', '返贫', '“未脱贫”不能直接变更为“返贫”'],
    ['清退', '未脱贫', '已清退的户不能再变更状态'],
    ['已脱贫', '已脱贫', '已经是“已脱贫”'],
  ] as const)('%s → %s: %s', (from, to, problem) => {
    expect(statusChangeProblem(from, to)).toBe(problem);
  });
});
