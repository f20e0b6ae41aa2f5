/**
 * Issue 15: hooks for the two rosters whose data other slices own. The coordinator wires their rows after merging the
 * measures slice: 计划减贫人口花名册 (households by 脱贫时限, seed 001 “2015年计划减贫人口花名册”) and 培训花名册 (the
 * training measures). Each takes its rows and gives the roster to print (`rosterHtml`) or to write (`rosterXlsx`).
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
    kind: 'estimated',
    title: `${village.name}${year}年计划减贫人口花名册`,
    village,
    year,
    summary: `${year}年计划减贫 ${list.length} 户 ${persons} 人`,
    columns: ['脱贫时限', '状态'],
    households: list.map((r) => ({ number: r.number, attribute: r.attribute, status: r.status, members: r.members, extra: [r.deadline, r.status] })),
    printedOn,
  };
}

/** 培训花名册: one row per household and training (the measure's name, its date, the person trained). */
export function trainingRoster(village: RosterVillage, year: number, rows: ReadonlyArray<HookBase & { training: string; on: string; trainee: string }>, printedOn: string): RosterPrint {
  return {
    kind: 'poor',
    title: `${village.name}${year}年培训花名册`,
    village,
    year,
    summary: `${year}年培训 ${new Set(rows.map((r) => r.number)).size} 户 ${rows.length} 人次`,
    columns: ['培训项目', '培训日期', '受训人'],
    households: rows.map((r) => ({ number: r.number, attribute: r.attribute, status: r.status, members: r.members, extra: [r.training, r.on, r.trainee] })),
    printedOn,
  };
}
