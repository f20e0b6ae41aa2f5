/**
 * The day a change to a household's helpers or visits is recorded for (an assignment's start or end, a replacement, a
 * visit): seed 004 has the 扶贫手册 note “从何时调整更换” and the visits of each half-year, which are facts of the past —
 * a real date, not after today, and not before the record it follows (an end not before its start).
 */
import { isRealDate } from '../shared/dates';
import type { FieldError } from '../shared/errors';

export function recordedDayProblem(field: string, label: string, value: string | undefined, today: string, notBefore?: { day: string; what: string }): FieldError | null {
  if (!isRealDate(value)) return { field, label, message: '应为 YYYY-MM-DD' };
  if (value > today) return { field, label, message: `不能晚于今天（${today}）` };
  if (notBefore && value < notBefore.day) return { field, label, message: `不能早于${notBefore.what} ${notBefore.day}` };
  return null;
}
