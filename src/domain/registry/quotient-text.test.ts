import { describe, expect, it } from 'vitest';
import { quotientText } from './quotient-text';

// Issue 10: a rule's reason shows what it compared — 13,201 元 ÷ 4 人 is 3,300.25 元, not “3,300 元”.
describe('quotientText', () => {
  it.each<[number, number, number, string]>([
    [13201, 4, 0, '3,300.25'],
    [13200, 4, 0, '3,300'],
    [9901, 3, 0, '约 3,300.33'],
    [9899, 3, 0, '约 3,299.67'],
    [1, 8, 0, '0.125'],
    [1, 64, 0, '约 0.02'],
    [-5, 2, 0, '-2.5'],
    [-10, 3, 0, '约 -3.33'],
    [300, 100, 2, '3.00'],
    [210, 100, 2, '2.10'],
    // A large divisor gets as many decimals as it has digits: 3,299.999… is never shown as 3,300.
    [3299999, 1000, 0, '3,299.999'],
    [32999999, 10001, 0, '约 3,299.66993'],
    [3300 * 1001 - 1, 1001, 0, '约 3,299.9990'],
  ])('%i ÷ %i (at least %i decimals) → %s', (n, d, min, text) => {
    expect(quotientText(n, d, min)).toBe(text);
  });
});
