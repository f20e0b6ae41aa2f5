import { isoDate, yearOf } from '../shared/dates';
import type { FieldError } from '../shared/errors';
import { checkCauses } from './causes';
import type { HouseholdAttribute } from './household-rules';
import { ageOn, checkIdNumber } from './id-number';
import { checkLabour, LABOUR_KINDS, type LabourKind } from './labour';

export const ATTRIBUTES: HouseholdAttribute[] = ['一般贫困户', '低保贫困户', '特困供养贫困户'];
export const RELATIONS = ['户主', '配偶', '之子', '之女', '儿媳', '女婿', '孙子', '孙女', '外孙子女', '父母', '岳父母', '公婆', '兄弟姐妹', '祖父母', '其他'] as const;
export const SCHOOLING = ['学龄前', '在校', '已毕业', '辍学', '未上学'] as const;
export const HEALTH = ['健康', '长期慢性病', '大病', '残疾'] as const;

export const PERSON_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  relation: '与户主关系',
  schooling: '在校情况',
  health: '健康状况',
  disabilityGrade: '残疾等级',
  labour: '劳动能力',
  workMonths: '务工时间（月）',
  workIncome: '务工收入（元）',
};

export const HOUSEHOLD_LABELS: Record<string, string> = {
  villageCode: '所在村',
  number: '户编号',
  attribute: '贫困户属性',
  identifiedYear: '识别年度',
  mainCause: '主要致贫原因',
  secondaryCauses: '次要致贫原因',
  persons: '家庭成员',
};

export interface PersonInput {
  name: string;
  idNumber: string;
  relation: string;
  schooling?: string;
  dropoutForPoverty?: boolean;
  health?: string;
  disabilityGrade?: number | null;
  labour: string;
  hasQualification?: boolean;
  workMonths?: number;
  workPlace?: string;
  workIncome?: number;
  medicalEligible?: boolean;
  medicalInsured?: boolean;
  seriousIllnessInsured?: boolean;
  pensionInsured?: boolean;
}

export interface CheckedPerson extends Required<Omit<PersonInput, 'disabilityGrade'>> {
  disabilityGrade: number | null;
  sex: '男' | '女';
  birthDate: string;
}

/** Checks one person (seed 004 labour definitions, GB 11643 ID) and derives sex and birth date from the ID. */
export function checkPerson(p: PersonInput, now: Date, prefix = ''): { person?: CheckedPerson; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `${prefix}${field}`, label: PERSON_LABELS[field] ?? field, message });
  if (!p.name?.trim()) fail('name', '请填写姓名');
  const id = checkIdNumber(p.idNumber ?? '', now);
  if (!id.ok) fail('idNumber', id.message);
  if (!(RELATIONS as readonly string[]).includes(p.relation)) fail('relation', `应为${RELATIONS.join('、')}之一`);
  const schooling = p.schooling ?? '已毕业';
  if (!(SCHOOLING as readonly string[]).includes(schooling)) fail('schooling', `应为${SCHOOLING.join('、')}之一`);
  const health = p.health ?? '健康';
  if (!(HEALTH as readonly string[]).includes(health)) fail('health', `应为${HEALTH.join('、')}之一`);
  const grade = p.disabilityGrade ?? null;
  if (health === '残疾' && (grade === null || ![1, 2, 3, 4].includes(grade))) fail('disabilityGrade', '残疾人应填写残疾等级（1–4 级）');
  if (!(LABOUR_KINDS as readonly string[]).includes(p.labour)) fail('labour', `应为${LABOUR_KINDS.join('、')}之一`);
  const workMonths = p.workMonths ?? 0;
  if (!Number.isInteger(workMonths) || workMonths < 0 || workMonths > 12) fail('workMonths', '应为 0–12 的整数');
  const workIncome = p.workIncome ?? 0;
  if (!Number.isInteger(workIncome) || workIncome < 0) fail('workIncome', '应为不小于 0 的整数（元）');
  if (id.ok && (LABOUR_KINDS as readonly string[]).includes(p.labour)) {
    const problem = checkLabour(p.labour as LabourKind, { age: ageOn(id.birthDate, isoDate(now)), workMonths, workIncomeYuan: workIncome, hasQualificationCertificate: !!p.hasQualification });
    if (problem) fail('labour', problem);
  }
  if (errors.length || !id.ok) return { errors };
  return {
    errors,
    person: {
      name: p.name.trim(),
      idNumber: id.id,
      relation: p.relation,
      schooling,
      dropoutForPoverty: schooling === '辍学' && !!p.dropoutForPoverty,
      health,
      disabilityGrade: health === '残疾' ? grade : null,
      labour: p.labour,
      hasQualification: !!p.hasQualification,
      workMonths,
      workPlace: (p.workPlace ?? '').trim(),
      workIncome,
      medicalEligible: p.medicalEligible ?? true,
      medicalInsured: !!p.medicalInsured,
      seriousIllnessInsured: !!p.seriousIllnessInsured,
      pensionInsured: !!p.pensionInsured,
      sex: id.sex,
      birthDate: id.birthDate,
    },
  };
}

export interface HouseholdInput {
  villageCode: string;
  number: string;
  attribute: string;
  identifiedYear: number;
  mainCause: string;
  secondaryCauses?: string[];
  housingSafe?: boolean;
  drinkingWaterSafe?: boolean;
  foodSecure?: boolean;
  clothingSecure?: boolean;
  persons: PersonInput[];
}

/** Checks a household with its members: attribute, causes (seed 004), exactly one head, members, no ID twice. */
export function checkHousehold(h: HouseholdInput, now: Date): { persons: CheckedPerson[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, label: HOUSEHOLD_LABELS[field] ?? field, message });
  if (!/^\d{12}$/.test(h.villageCode ?? '')) fail('villageCode', '应为 12 位村级区划代码');
  if (!h.number?.trim()) fail('number', '请填写户编号');
  if (!(ATTRIBUTES as string[]).includes(h.attribute)) fail('attribute', `应为${ATTRIBUTES.join('、')}之一`);
  if (!Number.isInteger(h.identifiedYear) || h.identifiedYear < 2013 || h.identifiedYear > yearOf(now)) fail('identifiedYear', `应在 2013 至 ${yearOf(now)} 年之间`);
  for (const p of checkCauses(h.mainCause, h.secondaryCauses ?? [])) fail(p.field, p.message);
  const persons: CheckedPerson[] = [];
  (h.persons ?? []).forEach((p, i) => {
    const r = checkPerson(p, now, `persons.${i}.`);
    for (const e of r.errors) errors.push({ ...e, label: `第 ${i + 1} 位成员${e.label}` });
    if (r.person) persons.push(r.person);
  });
  const heads = (h.persons ?? []).filter((p) => p.relation === '户主').length;
  if ((h.persons ?? []).length === 0) fail('persons', '至少有 1 名家庭成员');
  else if (heads !== 1) fail('persons', `每户须有且只有 1 名户主（现有 ${heads} 名）`);
  const seen = new Set<string>();
  for (const p of persons) {
    if (seen.has(p.idNumber)) fail('persons', `身份证号 ${p.idNumber} 在本户重复`);
    seen.add(p.idNumber);
  }
  return { persons, errors };
}
