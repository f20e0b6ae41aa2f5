/**
 * An entry between its stored row and what the API, the history and the totals see: the answer (`toDto`), the
 * history's snapshot in the user's words, the raw entry an edit starts from, and what it adds to the maintained totals.
 */
import type { Entry } from '../../contract/ledger';
import { findSubType } from '../../domain/ledger/codebook';
import { FUND_KEYS, type FundKey } from '../../domain/ledger/fields';
import { formatWanYuan } from '../../domain/ledger/money';
import type { RawEntry } from '../../domain/ledger/validate-entry';
import { AppError } from '../../domain/shared/errors';
import type { EntryListRow, EntryWrite, MemberDelta, TotalsDelta } from './repo';
import { fundsOf } from './summary-service';

const FUND_COLUMNS: Record<FundKey, keyof EntryWrite> = {
  donation: 'fundDonation',
  personal: 'fundPersonal',
  social: 'fundSocial',
  bank: 'fundBank',
  fiscal: 'fundFiscal',
};

/** The ids on a materialised path, root first: `/1/5/6/` → [1, 5, 6]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** What an entry contributes to the maintained totals: counted once, in its start year (seed 000: 跨年度事项只录入1次). */
export function totalsDelta(r: EntryWrite, sign: 1 | -1): TotalsDelta {
  return {
    orgIds: pathIds(r.orgPath),
    year: r.startYear,
    subtypeCode: r.subtypeCode,
    deepPoverty: r.deepPoverty,
    sign,
    villages: r.unit === '个' ? r.count : 0,
    households: r.unit === '户' ? r.count : 0,
    funds: fundsOf(r),
    beneficiaries: r.beneficiaries,
  };
}

export function memberDeltas(r: EntryWrite, memberIds: number[], sign: 1 | -1): MemberDelta[] {
  const funds = fundsOf(r).reduce((a, b) => a + b, 0);
  return memberIds.map((memberId) => ({ memberId, year: r.startYear, sign, funds, beneficiaries: r.beneficiaries }));
}

export type Snapshot = Record<string, string | number | null>;

export function toDto(row: EntryListRow, labels: Map<string, string>): Entry {
  const sub = findSubType(row.subtypeCode);
  const funds = Object.fromEntries(FUND_KEYS.map((k) => [k, formatWanYuan(row[FUND_COLUMNS[k]] as number)])) as Record<FundKey, string>;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    members: row.members,
    categoryCode: row.categoryCode,
    categoryName: sub?.category.name ?? row.categoryCode,
    subtypeCode: row.subtypeCode,
    subtypeName: sub?.name ?? row.subtypeCode,
    unit: row.unit,
    count: row.count,
    target: {
      kind: row.targetRegionCode ? ('region' as const) : ('text' as const),
      regionCode: row.targetRegionCode,
      text: row.targetText,
      label: row.targetRegionCode ? (labels.get(row.targetRegionCode) ?? row.targetRegionCode) : (row.targetText ?? ''),
    },
    content: row.content,
    funds,
    fundsTotal: formatWanYuan(fundsOf(row).reduce((a, b) => a + b, 0)),
    beneficiaries: row.beneficiaries,
    deepPoverty: row.deepPoverty,
    startYear: row.startYear,
    endYear: row.endYear,
    documentNumber: row.documentNumber,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    createdBy: { id: row.createdBy, name: row.createdByName },
  };
}

/** The entry as the history shows it: each field in the words and units the user reads. */
export function snapshot(dto: Entry): Snapshot {
  return {
    orgId: dto.orgName,
    memberIds: dto.members.map((m) => m.name).join('、'),
    subtypeCode: `${dto.categoryName} · ${dto.subtypeName}`,
    count: `${dto.count} ${dto.unit}`,
    target: dto.target.label,
    content: dto.content,
    ...Object.fromEntries(FUND_KEYS.map((k) => [`funds.${k}`, dto.funds[k]])),
    beneficiaries: dto.beneficiaries,
    deepPoverty: dto.deepPoverty ? '是' : '否',
    startYear: dto.startYear,
    endYear: dto.endYear,
    documentNumber: dto.documentNumber,
  };
}


export function duplicateError(existing: { id: number; startYear: number; endYear: number | null }, subtypeCode: string): AppError {
  const sub = findSubType(subtypeCode);
  const years = existing.endYear ? `${existing.startYear}–${existing.endYear} 年` : `${existing.startYear} 年`;
  return new AppError(
    'DUPLICATE',
    `该事项已录入（事项编号 ${existing.id}，${sub?.category.name ?? ''}·${sub?.name ?? ''}，${years}）。同一事项只录入 1 次，内容、金额、受益人数有变化的请在原事项中修改。`,
    { existingId: existing.id },
  );
}


export function rawFromRow(row: EntryListRow): RawEntry {
  return {
    orgId: row.orgId,
    memberIds: row.memberIds,
    subtypeCode: row.subtypeCode,
    count: row.count,
    target: row.targetRegionCode ? { kind: 'region', regionCode: row.targetRegionCode } : { kind: 'text', text: row.targetText },
    content: row.content,
    funds: Object.fromEntries(FUND_KEYS.map((k) => [k, formatWanYuan(row[FUND_COLUMNS[k]] as number)])),
    beneficiaries: row.beneficiaries,
    deepPoverty: row.deepPoverty,
    startYear: row.startYear,
    endYear: row.endYear,
    documentNumber: row.documentNumber,
    notOfficialDuty: true,
  };
}

