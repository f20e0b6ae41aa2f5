/**
 * The history of a household's helpers as the 扶贫手册 notes it (seed 004): “扶贫手册帮扶责任人有调整的，在后面备注从何时
 * 调整更换”. An assignment runs from its first day to the day it ends (exclusive: on `toOn` the helper no longer holds
 * the household); a replacement ends one assignment and starts the next on the same day.
 */
export interface AssignmentSpan {
  helperName: string;
  fromOn: string;
  toOn: string | null;
  /** Why it was made, and after END_MARK why it ended (see `withEndReason`). */
  reason: string;
}

/** A note starts a helper, records a replacement, or ends one. */
export const HANDOVER_KINDS = ['start', 'replace', 'end'] as const;

export interface HandoverNote {
  on: string;
  kind: (typeof HANDOVER_KINDS)[number];
  /** “自 2020-03-01 起由李四接替张三” */
  text: string;
  reason: string;
}

const END_MARK = '；结束原因：';

/** The reason kept for an assignment that ends, after the reason it was made for. */
export function withEndReason(reason: string, endReason: string): string {
  const why = endReason.trim();
  return why ? `${reason}${END_MARK}${why}` : reason;
}

export function splitReason(reason: string): { start: string; end: string } {
  const at = reason.indexOf(END_MARK);
  return at < 0 ? { start: reason, end: '' } : { start: reason.slice(0, at), end: reason.slice(at + END_MARK.length) };
}

/** Whether an assignment holds the household on a day. */
export function heldOn(a: { fromOn: string; toOn: string | null }, day: string): boolean {
  return a.fromOn <= day && (a.toOn === null || a.toOn > day);
}

/** The dated notes of a household's helper changes, oldest first (an assignment ended on its first day was a mistake). */
export function handoverNotes(all: readonly AssignmentSpan[]): HandoverNote[] {
  const spans = all.filter((s) => s.toOn !== s.fromOn);
  const days = [...new Set(spans.flatMap((s) => (s.toOn ? [s.fromOn, s.toOn] : [s.fromOn])))].sort();
  const names = (list: readonly AssignmentSpan[]) => list.map((s) => s.helperName).join('、');
  const reasons = (list: readonly string[]) => [...new Set(list.filter(Boolean))].join('；');
  const out: HandoverNote[] = [];
  for (const on of days) {
    const started = spans.filter((s) => s.fromOn === on);
    const ended = spans.filter((s) => s.toOn === on);
    if (started.length && ended.length)
      out.push({ on, kind: 'replace', text: `自 ${on} 起由${names(started)}接替${names(ended)}`, reason: reasons([...started.map((s) => splitReason(s.reason).start), ...ended.map((s) => splitReason(s.reason).end)]) });
    else if (started.length) out.push({ on, kind: 'start', text: `自 ${on} 起由${names(started)}担任帮扶责任人`, reason: reasons(started.map((s) => splitReason(s.reason).start)) });
    else if (ended.length) out.push({ on, kind: 'end', text: `自 ${on} 起${names(ended)}不再担任帮扶责任人`, reason: reasons(ended.map((s) => splitReason(s.reason).end)) });
  }
  return out;
}
