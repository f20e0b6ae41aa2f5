import { MUTUAL_AID_ENTITY_LABELS, MUTUAL_AID_FIELD_LABELS } from '../funds/mutual-aid-labels';
// issue 15: measures
import { MEASURES_ENTITY_LABELS, MEASURES_FIELD_LABELS } from '../measures/audit-labels';
/**
 * What the audit log's readers see: the names of records, actions and fields in Chinese (DESIGN: every word a user
 * sees in Simplified Chinese, naming the field). Shared by the server (before → after with labels) and the web page.
 */
export const ENTITY_LABELS: Record<string, string> = {
  org: '单位',
  member: '委员',
  user: '用户',
  access: '访问记录',
  comparison_hit: '比对疑点',
  household: '贫困户',
  person: '家庭成员',
  income: '收入',
  status: '状态',
  village: '村',
  helper: '帮扶责任人',
  assignment: '帮扶关系',
  visit: '走访记录',
  leader_village: '联系村',
  procedure: '动态调整程序',
  procedure_definition: '程序定义',
  poverty_line: '扶贫标准',
  scheme: '考核方案',
  round: '考核轮次',
  role: '角色',
  report: '年度报送',
  correction: '更正申请',
  change_request: '户情变更申请',
  change_rule: '户情变更审批规则',
  ...MUTUAL_AID_ENTITY_LABELS,
  fund_allocation: '扶贫资金',
  project: '扶贫项目',
  fund_payment: '资金拨付',
  audit_finding: '审计问题',
  fund_sample: '项目抽查',
  // issue 15: screening
  screening_flag: '排查线索',
  // issue 15: measures
  ...MEASURES_ENTITY_LABELS,
};

export const ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  export: '导出',
  upload: '上传',
  password_change: '修改密码',
  password_reset: '重置密码',
  user_disable: '停用账号',
  user_enable: '启用账号',
  session_revoke: '注销会话',
  token_create: '新建 API 令牌',
  token_revoke: '撤销 API 令牌',
  token_use: '使用 API 令牌',
};

export const PERSON_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  relation: '与户主关系',
  schooling: '在校情况',
  dropoutForPoverty: '因贫辍学',
  health: '健康状况',
  disabilityGrade: '残疾等级',
  labour: '劳动能力',
  hasQualification: '有技能证书',
  workMonths: '务工时间（月）',
  workPlace: '务工地点',
  workIncome: '务工收入（元）',
  medicalEligible: '应参加医保',
  medicalInsured: '参加城乡居民基本医疗保险',
  seriousIllnessInsured: '参加大病保险',
  pensionInsured: '参加养老保险',
};

export const HOUSEHOLD_FIELD_LABELS: Record<string, string> = {
  villageCode: '所在村',
  number: '户编号',
  attribute: '贫困户属性',
  identifiedYear: '识别年度',
  identifiedOn: '识别日期',
  mainCause: '主要致贫原因',
  secondaryCauses: '次要致贫原因',
  housingSafe: '住房安全',
  drinkingWaterSafe: '饮水安全',
  foodSecure: '不愁吃',
  clothingSecure: '不愁穿',
  status: '状态',
  statusYear: '状态年度',
  persons: '家庭成员',
};

/** The income items of the 扶贫手册, item by item, in the handbook's order and groups (the registry's field errors and
 * the web's income forms use them too). */
export const INCOME_ITEMS = [
  { key: 'wages', label: '工资性收入', group: '收入' },
  { key: 'business', label: '生产经营性收入', group: '收入' },
  { key: 'property', label: '财产性收入', group: '收入' },
  { key: 'subsidies', label: '补贴', group: '转移性收入' },
  { key: 'minimumLiving', label: '低保金', group: '转移性收入' },
  { key: 'extremePoverty', label: '特困供养金', group: '转移性收入' },
  { key: 'pension', label: '养老金', group: '转移性收入' },
  { key: 'ecological', label: '生态补偿金', group: '转移性收入' },
  { key: 'otherTransfer', label: '其他转移性收入', group: '转移性收入' },
  { key: 'businessCosts', label: '生产经营性支出', group: '支出' },
  { key: 'illnessCosts', label: '因病支出', group: '支出' },
  { key: 'schoolingCosts', label: '因学支出', group: '支出' },
] as const;

export const INCOME_ITEM_LABELS: Record<string, string> = Object.fromEntries(INCOME_ITEMS.map((i) => [i.key, i.label]));

export const INCOME_FIELD_LABELS: Record<string, string> = { year: '年度', ...INCOME_ITEM_LABELS };

export const STATUS_FIELD_LABELS: Record<string, string> = {
  status: '状态',
  year: '年度',
  effectiveOn: '生效日期',
  reason: '变更原因',
  viaProcedure: '所属程序',
};

export const VILLAGE_FIELD_LABELS: Record<string, string> = {
  poorVillage: '贫困村',
  identifiedYear: '识别年度',
  exited: '已出列',
  exitYear: '出列年度',
  certifiedPopulation: '公安认定总人口',
  populationYear: '人口年度',
  specialtyIndustries: '特色产业',
  facilities: '基础设施',
  infrastructureImproved: '基础设施明显改善',
  publicServicesImproved: '基本公共服务明显改善',
  year: '年度',
  collectiveIncome: '村集体经济收入（元）',
  plannedHouseholds: '计划脱贫户数',
  plannedPersons: '计划脱贫人数',
};

export const HELPER_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  unit: '工作单位',
  kind: '类别',
  level: '层级',
  post: '职务',
  phone: '联系电话',
  regionCode: '所在地区',
  active: '在岗',
};

export const ASSIGNMENT_FIELD_LABELS: Record<string, string> = {
  householdId: '贫困户',
  helperId: '帮扶责任人',
  helperName: '帮扶责任人姓名',
  fromOn: '开始日期',
  toOn: '结束日期',
  reason: '原因',
};

export const VISIT_FIELD_LABELS: Record<string, string> = {
  householdId: '贫困户',
  kind: '类别',
  helperId: '帮扶责任人',
  visitor: '走访人',
  visitedOn: '走访日期',
  content: '内容',
  signature: '签字材料',
};

export const LEADER_VILLAGE_FIELD_LABELS: Record<string, string> = {
  kind: '类别',
  orgId: '单位',
  memberId: '委员',
  holder: '联系人',
  villageCode: '村',
  fromOn: '开始日期',
  toOn: '结束日期',
};

export const PROCEDURE_FIELD_LABELS: Record<string, string> = {
  kind: '程序类别',
  householdId: '贫困户',
  villageCode: '村',
  year: '年度',
  state: '进度',
  currentStep: '当前步骤',
  certificateNo: '脱贫光荣证编号',
  action: '操作',
  step: '步骤',
  reason: '原因',
  attachment: '附件',
  name: '名称',
  regionPrefix: '适用地区',
  steps: '步骤',
  source: '依据',
};

const FIELD_LABELS_OF: Record<string, Record<string, string>> = {
  household: HOUSEHOLD_FIELD_LABELS,
  person: PERSON_FIELD_LABELS,
  income: INCOME_FIELD_LABELS,
  status: STATUS_FIELD_LABELS,
  village: VILLAGE_FIELD_LABELS,
  helper: HELPER_FIELD_LABELS,
  assignment: ASSIGNMENT_FIELD_LABELS,
  visit: VISIT_FIELD_LABELS,
  leader_village: LEADER_VILLAGE_FIELD_LABELS,
  procedure: PROCEDURE_FIELD_LABELS,
  procedure_definition: PROCEDURE_FIELD_LABELS,
  org: { name: '单位名称', kind: '单位类型', level: '层级', regionCode: '所在地区' },
  member: { name: '姓名', orgName: '所属单位', sector: '界别', phone: '联系电话', skills: '专长', status: '状态', unableReason: '不能履职原因', unableFrom: '起始日期' },
  user: { username: '用户名', displayName: '显示名称', role: '角色', orgId: '所属单位', orgName: '所属单位', memberId: '委员', helperId: '对应帮扶责任人', department: '所属部门', disabled: '已停用', active: '启用' },
  role: { code: '编码', name: '角色名称', description: '说明', permissions: '权限' },
  poverty_line: { year: '年度', scope: '适用范围', regionPrefix: '地区代码', yuan: '标准（元）', source: '依据' },
  comparison_hit: { decision: '评议结果', outcome: '评议情况' },
  access: { what: '内容', rows: '行数', username: '用户名', reason: '原因' },
  report: { regionCode: '地区', year: '年度', state: '状态', figures: '数据', returnReason: '退回原因', correction: '更正申请' },
  correction: { kind: '类别', villageCode: '村', householdId: '贫困户', year: '年度', before: '原数值', proposed: '更正为', reason: '更正原因', state: '状态', decisionReason: '审核意见' },
  change_request: { householdId: '贫困户', kind: '变更内容', state: '状态', note: '变更原因', reason: '原因' },
  change_rule: { regionPrefix: '适用地区', facts: '户基本情况须审批', members: '家庭成员须审批', income: '家庭收入须审批' },
  ...MUTUAL_AID_FIELD_LABELS,
  // issue 15: screening
  screening_flag: { decision: '评议结果', outcome: '评议情况' },
  // issue 15: measures
  ...MEASURES_FIELD_LABELS,
};

/** The labels of one kind of record's fields (nested lists: `persons` items use the person labels). */
export function fieldLabelsOf(entity: string): Record<string, string> {
  const own = FIELD_LABELS_OF[entity] ?? {};
  return { ...own, ...Object.fromEntries(Object.entries(COMMON_FIELD_LABELS).filter(([k]) => !(k in own))) };
}

/** The fields a record's snapshot keeps (its own labelled fields). */
export function recordedFieldsOf(entity: string): string[] {
  return Object.keys(FIELD_LABELS_OF[entity] ?? {});
}

/** Fields many records share, for records without their own labels here (their own labels come first). */
const COMMON_FIELD_LABELS: Record<string, string> = { correction: '更正申请', name: '名称', status: '状态', reason: '原因', year: '年度', kind: '类别', regionCode: '所在地区', orgName: '所属单位', note: '备注' };
