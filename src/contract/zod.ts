import { z } from 'zod';
import { isRealDate } from '../domain/shared/dates';

/**
 * The building blocks of every route's schema (issue 9: no 500 from bad input). What the database would refuse is
 * refused here first, with a Chinese message: integers beyond the column's range, text longer than its column, NUL and
 * other control characters, days that do not exist (2017-09-31). Rules of the domain (formats, codes, check digits,
 * what is required) stay in the domain, which names the field in its own words; these blocks only keep the input
 * inside what the columns can hold.
 */

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const SMALLINT_MIN = -32768;
export const SMALLINT_MAX = 32767;

/* eslint-disable no-control-regex -- these two patterns exist to find control characters */
/** Control characters refused in single-line text (all of C0 and DEL). */
const CONTROL_LINE = /[\u0000-\u001f\u007f]/;
/** Control characters refused in multi-line text (tab, line feed and carriage return allowed). */
const CONTROL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
/** Half of a surrogate pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An error message for zod: `必填` when the value is missing, the reason otherwise. */
const reason = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? '必填' : message);

/** An integer in [min, max] (default: the range of a 32-bit `integer` column). */
export function int(min = INT32_MIN, max = INT32_MAX) {
  return z
    .number({ error: reason('应为数字') })
    .int({ error: '应为整数' })
    .min(min, { error: `不能小于 ${min}` })
    .max(max, { error: `不能大于 ${max}` });
}

/** An integer for a `smallint` column (years, months, grades). */
export const smallInt = (min = SMALLINT_MIN, max = SMALLINT_MAX) => int(min, max);

/** A record's id: a positive 32-bit integer. */
export const id = () => int(1, INT32_MAX);

/** A year (calendar year of a record): 1900–2100, always inside a `smallint`. */
export const year = () => int(1900, 2100);

/** A number from the query string or the path: text coerced, then the same bounds as `int`. */
export function coercedInt(min = INT32_MIN, max = INT32_MAX) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: reason('应为整数') }).int({ error: '应为整数' }).min(min, { error: `不能小于 ${min}` }).max(max, { error: `不能大于 ${max}` }),
  );
}

/** A path parameter that is a record's id. */
export const idParam = () => coercedInt(1, INT32_MAX);

/** Text of at most `max` characters, trimmed, with no character `control` matches and no lone surrogate. */
function trimmedText(max: number, control: RegExp) {
  return z
    .string({ error: reason('应为文字') })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
    .refine((s) => !control.test(s), { error: '不能包含控制字符' })
    .refine((s) => !LONE_SURROGATE.test(s), { error: '含有无效字符' });
}

/**
 * Single-line text of at most `max` characters (the column's length), trimmed, without control characters.
 * `max` counts UTF-16 units, so it is never looser than the database's count of characters.
 */
export const name = (max: number) => trimmedText(max, CONTROL_LINE);

/** Multi-line text (notes, contents, reasons): line breaks and tabs allowed, other control characters not. */
export const text = (max: number) => trimmedText(max, CONTROL_TEXT);

/** Text that must be kept as typed (passwords): bounded and without NUL, but not trimmed. */
export function secret(max: number) {
  return z
    .string({ error: reason('应为文字') })
    .max(max, { error: `不能超过 ${max} 个字符` })
    .refine((s) => !s.includes('\u0000'), { error: '不能包含控制字符' })
    .refine((s) => !LONE_SURROGATE.test(s), { error: '含有无效字符' });
}

/** Whether `YYYY-MM-DD` names a day of the calendar: the dates module's rule, kept here beside the blocks. */
export { isRealDate };

/** Lower and upper bound of the dates the system takes (anything else is a typing error). */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** A calendar date `YYYY-MM-DD` that exists, between 1900 and 2100. */
export function isoDate() {
  return z
    .string({ error: reason('应为日期（YYYY-MM-DD）') })
    .trim()
    .superRefine((s, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: '应为日期（YYYY-MM-DD）' });
      else if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: '日期不存在' });
      else if (s < DATE_MIN || s > DATE_MAX) ctx.addIssue({ code: 'custom', message: '日期超出范围（1900—2100 年）' });
    });
}

/** A point in time as ISO text (e.g. `2020-06-30T10:00:00.000Z`), bounded, that `Date` can read. */
export function timestamp() {
  return z
    .string({ error: reason('应为时间') })
    .max(40, { error: '应为时间' })
    .refine((s) => !CONTROL_LINE.test(s) && !Number.isNaN(Date.parse(s)), { error: '应为时间' });
}

/** An amount in 万元 as the ledger takes it: text (`'1.5'`) or a number; the domain checks the decimals and sign. */
export const money = () =>
  z.union([name(30), z.number({ error: reason('应为金额') }).min(-1e10, { error: '金额超出范围' }).max(1e10, { error: '金额超出范围' })], {
    error: '应为金额（万元）',
  });

/** Integer yuan in a 32-bit column (incomes, per-capita figures). */
export const yuan = () => int();

/** A 12-digit statistical division code (GB/T 2260 padded). */
export const regionCode = () => z.string({ error: reason('应为 12 位行政区划代码') }).regex(/^\d{12}$/, { error: '应为 12 位行政区划代码' });

/** A region code prefix (2 to 12 digits), or empty for “everywhere in my scope”. */
export const regionPrefix = () => z.string({ error: reason('应为行政区划代码') }).regex(/^\d{0,12}$/, { error: '应为行政区划代码（最多 12 位数字）' });

/** A 身份证号 as typed: at most 18 characters, digits and X (the domain checks the check digit and the date). */
export const idNumber = () => name(18).refine((s) => /^[0-9Xx]*$/.test(s), { error: '只能包含数字和 X' });

/** One of the given values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: reason(`应为 ${values.join('、')} 之一`) });
}

/** Booleans in JSON bodies. */
export const bool = () => z.boolean({ error: reason('应为是或否（true / false）') });

/** An array of at most `max` items. */
export function list<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, { error: reason('应为列表') }).max(max, { error: `最多 ${max} 项` });
}

/** A JSON object's keys (records of facts, facilities, grades): short single-line text. */
export const key = (max = 60) => name(max);

// --- query-string helpers: numbers and booleans arrive as text ------------------------------------------------------

const blankToUndefined = (v: unknown) => (v === '' || v === undefined ? undefined : v);

export const intParam = coercedInt();
export const optionalInt = z.preprocess(blankToUndefined, coercedInt().optional());
export const optionalBool = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined),
  z.boolean().optional(),
);
export const page = z.preprocess(blankToUndefined, coercedInt(1, 1_000_000).default(1));
export const pageSize = z.preprocess(blankToUndefined, coercedInt(1, 200).default(20));
export const idParams = z.object({ id: idParam() });

// --- labels of the API's fields, for the messages of schema errors -------------------------------------------------

/** Chinese labels of field names the schemas use (the last segment of the path); the ledger keeps its own. */
export const API_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  days: '有效天数',
  role: '角色',
  orgId: '单位',
  parentId: '上级单位',
  memberId: '委员',
  kind: '类别',
  level: '层级',
  regionCode: '行政区划代码',
  regionPrefix: '地区代码',
  region: '地区',
  code: '代码',
  countyCode: '县代码',
  villageCode: '村',
  sector: '界别',
  phone: '联系电话',
  skills: '专长',
  status: '状态',
  unableReason: '不能履职原因',
  unableFrom: '不能履职起始日期',
  note: '备注',
  version: '版本',
  baseVersion: '记录时的版本',
  year: '年度',
  scope: '标准范围',
  yuan: '标准（元）',
  source: '依据',
  number: '户编号',
  attribute: '贫困户属性',
  identifiedYear: '识别年度',
  identifiedOn: '识别日期',
  mainCause: '主要致贫原因',
  secondaryCauses: '其他致贫原因',
  persons: '家庭成员',
  idNumber: '身份证号',
  relation: '与户主关系',
  schooling: '在校生状况',
  health: '健康状况',
  disabilityGrade: '残疾等级',
  labour: '劳动技能',
  workMonths: '务工时间（月）',
  workPlace: '务工地点',
  workIncome: '务工收入',
  reason: '原因',
  effectiveOn: '生效日期',
  householdId: '贫困户',
  householdSize: '家庭人口',
  wages: '工资性收入',
  business: '生产经营性收入',
  property: '财产性收入',
  subsidies: '各类补贴',
  minimumLiving: '低保金',
  extremePoverty: '特困供养金',
  pension: '养老金',
  ecological: '生态补偿金',
  otherTransfer: '其他转移性收入',
  other: '其他转移性收入',
  businessCosts: '生产经营性支出',
  illnessCosts: '医疗支出',
  schoolingCosts: '教育支出',
  collectiveIncome: '村集体经济收入',
  collectiveIncomeYuan: '村集体经济收入',
  minCollectiveIncomeYuan: '村集体经济收入标准',
  plannedHouseholds: '计划脱贫户数',
  plannedPersons: '计划脱贫人数',
  certifiedPopulation: '户籍人口',
  populationYear: '人口年度',
  specialtyIndustries: '特色产业',
  facilities: '基础设施',
  exitYear: '出列年度',
  remainingPoor: '剩余贫困人口',
  steps: '步骤',
  key: '键',
  requires: '前置条件',
  minDays: '最少天数',
  step: '步骤',
  to: '退回到',
  type: '办理方式',
  record: '办理记录',
  from: '公示开始日期',
  objections: '异议',
  representatives: '应到代表',
  present: '实到代表',
  votesFor: '赞成票',
  votesAgainst: '反对票',
  confirmedBy: '确认人',
  applicant: '申请户',
  listIds: '部门名单',
  decision: '评议结果',
  outcome: '评议情况',
  expectedDecidedAt: '评议时间',
  department: '部门',
  idColumn: '身份证号列',
  nameColumn: '姓名列',
  detailColumn: '说明列',
  encoding: '文件编码',
  helperId: '帮扶责任人',
  permissions: '权限',
  description: '说明',
  unit: '工作单位',
  post: '职务',
  active: '在用',
  fromOn: '起始日期',
  toOn: '结束日期',
  on: '日期',
  visitedOn: '走访日期',
  visitor: '走访人',
  holder: '帮扶单位',
  perCapita: '人均纯收入',
  helperNames: '帮扶责任人',
  checkedOn: '核对日期',
  schemeId: '考核方案',
  units: '考核对象',
  unitKey: '考核对象',
  methodKey: '考核方式',
  indicatorKey: '考核指标',
  entries: '评分',
  entry: '评分',
  deadlines: '截止日期',
  selfEvaluation: '自评截止日期',
  scheme: '考核方案',
  unitKind: '考核对象类别',
  ref: '系统对应',
  q: '查询条件',
  page: '页码',
  pageSize: '每页条数',
  yearFrom: '起始年度',
  yearTo: '截止年度',
  asOf: '截止日期',
  half: '半年',
  body: '请求内容',
};

/** The label of an API field path (`persons.0.idNumber` → `身份证号（第 1 项）`), or the path when unknown. */
export function apiFieldLabel(path: string): string {
  const parts = path.split('.');
  const names = parts.filter((p) => !/^\d+$/.test(p));
  const last = names[names.length - 1] ?? path;
  const label = API_FIELD_LABELS[last];
  if (!label) return path;
  const index = parts.find((p) => /^\d+$/.test(p));
  return index === undefined ? label : `${label}（第 ${Number(index) + 1} 项）`;
}
