import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/registry/id-number';
import { idNumberProblem } from './id-number-rule';

const NOW = new Date('2026-06-01T00:00:00Z');
const first17 = '51343119750612559';
const VALID = `${first17}${checkCharacter(first17)}`;
const WRONG_CHECK = `${first17}${checkCharacter(first17) === '0' ? '1' : '0'}`;

describe('idNumberProblem', () => {
  it('accepts a valid number, in lower-case x too, and leaves an empty field to the required rule', () => {
    expect(idNumberProblem(VALID, NOW, true)).toBeUndefined();
    expect(idNumberProblem(VALID, NOW, false)).toBeUndefined();
    expect(idNumberProblem('', NOW, false)).toBeUndefined();
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002x', NOW, true)).toBeUndefined();
  });

  it('does not flag a number still being typed, but does once the field is left', () => {
    expect(idNumberProblem(VALID.slice(0, 10), NOW, true)).toBeUndefined();
    expect(idNumberProblem(VALID.slice(0, 10), NOW, false)).toBe('位数不对：应为 18 位，现为 10 位');
  });

  it('names a character that cannot stand where it is, as soon as it is typed', () => {
    expect(idNumberProblem('5134a1', NOW, true)).toBe('第 5 位“A”不对：身份证号只含数字，仅最后一位可为 X');
    expect(idNumberProblem('51343X', NOW, true)).toBe('第 6 位“X”不对：身份证号只含数字，仅最后一位可为 X');
  });

  it('checks the 校验码 (GB 11643) as soon as the 18th character is typed', () => {
    expect(idNumberProblem(WRONG_CHECK, NOW, true)).toBe('校验码不对：第 18 位与前 17 位按 GB 11643 算出的不符，请核对号码');
  });

  it('names an impossible or future birth date', () => {
    const bad = '51343119751312559';
    expect(idNumberProblem(`${bad}${checkCharacter(bad)}`, NOW, true)).toBe('第 7–14 位出生日期无效');
    const future = '51343120300101559';
    expect(idNumberProblem(`${future}${checkCharacter(future)}`, NOW, true)).toBe('第 7–14 位出生日期晚于今天');
  });
});
