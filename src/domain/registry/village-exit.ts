import { meetsBound, meetsRatioBound } from './bounds';
import { quotientText } from './quotient-text';
import { verdictOf, type Verdict } from './verdict';

export interface VillageFacts {
  /** Remaining poor persons (未脱贫) of the village. */
  remainingPoor: number;
  /** Total population as certified by the police (公安部门出具的贫困村全村总人口数证明). */
  certifiedPopulation: number;
  specialtyIndustries: number;
  /** Collective income of the year, transfer income excluded, in yuan. */
  collectiveIncomeYuan: number;
  infrastructureImproved: boolean;
  publicServicesImproved: boolean;
}

export interface VillageExitParams {
  /** 降至2%以下 — inclusive, as a percentage. */
  maxIncidencePercent: number;
  /** 年收入在5万元以上 (seed 004 also gives 8万元以上) — inclusive, in yuan. */
  minCollectiveIncomeYuan: number;
  /** 有1项以上特色产业 — inclusive. */
  minSpecialtyIndustries: number;
}

export const DEFAULT_VILLAGE_EXIT: VillageExitParams = { maxIncidencePercent: 2, minCollectiveIncomeYuan: 50000, minSpecialtyIndustries: 1 };

/** The two collective-income thresholds seed 004 names: “年收入在5万元以上” (the standard) and “年收入在8万元以上” (支撑材料). */
export const COLLECTIVE_INCOME_THRESHOLDS = [50000, 80000] as const;

/** The thresholds of a village-exit check: the defaults above, with what a caller chose (absent values left out). */
export function villageExitParams(chosen: Partial<VillageExitParams> = {}): VillageExitParams {
  const given = Object.entries(chosen).filter(([, v]) => v !== undefined && v !== null);
  return { ...DEFAULT_VILLAGE_EXIT, ...Object.fromEntries(given) };
}

/**
 * Village exit (seed 004 贫困村出列标准): “(1)贫困发生率降至2%以下;(2)有1项以上特色产业;(3)村集体有稳定经济收入来源,
 * 年收入在5万元以上;(4)村内基础设施和基本公共服务明显改善。” 贫困发生率=剩余贫困人口数(未脱贫数)/全村总人口数.
 */
export function villageExit(v: VillageFacts, p: VillageExitParams = DEFAULT_VILLAGE_EXIT): Verdict {
  const hasPopulation = v.certifiedPopulation > 0;
  const incidenceOk = hasPopulation && meetsRatioBound(v.remainingPoor, v.certifiedPopulation, '以下', p.maxIncidencePercent, 100);
  // Exact (2.004%, not a rounded 2.00% beside a failed “2%以下”); whole hundredths keep two decimals (3.00%).
  const incidence = hasPopulation ? quotientText(v.remainingPoor * 100, v.certifiedPopulation, 2) : '—';
  return verdictOf([
    {
      key: 'incidence',
      label: `贫困发生率降至${p.maxIncidencePercent}%以下`,
      passed: incidenceOk,
      reason: hasPopulation ? `剩余贫困人口 ${v.remainingPoor} 人 ÷ 全村总人口 ${v.certifiedPopulation} 人 = ${incidence}%` : '缺少公安部门证明的全村总人口数',
      citation: '贫困发生率降至2%以下；贫困发生率=剩余贫困人口数(未脱贫数)/全村总人口数',
    },
    {
      key: 'industry',
      label: `有${p.minSpecialtyIndustries}项以上特色产业`,
      passed: meetsBound(v.specialtyIndustries, '以上', p.minSpecialtyIndustries),
      reason: `特色产业 ${v.specialtyIndustries} 项`,
      citation: '有1项以上特色产业',
    },
    {
      key: 'collectiveIncome',
      label: `村集体年收入在${p.minCollectiveIncomeYuan / 10000}万元以上`,
      passed: meetsBound(v.collectiveIncomeYuan, '以上', p.minCollectiveIncomeYuan),
      reason: `村集体经济收入（不含转移性收入）${(v.collectiveIncomeYuan / 10000).toFixed(4)} 万元`,
      citation: '村集体有稳定经济收入来源,年收入在5万元以上（支撑材料：年收入在8万元以上）；不含转移性收入',
    },
    {
      key: 'services',
      label: '基础设施和基本公共服务明显改善',
      passed: v.infrastructureImproved && v.publicServicesImproved,
      reason: `基础设施${v.infrastructureImproved ? '已' : '未'}明显改善，基本公共服务${v.publicServicesImproved ? '已' : '未'}明显改善`,
      citation: '村内基础设施和基本公共服务明显改善',
    },
  ]);
}
