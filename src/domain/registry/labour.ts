/**
 * Seed 004 labour definitions: “‘普通劳动力’是指16周岁及以上具有劳动能力,但没有取得执业资格证书的人员;‘技能劳动力’指经过
 * 技术等级考试合格后,获得人社部门统一颁发的相应等级的执业资格证书的具有劳动能力的人;‘丧失劳动力’是指由于疾病、残疾而丧失
 * 劳动能力;‘无劳动力’是指16岁以下未成年人和超过劳动年龄已经无劳动能力。65岁以上,原则上无劳动力,但仍有务工时间和务工收入的,
 * 可据实填写有劳动力,不作为错误信息筛查。”
 */
export const LABOUR_KINDS = ['普通劳动力', '技能劳动力', '丧失劳动力', '无劳动力'] as const;
export type LabourKind = (typeof LABOUR_KINDS)[number];
/** “16周岁及以上”: the age from which a person may be a labourer. */
export const LABOUR_MIN_AGE = 16;
/** “65岁以上,原则上无劳动力” (unless they still work and earn from it). */
export const LABOUR_ELDERLY_AGE = 65;
/** The kinds that declare an ability to work. */
export const ABLE_LABOUR_KINDS = ['普通劳动力', '技能劳动力'] as const satisfies readonly LabourKind[];

/** What the registry records of a person that the labour definitions judge a declared kind by. */
export interface LabourFacts {
  age: number;
  hasQualificationCertificate: boolean;
  workMonths: number;
  workIncomeYuan: number;
}

/** Whether a declared labour ability contradicts age and the facts; null when it agrees. */
export function checkLabour(declared: LabourKind, f: LabourFacts): string | null {
  if (f.age < LABOUR_MIN_AGE && declared !== '无劳动力') return `${f.age} 岁未满 ${LABOUR_MIN_AGE} 周岁，应为无劳动力`;
  if (f.age >= LABOUR_ELDERLY_AGE && (ABLE_LABOUR_KINDS as readonly string[]).includes(declared) && !(f.workMonths > 0 && f.workIncomeYuan > 0))
    return `${f.age} 岁已满 ${LABOUR_ELDERLY_AGE} 周岁，原则上无劳动力；有务工时间和务工收入的方可填写有劳动力`;
  if (declared === '技能劳动力' && !f.hasQualificationCertificate) return '技能劳动力须取得人社部门颁发的执业资格证书';
  return null;
}
