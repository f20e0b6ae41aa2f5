/** A scheme's rules in words, as the scheme page shows them. */
import type { GradeRule } from '../../domain/assessment/engine';
import type { Scheme, Scoring } from '../../domain/assessment/scheme';

export function scoringText(s: Scoring, scale: readonly string[]): string {
  switch (s.kind) {
    case 'grade':
      return `评定等次（${scale.join('、')}）`;
    case 'points':
      return `打分（满分 ${s.max} 分）`;
    case 'median': {
      const edges = s.bands?.edges ?? [1, 0.8, 0.6];
      const pct = edges.map((e) => `${Math.round(e * 100)}%`);
      return `中位法：填报数值${s.unit ? `（${s.unit}）` : ''}，与各考核对象的中位数比较${s.bands?.lowerIsBetter ? '（越低越好）' : ''}，达到中位数的 ${pct.join(' / ')} 依次评为${scale.slice(0, edges.length).join(' / ')}，以下为${scale[scale.length - 1]}`;
    }
    case 'done':
      return `完成情况：完成评为${s.doneGrades.join('或')}，未完成评为${s.notDoneGrade}`;
  }
}

export function ruleText(r: GradeRule, scale: readonly string[]): string {
  switch (r.kind) {
    case 'floor':
      return `保底：认定“${r.fact}”的，等次不低于“${r.min}”`;
    case 'cap':
      return `封顶：有一大项评为“${r.when}”${r.when === scale[scale.length - 1] ? '' : '及以下'}的，等次最高为“${r.max}”`;
    case 'veto':
      return `一票否决：认定“${r.fact}”的，评为“${scale[scale.length - 1]}”`;
  }
}

/** 综合得分 → 等次, in words: “90 分及以上为好；80 分及以上为较好；…；60 分以下为较差”. */
export function thresholdsText(s: Pick<Scheme, 'scale' | 'gradeThresholds'>): string {
  const parts = s.gradeThresholds.map((t, i) => `${t} 分及以上为${s.scale[i]}`);
  const last = s.gradeThresholds[s.gradeThresholds.length - 1];
  if (last !== undefined) parts.push(`${last} 分以下为${s.scale[s.scale.length - 1]}`);
  return parts.join('；');
}

/** The order the grade rules apply in (src/domain/assessment/engine.ts). */
export const RULE_ORDER_TEXT = '按“保底 → 封顶 → 一票否决”的顺序依次适用：问题重于保底，一票否决重于一切。';
