/**
 * An assessment scheme as data (issue 5): content (考核内容) → indicator (考核指标), each with its data source and scoring
 * method; the assessment methods and their weights; how grades become points and scores become grades; the grade
 * rules (floors, caps, vetoes); bonuses and deductions. Shipped schemes are transcribed from the seeds
 * (src/domain/assessment/schemes/); administrators copy and edit them.
 */
import { weightProblems, type GradeRule, type MedianBands, type Scale, type Weighted } from './engine';

export type Scoring =
  /** The assessor gives a grade of the scheme's scale. */
  | { kind: 'grade' }
  /** The assessor gives points from 0 to `max`. */
  | { kind: 'points'; max: number }
  /** A quantity, graded against the median of the assessed units (中位法). */
  | { kind: 'median'; unit?: string; bands?: MedianBands }
  /** Done or not: done → the best grade the assessor picks among `doneGrades`, not done → `notDoneGrade`. */
  | { kind: 'done'; doneGrades: string[]; notDoneGrade: string };

/**
 * Figures the system holds, which an indicator graded by the median method can take its values from (issue 5: ledger
 * funds and participation, registry exits and incidence, data-quality counts). The seeds' shipped schemes grade these
 * by assessors' words; an administrator maps them in a copy.
 */
export const SYSTEM_SOURCES = {
  'ledger.funds': '台账：帮扶资金、物资（万元）',
  'ledger.participation': '台账：委员参与率（%）',
  'registry.exitedPersons': '建档立卡：当年脱贫人数',
  'registry.incidence': '建档立卡：年末贫困发生率（%）',
  'quality.findings': '数据质量：问题记录数',
} as const;
export type SystemSource = keyof typeof SYSTEM_SOURCES;

export interface Indicator {
  key: string;
  name: string;
  /** 数据来源 / 具体说明, in the seed's words. */
  source: string;
  scoring: Scoring;
  /** Values taken from the system (median-graded indicators only). */
  system?: SystemSource;
}

export interface Content {
  key: string;
  name: string;
  indicators: Indicator[];
  /** Counts as a major item (大项) for the cap rules. */
  major?: boolean;
}

/** A yes/no fact the rules use (完成全国和省目标要求, 有重大违法、违纪问题, …). */
export interface Fact {
  key: string;
  label: string;
}

/** Points added or taken off the composite (bonus for practices endorsed by central leaders; late funds; deductions). */
export interface Adjustment {
  key: string;
  label: string;
  sign: 1 | -1;
  /** The most points this adjustment can add or take. */
  max: number;
}

export interface Scheme {
  id: string;
  name: string;
  year: number;
  /** Who is assessed: 地级市, 省直单位, 省（区、市）, 委组, 委员 … */
  unitKind: string;
  source: string;
  scale: Scale;
  methods: Weighted[];
  contents: Content[];
  /** Points of each grade when indicator grades are averaged into a method score (documented defaults). */
  gradePoints: Record<string, number>;
  /** Composite score → grade: the lowest score of each grade but the last, best first. */
  gradeThresholds: number[];
  facts: Fact[];
  rules: GradeRule[];
  adjustments: Adjustment[];
  /** Descriptions of the grades (e.g. 附件 1-1), shown with the results. */
  gradeDescriptions?: Record<string, string>;
}

/** Documented defaults: the seeds grade indicators by words; averaging them needs points. */
export const DEFAULT_GRADE_POINTS: Record<string, number> = { 好: 100, 较好: 85, 一般: 70, 较差: 50, 差: 50 };
export const DEFAULT_GRADE_THRESHOLDS = [90, 80, 60];

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
