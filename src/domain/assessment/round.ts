/**
 * A round's results (issue 5), pure: per unit the indicator grades and points per method, the method scores, the
 * weighted composite, adjustments, the grade after every rule with its explanation, and the rank. Median-graded
 * indicators compare each unit with the median of all assessed units of the round, per method.
 */
import type { Entry, IndicatorResult, UnitResult } from '../../contract/assessment/rounds';
import { applyGradeRules, composite, gradeByMedian, gradeByScore, median } from './engine';
import { indicators, type Scheme } from './scheme';

/** An entry and a unit's result are the contract's shapes (src/contract/assessment/rounds.ts), declared once there. */
export type { Entry, IndicatorResult, UnitResult } from '../../contract/assessment/rounds';

export interface UnitInput {
  unit: string;
  /** entries[methodKey][indicatorKey] */
  entries: Record<string, Record<string, Entry>>;
  facts?: Record<string, boolean>;
  /** Points of each adjustment (positive numbers; the scheme's sign applies). */
  adjustments?: Record<string, number>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function evaluateRound(scheme: Scheme, units: UnitInput[]): UnitResult[] {
  const all = indicators(scheme);
  // Medians per method × indicator over the units that have a value.
  const medians = new Map<string, number>();
  for (const m of scheme.methods)
    for (const i of all)
      if (i.scoring.kind === 'median') {
        const values = units.map((u) => u.entries[m.key]?.[i.key]).filter((e): e is { value: number } => !!e && 'value' in e).map((e) => e.value);
        if (values.length) medians.set(`${m.key}|${i.key}`, median(values));
      }

  const results = units.map((u): Omit<UnitResult, 'rank'> => {
    const explanation: string[] = [];
    const contentPoints = new Map<string, number[]>();
    const methods = scheme.methods.map((m) => {
      const list: IndicatorResult[] = all.map((i) => {
        const e = u.entries[m.key]?.[i.key];
        const s = i.scoring;
        let grade: string;
        let points: number;
        let detail: string;
        if (!e) throw new Error(`${u.unit}：缺少“${m.label}”对“${i.name}”的评价`);
        if (s.kind === 'grade' && 'grade' in e && e.grade !== undefined) {
          grade = e.grade;
          points = scheme.gradePoints[grade]!;
          detail = `评为${grade}`;
        } else if (s.kind === 'points' && 'points' in e) {
          points = (e.points / s.max) * 100;
          grade = gradeByScore(points, scheme.gradeThresholds, scheme.scale);
          detail = `${e.points} / ${s.max} 分`;
        } else if (s.kind === 'median' && 'value' in e) {
          const med = medians.get(`${m.key}|${i.key}`)!;
          const g = gradeByMedian(e.value, med, scheme.scale, s.bands);
          grade = g.grade;
          points = scheme.gradePoints[grade]!;
          detail = `${e.value}${s.unit ?? ''}，中位数 ${round2(med)}${s.unit ?? ''}，为中位数的 ${Number.isFinite(g.ratio) ? `${round2(g.ratio * 100)}%` : '—'}，评为${grade}`;
        } else if (s.kind === 'done' && 'done' in e) {
          grade = e.done ? (e.grade && s.doneGrades.includes(e.grade) ? e.grade : s.doneGrades[0]!) : s.notDoneGrade;
          points = scheme.gradePoints[grade]!;
          detail = e.done ? `已完成，评为${grade}` : `未完成，评为${grade}`;
        } else throw new Error(`${u.unit}：“${i.name}”的评价方式与录入不符`);
        if (!scheme.scale.includes(grade)) throw new Error(`${u.unit}：“${i.name}”的等次“${grade}”不在 ${scheme.scale.join('、')} 之中`);
        const c = contentPoints.get(i.content.key) ?? [];
        c.push(points);
        contentPoints.set(i.content.key, c);
        return { indicator: i.key, grade, points: round2(points), detail };
      });
      const score = round2(list.reduce((a, r) => a + r.points, 0) / Math.max(list.length, 1));
      return { key: m.key, label: m.label, score, indicators: list };
    });
    // A content's (大项) grade: the grade of the mean points of its indicators over all methods.
    const contents: Record<string, string> = {};
    for (const c of scheme.contents) {
      const pts = contentPoints.get(c.key) ?? [];
      contents[c.name] = gradeByScore(pts.reduce((a, p) => a + p, 0) / Math.max(pts.length, 1), scheme.gradeThresholds, scheme.scale);
    }
    const comp = composite(scheme.methods, Object.fromEntries(methods.map((m) => [m.key, m.score])));
    explanation.push(`综合得分：${comp.formula}`);
    let adjusted = comp.score;
    for (const a of scheme.adjustments) {
      const p = Math.min(Math.max(u.adjustments?.[a.key] ?? 0, 0), a.max);
      if (!p) continue;
      adjusted = round2(adjusted + a.sign * p);
      explanation.push(`${a.label}：${a.sign > 0 ? '加' : '扣'} ${p} 分 → ${adjusted.toFixed(2)}`);
    }
    const scoreGrade = gradeByScore(adjusted, scheme.gradeThresholds, scheme.scale);
    explanation.push(`按得分 ${adjusted.toFixed(2)} 评为${scoreGrade}`);
    const majors = Object.fromEntries(scheme.contents.filter((c) => c.major).map((c) => [c.name, contents[c.name]!]));
    const { grade, steps } = applyGradeRules(scheme.scale, scoreGrade, scheme.rules, u.facts ?? {}, majors);
    for (const s of steps) explanation.push(`${s.input} → ${s.text}${s.changed ? `：${s.from} → ${s.to}` : '（等次不变）'}`);
    return { unit: u.unit, methods, contents, composite: comp.score, formula: comp.formula, adjusted, scoreGrade, grade, steps, explanation };
  });

  // Rank: by grade, then by score (equal grade and score share a rank).
  const order = [...results].sort((a, b) => scheme.scale.indexOf(a.grade) - scheme.scale.indexOf(b.grade) || b.adjusted - a.adjusted);
  const rankOf = new Map<string, number>();
  order.forEach((r, i) => {
    const prev = order[i - 1];
    rankOf.set(r.unit, prev && prev.grade === r.grade && prev.adjusted === r.adjusted ? rankOf.get(prev.unit)! : i + 1);
  });
  return results.map((r) => ({ ...r, rank: rankOf.get(r.unit)! }));
}
