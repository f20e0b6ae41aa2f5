/**
 * 测算 from a household already in the registry (issue 11: “测算 cannot start from an existing household”): its village,
 * size, status, attribute, the two assurances and safe housing and water, its members' schooling and insurance, and
 * the income of the year asked (its latest income year by default) fill the trial form; the clerk then changes what
 * they want to try. Nothing is saved.
 */
import type { Household, IncomeItems } from '../../contract/registry/households';
import type { TrialHouseholdInput } from '../../contract/registry/rules';

/** The trial form's values: the trial's body with the income items flat (as TrialPage holds them). */
export type TrialFormValues = Omit<TrialHouseholdInput, 'income'> & IncomeItems;

const INCOME_KEYS: Array<keyof IncomeItems> = ['wages', 'business', 'property', 'subsidies', 'minimumLiving', 'extremePoverty', 'pension', 'ecological', 'otherTransfer', 'businessCosts', 'illnessCosts', 'schoolingCosts'];

/** The income year a trial of `h` starts from: `year` when given, else its latest income year, else its verdict year. */
export function trialYearOf(h: Household, year?: number): number | undefined {
  if (year !== undefined) return year;
  const latest = [...h.incomes].sort((a, b) => b.year - a.year)[0];
  return latest?.year ?? h.verdictYear ?? undefined;
}

export function trialValuesFromHousehold(h: Household, year?: number): Partial<TrialFormValues> {
  const y = trialYearOf(h, year);
  const income = h.incomes.find((i) => i.year === y)?.items;
  return {
    regionCode: h.villageCode,
    ...(y !== undefined ? { year: y } : {}),
    status: h.status,
    attribute: h.attribute,
    householdSize: h.persons.length,
    foodSecure: h.foodSecure,
    clothingSecure: h.clothingSecure,
    housingSafe: h.housingSafe,
    drinkingWaterSafe: h.drinkingWaterSafe,
    members: h.persons.map((p) => ({
      name: p.name,
      schooling: p.schooling as TrialHouseholdInput['members'][number]['schooling'],
      dropoutForPoverty: p.dropoutForPoverty,
      medicalEligible: p.medicalEligible,
      medicalInsured: p.medicalInsured,
    })),
    ...Object.fromEntries(INCOME_KEYS.map((k) => [k, income?.[k] ?? 0])),
  };
}
