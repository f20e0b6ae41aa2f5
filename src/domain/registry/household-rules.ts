import { meetsBound } from './bounds';
import type { IncomeResult } from './income';
import { quotientText, yuanText as yuan } from './quotient-text';
import { verdictOf, type Criterion, type Verdict } from './verdict';

export type Schooling = '学龄前' | '在校' | '已毕业' | '辍学' | '未上学';

export interface MemberFacts {
  name: string;
  schooling: Schooling;
  /** For 辍学: whether it was because of poverty (因贫辍学). */
  dropoutForPoverty?: boolean;
  /** Eligible for basic medical insurance (基本医保 / 新型农村合作医疗). */
  medicalEligible: boolean;
  medicalInsured: boolean;
}

export interface HouseholdFacts {
  income: Pick<IncomeResult, 'netIncome' | 'householdSize' | 'perCapita'>;
  foodSecure: boolean; // 口粮不愁，主食细粮有保障
  clothingSecure: boolean; // 四季有换季衣服，日常换洗衣服有保障
  housingSafe: boolean; // 安全住房
  drinkingWaterSafe: boolean;
  members: MemberFacts[];
}

function incomeCriterion(h: HouseholdFacts, lineYuan: number, word: '低于' | '超过', citation: string): Criterion {
  // Compared exactly: net ÷ size ? line  ⇔  net ? line × size.
  const size = h.income.householdSize;
  const ok = size > 0 && meetsBound(h.income.netIncome, word, lineYuan * size);
  // Shown exactly (13,201 元 ÷ 4 人 = 3,300.25 元), never rounded onto the line it is compared with.
  const perCapita = size > 0 ? `${quotientText(h.income.netIncome, size)} 元` : '无法计算（家庭人口为 0）';
  return {
    key: 'income',
    label: word === '低于' ? '人均纯收入低于标准' : '人均纯收入超过标准',
    passed: ok,
    reason: `人均纯收入 ${perCapita}（纯收入 ${yuan(h.income.netIncome)} ÷ ${size} 人），标准 ${yuan(lineYuan)}：${ok ? '' : '不'}${word}标准`,
    citation,
  };
}

function compulsoryEducation(h: HouseholdFacts): { ok: boolean; who: string[] } {
  const who = h.members.filter((m) => m.schooling === '辍学' && m.dropoutForPoverty).map((m) => m.name);
  return { ok: who.length === 0, who };
}

function medicalInsurance(h: HouseholdFacts): { ok: boolean; who: string[] } {
  const who = h.members.filter((m) => m.medicalEligible && !m.medicalInsured).map((m) => m.name);
  return { ok: who.length === 0, who };
}

/**
 * Identification (seed 004): “新识别贫困户必须以人均纯收入低于3300元为基本依据,综合考虑‘两不愁……三保障……’情况。
 * 坚持整户识别,以户为单位测算收入水平” — income decides; 两不愁三保障 is shown beside it.
 */
export function identifyHousehold(h: HouseholdFacts, lineYuan: number): Verdict {
  const edu = compulsoryEducation(h);
  const med = medicalInsurance(h);
  const info = (key: string, label: string, ok: boolean, reason: string): Criterion => ({ key, label, passed: null, reason: `${ok ? '有保障' : '未保障'}${reason}`, citation: '综合考虑“两不愁、三保障”情况' });
  return verdictOf([
    incomeCriterion(h, lineYuan, '低于', '新识别贫困户必须以人均纯收入低于3300元为基本依据……以户为单位测算收入水平'),
    info('food', '口粮不愁', h.foodSecure, ''),
    info('clothing', '穿衣不愁', h.clothingSecure, ''),
    info('education', '义务教育', edu.ok, edu.ok ? '' : `：${edu.who.join('、')} 因贫辍学`),
    info('medical', '基本医疗', med.ok, med.ok ? '' : `：${med.who.join('、')} 未参加基本医保`),
    info('housing', '安全住房', h.housingSafe, ''),
  ]);
}

/**
 * Household exit (seed 004 贫困人口脱贫标准): “(1)……该户年人均可支配收入稳定超过国家扶贫标准且吃穿不愁……(2)有安全住房;
 * (3)家庭无因贫辍学学生;(4)符合基本医保(新型农村合作医疗)条件的家庭成员全部参加基本医保。”
 */
export function householdExit(h: HouseholdFacts, lineYuan: number): Verdict {
  const edu = compulsoryEducation(h);
  const med = medicalInsurance(h);
  return verdictOf([
    incomeCriterion(h, lineYuan, '超过', '该户年人均可支配收入稳定超过国家扶贫标准'),
    {
      key: 'foodClothing',
      label: '吃穿不愁',
      passed: h.foodSecure && h.clothingSecure,
      reason: h.foodSecure && h.clothingSecure ? '口粮、穿衣均有保障' : `${h.foodSecure ? '' : '口粮无保障'}${!h.foodSecure && !h.clothingSecure ? '，' : ''}${h.clothingSecure ? '' : '穿衣无保障'}`,
      citation: '吃穿不愁(即口粮不愁,主食细粮有保障;能够自主购买,四季有换季衣服,日常换洗衣服有保障)',
    },
    { key: 'housing', label: '有安全住房', passed: h.housingSafe, reason: h.housingSafe ? '住房安全' : '住房不安全', citation: '(2)有安全住房' },
    { key: 'education', label: '家庭无因贫辍学学生', passed: edu.ok, reason: edu.ok ? '无因贫辍学学生' : `${edu.who.join('、')} 因贫辍学`, citation: '(3)家庭无因贫辍学学生' },
    {
      key: 'medical',
      label: '符合条件的成员全部参加基本医保',
      passed: med.ok,
      reason: med.ok ? '符合条件的成员均已参保' : `${med.who.join('、')} 符合条件但未参加基本医保`,
      citation: '(4)符合基本医保(新型农村合作医疗)条件的家庭成员全部参加基本医保',
    },
  ]);
}

export type HouseholdAttribute = '一般贫困户' | '低保贫困户' | '特困供养贫困户';
export type HouseholdStatus = '未脱贫' | '已脱贫' | '稳定脱贫' | '返贫' | '清退';

/**
 * Stable-exit marking (seed 004): “家庭经济条件较好已实现稳定脱贫的,标注为‘稳定脱贫户’(属于‘社会保障兜底一批’的脱贫户不得
 * 标注为‘稳定脱贫户’,建议五保、低保贫困户脱贫尽量往后安排)”.
 */
export function stableExitMarking(h: { status: HouseholdStatus; attribute: HouseholdAttribute }): Verdict {
  const exited = h.status === '已脱贫';
  const safetyNet = h.attribute === '低保贫困户' || h.attribute === '特困供养贫困户';
  return verdictOf([
    { key: 'exited', label: '已脱贫', passed: exited, reason: `当前状态：${h.status}`, citation: '对于……家庭经济条件较好已实现稳定脱贫的,标注为“稳定脱贫户”' },
    {
      key: 'safetyNet',
      label: '不属于社会保障兜底一批',
      passed: !safetyNet,
      reason: safetyNet ? `${h.attribute}属于社会保障兜底一批，不得标注为稳定脱贫户` : `${h.attribute}`,
      citation: '属于“社会保障兜底一批”的脱贫户不得标注为“稳定脱贫户”',
    },
  ]);
}
