import { describe, expect, it } from 'vitest';
import { changeTotals, populationChanges } from './population-change';

/** Seed 001 (村级档案资料): “贫困人口增减表” per village and year, from the registry's dated status history. */
const row = (status: string, effectiveOn: string, persons = 4) => ({ status, effectiveOn, persons, reason: '' });

describe('populationChanges (人口增减表, seed 001)', () => {
  it.each<[string, ReturnType<typeof row>[], number, string[]]>([
    ['identified in the year: 新识别', [row('未脱贫', '2024-03-01')], 2024, ['增加:新识别']],
    ['identified the year before: nothing this year', [row('未脱贫', '2023-03-01')], 2024, []],
    ['exited in the year: 脱贫', [row('未脱贫', '2022-03-01'), row('已脱贫', '2024-11-20', 3)], 2024, ['减少:脱贫']],
    ['稳定脱贫 is no change in number', [row('未脱贫', '2022-03-01'), row('已脱贫', '2023-11-20'), row('稳定脱贫', '2024-05-01')], 2024, []],
    ['返贫 adds, 清退 removes', [row('已脱贫', '2023-11-20'), row('返贫', '2024-02-01'), row('清退', '2024-09-01')], 2024, ['增加:返贫', '减少:清退']],
    ['a correction back to 未脱贫 is not a new identification', [row('未脱贫', '2022-03-01'), row('已脱贫', '2024-01-10'), row('未脱贫', '2024-01-12')], 2024, ['减少:脱贫']],
  ])('%s', (_n, history, year, want) => {
    expect(populationChanges(history, year).map((c) => `${c.direction}:${c.kind}`)).toEqual(want);
  });

  it('totals households and persons', () => {
    const c = [...populationChanges([row('未脱贫', '2024-03-01', 5)], 2024), ...populationChanges([row('未脱贫', '2020-01-01'), row('已脱贫', '2024-12-01', 3)], 2024)];
    expect(changeTotals(c)).toEqual({ addedHouseholds: 1, addedPersons: 5, removedHouseholds: 1, removedPersons: 3 });
  });
});
