import { describe, expect, it } from 'vitest';
import { meetsBound, meetsRatioBound } from './bounds';

// 以上 / 以下 include the number itself; 低于 / 超过 / 不含本数 exclude it.
describe('meetsBound', () => {
  it.each([
    [50000, '以上', 50000, true], // seed 004: “年收入在5万元以上” — exactly 5万 passes
    [49999, '以上', 50000, false],
    [2, '以下', 2, true], // seed 004: “贫困发生率降至2%以下” — exactly 2% passes
    [3300, '低于', 3300, false], // seed 004: “人均纯收入低于3300元” — exactly 3300 is not poor
    [3299, '低于', 3300, true],
    [3300, '超过', 3300, false], // seed 004: “稳定超过国家扶贫标准” — exactly the line is not enough
    [3301, '超过', 3300, true],
    [92, '高于', 92, false], // seed 004: “高于92%(不含本数)”
    [98, '大于', 98, false], // seed 004: “大于98%(不含本数)”
  ] as const)('%i %s %i → %s', (value, word, bound, expected) => {
    expect(meetsBound(value, word, bound)).toBe(expected);
  });

  it.each([
    [2, 100, '以下', 2, 100, true],
    [21, 1000, '以下', 2, 100, false],
    [1, 3, '以下', 2, 100, false],
    [1, 50, '以下', 2, 100, true],
  ] as const)('%i/%i %s %i/%i → %s (exact fractions)', (a, b, word, c, d, expected) => {
    expect(meetsRatioBound(a, b, word, c, d)).toBe(expected);
  });
});
