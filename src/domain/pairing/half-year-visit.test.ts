import { describe, expect, it } from 'vitest';
import { halfYear, halfYearOf, missingVisitProblem } from './half-year-visit';

describe('halfYearOf', () => {
  it.each([
    ['2020-01-01', '2020-01-01', '2020-06-30', '2020 年上半年'],
    ['2020-06-30', '2020-01-01', '2020-06-30', '2020 年上半年'],
    ['2020-07-01', '2020-07-01', '2020-12-31', '2020 年下半年'],
    ['2020-12-31', '2020-07-01', '2020-12-31', '2020 年下半年'],
  ])('%s is in %s – %s (%s)', (iso, from, to, label) => {
    expect(halfYearOf(iso)).toMatchObject({ from, to, label });
  });
});

// Seed 004: “脱贫以后，每半年至少上门回访1次”; “标注后的稳定脱贫户仍需安排帮扶联系人定期走访”.
describe('missingVisitProblem', () => {
  const h1 = halfYear(2020, 1);
  const visit = (kind: string, visitedOn: string) => ({ kind, visitedOn });
  const missing = '2020 年上半年尚未上门回访：脱贫以后，每半年至少上门回访 1 次';
  it.each([
    ['已脱贫', [], missing],
    ['稳定脱贫', [], missing], // stable exits are still visited
    ['已脱贫', [visit('帮扶走访', '2020-03-15')], null],
    ['已脱贫', [visit('帮扶走访', '2020-01-01')], null], // first day of the half-year
    ['已脱贫', [visit('帮扶走访', '2020-06-30')], null], // last day
    ['已脱贫', [visit('帮扶走访', '2019-12-31')], missing], // the half-year before
    ['已脱贫', [visit('帮扶走访', '2020-07-01')], missing], // the half-year after
    ['已脱贫', [visit('家庭医生', '2020-03-15')], missing], // a family doctor's visit is not the helper's 回访
    ['未脱贫', [], null], // the rule is for households after their exit
    ['返贫', [], null],
    ['清退', [], null],
  ] as const)('%s with %j → %s', (status, visits, problem) => {
    expect(missingVisitProblem(status, visits, h1)).toBe(problem);
  });
});
