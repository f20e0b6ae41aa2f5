import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkIdNumber, idNumberPattern, maskIdNumber, maskIdNumbersIn, scrubIdNumbers } from './id-number';

const now = new Date('2020-06-30T00:00:00Z');

// GB 11643-1999: check character by ISO 7064 MOD 11-2 (issue 3: “ID number (GB 11643 check digit …)”)
describe('checkIdNumber', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', '女'],
    ['513431198805061210', '1988-05-06', '男'],
    ['51343120100101048x', '2010-01-01', '女'],
  ])('%s is valid: born %s, %s', (id, birthDate, sex) => {
    const r = checkIdNumber(id, now);
    expect(r).toMatchObject({ ok: true, birthDate, sex, id: id.toUpperCase() });
  });

  it.each([
    ['110105194912310021', '校验位错误（GB 11643），请核对号码'],
    ['11010519491331002X', '出生日期无效'],
    ['11010519490230002X', '出生日期无效'],
    ['11010520300101002X', '出生日期晚于今天'],
    ['1101051949123100', '应为 18 位，前 17 位为数字，最后一位为数字或 X'],
    ['11010519491231002Y', '应为 18 位，前 17 位为数字，最后一位为数字或 X'],
  ])('%s is refused: %s', (id, message) => {
    expect(checkIdNumber(id, now)).toEqual({ ok: false, message });
  });

  it('computes the check character of the standard’s example', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });
});

describe('maskIdNumber and ageOn', () => {
  it.each([
    ['510104198001011234', '5101**********1234'],
    ['1234', '****'],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['2004-07-01', '2020-06-30', 15],
    ['2004-06-30', '2020-06-30', 16],
    ['1955-01-01', '2020-06-30', 65],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

// DESIGN: “ID numbers masked in every response and export for roles that may not see them” — in texts too.
describe('scrubIdNumbers', () => {
  it.each([
    ['配偶身份证号：513431198001010011；车辆类型：小型轿车', '配偶身份证号：5134**********0011；车辆类型：小型轿车'],
    ['51343119800101001X与51343119800101002x', '5134**********001X与5134**********002x'],
    ['核对 513431198001010011,513431198202020225 一致', '核对 5134**********0011,5134**********0225 一致'],
    // Not an ID number: longer or shorter digit runs, region codes, amounts.
    ['5134311980010100112', '5134311980010100112'],
    ['51343119800101001', '51343119800101001'],
    ['村代码 513431100200，户编号 0001，12.5000 万元', '村代码 513431100200，户编号 0001，12.5000 万元'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubIdNumbers(text)).toBe(scrubbed);
  });
});

describe('maskIdNumbersIn', () => {
  it('masks ID-number fields whatever their form and ID numbers in any text, keeping other values', () => {
    const at = new Date('2020-06-30T02:00:00Z');
    const value = {
      items: [{ idNumber: '51343119800101001', name: '甲', detail: '户主 513431198001010011', n: 3, at, ok: true, none: null }],
      person: { id_number: '513431198001010011', headIdNumber: '' },
    };
    expect(maskIdNumbersIn(value)).toEqual({
      items: [{ idNumber: '5134*********1001', name: '甲', detail: '户主 5134**********0011', n: 3, at, ok: true, none: null }],
      person: { id_number: '5134**********0011', headIdNumber: '' },
    });
    expect(maskIdNumbersIn(value).items[0]!.at).toBe(at);
    // The input is left as it was.
    expect(value.person.id_number).toBe('513431198001010011');
  });
});

// Issue 12: the field user must find a household “by name, part of an ID number, or household number”; a role that
// sees masked numbers may find only by what its mask shows (the last 4), never work out the hidden digits.
describe('idNumberPattern', () => {
  it.each([
    ['061210', true, '%061210%'],
    [' 19880506 ', true, '%19880506%'],
    ['0101048x', true, '%0101048X%'],
    ['51343119880506121', true, '%51343119880506121%'],
    ['12345', true, null],
    ['513431198805061210', true, null],
    ['吉克', true, null],
    ['12X456', true, null],
    ['1210', false, '%1210'],
    ['048x', false, '%048X'],
    ['061210', false, null],
    ['121', false, null],
  ])('%s (full numbers seen: %s) → %s', (text, fullView, pattern) => {
    expect(idNumberPattern(text, fullView)).toBe(pattern);
  });
});
