/**
 * The departments whose lists the county compares its applicants and registry with (seed 004, “一比对”: 与组织、人社、
 * 财政、公安、住建、农机、工商、国税、地税等行业部门数据比对工作，对新识别贫困人口中在城镇购房、买车、参办企业、有财政供养人员
 * 等信息进行认真筛查).
 */
export const DEPARTMENTS = ['车辆', '商品房', '工商注册', '财政供养人员', '死亡', '其他'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** What each kind of list usually is, and which office it comes from. */
export const DEPARTMENT_HINTS: Record<Department, string> = {
  车辆: '公安交管、农机部门的机动车登记（买车）',
  商品房: '住建、不动产登记部门的城镇商品房登记（在城镇购房）',
  工商注册: '工商（市场监管）部门的企业法定代表人、股东、个体工商户（参办企业）',
  财政供养人员: '组织、人社、财政部门的财政供养人员（公务员、事业单位人员）',
  死亡: '公安户籍、民政、卫健部门的死亡或注销户口记录',
  其他: '国税、地税等其他部门带身份证号的名单',
};

export function isDepartment(v: string): v is Department {
  return (DEPARTMENTS as readonly string[]).includes(v);
}

// issue 15: screening lists
/**
 * The lists screened for households left out of the registry (seed 004 精准识别: “重点关注未纳入建档立卡范围的低保户、重残户、
 * 大病户、老人户以及申请户、信访户”), imported by department exactly as the comparison lists are, but grouped apart from them.
 */
export const SCREENING_LISTS = ['低保户', '特困供养（五保）户', '重度残疾', '大病', '老人户', '申请户', '信访户'] as const;
export type ScreeningList = (typeof SCREENING_LISTS)[number];

export const SCREENING_LIST_HINTS: Record<ScreeningList, string> = {
  低保户: '民政部门的农村最低生活保障名单',
  '特困供养（五保）户': '民政部门的特困人员供养（五保）名单',
  重度残疾: '残联的一、二级（重度）残疾人名单（重残户）',
  大病: '卫健、医保部门的大病救治、大病保险名单（大病户）',
  老人户: '民政、公安户籍的高龄老人、空巢老人户名单',
  申请户: '乡村受理的贫困户申请名单',
  信访户: '信访部门的来信来访户名单',
};

/** Every kind of list a department hands over: the comparison's (一比对) and the screening's. */
export const LIST_KINDS = [...DEPARTMENTS, ...SCREENING_LISTS] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export function isScreeningList(v: string): v is ScreeningList {
  return (SCREENING_LISTS as readonly string[]).includes(v);
}

export function isListKind(v: string): v is ListKind {
  return (LIST_KINDS as readonly string[]).includes(v);
}
