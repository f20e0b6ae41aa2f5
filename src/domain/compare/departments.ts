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
