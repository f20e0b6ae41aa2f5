/**
 * Issue 15: the two rosters whose data the measures feature owns: 计划减贫人口花名册 (households by 脱贫时限, seed 001
 * “2015年计划减贫人口花名册”) and 培训花名册 (seed 001 “贫困户接受培训情况”: the 技能培训 measures). Each takes its rows
 * and gives the roster to print (`rosterHtml`) or to write (`rosterXlsx`); the village print service feeds them.
 */
import type { RosterMember, RosterPrint } from '../print/list-rosters';

export interface RosterVillage {
  code: string;
  name: string;
  fullName: string;
}

interface HookBase {
  number: string;
  attribute: string;
  status: string;
  members: RosterMember[];
}

/** 计划减贫人口花名册: the households planned to exit in `year` (their 脱贫时限). */
export function plannedRoster(village: RosterVillage, year: number, rows: ReadonlyArray<HookBase & { deadline: string }>, printedOn: string): RosterPrint {
  const list = rows.filter((r) => r.deadline.startsWith(String(year)));
  const persons = list.reduce((n, h) => n + h.members.length, 0);
  return {
    kind: 'planned',
    title: `${village.name}${year}年计划减贫人口花名册`,
    village,
    year,
    summary: `${year}年计划减贫 ${list.length} 户 ${persons} 人`,
    columns: ['脱贫时限', '状态'],
    households: list.map((r) => ({ number: r.number, attribute: r.attribute, status: r.status, members: r.members, extra: [r.deadline, r.status] })),
    printedOn,
  };
}

/** 培训花名册: one row per household and training (what was trained, its date, and whether it is done or planned). */
export function trainingRoster(village: RosterVillage, year: number, rows: ReadonlyArray<HookBase & { training: string; on: string; state: string }>, printedOn: string): RosterPrint {
  return {
    kind: 'training',
    title: `${village.name}${year}年培训花名册`,
    village,
    year,
    summary: `${year}年培训 ${new Set(rows.map((r) => r.number)).size} 户 ${rows.length} 次`,
    columns: ['培训项目', '培训日期', '实施情况'],
    households: rows.map((r) => ({ number: r.number, attribute: r.attribute, status: r.status, members: r.members, extra: [r.training, r.on, r.state] })),
    printedOn,
  };
}
