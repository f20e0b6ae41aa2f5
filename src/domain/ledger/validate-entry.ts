import { yearOf } from '../shared/dates';
import type { FieldError } from '../shared/errors';
import { findSubType, type Unit } from './codebook';
import { FUND_KEYS, labelOf, type FundKey } from './fields';
import { parseWanYuan } from './money';
import type { Target } from './target-key';

/** An entry as typed in the form, the API or a spreadsheet row: loosely typed, checked here. */
export interface RawEntry {
  orgId?: unknown;
  memberIds?: unknown;
  subtypeCode?: unknown;
  count?: unknown;
  target?: { kind?: unknown; regionCode?: unknown; text?: unknown } | null;
  content?: unknown;
  funds?: Partial<Record<FundKey, unknown>> | null;
  beneficiaries?: unknown;
  deepPoverty?: unknown;
  startYear?: unknown;
  endYear?: unknown;
  documentNumber?: unknown;
  notOfficialDuty?: unknown;
}

/** A checked entry, money in integer yuan. */
export interface EntryValues {
  orgId: number;
  memberIds: number[];
  subtypeCode: string;
  categoryCode: string;
  unit: Unit;
  count: number;
  target: Target;
  content: string;
  funds: Record<FundKey, number>;
  beneficiaries: number;
  /** null: propose from the target's county. */
  deepPoverty: boolean | null;
  startYear: number;
  endYear: number | null;
  documentNumber: string | null;
}

export const MIN_YEAR = 2013; // 精准扶贫 was first proposed in November 2013.
export const CONTENT_MAX = 2000;

export type ValidateResult = { ok: true; value: EntryValues } | { ok: false; errors: FieldError[] };

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function toInt(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v.trim());
  return null;
}

/**
 * Checks one ledger entry against seed 000 and returns every problem at once, each naming its field.
 * `now` is passed in so that “a future year” is judged against a fixed clock.
 */
export function validateEntry(raw: RawEntry, now: Date): ValidateResult {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, label: labelOf(field), message });
  const currentYear = yearOf(now);

  const orgId = toInt(raw.orgId);
  if (orgId === null || orgId <= 0) fail('orgId', '请选择填报单位');

  const memberIds: number[] = [];
  if (raw.memberIds !== undefined && raw.memberIds !== null) {
    if (!Array.isArray(raw.memberIds)) fail('memberIds', '应为委员编号列表');
    else
      for (const m of raw.memberIds) {
        const id = toInt(m);
        if (id === null || id <= 0) fail('memberIds', `委员编号“${String(m)}”无效`);
        else if (!memberIds.includes(id)) memberIds.push(id);
      }
  }

  const subtype = typeof raw.subtypeCode === 'string' ? findSubType(raw.subtypeCode) : undefined;
  if (!subtype) fail('subtypeCode', isBlank(raw.subtypeCode) ? '请选择事项类别' : `“${String(raw.subtypeCode)}”不是台账规定的类别`);

  // Seed 000: “1件事（包括结对帮扶的1个村或1户贫困户）只录入1次” — a pairing entry is exactly one village or household.
  let count = 1;
  if (!isBlank(raw.count)) {
    const n = toInt(raw.count);
    if (n === null || n < 1) fail('count', '应为正整数');
    else if (subtype?.needsDocumentNumber && n !== 1)
      fail('count', `结对帮扶每个${subtype.unit === '个' ? '贫困村' : '贫困户'}单独录入 1 次，数量应为 1`);
    else count = n;
  }

  let target: Target | null = null;
  const t = raw.target ?? null;
  if (!t || (t.kind !== 'region' && t.kind !== 'text')) fail('target', '请选择帮扶对象（村）或填写其他对象');
  else if (t.kind === 'region') {
    if (typeof t.regionCode !== 'string' || !/^\d{12}$/.test(t.regionCode)) fail('target.regionCode', '应为 12 位行政区划代码');
    else target = { kind: 'region', regionCode: t.regionCode };
  } else if (typeof t.text !== 'string' || t.text.trim() === '') fail('target.text', '请填写帮扶对象');
  else if (t.text.trim().length > 200) fail('target.text', '不能超过 200 字');
  else target = { kind: 'text', text: t.text.trim() };
  // Seed 000 §八: 结对帮扶·贫困村 is a village “发文明确联系帮扶” — it must be chosen from the region tree.
  if (subtype?.code === '0701' && t?.kind === 'text') fail('target', '结对帮扶贫困村应从行政区划中选择村');

  const content = typeof raw.content === 'string' ? raw.content.trim() : '';
  if (content === '') fail('content', '请完整、简要概述帮扶事项');
  else if (content.length > CONTENT_MAX) fail('content', `不能超过 ${CONTENT_MAX} 字`);

  const funds = {} as Record<FundKey, number>;
  for (const key of FUND_KEYS) {
    const v = raw.funds?.[key];
    const parsed = parseWanYuan(typeof v === 'string' || typeof v === 'number' ? v : v === undefined || v === null ? null : String(v));
    if (!parsed.ok) fail(`funds.${key}`, parsed.message);
    funds[key] = parsed.ok ? parsed.yuan : 0;
  }

  let beneficiaries = 0;
  if (!isBlank(raw.beneficiaries)) {
    const n = toInt(raw.beneficiaries);
    if (n === null) fail('beneficiaries', '应为不小于 0 的整数');
    else beneficiaries = n;
  }

  let deepPoverty: boolean | null = null;
  if (typeof raw.deepPoverty === 'boolean') deepPoverty = raw.deepPoverty;
  else if (!isBlank(raw.deepPoverty)) fail('deepPoverty', '应为“是”或“否”');

  const startYear = toInt(raw.startYear);
  if (startYear === null) fail('startYear', '请填写开始年度（如 2019）');
  else if (startYear < MIN_YEAR || startYear > currentYear) fail('startYear', `应在 ${MIN_YEAR} 至 ${currentYear} 年之间`);
  let endYear: number | null = null;
  if (!isBlank(raw.endYear)) {
    endYear = toInt(raw.endYear);
    if (endYear === null) fail('endYear', '应为年份（如 2020）');
    else if (startYear !== null && endYear < startYear) fail('endYear', '结束年度不能早于开始年度');
    else if (endYear > currentYear + 5) fail('endYear', `不能晚于 ${currentYear + 5} 年`);
    if (endYear === startYear) endYear = null;
  }

  const documentNumber = typeof raw.documentNumber === 'string' && raw.documentNumber.trim() ? raw.documentNumber.trim() : null;
  // Seed 000 §八: 结对帮扶 is the village or household “党委政府、组织、统战、扶贫等单位（部门）发文明确联系帮扶的”.
  if (subtype?.needsDocumentNumber && !documentNumber) fail('documentNumber', '结对帮扶须填写明确联系帮扶的发文文号；未经发文明确的联系帮扶请录入“其他”类');

  // Seed 000: “政协委员职务履职的事项不录入（如职能部门、企（事）业单位领导履行本职工作行为）。”
  if (raw.notOfficialDuty !== true) fail('notOfficialDuty', '请确认本事项不属于委员职务履职（履行本职工作的事项不录入）');

  if (errors.length > 0 || !subtype || !target || orgId === null || startYear === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      orgId,
      memberIds,
      subtypeCode: subtype.code,
      categoryCode: subtype.category.code,
      unit: subtype.unit,
      count,
      target,
      content,
      funds,
      beneficiaries,
      deepPoverty,
      startYear,
      endYear,
      documentNumber,
    },
  };
}
