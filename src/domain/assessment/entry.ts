/**
 * What an assessor may enter for one indicator (issue 5: “Scores are entered per unit × indicator × method in a grid”):
 * a grade of the scheme's scale, points from 0 to the indicator's maximum, a number for a median-graded quantity, or
 * done / not done (with the grade among the indicator's done grades). Returns the entry in its clean form, or the
 * reason it is refused, in Chinese.
 */
import type { Entry } from './round';
import type { Indicator, Scheme } from './scheme';

export type EntryCheck = { ok: true; entry: Entry } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkEntry(scheme: Pick<Scheme, 'scale'>, indicator: Pick<Indicator, 'scoring'>, entry: unknown): EntryCheck {
  const s = indicator.scoring;
  if (!isRecord(entry)) return { ok: false, message: '录入格式不正确' };
  if (s.kind === 'grade') {
    const g = entry.grade;
    if (typeof g !== 'string' || !scheme.scale.includes(g)) return { ok: false, message: `等次应为${scheme.scale.join('、')}之一${typeof g === 'string' && g ? `，不能为“${g}”` : ''}` };
    return { ok: true, entry: { grade: g } };
  }
  if (s.kind === 'points') {
    const p = entry.points;
    if (typeof p !== 'number' || !Number.isFinite(p)) return { ok: false, message: `应填写 0 至 ${s.max} 之间的分数` };
    if (p < 0 || p > s.max) return { ok: false, message: `分数应在 0 至 ${s.max} 之间，不能为 ${p}` };
    return { ok: true, entry: { points: p } };
  }
  if (s.kind === 'median') {
    const v = entry.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, message: `应填写数值${s.unit ? `（${s.unit}）` : ''}` };
    return { ok: true, entry: { value: v } };
  }
  const d = entry.done;
  if (typeof d !== 'boolean') return { ok: false, message: '应选择完成或未完成' };
  if (!d) return { ok: true, entry: { done: false } };
  const g = entry.grade;
  if (g === undefined || g === null || g === '') return { ok: true, entry: { done: true } };
  if (typeof g !== 'string' || !s.doneGrades.includes(g)) return { ok: false, message: `已完成的等次应为${s.doneGrades.join('、')}之一` };
  return { ok: true, entry: { done: true, grade: g } };
}

/** The entry's kind as the grid shows it (评等次 / 打分 / 数值（中位法） / 完成情况). */
export const SCORING_LABELS = { grade: '评等次', points: '打分', median: '数值（中位法）', done: '完成情况' } as const;

/** How a spreadsheet cell of the grid is filled for an indicator (the template's second header row). */
export function cellHint(scheme: Pick<Scheme, 'scale'>, indicator: Pick<Indicator, 'scoring'>): string {
  const s = indicator.scoring;
  if (s.kind === 'grade') return scheme.scale.join('/');
  if (s.kind === 'points') return `0–${s.max} 分`;
  if (s.kind === 'median') return `数值${s.unit ? `（${s.unit}）` : ''}`;
  return `未完成，或完成：${s.doneGrades.join('/')}`;
}

/**
 * A spreadsheet cell of the grid → what `checkEntry` takes: a grade as written, a number for points and quantities,
 * 完成/是 or a done grade → done, 未完成/否 → not done. An empty cell is `undefined` (no change).
 */
export function entryFromText(indicator: Pick<Indicator, 'scoring'>, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const s = indicator.scoring;
  if (s.kind === 'grade') return { grade: t };
  if (s.kind === 'points' || s.kind === 'median') {
    const n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    return s.kind === 'points' ? { points: n } : { value: n };
  }
  if (t === '未完成' || t === '否') return { done: false };
  if (t === '完成' || t === '已完成' || t === '是') return { done: true };
  if (s.doneGrades.includes(t)) return { done: true, grade: t };
  return { done: t };
}
