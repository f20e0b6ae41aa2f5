/**
 * Who may be a 帮扶责任人 (seed 004, 皖政办秘〔2017〕152号): “落实帮扶联系人必须是乡镇以上党政机关、事业单位在编干部或企业中层
 * 以上管理人员的要求” and “2017年6月后帮扶责任人需调整为乡镇及以上人员”; among the problems found, “帮扶联系人仅有村干部”.
 */
import type { FieldError } from '../shared/errors';

export const HELPER_KINDS = ['cadre', 'enterprise'] as const;
export type HelperKind = (typeof HELPER_KINDS)[number];
export const HELPER_KIND_LABELS: Record<HelperKind, string> = { cadre: '党政机关、事业单位干部', enterprise: '企业管理人员' };

/** The level of a cadre's unit; a village (村) is below 乡镇. */
export const CADRE_LEVELS = ['省', '市', '县', '乡', '村'] as const;
/** An enterprise manager's rank. */
export const ENTERPRISE_LEVELS = ['高层', '中层', '基层'] as const;

const ELIGIBLE: Record<HelperKind, readonly string[]> = { cadre: ['省', '市', '县', '乡'], enterprise: ['高层', '中层'] };

export const LEVEL_LABELS: Record<HelperKind, string> = { cadre: '单位层级', enterprise: '管理层级' };

/** How a helper's category reads in lists: 党政机关、事业单位干部（乡级）, 企业管理人员（中层）. */
export function helperCategoryLabel(kind: HelperKind, level: string): string {
  return `${HELPER_KIND_LABELS[kind]}（${kind === 'cadre' ? `${level}级` : level}）`;
}

/**
 * Whether a helper may hold households: null when eligible, otherwise the problem with the field it concerns
 * (`kind` for an unknown kind, `level` for an unknown or too low level).
 */
export function helperEligibilityProblem(kind: string, level: string): FieldError | null {
  if (!(HELPER_KINDS as readonly string[]).includes(kind))
    return { field: 'kind', label: '人员类别', message: `应为${HELPER_KINDS.map((k) => HELPER_KIND_LABELS[k]).join('或')}` };
  const k = kind as HelperKind;
  const known: readonly string[] = k === 'cadre' ? CADRE_LEVELS : ENTERPRISE_LEVELS;
  if (!known.includes(level)) return { field: 'level', label: LEVEL_LABELS[k], message: `应为${known.join('、')}之一` };
  if (ELIGIBLE[k].includes(level)) return null;
  return k === 'cadre'
    ? { field: 'level', label: LEVEL_LABELS.cadre, message: `${level}级干部不能担任帮扶责任人：须为乡镇以上党政机关、事业单位在编干部` }
    : { field: 'level', label: LEVEL_LABELS.enterprise, message: `企业${level}管理人员不能担任帮扶责任人：须为企业中层以上管理人员` };
}
