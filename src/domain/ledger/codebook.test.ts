import { describe, expect, it } from 'vitest';
import { CODEBOOK, findSubType, findSubTypeByNames } from './codebook';

// Seed 000 §二–九: 8 categories, 35 sub-types.
describe('codebook', () => {
  it('has the 8 categories of seed 000 in order', () => {
    expect(CODEBOOK.map((c) => c.name)).toEqual(['政协履职', '富民产业', '基础设施', '民生工程', '教育扶贫', '医疗救助', '结对帮扶', '其他']);
  });

  it.each([
    ['政协履职', 7],
    ['富民产业', 5],
    ['基础设施', 6],
    ['民生工程', 6],
    ['教育扶贫', 4],
    ['医疗救助', 4],
    ['结对帮扶', 2],
    ['其他', 1],
  ])('%s has %i sub-types', (name, n) => {
    expect(CODEBOOK.find((c) => c.name === name)?.subtypes).toHaveLength(n);
  });

  it('has 35 sub-types with unique codes', () => {
    const codes = CODEBOOK.flatMap((c) => c.subtypes.map((s) => s.code));
    expect(codes).toHaveLength(35);
    expect(new Set(codes).size).toBe(35);
  });

  // Seed 000 §一.1: “‘个’指贫困村个数，‘户’指贫困户户数”
  it.each([
    ['0701', '个'],
    ['0702', '户'],
    ['0101', '件'],
    ['0801', '件'],
  ])('%s is counted in %s', (code, unit) => {
    expect(findSubType(code)?.unit).toBe(unit);
  });

  it('keeps the seed explanation, e.g. 提案', () => {
    expect(findSubType('0104')?.explanation).toContain('经提案审查委员会或提案委员会审查立案后');
  });

  it.each([
    ['结对帮扶', '贫困村（个）', '0701'],
    ['结对帮扶', '贫困户', '0702'],
    [' 医疗救助 ', '义诊就医', '0601'],
    ['其他', '其他', '0801'],
  ])('finds %s / %s by name', (c, s, code) => {
    expect(findSubTypeByNames(c, s)?.code).toBe(code);
  });
});
