import { allocationInput, fundsIdParams, paymentInput, type AllocationInput, type PaymentInput } from '../../contract/funds';
import { FUND_SOURCE_LABELS, FUND_SOURCES, type FundSource } from '../../domain/funds/catalog';
import type { FieldError } from '../../domain/shared/errors';
import { buildImportTemplate, type ImportSheetSpec, type SheetRow } from '../http/import-sheet';

/** The columns of the allocations' import (资金下达): one allocation a row, as the allocation form has it. */
/** The keys are the allocation's own field names, so a field error lands in its column. */
export type AllocationImportKey = 'year' | 'source' | 'regionCode' | 'parentId' | 'amount' | 'documentNo' | 'allocatedOn' | 'note';

export const ALLOCATION_SHEET: ImportSheetSpec<AllocationImportKey> = {
  sheet: '资金下达',
  what: '扶贫资金',
  columns: [
    { key: 'year', header: '资金年度', width: 10, hint: '必填，如 2020' },
    { key: 'source', header: '资金来源', width: 26, hint: '必填，从下拉列表选择', list: '资金来源' },
    { key: 'regionCode', header: '下达地区代码', width: 18, hint: '必填，12 位省、市、县行政区划代码' },
    { key: 'parentId', header: '上级资金编号', width: 14, hint: '从上级资金中下达时填写其编号' },
    { key: 'amount', header: '金额（元）', width: 14, hint: '必填，整数元' },
    { key: 'documentNo', header: '文号', width: 24, hint: '必填，如 昭财农〔2020〕3号' },
    { key: 'allocatedOn', header: '下达日期', width: 14, hint: '必填，如 2020-03-01' },
    { key: 'note', header: '备注', width: 30, hint: '' },
  ],
};

const number = (cell: string) => (/^-?\d+$/.test(cell.replace(/[,，\s]/g, '')) ? Number(cell.replace(/[,，\s]/g, '')) : cell);

/** A row as the allocation's input, checked by the endpoint's own schema; its problems as field errors. */
export function allocationOfRow(r: SheetRow<AllocationImportKey>): { ok: true; input: AllocationInput } | { ok: false; errors: FieldError[] } {
  const c = r.cells;
  const source = FUND_SOURCES.find((s) => FUND_SOURCE_LABELS[s] === c.source) ?? (c.source as FundSource);
  const parsed = allocationInput.safeParse({
    year: number(c.year),
    source,
    regionCode: c.regionCode,
    parentId: c.parentId ? number(c.parentId) : null,
    amount: number(c.amount),
    documentNo: c.documentNo,
    allocatedOn: c.allocatedOn,
    note: c.note || undefined,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), label: '', message: i.message })) };
}

export function buildAllocationTemplate(): Promise<Buffer> {
  return buildImportTemplate(ALLOCATION_SHEET, { 资金来源: FUND_SOURCES.map((s) => FUND_SOURCE_LABELS[s]) }, [
    '扶贫资金下达批量导入 —— 填报说明',
    '1. 从“资金下达”表第 3 行起每行填写 1 笔资金；第 2 行为填写提示，导入时忽略。',
    '2. 资金下达到省、市、县；从上级资金中下达时填写上级资金编号，下级资金的年度、来源须与上级资金相同，之和不能超过上级资金。',
    '3. 金额为整数元；下达日期如 2020-03-01。',
    '4. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}

/** The columns of the payments' import (拨付): one payment a row, to a project by its number. */
/** The keys are the payment's own field names (and the project's id), so a field error lands in its column. */
export type PaymentImportKey = 'projectId' | 'allocationId' | 'paidOn' | 'amount' | 'purpose' | 'voucherNo' | 'householdId';

export const PAYMENT_SHEET: ImportSheetSpec<PaymentImportKey> = {
  sheet: '资金拨付',
  what: '资金拨付',
  columns: [
    { key: 'projectId', header: '项目编号', width: 12, hint: '必填，项目库中的项目编号' },
    { key: 'allocationId', header: '资金编号', width: 12, hint: '必填，资金下达中的资金编号' },
    { key: 'paidOn', header: '拨付日期', width: 14, hint: '必填，如 2020-06-20' },
    { key: 'amount', header: '金额（元）', width: 14, hint: '必填，整数元' },
    { key: 'purpose', header: '资金用途', width: 30, hint: '必填，如 购买种牛' },
    { key: 'voucherNo', header: '凭证号', width: 18, hint: '必填' },
    { key: 'householdId', header: '受益户编号', width: 12, hint: '到户项目必填' },
  ],
};

/** A row as the payment's input (the endpoint's schema) and its project. */
export function paymentOfRow(r: SheetRow<PaymentImportKey>): { ok: true; projectId: number; input: PaymentInput } | { ok: false; errors: FieldError[] } {
  const c = r.cells;
  const project = fundsIdParams.safeParse({ id: c.projectId });
  const parsed = paymentInput.safeParse({
    allocationId: number(c.allocationId),
    paidOn: c.paidOn,
    amount: number(c.amount),
    purpose: c.purpose,
    voucherNo: c.voucherNo,
    householdId: c.householdId ? number(c.householdId) : null,
  });
  const errors: FieldError[] = [
    ...(project.success ? [] : [{ field: 'projectId', label: '', message: '应为项目编号（整数）' }]),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), label: '', message: i.message }))),
  ];
  if (errors.length || !project.success || !parsed.success) return { ok: false, errors };
  return { ok: true, projectId: project.data.id, input: parsed.data };
}

export function buildPaymentTemplate(): Promise<Buffer> {
  return buildImportTemplate(PAYMENT_SHEET, {}, [
    '资金拨付批量导入 —— 填报说明',
    '1. 从“资金拨付”表第 3 行起每行填写 1 笔拨付；第 2 行为填写提示，导入时忽略。',
    '2. 项目须已通过县审批；资金须为项目年度、下达地区包含项目所在村的资金；金额不能超过资金结余和项目预算的未拨付部分。',
    '3. 到户项目须填写受益户编号（项目受益户名单中的户）；资金用途不得属于负面清单。',
    '4. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}
