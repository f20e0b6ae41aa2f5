/**
 * The 身份证号 field's check as the clerk types (issue 11: “ID numbers are checked only on save (check as typed, with
 * the check-digit rule)”): the domain's GB 11643 check (src/domain/registry/id-number.ts), with messages that name
 * the problem — 位数, a character that cannot stand there, the birth date, the 校验码.
 */
import type { FormRule } from 'antd';
import { checkIdNumber } from '../../domain/registry/id-number';

/**
 * What is wrong with an ID number as typed so far, or undefined. While `typing`, a number still short of 18
 * characters is not yet wrong (only a character that can never stand there is); once typed out, or on leaving the
 * field, every rule applies.
 */
export function idNumberProblem(value: string | undefined, now: Date, typing: boolean): string | undefined {
  const id = (value ?? '').trim().toUpperCase();
  if (id === '') return undefined; // the required rule answers an empty field
  const badAt = [...id].findIndex((c, i) => !(/\d/.test(c) || (c === 'X' && i === 17)));
  if (badAt >= 0) return `第 ${badAt + 1} 位“${id[badAt]}”不对：身份证号只含数字，仅最后一位可为 X`;
  if (id.length !== 18) return typing && id.length < 18 ? undefined : `位数不对：应为 18 位，现为 ${id.length} 位`;
  const check = checkIdNumber(id, now);
  if (check.ok) return undefined;
  if (check.message.startsWith('校验位')) return '校验码不对：第 18 位与前 17 位按 GB 11643 算出的不符，请核对号码';
  return `第 7–14 位${check.message}`;
}

/** The field's antd rules: the required rule, then the check on every change and, fully, on leaving the field. */
export function idNumberRules(now: () => Date = () => new Date()): FormRule[] {
  const check = (typing: boolean) => (_: unknown, v: string | undefined) => {
    const problem = idNumberProblem(v, now(), typing);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  };
  return [
    { required: true, message: '请填写身份证号' },
    { validateTrigger: 'onChange', validator: check(true) },
    { validateTrigger: 'onBlur', validator: check(false) },
  ];
}
