/**
 * 帮扶措施 (issue 15): the kinds of measure a household is helped by, each filed under one of 五个一批, one of the
 * 八大工程 and a policy kind (保障类 / 资助类 / 增收类 / 发展类), all from src/domain/support/policy.ts. Seed 001 names the
 * 享受扶贫项目情况 “村组道路建设、危房改造、安全饮水、产业扶持、培训等”; seed 004 the 五个一批 and the 八大工程.
 */
import type { EightProject, FiveBatch, PolicyKind } from '../support/policy';

export interface MeasureKind {
  batch: FiveBatch;
  project: EightProject;
  policy: PolicyKind;
}

export const MEASURE_KINDS = {
  '产业扶持/特色种养': { batch: '发展生产脱贫一批', project: '产业脱贫工程', policy: '发展类' },
  危房改造: { batch: '发展生产脱贫一批', project: '基础设施建设扶贫工程', policy: '资助类' },
  易地扶贫搬迁: { batch: '易地搬迁脱贫一批', project: '基础设施建设扶贫工程', policy: '发展类' },
  安全饮水: { batch: '发展生产脱贫一批', project: '基础设施建设扶贫工程', policy: '保障类' },
  村组道路建设: { batch: '发展生产脱贫一批', project: '基础设施建设扶贫工程', policy: '发展类' },
  技能培训: { batch: '发展教育脱贫一批', project: '就业创业脱贫工程', policy: '发展类' },
  转移就业: { batch: '发展生产脱贫一批', project: '就业创业脱贫工程', policy: '增收类' },
  公益性岗位: { batch: '发展生产脱贫一批', project: '就业创业脱贫工程', policy: '增收类' },
  小额信贷: { batch: '发展生产脱贫一批', project: '金融扶贫工程', policy: '发展类' },
  学生资助: { batch: '发展教育脱贫一批', project: '智力扶贫工程', policy: '资助类' },
  '健康扶贫/医疗救助': { batch: '社会保障兜底一批', project: '健康脱贫工程', policy: '保障类' },
  家庭签约医生: { batch: '社会保障兜底一批', project: '健康脱贫工程', policy: '保障类' },
  低保兜底: { batch: '社会保障兜底一批', project: '社保兜底脱贫工程', policy: '保障类' },
  特困供养: { batch: '社会保障兜底一批', project: '社保兜底脱贫工程', policy: '保障类' },
  '生态护林员/生态补偿': { batch: '生态补偿脱贫一批', project: '产业脱贫工程', policy: '增收类' },
  光伏扶贫: { batch: '发展生产脱贫一批', project: '产业脱贫工程', policy: '增收类' },
  其他: { batch: '发展生产脱贫一批', project: '社会扶贫工程', policy: '发展类' },
} as const satisfies Record<string, MeasureKind>;

export type MeasureKindName = keyof typeof MEASURE_KINDS;
export const MEASURE_KIND_NAMES = Object.keys(MEASURE_KINDS) as MeasureKindName[];

export const isMeasureKind = (k: string): k is MeasureKindName => Object.prototype.hasOwnProperty.call(MEASURE_KINDS, k);

/** The classification of a kind: its batch, project and policy kind. */
export const classify = (kind: MeasureKindName): MeasureKind => MEASURE_KINDS[kind];

/** 状态: 计划 (将要实施的帮扶项目) or 已实施 (已实施的帮扶项目), seed 001's 一览表. */
export const MEASURE_STATES = ['计划', '已实施'] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

/** The 五个一批 a household's measures fall under, each once. */
export function batchesOf(kinds: readonly string[]): FiveBatch[] {
  return [...new Set(kinds.filter(isMeasureKind).map((k) => MEASURE_KINDS[k].batch as FiveBatch))];
}
