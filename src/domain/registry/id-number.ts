/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd for men, even for
 * women), and a check character computed with the ISO 7064 MOD 11-2 weights.
 */
import { isoDate, isRealDate } from '../shared/dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The weights, for the data-quality check that recomputes check characters in SQL. */
export const WEIGHTS_FOR_SQL: readonly number[] = WEIGHTS;
const CHECK = '10X98765432';

export type IdCheck =
  | { ok: true; id: string; birthDate: string; sex: '男' | '女'; countyCode: string }
  | { ok: false; message: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Validates an ID number (`now` bounds the birth date) and derives birth date and sex from it. */
export function checkIdNumber(input: string, now: Date): IdCheck {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '应为 18 位，前 17 位为数字，最后一位为数字或 X' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < '1900-01-01') return { ok: false, message: '出生日期无效' };
  if (birthDate > isoDate(now)) return { ok: false, message: '出生日期晚于今天' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: '校验位错误（GB 11643），请核对号码' };
  return { ok: true, id, birthDate, sex: Number(id[16]) % 2 === 1 ? '男' : '女', countyCode: id.slice(0, 6) };
}

/**
 * Masks an ID number for users whose role may not see it: the first 4 and last 4 characters stay
 * (`5101**********1234`). The one masking function: everything else that masks calls it.
 */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * What part of an ID number a search text may find (issue 12: a field user finds a household “by name, part of an ID
 * number, or household number”), as a LIKE pattern on the stored number, or null when the text is no such part.
 * A role that sees full numbers finds by any 6 or more consecutive characters (digits, an X only last); a role that
 * sees masked numbers only by the last 4 characters, which its mask shows anyway (`5101**********1234`): a longer part
 * would let it work out the hidden digits one query at a time. A whole number is matched exactly elsewhere.
 */
export function idNumberPattern(text: string, fullView: boolean): string | null {
  const t = text.trim().toUpperCase();
  if (fullView) return /^\d{5,16}[\dX]$/.test(t) ? `%${t}%` : null;
  return /^\d{3}[\dX]$/.test(t) ? `%${t}` : null;
}

/**
 * An 18-character ID number standing in a text (17 digits and a digit or X, not part of a longer number). Looser than
 * the check in `checkIdNumber` on purpose: a number with a wrong check character or date is still someone's number.
 */
export const ID_NUMBER_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** A text with every ID number in it masked (a hit's detail, an error message, a note). */
export function scrubIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, maskIdNumber);
}

/** Fields that hold an ID number by name (`idNumber`, `id_number`, `headIdNumber` …): masked whatever their form. */
const ID_NUMBER_KEY = /id_?number/i;

/**
 * A copy of a value (a response body, an export's rows) with every ID number masked: fields named for an ID number
 * whatever their content, and ID numbers inside any other text. Plain objects and arrays are walked; anything else
 * (dates, buffers, numbers) is kept as it is.
 */
export function maskIdNumbersIn<T>(value: T): T {
  return walk(value, false) as T;
}

function walk(value: unknown, idField: boolean): unknown {
  if (typeof value === 'string') return idField ? maskIdNumber(value) : scrubIdNumbers(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, idField));
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, ID_NUMBER_KEY.test(k));
  return out;
}

/** Full years of age on a date (ISO `YYYY-MM-DD` strings). */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const y = Number(onDate.slice(0, 4));
  // Month and day compare as the text MM-DD (both dates are ISO).
  return y - by - (onDate.slice(5, 10) < birthDate.slice(5, 10) ? 1 : 0);
}
