import { describe, expect, it } from 'vitest';
import { checkHousehold, type HouseholdInput } from './validate-household';

const now = new Date('2020-06-30T00:00:00Z');
const head = { name: '吉克阿呷', idNumber: '513431198805061210', relation: '户主', labour: '普通劳动力', workMonths: 6, workIncome: 8000 };
const child = { name: '吉克阿果', idNumber: '51343120100101048x', relation: '之女', labour: '无劳动力', schooling: '在校' };
const base: HouseholdInput = { villageCode: '513431100200', number: '001', attribute: '一般贫困户', identifiedYear: 2014, mainCause: '缺技术', secondaryCauses: ['缺资金'], persons: [head, child] };

describe('checkHousehold', () => {
  it('accepts a valid household and derives sex and birth date from the ID numbers', () => {
    const r = checkHousehold(base, now);
    expect(r.errors).toEqual([]);
    expect(r.persons.map((p) => [p.sex, p.birthDate, p.idNumber])).toEqual([
      ['男', '1988-05-06', '513431198805061210'],
      ['女', '2010-01-01', '51343120100101048X'],
    ]);
  });

  it.each<[string, Partial<HouseholdInput>, string, string]>([
    ['no head', { persons: [child] }, 'persons', '每户须有且只有 1 名户主（现有 0 名）'],
    ['two heads', { persons: [head, { ...child, relation: '户主', labour: '无劳动力' }] }, 'persons', '每户须有且只有 1 名户主（现有 2 名）'],
    ['the same ID twice', { persons: [head, { ...head, relation: '配偶' }] }, 'persons', '身份证号 513431198805061210 在本户重复'],
    // Seed 004: “次要致贫原因与主要致贫原因不重复,且不超过2个”
    ['secondary cause equal to the main one', { secondaryCauses: ['缺技术'] }, 'secondaryCauses', '次要致贫原因不能与主要致贫原因重复'],
    ['bad check digit', { persons: [{ ...head, idNumber: '513431198805061211' }] }, 'persons.0.idNumber', '校验位错误（GB 11643），请核对号码'],
    // Seed 004: “‘无劳动力’是指16岁以下未成年人”
    ['a child declared as labour', { persons: [head, { ...child, labour: '普通劳动力' }] }, 'persons.1.labour', '10 岁未满 16 周岁，应为无劳动力'],
    ['unknown attribute', { attribute: '五保户' }, 'attribute', '应为一般贫困户、低保贫困户、特困供养贫困户之一'],
  ])('refuses %s', (_name, over, field, message) => {
    expect(checkHousehold({ ...base, ...over }, now).errors.map((e) => [e.field, e.message])).toContainEqual([field, message]);
  });
});
