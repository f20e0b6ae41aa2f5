/**
 * The village lists and the notices as printed forms (issue 12): 贫困户精准扶贫一览表, the 花名册 of seed 001, the
 * 脱贫确认表 of a household exit, and the 公示 / 公告 of a procedure's notice step (PDF, and .docx for the notices).
 * Their paths and queries, declared once; the web builds its links from `ROSTER_KINDS` and `ROSTER_LABELS`.
 */
import { z } from 'zod';
import { idParam, name, oneOf, optionalInt, SMALLINT_MAX, SMALLINT_MIN, coercedInt } from './zod';

/**
 * The 花名册 of seed 001 (村级档案资料) the registry's facts support: 贫困户花名册, 减贫人口花名册 (the households that
 * exited in a year), 测算减贫人口花名册 (those not yet exited whose registered facts of the year meet the exit standard),
 * 低保户花名册 and 五保户花名册 (the attributes 低保贫困户 and 特困供养贫困户).
 */
export const ROSTER_KINDS = [
  'poor',
  'exited',
  'estimated',
  'minimum-living',
  'extreme-poverty',
  // issue 15: rosters — 人口增减表 (from the dated status history) and 项目受益花名册 (the funds' 到户 projects)
  'population-change',
  'project-beneficiaries',
  // issue 15: measures — 计划减贫人口花名册 (the households' 脱贫时限) and 培训花名册 (贫困户接受培训情况: the 技能培训 measures)
  'planned',
  'training',
] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export const ROSTER_LABELS: Record<RosterKind, string> = {
  poor: '贫困户花名册',
  exited: '减贫人口花名册',
  estimated: '测算减贫人口花名册',
  'minimum-living': '低保户花名册',
  'extreme-poverty': '五保户花名册',
  // issue 15: rosters
  'population-change': '贫困人口增减表',
  'project-beneficiaries': '项目受益花名册',
  planned: '计划减贫人口花名册',
  training: '培训花名册',
};

/** The rosters that are of one year (the query's `year`, default the current one). */
export const YEARLY_ROSTERS: readonly RosterKind[] = ['exited', 'estimated', 'minimum-living', 'extreme-poverty', 'population-change', 'project-beneficiaries', 'planned', 'training'];

export const printVillageParams = z.object({ code: name(12) });
export const rosterParams = z.object({ code: name(12), kind: oneOf(ROSTER_KINDS) });
export const townshipRosterParams = rosterParams;
export const rosterQuery = z.object({ year: z.preprocess((v) => (v === '' ? undefined : v), coercedInt(SMALLINT_MIN, SMALLINT_MAX).optional()) });
export type RosterQuery = z.output<typeof rosterQuery>;

export const printProcedureParams = z.object({ id: idParam() });
/** Which notice step of the procedure (its index, from 0); default: the open step when it is one, else the last one passed. */
export const noticeQuery = z.object({ step: optionalInt });
export type NoticeQuery = z.output<typeof noticeQuery>;

/**
 * Whether a procedure step posts a notice, and which: a step that records a notice (公示, its days counted) is a 公示;
 * a step named for a 公告 (县级审定并公告, 乡镇审定公告, 公告退出) is a 公告; others post none.
 */
export function noticeWordOf(step: { name: string; requires: readonly string[] }): '公示' | '公告' | null {
  if (step.requires.includes('notice')) return '公示';
  return step.name.includes('公告') ? '公告' : null;
}
