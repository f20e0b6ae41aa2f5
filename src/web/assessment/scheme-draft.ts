/**
 * The scheme editor's draft: the checks it runs before sending (the endpoint's schema, then the domain's
 * `storedSchemeProblems`, the very checks the server applies), the Chinese name of each place in the draft a problem
 * can be at, and the small helpers of its fields.
 */
import { storedScheme, type Scheme, type Scoring } from '../../contract/assessment/scheme';
import { DEFAULT_MEDIAN_BANDS } from '../../domain/assessment/engine';
import { storedSchemeProblems } from '../../domain/assessment/scheme';
import type { FieldError } from '../../domain/shared/errors';
import { problemsOf } from '../app/forms';

/** The editor's words for the scoring kinds (the grid's are shorter: entry.ts `SCORING_LABELS`). */
export const SCORING_LABELS: Record<Scoring['kind'], string> = {
  grade: '评定等次',
  points: '打分',
  median: '中位法（与中位数比较）',
  done: '完成情况',
};

/** An emptied number field is kept as NaN until it is filled again; saving refuses it. */
export const num = (v: number | string | null) => (typeof v === 'number' ? v : NaN);
export const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
/** Median band edges are ratios (0.8); they are edited as percentages (80). */
export const toPercent = (r: number) => Math.round(r * 10000) / 100;

/** The parameters a scoring kind starts with when an indicator is switched to it. */
export function defaultScoring(kind: Scoring['kind'], scale: readonly string[]): Scoring {
  switch (kind) {
    case 'grade':
      return { kind };
    case 'points':
      return { kind, max: 100 };
    case 'median':
      return { kind, bands: { edges: [...DEFAULT_MEDIAN_BANDS.edges] } };
    case 'done':
      return { kind, doneGrades: scale.slice(0, 1), notDoneGrade: scale[scale.length - 1] ?? '' };
  }
}

/** A key not yet used: `prefix_1`, `prefix_2`, … */
export function freshKey(prefix: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

const INDICATOR_PARTS: Record<string, string> = {
  name: '名称',
  source: '数据来源',
  'scoring.max': '满分',
  'scoring.unit': '计量单位',
  'scoring.bands.edges': '分档线',
  'scoring.doneGrades': '完成时可评等次',
  'scoring.notDoneGrade': '未完成时评为',
  system: '取系统数据',
};

/** The Chinese name of a place in the draft (`contents.0.indicators.2.scoring.max` → 指标“…”的满分). */
export function draftLabel(s: Scheme, field: string): string {
  const p = field.split('.');
  const n = (i: number) => Number(p[i]);
  switch (p[0]) {
    case '':
      return '考核方案';
    case 'name':
      return '方案名称';
    case 'year':
      return '考核年度';
    case 'methods': {
      if (p.length < 2) return '考核方式';
      const m = s.methods[n(1)];
      const which = m?.label.trim() ? `考核方式“${m.label}”` : `第 ${n(1) + 1} 个考核方式`;
      return p[2] === 'weight' ? `${which}的权重` : p[2] === 'label' ? `${which}的名称` : which;
    }
    case 'gradePoints':
      return `等次“${p[1] ?? ''}”的折算分`;
    case 'gradeThresholds':
      return p.length > 1 ? `等次“${s.scale[n(1)] ?? ''}”的分数线` : '等次分数线';
    case 'adjustments': {
      const a = s.adjustments[n(1)];
      return a ? `${a.sign > 0 ? '加分' : '扣分'}“${a.label}”的最多分值` : '加分、扣分';
    }
    case 'contents': {
      if (p.length < 2) return '考核内容';
      const c = s.contents[n(1)];
      const where = c?.name.trim() ? `考核内容“${c.name}”` : `第 ${n(1) + 1} 项考核内容`;
      if (p[2] === 'name') return `${where}的名称`;
      if (p[2] !== 'indicators' || p.length < 4) return where;
      const ind = c?.indicators[n(3)];
      const at = ind?.name.trim() ? `指标“${ind.name}”` : `${where}的第 ${n(3) + 1} 个指标`;
      const part = p.slice(4).filter((x) => !/^\d+$/.test(x)).join('.');
      return INDICATOR_PARTS[part] ? `${at}的${INDICATOR_PARTS[part]}` : at;
    }
    default:
      return field;
  }
}

/** The value at a place of the draft (to tell an emptied number from a wrong one). */
const valueAt = (s: Scheme, field: string): unknown => field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), s);

/**
 * What the draft must pass before it is sent: first the endpoint's schema (blank names, emptied numbers, a content
 * without indicators, sizes), then — once its shape is right — the domain's checks of a whole scheme (weights summing
 * to 100 %, grades on the scale, thresholds from high to low …). Fields are places in the draft (`methods.0.weight`).
 */
export function draftProblems(s: Scheme): FieldError[] {
  const shape = problemsOf(storedScheme, s);
  if (shape.length)
    return shape.map((f) => ({ field: f.field, label: draftLabel(s, f.field), message: Number.isNaN(valueAt(s, f.field)) ? '必填' : f.message }));
  return storedSchemeProblems(s).map(fromServer(s));
}

/** A field error of the server (`scheme.methods.0.weight`, or `scheme` for the whole) as a place in the draft. */
export const fromServer =
  (s: Scheme) =>
  (f: FieldError): FieldError => {
    const field = f.field === 'scheme' ? '' : f.field.replace(/^scheme\./, '');
    const label = draftLabel(s, field);
    return { field, label: label === field ? f.label : label, message: f.message };
  };
