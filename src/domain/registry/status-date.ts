const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date of an instant in Beijing (YYYY-MM-DD), whatever the host's zone. Kept here until the one dates
 * module (src/domain/shared/dates.ts, issue 10) lands; then this is its `isoDate`.
 */
export function beijingDate(now: Date): string {
  const part = (type: string) => BEIJING_DAY.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A status change takes effect on its date, and the household's status is its latest change (seed 004: 状态 with an
 * as-of history). A change dated after today would be the current status at once while the statistics as of today
 * still count the old one, so it is refused (issue 10); `now` is the time of the request.
 */
export function futureEffectiveDateProblem(effectiveOn: string, now: Date): string | null {
  const today = beijingDate(now);
  return effectiveOn > today ? `不能晚于今天（${today}）` : null;
}
