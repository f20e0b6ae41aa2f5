/**
 * 上墙图表 (wall charts, issue 12): what each level posts on its wall, the texts posted as they stand, and the pure rules
 * the charts are drawn by. All from 《精准扶贫政策资料包·精准扶贫资料汇编》 (`SOURCES.qingyangMaterials`), its
 * 精准扶贫乡、村、户软件资料清单 (需上墙图表 of 乡级, 村级, 户级) and its 附件1 双联扶贫工作站工作职责.
 */

/** The charts of a township's wall (乡级 需上墙图表 1–6; 1 全县特困片区示意图 is the county's and not drawn here). */
export const TOWNSHIP_CHARTS = [
  { key: 'distribution', title: '全乡贫困村分布图' },
  { key: 'plan', title: '全乡贫困村脱贫规划图' },
  { key: 'org', title: '乡镇扶贫攻坚协调推进领导小组组织机构图' },
  { key: 'duties', title: '双联扶贫工作站职责' },
  { key: 'persons', title: '全乡贫困人口分布柱状图' },
] as const;
export type TownshipChart = (typeof TOWNSHIP_CHARTS)[number]['key'];

/** The charts of a village's wall (村级 需上墙图表 1–4). */
export const VILLAGE_CHARTS = [
  { key: 'org', title: '扶贫工作组织机构图' },
  { key: 'plan', title: '村级精准脱贫规划' },
  { key: 'overview', title: '贫困户精准扶贫一览表' },
  { key: 'fund', title: '村级扶贫互助资金组织机构、管理制度' },
] as const;
export type VillageChart = (typeof VILLAGE_CHARTS)[number]['key'];

/** 户级 需上墙图表: 《贫困户登记表》. */
export const HOUSEHOLD_CHART = { key: 'registration', title: '贫困户登记表' } as const;

/** What the list says of a chart beyond its title (the 村级 organisation chart names who it includes). */
export const CHART_NOTES = {
  villageOrg: '包括双联干部、驻村帮扶工作队人员、村干部',
  villagePlan: '2014年至脱贫年度',
  villageOverview: '包括家庭构成、贫困成因、帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限等',
  villageFundFiles: '村级互助资金管理章程、运行台账',
} as const;

/** 附件1 双联扶贫工作站工作职责, item by item as the document numbers them. */
export const STATION_DUTIES_TITLE = '双联扶贫工作站工作职责';
export const STATION_DUTIES = [
  '负责编制本乡镇扶贫开发中长期规划、全面小康建设规划和年度工作计划',
  '负责本乡镇扶贫开发项目和双联帮扶项目的论证、评估、申报实施和组织管理工作',
  '负责协调落实“八个全覆盖”和“五件实事”',
  '负责本乡镇扶贫对象的调查、摸底工作，承担贫困户建档立卡和贫困人口的动态管理工作',
  '负责本乡镇扶贫科技宣传、科技示范推广、培训及扶贫信息收集、报送工作',
  '负责本乡镇扶贫贴息贷款扶持到户管理工作，指导参与村级扶贫互助资金的运行和管理，协助相关部门进行监督',
  '负责本乡镇移民搬迁对象的调查摸底、审查、上报以及组织实施',
  '负责各级双联单位的衔接和联络工作，协调解决双联单位干部工作开展中的实际困难',
  '负责本乡镇双联行动和扶贫开发情况的统计上报工作',
] as const;

/** The chinese numerals the document numbers its items with (一、二、…). */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`}${digits[ones]}`;
}

/** The township's offices drawn in its 领导小组组织机构图, top down (the kinds of `ORG_KINDS`). */
export const TOWNSHIP_OFFICE_KINDS = ['扶贫开发领导小组', '扶贫办', '乡镇扶贫工作站'] as const;
/** The village's bodies drawn in its 扶贫工作组织机构图 besides the 双联干部. */
export const VILLAGE_OFFICE_KINDS = ['驻村工作队', '村两委'] as const;

/** How a village stands on the 贫困村分布图 in a year. */
export type VillageStanding = '贫困村' | '已出列' | '非贫困村';

/**
 * A village's standing in `year`: 已出列 once it exited (exit year at or before `year`), 贫困村 once identified (识别年度
 * at or before `year`, or no year recorded), 非贫困村 otherwise (no profile, not a poor village, or identified later).
 */
export function villageStanding(profile: { poorVillage: boolean; identifiedYear: number | null; exited: boolean; exitYear: number | null } | null, year: number): VillageStanding {
  if (!profile?.poorVillage) return '非贫困村';
  if (profile.identifiedYear !== null && profile.identifiedYear > year) return '非贫困村';
  if (profile.exited && (profile.exitYear === null || profile.exitYear <= year)) return '已出列';
  return '贫困村';
}

export interface ExitCount {
  year: number;
  households: number;
  persons: number;
}

export interface PlanYear {
  year: number;
  plannedHouseholds: number;
  plannedPersons: number;
  actualHouseholds: number;
  actualPersons: number;
  /** Poor villages that exited (出列) in the year. */
  exitedVillages: number;
}

/**
 * The 脱贫规划 by year: the planned exits (村级年度脱贫规划), the actual ones and the villages that exited, one row per
 * year any of them names, in order of year.
 */
export function planYears(planned: ExitCount[], actual: ExitCount[], villageExitYears: Array<number | null>): PlanYear[] {
  const years = new Set<number>([...planned.map((p) => p.year), ...actual.map((a) => a.year)]);
  for (const y of villageExitYears) if (y !== null) years.add(y);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const p = planned.find((x) => x.year === year);
      const a = actual.find((x) => x.year === year);
      return {
        year,
        plannedHouseholds: p?.households ?? 0,
        plannedPersons: p?.persons ?? 0,
        actualHouseholds: a?.households ?? 0,
        actualPersons: a?.persons ?? 0,
        exitedVillages: villageExitYears.filter((y) => y === year).length,
      };
    });
}

/**
 * The tile map's grid: `n` tiles in rows of about the square root (wider than tall), at least one column; for a
 * schematic where the villages' boundaries are not available offline.
 */
export function tileColumns(n: number): number {
  if (n <= 0) return 1;
  return Math.min(n, Math.max(1, Math.ceil(Math.sqrt(n * 1.5))));
}
