/**
 * 政策享受 (issue 15): the policies a household enjoys as the departments hand them over, each with its department, its
 * kind for the 稳定脱贫户 rule (src/domain/support/policy.ts), whether it is paid per person or per household, and which
 * item of the household's income it is. Seed 004 “贫困户收入计算”: 年收入=工资性收入+生产经营性收入+财产性收入+
 * 转移性收入(包括补贴、低保金、养老保险金、生态补偿金等) — 参保代缴 and 危房改造补助 pay a cost and are no income.
 */
import type { TransferIncome } from '../registry/income';
import type { PolicyKind } from '../support/policy';

/** The departments that hand over what they paid (seed 004: 教育、医保、民政、住建、农业农村、金融、人社、林业 …). */
export const BENEFIT_DEPARTMENTS = ['教育', '医保', '卫健', '民政', '住建', '农业农村', '金融', '扶贫办', '人社', '林业', '其他'] as const;
export type BenefitDepartment = (typeof BENEFIT_DEPARTMENTS)[number];

/** Where a benefit lands in the household's income: a transfer component, wages, property income, or none. */
export type IncomeComponent = keyof TransferIncome | 'wages' | 'property' | 'none';

export const COMPONENT_LABELS: Record<IncomeComponent, string> = {
  subsidies: '补贴',
  minimumLiving: '低保金',
  extremePoverty: '特困供养金',
  pension: '养老金',
  ecological: '生态补偿金',
  other: '其他转移性收入',
  wages: '工资性收入',
  property: '财产性收入',
  none: '不计入收入',
};

export interface BenefitPolicy {
  name: string;
  /** The departments that may hand it over (the first is the usual one). */
  departments: readonly BenefitDepartment[];
  kind: PolicyKind;
  per: '人' | '户';
  component: IncomeComponent;
  /** How its period is written (教育资助 per 学期). */
  periodHint: string;
}

export const BENEFIT_POLICIES: readonly BenefitPolicy[] = [
  { name: '教育资助', departments: ['教育'], kind: '资助类', per: '人', component: 'subsidies', periodHint: '如 2019年春季学期' },
  { name: '基本医保参保代缴', departments: ['医保', '卫健'], kind: '资助类', per: '人', component: 'none', periodHint: '如 2019年度' },
  { name: '医疗救助', departments: ['医保', '民政', '卫健'], kind: '保障类', per: '人', component: 'other', periodHint: '如 2019年3月' },
  { name: '医疗补偿', departments: ['医保', '卫健'], kind: '保障类', per: '人', component: 'other', periodHint: '如 2019年3月' },
  { name: '低保金', departments: ['民政'], kind: '保障类', per: '户', component: 'minimumLiving', periodHint: '如 2019年1月，或留空为全年' },
  { name: '特困供养金', departments: ['民政'], kind: '保障类', per: '人', component: 'extremePoverty', periodHint: '如 2019年1月，或留空为全年' },
  { name: '危房改造补助', departments: ['住建'], kind: '资助类', per: '户', component: 'none', periodHint: '可留空' },
  { name: '产业奖补', departments: ['农业农村', '扶贫办'], kind: '发展类', per: '户', component: 'subsidies', periodHint: '可留空' },
  { name: '小额信贷贴息', departments: ['金融', '扶贫办'], kind: '发展类', per: '户', component: 'subsidies', periodHint: '如 2019年第2季度' },
  { name: '公益性岗位', departments: ['人社', '扶贫办', '林业'], kind: '增收类', per: '人', component: 'wages', periodHint: '如 2019年6月' },
  { name: '光伏分红', departments: ['扶贫办', '农业农村'], kind: '增收类', per: '户', component: 'property', periodHint: '可留空' },
  { name: '入股分红', departments: ['农业农村', '扶贫办'], kind: '增收类', per: '户', component: 'property', periodHint: '可留空' },
  { name: '生态补偿', departments: ['林业', '农业农村'], kind: '保障类', per: '户', component: 'ecological', periodHint: '可留空' },
  { name: '生态护林员', departments: ['林业'], kind: '增收类', per: '人', component: 'wages', periodHint: '如 2019年6月' },
  { name: '养老金', departments: ['人社'], kind: '保障类', per: '人', component: 'pension', periodHint: '如 2019年1月，或留空为全年' },
  { name: '其他', departments: ['其他', '扶贫办', '民政', '人社'], kind: '保障类', per: '人', component: 'other', periodHint: '可留空' },
];

export function policyNamed(name: string): BenefitPolicy | undefined {
  return BENEFIT_POLICIES.find((p) => p.name === name);
}

/** The policies a department hands over. */
export function policiesOf(department: BenefitDepartment): BenefitPolicy[] {
  return BENEFIT_POLICIES.filter((p) => p.departments.includes(department));
}

export function isBenefitDepartment(v: string): v is BenefitDepartment {
  return (BENEFIT_DEPARTMENTS as readonly string[]).includes(v);
}

/** The department as a source names it: 民政部门. */
export const departmentText = (d: string): string => (d === '其他' ? '其他部门' : d === '扶贫办' ? '扶贫办' : `${d}部门`);
