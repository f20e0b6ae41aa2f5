import { describe, expect, it } from 'vitest';
import { recordedDayProblem } from './recorded-day';

// Seed 004: “扶贫手册帮扶责任人有调整的，在后面备注从何时调整更换” — a dated fact of the past, never of the future.
describe('recordedDayProblem', () => {
  const start = { day: '2020-03-01', what: '起始日期' };
  it.each([
    ['2020-06-30', undefined, null],
    ['2020-06-29', undefined, null],
    ['2020-07-01', undefined, '不能晚于今天（2020-06-30）'],
    ['2017-09-31', undefined, '应为 YYYY-MM-DD'],
    ['', undefined, '应为 YYYY-MM-DD'],
    ['2020-03-01', start, null], // an end on the start day (a mistake undone) is allowed
    ['2020-02-29', start, '不能早于起始日期 2020-03-01'],
  ] as const)('%s (not before %o) → %s', (value, notBefore, message) => {
    const problem = recordedDayProblem('toOn', '结束日期', value, '2020-06-30', notBefore);
    expect(problem?.message ?? null).toBe(message);
    if (problem) expect(problem).toMatchObject({ field: 'toOn', label: '结束日期' });
  });
});
