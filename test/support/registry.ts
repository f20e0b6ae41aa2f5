import { checkCharacter } from '../../src/domain/registry/id-number';

/** 昭觉县新城镇俄尔古取村 and 昭觉县城北镇 (a village of another township). */
export const XINCHENG_VILLAGE = '513431100200';
export const CHENGBEI_VILLAGE = '513431101001';

/** A valid GB 11643 ID number of a county (default 昭觉县) for a birth date and a sequence (odd: man, even: woman). */
export const idNumber = (birth: string, seq: string, county = '513431') => `${county}${birth}${seq}${checkCharacter(`${county}${birth}${seq}`)}`;

/** A household member as the API takes it: a working adult insured by default. */
export const member = (name: string, id: string, relation: string, over: Record<string, unknown> = {}) => ({
  name,
  idNumber: id,
  relation,
  labour: '普通劳动力',
  workMonths: 6,
  workIncome: 8000,
  medicalInsured: true,
  ...over,
});

/** A household as POST /api/registry/households takes it: secure and safe, identified in 2014 for 缺技术. */
export const householdBody = (villageCode: string, number: string, persons: unknown[], over: Record<string, unknown> = {}) => ({
  villageCode,
  number,
  attribute: '一般贫困户',
  identifiedYear: 2014,
  mainCause: '缺技术',
  secondaryCauses: [],
  housingSafe: true,
  drinkingWaterSafe: true,
  foodSecure: true,
  clothingSecure: true,
  persons,
  ...over,
});
