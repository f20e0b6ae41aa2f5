import { describe, expect, it } from 'vitest';
import { STATUSES } from '../registry/status-transition';
import { assignmentsOnStatus, needsHelper, STATUSES_NEEDING_HELPER, struckOffReason } from './helper-statuses';

describe('statuses that keep a helper', () => {
  it.each([
    ['未脱贫', true, 'keep', '确保每个贫困户至少有一名帮扶责任人'],
    ['返贫', true, 'keep', '确保每个贫困户至少有一名帮扶责任人'],
    ['已脱贫', true, 'keep', '脱贫以后，每半年至少上门回访1次，脱贫攻坚政策继续保持不变，支持力度不减'],
    ['稳定脱贫', true, 'keep', '标注后的稳定脱贫户仍需安排帮扶联系人定期走访'],
    ['清退', false, 'end', '坚决剔除违规纳入、识别不精准的建档立卡户'],
  ] as const)('%s: needs a helper %s, assignments %s (seed 004: “%s”)', (status, needs, on, _sentence) => {
    expect(needsHelper(status)).toBe(needs);
    expect(assignmentsOnStatus(status)).toBe(on);
  });

  it('covers every registry status but 清退', () => {
    expect([...STATUSES_NEEDING_HELPER].sort()).toEqual(STATUSES.filter((s) => s !== '清退').sort());
  });

  it.each([
    ['清退程序办结（程序编号 7）', '该户已清退（清退程序办结（程序编号 7））'],
    ['  ', '该户已清退'],
  ])('end reason of %j', (why, reason) => expect(struckOffReason(why)).toBe(reason));
});
