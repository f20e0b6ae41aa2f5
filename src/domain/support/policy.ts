/**
 * What is done for a household, classified as the 2017 briefing (《脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议》)
 * classifies it, and what a 稳定脱贫户 may still receive. Shared by the household's measures (帮扶措施), the policies it
 * enjoys (政策享受) and the screening after exit: one list of 五个一批, one of the 八大工程, one rule for 稳定脱贫户.
 */
import { citeWords } from '../shared/sources';

/** 五个一批 (seed 004): “发展生产脱贫一批，易地搬迁脱贫一批，生态补偿脱贫一批，发展教育脱贫一批，社会保障兜底一批”. */
export const FIVE_BATCHES = ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批'] as const;
export type FiveBatch = (typeof FIVE_BATCHES)[number];

/**
 * 八大工程 (seed 004, 精准施策): “(1)产业脱贫工程。(2)就业创业脱贫工程。(3)社保兜底脱贫工程。(4)健康脱贫工程。(5)智力扶贫工程。
 * (6)基础设施建设扶贫工程。(7)金融扶贫工程。(8)社会扶贫工程”. The handbook's “脱贫攻坚十大工程” are not listed in the
 * documents; a measure is filed under one of the eight.
 */
export const EIGHT_PROJECTS = ['产业脱贫工程', '就业创业脱贫工程', '社保兜底脱贫工程', '健康脱贫工程', '智力扶贫工程', '基础设施建设扶贫工程', '金融扶贫工程', '社会扶贫工程'] as const;
export type EightProject = (typeof EIGHT_PROJECTS)[number];

/**
 * The kind of a policy or project for the 稳定脱贫户 rule (seed 004): “原则上除原有的保障类和资助类扶贫政策外，今后不再安排其他
 * 增收或发展类的扶贫项目”. 保障类: what secures a living (低保、特困供养、医保补偿、养老); 资助类: what pays a cost (学生资助、
 * 参保代缴、危房改造补助); 增收类 and 发展类: what raises income or builds production (产业奖补、小额信贷、公益性岗位、光伏分红、
 * 就业培训).
 */
export const POLICY_KINDS = ['保障类', '资助类', '增收类', '发展类'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const STABLE_EXIT_RULE = citeWords(
  'maanshan2017',
  '标注为“稳定脱贫户”的，原则上除原有的保障类和资助类扶贫政策外，今后不再安排其他增收或发展类的扶贫项目',
);

/** Whether a 稳定脱贫户 may still be given a policy or project of this kind: only 保障类 and 资助类. */
export function stableExitAllows(kind: PolicyKind): boolean {
  return kind === '保障类' || kind === '资助类';
}

/**
 * Whether something of `kind` may be newly arranged for a household of `status` (the registry's status words:
 * 未脱贫, 已脱贫, 稳定脱贫, 返贫, 清退 …). Null when it may; otherwise the reason in words, naming the document.
 * Only new arrangements are refused: the seed keeps “原有的” policies, so what was arranged before the marking stays.
 */
export function refusalForStatus(status: string, kind: PolicyKind): string | null {
  if (status === '稳定脱贫' && !stableExitAllows(kind)) return `该户为稳定脱贫户，不再安排${kind}扶贫项目或政策（${STABLE_EXIT_RULE}）`;
  return null;
}

export const SOCIAL_SECURITY_BATCH_RULE = citeWords('maanshan2017', '属于“社会保障兜底一批”的脱贫户不得标注为“稳定脱贫户”');

/** Seed 004: a household helped under 社会保障兜底一批 may not be marked 稳定脱贫. Null when it may; the reason otherwise. */
export function stableMarkRefusal(batches: readonly FiveBatch[]): string | null {
  return batches.includes('社会保障兜底一批') ? `该户属于“社会保障兜底一批”，不得标注为稳定脱贫户（${SOCIAL_SECURITY_BATCH_RULE}）` : null;
}
