import { describe, expect, it } from 'vitest';
import { plannedExitsOf, profileFigures, sumVillageFigures, villageCountsOf, villageDifference, villageYearTotalsOf, yearFigures, type VillageProfileFacts } from './village-figures';

const profile = (over: Partial<VillageProfileFacts> = {}): VillageProfileFacts => ({ poorVillage: true, identifiedYear: 2014, exited: false, exitYear: null, certifiedPopulation: 800, ...over });

describe('village figures (seed 001 “全乡脱贫规划(包括年度脱贫村、脱贫人口…)”; seed 004 “公安部门出具的贫困村全村总人口数证明材料”)', () => {
  it.each([
    ['a poor village counts from its identified year', profile(), 2014, { poor: 1, exited: 0, population: 800 }],
    ['… not before it', profile(), 2013, { poor: 0, exited: 0, population: 800 }],
    ['an exited one counts as exited from its exit year', profile({ exited: true, exitYear: 2019 }), 2019, { poor: 1, exited: 1, population: 800 }],
    ['… and only as poor the year before', profile({ exited: true, exitYear: 2019 }), 2018, { poor: 1, exited: 0, population: 800 }],
    ['a village not poor counts only its population', profile({ poorVillage: false, exited: true, exitYear: 2019 }), 2020, { poor: 0, exited: 0, population: 800 }],
    ['a poor village without an identified year is not counted', profile({ identifiedYear: null, certifiedPopulation: null }), 2020, { poor: 0, exited: 0, population: 0 }],
  ])('%s', (_what, p, year, expected) => {
    expect(villageCountsOf(profileFigures(p), year)).toEqual(expected);
  });

  it('sums year figures over villages, null where no village gave one, and lists the planned exits of every reported year', () => {
    const figures = sumVillageFigures([
      ...yearFigures({ year: 2019, collectiveIncome: 50000, plannedHouseholds: 3, plannedPersons: null }),
      ...yearFigures({ year: 2019, collectiveIncome: 30000, plannedHouseholds: null, plannedPersons: null }),
      ...yearFigures({ year: 2020, collectiveIncome: null, plannedHouseholds: null, plannedPersons: null }),
    ]);
    expect(villageYearTotalsOf(figures, 2019)).toEqual({ reported: 2, collectiveIncome: 80000, plannedHouseholds: 3, plannedPersons: null });
    expect(villageYearTotalsOf(figures, 2020)).toEqual({ reported: 1, collectiveIncome: null, plannedHouseholds: null, plannedPersons: null });
    expect(villageYearTotalsOf(figures, 2021)).toEqual({ reported: 0, collectiveIncome: null, plannedHouseholds: null, plannedPersons: null });
    expect(plannedExitsOf(figures)).toEqual([
      { year: 2019, households: 3, persons: 0 },
      { year: 2020, households: 0, persons: 0 },
    ]);
  });

  it('keeps a change as the difference of before and after, nothing when nothing changed', () => {
    const before = profileFigures(profile());
    const after = profileFigures(profile({ exited: true, exitYear: 2020, certifiedPopulation: 810 }));
    expect(villageDifference(before, after)).toEqual([
      { dim: 'exited', key: 2020, villages: 1, amount: 0 },
      { dim: 'population', key: 0, villages: 0, amount: 10 },
    ]);
    expect(villageDifference(before, before)).toEqual([]);
    expect(villageDifference([], before)).toEqual(before);
  });
});
