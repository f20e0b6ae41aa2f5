import { describe, expect, it } from 'vitest';
import { beijingDate, futureEffectiveDateProblem } from './status-date';

describe('beijingDate', () => {
  it.each([
    ['2026-12-01T15:59:59Z', '2026-12-01'],
    ['2026-12-01T16:00:00Z', '2026-12-02'], // 00:00 in Beijing: already the next day there, whatever the host's zone
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s → %s', (at, day) => {
    expect(beijingDate(new Date(at))).toBe(day);
  });
});

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
