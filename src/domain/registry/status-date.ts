import { isoDate } from '../shared/dates';

/**
 * A status change takes effect on its date, and the household's status is its latest change (seed 004: 状态 with an
 * as-of history). A change dated after today would be the current status at once while the statistics as of today
 * still count the old one, so it is refused (issue 10); `now` is the time of the request.
 */
export function futureEffectiveDateProblem(effectiveOn: string, now: Date): string | null {
  const today = isoDate(now);
  return effectiveOn > today ? `不能晚于今天（${today}）` : null;
}
