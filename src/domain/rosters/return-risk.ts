/**
 * 防返贫 monitoring of an exited household (seed 004): “脱贫人口脱贫以后，每半年至少上门回访1次……切实做好防范返贫”, and for
 * 稳定脱贫户 “仍需安排帮扶联系人定期走访、监测贫困状况、更新扶贫手册”. An exited household (已脱贫, 稳定脱贫) is at risk when
 * it has had no helper's visit this half-year, when one of 两不愁三保障 is not held, or when its latest year's income is
 * below the line. The repository finds the same households in SQL (one query per page); this function words why.
 */
import { EXITED_STATUSES, type HalfYear } from '../pairing/half-year-visit';

export type RiskKey = 'visit' | 'guarantee' | 'income';

export const RISK_LABELS: Record<RiskKey, string> = { visit: '本半年未回访', guarantee: '两不愁三保障未保障', income: '收入低于扶贫标准' };

export interface ExitedHouseholdFacts {
  status: string;
  /** The last helper's visit (帮扶走访), `YYYY-MM-DD`, or null. */
  lastVisitOn: string | null;
  foodSecure: boolean;
  clothingSecure: boolean;
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
  /** Members who dropped out of school for poverty (因贫辍学). */
  dropouts: number;
  /** Members eligible for basic medical insurance but not insured. */
  uninsured: number;
  /** The latest year's income recorded (net income and household size), or null when none is. */
  income: { year: number; netIncome: number; householdSize: number } | null;
  /** The line of that year for the household's village (yuan per person), or null when none applies. */
  lineYuan: number | null;
}

export interface Risk {
  key: RiskKey;
  label: string;
  reason: string;
}

/** The risks of an exited household in the half-year (none for a household not exited). */
export function returnRisks(f: ExitedHouseholdFacts, half: HalfYear): Risk[] {
  if (!(EXITED_STATUSES as readonly string[]).includes(f.status)) return [];
  const out: Risk[] = [];
  const visited = f.lastVisitOn !== null && f.lastVisitOn >= half.from && f.lastVisitOn <= half.to;
  if (!visited) out.push({ key: 'visit', label: RISK_LABELS.visit, reason: `${half.label}尚未上门回访（最近回访：${f.lastVisitOn ?? '无'}）；脱贫以后，每半年至少上门回访 1 次` });
  const missing = [
    f.foodSecure ? null : '口粮',
    f.clothingSecure ? null : '穿衣',
    f.dropouts > 0 ? `义务教育（${f.dropouts} 人因贫辍学）` : null,
    f.uninsured > 0 ? `基本医疗（${f.uninsured} 人未参加基本医保）` : null,
    f.housingSafe ? null : '安全住房',
    f.drinkingWaterSafe ? null : '安全饮水',
  ].filter((x): x is string => x !== null);
  if (missing.length) out.push({ key: 'guarantee', label: RISK_LABELS.guarantee, reason: `未保障：${missing.join('、')}` });
  const i = f.income;
  // Compared exactly, as the exit verdict does: net ÷ size < line ⇔ net < line × size.
  if (i && f.lineYuan !== null && i.householdSize > 0 && i.netIncome < f.lineYuan * i.householdSize) {
    out.push({ key: 'income', label: RISK_LABELS.income, reason: `${i.year} 年人均纯收入 ${Math.round(i.netIncome / i.householdSize)} 元，低于扶贫标准 ${f.lineYuan} 元` });
  }
  return out;
}
