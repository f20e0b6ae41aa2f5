/**
 * An assessment scheme as data (issue 5): content (考核内容) → indicator (考核指标), each with its data source and scoring
 * method; the assessment methods and their weights; how grades become points and scores become grades; the grade
 * rules (floors, caps, vetoes); bonuses and deductions. Shipped schemes are transcribed from the seeds
 * (src/domain/assessment/schemes/); administrators copy and edit them.
 */
import { weightProblems } from './engine';
import { SYSTEM_SOURCES } from './labels';
import type { Content, Indicator, Scheme, StoredScheme } from '../../contract/assessment/scheme';
import type { FieldError } from '../shared/errors';

/** The scheme's shape is the contract's (src/contract/assessment/scheme.ts), declared once there as zod schemas. */
export type { Adjustment, Content, Fact, Indicator, Scheme, Scoring } from '../../contract/assessment/scheme';
export { SYSTEM_SOURCES, type SystemSource } from './labels';

/** Documented defaults: the seeds grade indicators by words; averaging them needs points. */
export const DEFAULT_GRADE_POINTS: Record<string, number> = { 好: 100, 较好: 85, 一般: 70, 较差: 50, 差: 50 };
export const DEFAULT_GRADE_THRESHOLDS = [90, 80, 60];

/**
 * The grade descriptions (等次评价标准) in the scale's order, best first (好 / 较好 / 一般 / 较差): a record's key order
 * does not survive storage (PostgreSQL's jsonb sorts keys by length, then bytes: 好, 一般, 较好, 较差), so every page
 * lists them from this one list. A described grade outside the scale follows, in the record's order.
 */
export function gradeDescriptionList(scale: readonly string[], descriptions: Record<string, string> | undefined): Array<{ grade: string; text: string }> {
  if (!descriptions) return [];
  const grades = [...scale.filter((g) => Object.hasOwn(descriptions, g)), ...Object.keys(descriptions).filter((g) => !scale.includes(g))];
  return grades.map((grade) => ({ grade, text: descriptions[grade]! }));
}

export function indicators(s: Scheme): Array<Indicator & { content: Content }> {
  return s.contents.flatMap((c) => c.indicators.map((i) => ({ ...i, content: c })));
}

/** Structural checks of a scheme (an edited copy must pass them before it is saved). */
export function schemeProblems(s: Scheme): string[] {
  const out: string[] = weightProblems(s.methods);
  const keys = new Set<string>();
  for (const i of indicators(s)) {
    if (keys.has(i.key)) out.push(`指标代码 ${i.key} 重复`);
    keys.add(i.key);
    if (i.scoring.kind === 'done') for (const g of [...i.scoring.doneGrades, i.scoring.notDoneGrade]) if (!s.scale.includes(g)) out.push(`指标“${i.name}”的等次“${g}”不在等次表中`);
    if (i.system !== undefined) {
      if (!(i.system in SYSTEM_SOURCES)) out.push(`指标“${i.name}”的系统数据来源“${String(i.system)}”未定义`);
      else if (i.scoring.kind !== 'median') out.push(`指标“${i.name}”取系统数据时应按中位法评价`);
    }
  }
  for (const g of s.scale) if (s.gradePoints[g] === undefined) out.push(`缺少等次“${g}”的折算分`);
  if (s.gradeThresholds.length !== s.scale.length - 1) out.push(`等次分数线应有 ${s.scale.length - 1} 个`);
  const facts = new Set(s.facts.map((f) => f.key));
  for (const r of s.rules) {
    if ((r.kind === 'floor' || r.kind === 'veto') && !facts.has(r.fact)) out.push(`规则“${r.text}”引用的事项“${r.fact}”未定义`);
    if (r.kind === 'floor' && !s.scale.includes(r.min)) out.push(`规则“${r.text}”的等次“${r.min}”不在等次表中`);
    if (r.kind === 'cap' && (!s.scale.includes(r.max) || !s.scale.includes(r.when))) out.push(`规则“${r.text}”的等次不在等次表中`);
  }
  return out;
}

/**
 * Every check of an edited copy, as field errors: the structural checks above, and what the copy holds beyond the
 * engine's needs (method codes unique, thresholds from high to low, consequences on grades of the scale). The server
 * refuses a copy with any; the scheme editor shows the same list before it sends the copy.
 */
export function storedSchemeProblems(s: StoredScheme): FieldError[] {
  const out: FieldError[] = schemeProblems({ ...s, id: s.id ?? '' }).map((message) => ({ field: 'scheme', label: '考核方案', message }));
  const methodKeys = new Set<string>();
  for (const m of s.methods) {
    if (methodKeys.has(m.key)) out.push({ field: 'scheme.methods', label: '考核方式', message: `代码 ${m.key} 重复` });
    methodKeys.add(m.key);
  }
  for (let i = 1; i < s.gradeThresholds.length; i++)
    if (s.gradeThresholds[i]! >= s.gradeThresholds[i - 1]!) out.push({ field: 'scheme.gradeThresholds', label: '等次分数线', message: '应从高到低排列' });
  for (const c of s.consequences ?? []) for (const g of c.grades) if (!s.scale.includes(g)) out.push({ field: 'scheme.consequences', label: `“${c.action}”`, message: `等次“${g}”不在等次表中` });
  return out;
}
