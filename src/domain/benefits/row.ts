/**
 * One row of a department's benefit file (政策享受名单), read as the comparison lists read theirs: the ID number is the
 * key (seed 004 一比对: 姓名、身份证号), tidied by `normaliseIdNumber` and checked against GB 11643; a wrong number would
 * give one person's money to another. Every problem names its row and column.
 */
import { columnLetter } from '../compare/columns';
import { MAX_NAME, normaliseIdNumber } from '../compare/list-row';
import { checkIdNumber } from '../registry/id-number';
import type { FieldError } from '../shared/errors';
import { BENEFIT_POLICIES, policiesOf, policyNamed, type BenefitDepartment, type BenefitPolicy } from './catalog';

export type BenefitColumnKey = 'idNumber' | 'name' | 'policy' | 'amount' | 'year' | 'period' | 'note';

/** The template's columns, in order (the letters errors name). */
export const BENEFIT_COLUMNS: ReadonlyArray<{ key: BenefitColumnKey; header: string; width: number; hint: string }> = [
  { key: 'idNumber', header: '身份证号', width: 22, hint: '必填，18 位公民身份号码（文本格式）' },
  { key: 'name', header: '姓名', width: 10, hint: '必填' },
  { key: 'policy', header: '政策名称', width: 16, hint: '从下拉列表选择；留空为导入时所选政策' },
  { key: 'amount', header: '金额（元）', width: 12, hint: '必填，整数元' },
  { key: 'year', header: '年度', width: 8, hint: '留空为导入时所选年度' },
  { key: 'period', header: '期间', width: 20, hint: '如 2019年春季学期、2019年3月；可留空' },
  { key: 'note', header: '备注', width: 24, hint: '' },
];

export const MAX_PERIOD = 30;
export const MAX_NOTE = 200;
/** 建档立卡 began in 2014; a department's file before 2013 is a typing error. */
export const FIRST_YEAR = 2013;

export interface BenefitRowInput {
  row: number;
  cells: Record<BenefitColumnKey, string>;
  /** The ID cell was a number in the spreadsheet (an 18-digit number loses its last digits). */
  numericId?: boolean;
}

export interface BenefitRow {
  rowNo: number;
  idNumber: string;
  name: string;
  policy: string;
  amount: number;
  year: number;
  period: string;
  note: string;
}

export interface BenefitFileChoice {
  department: BenefitDepartment;
  /** The policy of rows whose 政策名称 is blank. */
  policy?: string;
  /** The year of rows whose 年度 is blank. */
  year?: number;
}

function errorAt(row: number, key: BenefitColumnKey, message: string): FieldError {
  const i = BENEFIT_COLUMNS.findIndex((c) => c.key === key);
  return { field: key, label: BENEFIT_COLUMNS[i]!.header, message, row, column: columnLetter(i) };
}

/** A whole number of yuan as departments write it: 1,200 / 1200.00 / ￥1200 / 1200元. */
export function yuanOfCell(cell: string): number | null {
  const t = cell.replace(/[,，\s￥¥]/g, '').replace(/元$/, '');
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** Reads one row (null when blank): the row, or its errors each with row and column. */
export function readBenefitRow(input: BenefitRowInput, choice: BenefitFileChoice, now: Date): { row: BenefitRow } | { errors: FieldError[] } | null {
  const c = Object.fromEntries(Object.entries(input.cells).map(([k, v]) => [k, (v ?? '').trim()])) as Record<BenefitColumnKey, string>;
  if (Object.values(c).every((v) => v === '')) return null;
  const errors: FieldError[] = [];
  const at = (key: BenefitColumnKey, message: string) => errors.push(errorAt(input.row, key, message));

  const id = normaliseIdNumber(c.idNumber);
  if (id === '') at('idNumber', '身份证号为空');
  else if (input.numericId && !checkIdNumber(id, now).ok) at('idNumber', `单元格为数值格式，号码已失真（表格软件只保留 15 位有效数字）：请把该列设为文本格式后重新导出（现为“${c.idNumber}”）`);
  else if (/^\d{15}$/.test(id)) at('idNumber', '为 15 位旧身份证号，请换算为 18 位公民身份号码');
  else {
    const check = checkIdNumber(id, now);
    if (!check.ok) at('idNumber', `${check.message}（“${c.idNumber}”）`);
  }

  if (c.name === '') at('name', '姓名为空');
  else if (c.name.length > MAX_NAME) at('name', `不能超过 ${MAX_NAME} 个字`);

  const policyName = c.policy || choice.policy || '';
  let policy: BenefitPolicy | undefined;
  if (!policyName) at('policy', '请填写政策名称（或在导入时选择政策）');
  else {
    policy = policyNamed(policyName);
    const own = policiesOf(choice.department);
    if (!policy) at('policy', `没有政策“${policyName}”：应为${BENEFIT_POLICIES.map((p) => p.name).join('、')}之一`);
    else if (!own.includes(policy)) at('policy', `“${policyName}”不由${choice.department}部门发放：本部门的政策为${own.map((p) => p.name).join('、')}`);
  }

  const amount = yuanOfCell(c.amount);
  if (c.amount === '') at('amount', '金额为空');
  else if (amount === null) at('amount', `应为不小于 0 的整数元（现为“${c.amount}”）`);

  const thisYear = now.getUTCFullYear();
  let year = choice.year ?? null;
  if (c.year !== '') {
    const y = /^\d{4}(年)?$/.test(c.year) ? Number(c.year.slice(0, 4)) : NaN;
    if (!Number.isInteger(y) || y < FIRST_YEAR || y > thisYear) at('year', `应为 ${FIRST_YEAR}–${thisYear} 之间的年份（现为“${c.year}”）`);
    else year = y;
  } else if (year === null) at('year', '请填写年度（或在导入时选择年度）');

  if (c.period.length > MAX_PERIOD) at('period', `不能超过 ${MAX_PERIOD} 个字`);
  else {
    const named = /^(\d{4})年/.exec(c.period);
    if (named && year !== null && Number(named[1]) !== year) at('period', `期间“${c.period}”不在 ${year} 年度内`);
  }
  if (c.note.length > MAX_NOTE) at('note', `不能超过 ${MAX_NOTE} 个字`);

  if (errors.length || !policy || amount === null || year === null) return { errors };
  return { row: { rowNo: input.row, idNumber: id, name: c.name, policy: policy.name, amount, year, period: c.period, note: c.note } };
}

/** A batch of a department's file: what a re-import of the same department, policy, year and period replaces. */
export const batchKey = (b: { department: string; policy: string; year: number; period: string }): string => `${b.department}|${b.policy}|${b.year}|${b.period}`;
