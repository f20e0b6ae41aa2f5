import { householdExit, identifyHousehold, type HouseholdFacts, type MemberFacts } from '../registry/household-rules';
import type { Criterion, Verdict } from '../registry/verdict';

/**
 * The three kinds of screening flag (seed 004 精准识别): “一要确保应纳尽纳‘零漏评’，把符合识别条件的贫困人口全部纳入扶贫对象。
 * 二要确保应退尽退‘零错评’，坚决剔除违规纳入、识别不精准的建档立卡户。三要确保应扶尽扶‘零错退’，对2014年至2016年认定的脱贫户
 * 进行核查核实，凡是尚未完全解决‘两不愁、三保障’的，必须及时返贫。”
 */
export const SCREENING_KINDS = ['漏评', '错评', '错退'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

export const SCREENING_KIND_LABELS: Record<ScreeningKind, string> = {
  漏评: '漏评线索（名单上的人不在建档立卡范围内）',
  错评: '错评线索（未脱贫、返贫户不符合识别标准）',
  错退: '错退（返贫）风险（已脱贫、稳定脱贫户“两不愁三保障”或收入不再达标）',
};

/** The statuses each household flag looks at. */
export const NOT_EXITED_STATUSES = ['未脱贫', '返贫'] as const;
export const EXITED_STATUSES = ['已脱贫', '稳定脱贫'] as const;

/** 漏评: a screening-list row whose ID number is no person of the registry (of any household, 清退 included: already judged). */
export function isMissed(idNumber: string, registered: ReadonlySet<string>): boolean {
  return !registered.has(idNumber.toUpperCase());
}

/** What the run keeps of a registered household as the evidence of a 错评 or 错退 flag. */
export interface HouseholdEvidence {
  status: string;
  /** The latest year with income, its 纯收入 and household size; the line that applies that year (null: no income or no line). */
  year: number | null;
  netIncome: number | null;
  size: number;
  lineYuan: number | null;
  foodSecure: boolean;
  clothingSecure: boolean;
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
  /** Members eligible for basic medical insurance and not insured. */
  uninsured: string[];
  /** Members who dropped out of school for poverty (因贫辍学). */
  dropouts: string[];
}

function factsOf(e: HouseholdEvidence): HouseholdFacts {
  const members: MemberFacts[] = [
    ...e.uninsured.map((name) => ({ name, schooling: '已毕业' as const, medicalEligible: true, medicalInsured: false })),
    ...e.dropouts.map((name) => ({ name, schooling: '辍学' as const, dropoutForPoverty: true, medicalEligible: false, medicalInsured: false })),
  ];
  return {
    income: { netIncome: e.netIncome ?? 0, householdSize: e.size, perCapita: 0 },
    foodSecure: e.foodSecure,
    clothingSecure: e.clothingSecure,
    housingSafe: e.housingSafe,
    drinkingWaterSafe: e.drinkingWaterSafe,
    members,
  };
}

/** The criteria of a verdict that fail: what the flag says. */
export const failing = (v: Verdict): Criterion[] => v.criteria.filter((c) => c.passed === false);

/**
 * 错评 (seed 004: “坚决剔除违规纳入、识别不精准的建档立卡户”): a household still counted poor (未脱贫 / 返贫) that fails the
 * registry's own identification rule (identifyHousehold: the latest year's per-capita net income not below the line).
 * Without an income or a line nothing can be judged and nothing is flagged. Returns the failing criteria (empty: no flag).
 */
export function wrongIdentification(e: HouseholdEvidence): Criterion[] {
  if (!(NOT_EXITED_STATUSES as readonly string[]).includes(e.status) || e.netIncome === null || e.lineYuan === null) return [];
  return failing(identifyHousehold(factsOf(e), e.lineYuan));
}

/**
 * 错退 / 返贫 risk (seed 004: “对2014年至2016年认定的脱贫户进行核查核实，凡是尚未完全解决‘两不愁、三保障’的，必须及时返贫”): an
 * exited household (已脱贫 / 稳定脱贫) that fails the registry's exit rule today (householdExit: 吃穿不愁, 安全住房, no 因贫辍学,
 * 基本医保; the latest year's income above the line when there is one), or whose drinking water is not safe (the registry's
 * 饮水安全 field). Returns the failing criteria (empty: no flag).
 */
export function exitRisk(e: HouseholdEvidence): Criterion[] {
  if (!(EXITED_STATUSES as readonly string[]).includes(e.status)) return [];
  const verdict = householdExit(factsOf(e), e.lineYuan ?? 0);
  // Without an income or a line the income criterion cannot be judged: only 两不愁三保障 speak.
  const out = failing(verdict).filter((c) => c.key !== 'income' || (e.netIncome !== null && e.lineYuan !== null));
  if (!e.drinkingWaterSafe) out.push({ key: 'water', label: '饮水安全', passed: false, reason: '饮水不安全', citation: '凡是尚未完全解决“两不愁、三保障”的，必须及时返贫' });
  return out;
}

/** What a flag asks of the village: the seed's words for each kind. */
export const SCREENING_DECISION_MEANING: Record<ScreeningKind, Record<'属实' | '不属实', string>> = {
  漏评: {
    属实: '经核实符合识别条件，应纳尽纳：按新识别程序（两评议两公示一比对一公告）办理，“及时启动民主评议等相关工作”，不由本线索自动纳入。',
    不属实: '经核实不符合识别条件，不纳入建档立卡范围。',
  },
  错评: {
    属实: '经核实识别不精准，应退尽退：按清退程序由村民代表大会评议办理，不由本线索自动清退。',
    不属实: '经核实识别精准，保留其贫困户资格。',
  },
  错退: {
    属实: '经核实尚未完全解决“两不愁、三保障”，应扶尽扶：按程序办理返贫并继续帮扶，不由本线索自动返贫。',
    不属实: '经核实已稳定解决“两不愁、三保障”，维持脱贫状态。',
  },
};
