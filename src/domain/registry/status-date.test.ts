import { describe, expect, it } from 'vitest';
import { futureEffectiveDateProblem } from './status-date';

// Issue 10: “A status correction dated in the future becomes current at once while statistics disagree: refuse it.”
describe('futureEffectiveDateProblem', () => {
  const now = new Date('2026-12-01T17:00:00Z'); // 2026-12-02 01:00 in Beijing (still 12-01 in UTC)
  it.each<[string, string | null]>([
    ['2026-12-01', null],
    ['2026-12-02', null],
    ['2026-12-03', '不能晚于今天（2026-12-02）'],
    ['2027-01-01', '不能晚于今天（2026-12-02）'],
  ])('%s → %s', (effectiveOn, problem) => {
    expect(futureEffectiveDateProblem(effectiveOn, now)).toBe(problem);
  });
});
