import { describe, expect, it } from 'vitest';
import { emptyIncomeItems, type Household, type HouseholdIncome, type Person } from '../../contract/registry/households';
import { trialValuesFromHousehold, trialYearOf } from './trial-from-household';

const person = (name: string, over: Partial<Person> = {}): Person => ({
  id: 1, householdId: 7, name, idNumber: '', sex: '男', birthDate: '1980-01-01', relation: '户主', schooling: '已毕业', dropoutForPoverty: false, health: '健康',
  disabilityGrade: null, labour: '普通劳动力', hasQualification: false, workMonths: 0, workPlace: '', workIncome: 0, medicalEligible: true, medicalInsured: true,
  seriousIllnessInsured: true, pensionInsured: false, ...over,
});
const income = (year: number, wages: number): HouseholdIncome => ({
  year,
  items: { ...emptyIncomeItems(), wages, minimumLiving: 1200, householdId: 7, year },
  result: { transferTotal: 1200, annualIncome: wages + 1200, netIncome: wages + 1200, perCapita: (wages + 1200) / 2, householdSize: 2, overspent: false, trace: [] },
});
const household = (over: Partial<Household> = {}): Household => ({
  id: 7, villageCode: '513431100200', number: '0101', attribute: '低保贫困户', identifiedYear: 2015, identifiedOn: '2015-12-31', mainCause: '缺技术',
  secondaryCauses: [], housingSafe: true, drinkingWaterSafe: false, foodSecure: true, clothingSecure: true, status: '未脱贫', statusYear: null, version: 3,
  village: { code: '513431100200', name: '俄尔古取村村民委员会', level: 5, deepPoverty: true, path: [] },
  persons: [person('吉克阿呷'), person('吉克木呷', { relation: '之子', schooling: '辍学', dropoutForPoverty: true, medicalInsured: false })],
  incomes: [income(2018, 3000), income(2019, 5000)],
  history: [], verdicts: null, verdictYear: 2019, ...over,
});

/** Issue 11: “测算 cannot start from an existing household”. */
describe('a trial from a household of the registry', () => {
  it('takes the village, facts, members and the latest year’s income', () => {
    const v = trialValuesFromHousehold(household());
    expect(v).toMatchObject({ regionCode: '513431100200', year: 2019, status: '未脱贫', attribute: '低保贫困户', householdSize: 2, drinkingWaterSafe: false, wages: 5000, minimumLiving: 1200, business: 0 });
    expect(v.members).toEqual([
      { name: '吉克阿呷', schooling: '已毕业', dropoutForPoverty: false, medicalEligible: true, medicalInsured: true },
      { name: '吉克木呷', schooling: '辍学', dropoutForPoverty: true, medicalEligible: true, medicalInsured: false },
    ]);
  });

  it.each([
    ['the year asked', 2018, 2018, 3000],
    ['a year without income: every item 0', 2020, 2020, 0],
  ])('takes %s', (_what, year, expectedYear, wages) => {
    expect(trialValuesFromHousehold(household(), year)).toMatchObject({ year: expectedYear, wages });
  });

  it('falls back on the verdict year when no income is recorded, and leaves the year alone without either', () => {
    expect(trialYearOf(household({ incomes: [] }))).toBe(2019);
    expect(trialValuesFromHousehold(household({ incomes: [], verdictYear: null })).year).toBeUndefined();
  });
});
