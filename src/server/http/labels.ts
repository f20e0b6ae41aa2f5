import {
  ASSIGNMENT_FIELD_LABELS,
  HELPER_FIELD_LABELS,
  HOUSEHOLD_FIELD_LABELS,
  INCOME_FIELD_LABELS,
  LEADER_VILLAGE_FIELD_LABELS,
  PERSON_FIELD_LABELS,
  VILLAGE_FIELD_LABELS,
  VISIT_FIELD_LABELS,
} from '../../domain/audit/labels';
import { FIELD_LABELS as LEDGER_FIELD_LABELS } from '../../domain/ledger/fields';
import { apiFieldLabel } from '../../contract/zod';
import { CREDIT_LABELS, MUTUAL_AID_LABELS } from '../../contract/mutual-aid';

/**
 * The Chinese labels of one feature's fields, for the messages of its schema errors (issue 10: a field error names the
 * field as that feature's users know it, never the English key).
 *
 * A key is a field path with `#` for each list index (`persons.#.idNumber`); `{n}` in its label is the first index + 1
 * (`第 {n} 位成员身份证号`). The most specific key wins: the whole path, then shorter and shorter tails of it
 * (`applicant.persons.0.idNumber` finds `persons.#.idNumber`), and last the API-wide `API_FIELD_LABELS`.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** The labels of a list's items: `persons.#.name` → `第 {n} 位成员姓名`. */
function itemsOf(list: string, item: string, labels: Record<string, string>): Record<string, string> {
  return { [`${list}.#`]: item, ...Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${list}.#.${k}`, `${item}${v}`])) };
}

/** A household with its members, as the registry and a new-household procedure's applicant enter it. */
const HOUSEHOLD: FieldLabels = {
  ...HOUSEHOLD_FIELD_LABELS,
  villageCode: '村',
  ...itemsOf('persons', '第 {n} 位成员', PERSON_FIELD_LABELS),
  'secondaryCauses.#': '第 {n} 个次要致贫原因',
};

export const REGISTRY_LABELS: FieldLabels = {
  ...HOUSEHOLD,
  ...INCOME_FIELD_LABELS,
  ...VILLAGE_FIELD_LABELS,
  'specialtyIndustries.#': '第 {n} 项特色产业',
  code: '村',
  // a status correction
  status: '状态',
  year: '年度',
  effectiveOn: '生效日期',
  reason: '变更原因',
  // poverty lines
  scope: '适用范围',
  regionPrefix: '地区代码',
  yuan: '标准（元）',
  source: '依据',
  // 测算 (trial)
  regionCode: '所在地区',
  householdSize: '家庭人口',
  'income.transfer': '转移性收入',
  'transfer.subsidies': '补贴',
  'transfer.minimumLiving': '低保金',
  'transfer.extremePoverty': '特困供养金',
  'transfer.pension': '养老金',
  'transfer.ecological': '生态补偿金',
  'transfer.other': '其他转移性收入',
  ...itemsOf('members', '第 {n} 位成员', PERSON_FIELD_LABELS),
  remainingPoor: '剩余贫困人口',
  collectiveIncomeYuan: '村集体经济收入（元）',
  minCollectiveIncomeYuan: '村集体经济收入标准（元）',
  // lists and exports
  region: '地区',
  q: '查询条件',
  asOf: '统计日期',
  file: '导入文件',
};

export const PROCEDURE_LABELS: FieldLabels = {
  ...HOUSEHOLD,
  kind: '程序类别',
  householdId: '贫困户',
  year: '年度',
  state: '进度',
  applicant: '申请户',
  name: '名称',
  regionPrefix: '适用地区',
  source: '依据',
  steps: '步骤',
  ...itemsOf('steps', '第 {n} 步', { key: '键', name: '名称', level: '办理层级', requires: '前置步骤', minDays: '最少天数' }),
  type: '办理方式',
  step: '步骤',
  to: '退回到的步骤',
  reason: '原因',
  record: '办理记录',
  'record.notice': '公示',
  'notice.from': '公示开始日期',
  'notice.objections': '公示期间的异议',
  'record.assembly': '会议表决',
  'assembly.representatives': '应到代表人数',
  'assembly.present': '实到代表人数',
  'assembly.votesFor': '赞成票数',
  'assembly.votesAgainst': '反对票数',
  confirmedBy: '确认人',
};

const HELPER: FieldLabels = { ...HELPER_FIELD_LABELS, kind: '帮扶责任人类别' };

export const PAIRING_LABELS: FieldLabels = {
  ...ASSIGNMENT_FIELD_LABELS,
  on: '更换日期',
  region: '地区',
  year: '年度',
  half: '半年',
};
const PAIRING_HELPER_LABELS: FieldLabels = { ...PAIRING_LABELS, ...HELPER, q: '查询条件' };
const PAIRING_VISIT_LABELS: FieldLabels = { ...PAIRING_LABELS, ...VISIT_FIELD_LABELS, kind: '走访方式', content: '走访内容' };
const PAIRING_LEADER_VILLAGE_LABELS: FieldLabels = { ...PAIRING_LABELS, ...LEADER_VILLAGE_FIELD_LABELS, kind: '联系类别', holder: '帮扶单位', current: '仅当前' };

export const COMPARE_LABELS: FieldLabels = {
  name: '名单名称',
  department: '部门',
  idColumn: '身份证号列',
  nameColumn: '姓名列',
  detailColumn: '说明列',
  encoding: '文件编码',
  listIds: '部门名单',
  'listIds.#': '第 {n} 份部门名单',
  region: '地区',
  procedureId: '程序',
  village: '村',
  decision: '评议结果',
  outcome: '评议情况',
  expectedDecidedAt: '评议时间',
  q: '查询条件',
};

export const ASSESSMENT_LABELS: FieldLabels = {
  code: '方案代码',
  name: '名称',
  year: '考核年度',
  unitKind: '考核对象类别',
  source: '依据',
  scale: '等次',
  methods: '考核方式',
  ...itemsOf('methods', '第 {n} 种考核方式', { key: '键', label: '名称', weight: '权重' }),
  contents: '考核内容',
  ...itemsOf('contents', '第 {n} 项考核内容', { key: '键', name: '名称', major: '重点内容', indicators: '考核指标' }),
  ...itemsOf('indicators', '第 {n} 项指标', { key: '键', name: '名称', source: '依据', scoring: '评分方式', system: '系统对应' }),
  gradeThresholds: '等次分数线',
  facts: '认定事项',
  rules: '规则',
  adjustments: '加减分项',
  consequences: '结果运用',
  scheme: '考核方案',
  schemeId: '考核方案',
  units: '考核对象',
  ...itemsOf('units', '第 {n} 个考核对象', { unitKey: '代码', name: '名称', kind: '类别', ref: '系统对应' }),
  deadlines: '截止日期',
  'deadlines.selfEvaluation': '自评截止日期',
  'deadlines.methods': '各考核方式截止日期',
  entries: '评分',
  ...itemsOf('entries', '第 {n} 条评分', { unitKey: '考核对象', methodKey: '考核方式', indicatorKey: '考核指标', entry: '评分' }),
  unitKey: '考核对象',
};

export const ORG_LABELS: FieldLabels = { parentId: '上级单位', name: '单位名称', kind: '单位类型', level: '层级', regionCode: '所在地区' };
export const MEMBER_LABELS: FieldLabels = { orgId: '所属单位', name: '姓名', sector: '界别', phone: '联系电话', skills: '专长', status: '状态', unableReason: '不能履职原因', unableFrom: '不能履职起始日期' };
export const USER_LABELS: FieldLabels = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  currentPassword: '原密码',
  newPassword: '新密码',
  role: '角色',
  orgId: '所属单位',
  memberId: '委员',
};
export const QUALITY_LABELS: FieldLabels = { region: '地区', year: '年度', persons: '扶贫手册家庭人口', perCapita: '扶贫手册人均纯收入', helperNames: '扶贫手册帮扶责任人', checkedOn: '核对日期', note: '备注' };

/** Each feature's labels by the route's path (the longest prefix wins). */
const BY_ROUTE: ReadonlyArray<readonly [string, FieldLabels]> = (
  [
    ['/api/ledger', LEDGER_FIELD_LABELS],
    ['/api/registry', REGISTRY_LABELS],
    ['/api/procedures', PROCEDURE_LABELS],
    ['/api/pairing', PAIRING_LABELS],
    ['/api/pairing/helpers', PAIRING_HELPER_LABELS],
    ['/api/pairing/households/:id/visits', PAIRING_VISIT_LABELS],
    ['/api/pairing/leader-villages', PAIRING_LEADER_VILLAGE_LABELS],
    ['/api/compare', COMPARE_LABELS],
    ['/api/assessment', ASSESSMENT_LABELS],
    ['/api/orgs', ORG_LABELS],
    ['/api/members', MEMBER_LABELS],
    ['/api/users', USER_LABELS],
    ['/api/auth', USER_LABELS],
    ['/api/quality', QUALITY_LABELS],
    ['/api/mutual-aid', MUTUAL_AID_LABELS],
    ['/api/credit', CREDIT_LABELS],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** The labels of the feature a route belongs to (`/api/registry/households/:id` → the registry's), if any. */
export function labelsOfRoute(url: string): FieldLabels | undefined {
  const path = url.split('?')[0] ?? url;
  return BY_ROUTE.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
}

/** The label of a field path in a feature (see `FieldLabels`), else the API-wide label, else the path itself. */
export function fieldLabel(path: string, labels: FieldLabels | undefined): string {
  if (labels) {
    const parts = path.split('.');
    for (let start = 0; start < parts.length; start++) {
      const tail = parts.slice(start);
      const label = labels[tail.map((p) => (/^\d+$/.test(p) ? '#' : p)).join('.')];
      if (label === undefined) continue;
      const index = tail.find((p) => /^\d+$/.test(p));
      return label.replace('{n}', index === undefined ? '' : String(Number(index) + 1));
    }
    // An item of a list the feature labels as a whole: `memberIds.0` → `参与委员（第 1 项）`.
    const names = parts.filter((p) => !/^\d+$/.test(p));
    const whole = labels[names[names.length - 1] ?? ''];
    const index = parts.find((p) => /^\d+$/.test(p));
    if (whole !== undefined) return index === undefined ? whole : `${whole}（第 ${Number(index) + 1} 项）`;
  }
  return apiFieldLabel(path);
}
