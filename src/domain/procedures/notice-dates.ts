/**
 * When a public notice (公示) may start (issue 10): on a day of the calendar, not before its step opened (the moment the
 * previous step passed, or the procedure started, or a return reopened it — the procedure's events record it), and
 * not before the earlier notice of the procedure has run its days (村内公示 first, then the township's: 村—乡镇—县).
 */

/** What the procedure's events say about the open step: the day it opened, and the notice of an earlier step. */
export interface NoticeBounds {
  /** ISO date (Asia/Shanghai) on which the open step opened. */
  openedOn: string;
  /** The last notice passed at an earlier step that still stands: its step, first and last day. */
  previousNotice?: { step: number; from: string; to: string };
}

/** One event of a procedure, with the day (Asia/Shanghai) it happened on. */
export interface BoundEvent {
  stepIndex: number;
  outcome: string;
  on: string;
  noticeFrom: string | null;
  noticeTo: string | null;
}

/** Whether `YYYY-MM-DD` is a day of the calendar (2017-09-31 is not). */
export function isCalendarDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The day after an ISO date. */
const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The bounds of a notice at the open step `currentStep`, from the events in the order they happened: the last event
 * (start, pass or return) opened the current step; the latest notice passed at a step before it is the previous one
 * (a return below that step voids it, and reaching this step again passes it anew).
 */
export function noticeBounds(events: readonly BoundEvent[], currentStep: number): NoticeBounds | null {
  const opening = events.filter((e) => e.outcome === 'start' || e.outcome === 'pass' || e.outcome === 'return').at(-1);
  if (!opening) return null;
  const previous = events.filter((e) => e.outcome === 'pass' && e.stepIndex < currentStep && e.noticeFrom && e.noticeTo).at(-1);
  return { openedOn: opening.on, ...(previous ? { previousNotice: { step: previous.stepIndex, from: previous.noticeFrom!, to: previous.noticeTo! } } : {}) };
}

/** The first day a notice of the open step may start on. */
export function earliestNoticeStart(b: NoticeBounds): string {
  const afterPrevious = b.previousNotice ? nextDay(b.previousNotice.to) : '';
  return afterPrevious > b.openedOn ? afterPrevious : b.openedOn;
}

/**
 * The problems of a notice's first day `from`: a day that does not exist, a start before the earlier notice ended
 * (named by its step), a start before the open step opened (a backdated notice). `stepName` names a step by index.
 */
export function noticeStartProblems(from: string, bounds: NoticeBounds, stepName: (index: number) => string): Array<{ field: string; message: string }> {
  if (!isCalendarDay(from)) return [{ field: 'notice.from', message: `公示开始日期 ${from} 不存在，请核对` }];
  const prev = bounds.previousNotice;
  if (prev && from <= prev.to)
    return [{ field: 'notice.from', message: `公示开始日期 ${from} 早于“${stepName(prev.step)}”的公示期满（${prev.from} 至 ${prev.to}），应在其公示无异议后、${nextDay(prev.to)} 起公示` }];
  if (from < bounds.openedOn) return [{ field: 'notice.from', message: `公示开始日期 ${from} 早于本步开始办理的日期 ${bounds.openedOn}，公示应在上一步办结后开始，不能倒填日期` }];
  return [];
}
