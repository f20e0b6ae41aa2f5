/**
 * The assessment engine (issue 5), pure: grades on a scale, the median method (中位法), weighted composites in exact
 * hundredths, and the seeds' vetoes, caps and floors applied in a documented order, each leaving its reason.
 *
 * Order of the grade rules (the seeds list them without an order; this one makes every combination decidable):
 *   1. floors (保底: e.g. 完成全国和省目标要求的，评价档次不能低于“较好”) raise the grade;
 *   2. caps (封顶: e.g. 有一大项被评价为“一般”等次的，不能评价为“好”) lower it — a problem outweighs a floor;
 *   3. vetoes (一票否决) set the worst grade — they outweigh everything.
 * A rule that does not change the grade is still listed (with `changed: false`) so the explanation shows it was applied.
 */
import type { Step } from '../../contract/assessment/rounds';
import type { GradeRule, MedianBands, Weighted } from '../../contract/assessment/scheme';

/** The shapes the engine works on are the contract's (src/contract/assessment), declared once there. */
export type { Step } from '../../contract/assessment/rounds';
export type { GradeRule, MedianBands, Weighted } from '../../contract/assessment/scheme';

/** A scale of grades, best first: 好 / 较好 / 一般 / 较差, or 好 / 较好 / 一般 / 差 where the scheme says so. */
export type Scale = readonly string[];
export const SCALE_NATIONAL: Scale = ['好', '较好', '一般', '较差'];
export const SCALE_EAST_WEST: Scale = ['好', '较好', '一般', '差'];

const rankOf = (scale: Scale, grade: string) => {
  const i = scale.indexOf(grade);
  if (i < 0) throw new Error(`等次“${grade}”不在 ${scale.join('、')} 之中`);
  return i;
};
/** The better of two grades. */
export const better = (scale: Scale, a: string, b: string) => (rankOf(scale, a) <= rankOf(scale, b) ? a : b);
/** The worse of two grades. */
export const worse = (scale: Scale, a: string, b: string) => (rankOf(scale, a) >= rankOf(scale, b) ? a : b);
/** Whether `a` is `b` or worse. */
export const atOrBelow = (scale: Scale, a: string, b: string) => rankOf(scale, a) >= rankOf(scale, b);

// --- the median method ---------------------------------------------------------------------------------------------

/** The median of the assessed units' values: the middle one, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('没有可比较的数值');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Band edges of the median method as ratios of value to median, best grade first. The seeds name the method (中位法)
 * without its bands; these defaults are parameters of each indicator: at or above the median → 好; at or above 80 % of
 * it → 较好; at or above 60 % → 一般; below → the worst grade. For “lower is better” indicators the ratio is inverted.
 */
export const DEFAULT_MEDIAN_BANDS: MedianBands = { edges: [1, 0.8, 0.6] };

export function gradeByMedian(value: number, med: number, scale: Scale, bands: MedianBands = DEFAULT_MEDIAN_BANDS): { grade: string; ratio: number } {
  let ratio: number;
  if (bands.lowerIsBetter) ratio = value === 0 ? Infinity : med / value;
  else ratio = med === 0 ? (value >= 0 ? Infinity : 0) : value / med;
  for (let i = 0; i < bands.edges.length && i < scale.length - 1; i++) if (ratio >= bands.edges[i]!) return { grade: scale[i]!, ratio };
  return { grade: scale[scale.length - 1]!, ratio };
}

// --- weighted composites ------------------------------------------------------------------------------------------

/** Checks weights: integers summing to exactly 100 %. */
export function weightProblems(methods: readonly Weighted[]): string[] {
  const out: string[] = [];
  for (const m of methods) if (!Number.isInteger(m.weight) || m.weight < 0) out.push(`“${m.label}”的权重应为不小于 0 的整数（%）`);
  const sum = methods.reduce((a, m) => a + m.weight, 0);
  if (sum !== 100) out.push(`各考核方式权重之和应为 100%，现为 ${sum}%`);
  return out;
}

/**
 * Σ weight × score, with scores in hundredths of a point and weights in percent: computed exactly in integers and
 * rounded half up to hundredths once, at the end.
 */
export function composite(methods: readonly Weighted[], scores: Record<string, number>): { score: number; formula: string } {
  let sum = 0; // hundredths × percent
  for (const m of methods) {
    const s = scores[m.key];
    if (s === undefined || !Number.isFinite(s)) throw new Error(`缺少“${m.label}”的得分`);
    sum += Math.round(s * 100) * m.weight;
  }
  const hundredths = Math.floor((sum + 50) / 100);
  return {
    score: hundredths / 100,
    formula: methods.map((m) => `${m.label} ${scores[m.key]} × ${m.weight}%`).join(' + ') + ` = ${(hundredths / 100).toFixed(2)}`,
  };
}

/** A grade from a score by thresholds, best first (a score at a threshold reaches it: “以上” includes the number). */
export function gradeByScore(score: number, thresholds: readonly number[], scale: Scale): string {
  for (let i = 0; i < thresholds.length && i < scale.length - 1; i++) if (score >= thresholds[i]!) return scale[i]!;
  return scale[scale.length - 1]!;
}

// --- grade rules: floors, caps, vetoes ----------------------------------------------------------------------------

/**
 * Applies a scheme's grade rules to a grade: floors, then caps, then vetoes; `facts` are the unit's yes/no facts (e.g.
 * 完成全国和省目标要求, 重大违法违纪, 弄虚作假), `majorGrades` the grades of the scheme's major items (六大项).
 */
export function applyGradeRules(
  scale: Scale,
  start: string,
  rules: readonly GradeRule[],
  facts: Record<string, boolean>,
  majorGrades: Record<string, string>,
): { grade: string; steps: Step[] } {
  let grade = start;
  const steps: Step[] = [];
  const order = { floor: 0, cap: 1, veto: 2 } as const;
  for (const r of [...rules].sort((a, b) => order[a.kind] - order[b.kind])) {
    const from = grade;
    if (r.kind === 'floor') {
      if (!facts[r.fact]) continue;
      grade = better(scale, grade, r.min);
      steps.push({ rule: r.id, text: r.text, input: r.fact, from, to: grade, changed: grade !== from });
    } else if (r.kind === 'cap') {
      const hit = Object.entries(majorGrades).filter(([, g]) => atOrBelow(scale, g, r.when));
      if (!hit.length) continue;
      grade = worse(scale, grade, r.max);
      steps.push({ rule: r.id, text: r.text, input: hit.map(([k, g]) => `${k} 评为${g}`).join('、'), from, to: grade, changed: grade !== from });
    } else {
      if (!facts[r.fact]) continue;
      grade = scale[scale.length - 1]!;
      steps.push({ rule: r.id, text: r.text, input: r.fact, from, to: grade, changed: grade !== from });
    }
  }
  return { grade, steps };
}

// --- the awards of Anhua 2018 (the national 2017 scheme's fund points are in ../../funds/progress) --------------------

/**
 * Seed 002 (安化县政协 2018) 评优标准: “帮扶资金、物资达5万元以上的委组、20万元以上的经促分会、20万元以上的工商联企业或商会”
 * (以上 includes the number itself). Amounts in yuan.
 */
export const AWARD_THRESHOLDS = { 委组: 50_000, 经促分会: 200_000, 工商联: 200_000 } as const;
export function award(kind: keyof typeof AWARD_THRESHOLDS, yuan: number): { awarded: boolean; reason: string } {
  const line = AWARD_THRESHOLDS[kind];
  const awarded = yuan >= line;
  return { awarded, reason: `${kind}筹集资金和物资 ${yuan / 10_000} 万元，${awarded ? '达到' : '未达到'} ${line / 10_000} 万元` };
}
