import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkIdNumber, maskIdNumber } from './id-number';

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
