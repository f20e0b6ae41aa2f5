import { describe, expect, it } from 'vitest';
import { memberServes } from './member-serves';

// Seed 000: “有特殊情况不能履职的委员应……对委员状态进行标注，不再填写参与情况。”
describe('memberServes', () => {
  it.each([
    [{ status: 'normal', unableFrom: null }, '2019-06-01', true],
    [{ status: 'unable', unableFrom: '2019-06-01' }, '2019-05-31', true],
    [{ status: 'unable', unableFrom: '2019-06-01' }, '2019-06-01', false],
    [{ status: 'unable', unableFrom: '2019-06-01' }, '2020-01-01', false],
    [{ status: 'unable', unableFrom: null }, '2000-01-01', false],
  ] as const)('%j on %s → %s', (member, date, expected) => {
    expect(memberServes(member, date)).toBe(expected);
  });
});
