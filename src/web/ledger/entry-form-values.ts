/**
 * The entry form's values and their translation to and from the API: an Entry into form values, form values into
 * an EntryInput, and the server's field errors (`funds.personal`, `target.regionCode`, …) renamed to form fields.
 */
import type { FieldError } from '../app/api';
import { FUND_FIELDS, type CodebookSubtype, type Entry, type EntryInput, type FundKey } from './api';

export type FormNamePath = string | (string | number)[];

export type TargetKind = 'region' | 'text';

export interface EntryFormValues {
  orgId?: number;
  categoryCode?: string;
  subtypeCode?: string;
  count?: number | null;
  targetKind: TargetKind;
  targetRegion?: string;
  targetText?: string;
  content?: string;
  funds: Partial<Record<FundKey, string>>;
  beneficiaries?: number | null;
  deepPoverty: boolean;
  startYear?: number | null;
  endYear?: number | null;
  documentNumber?: string;
  memberIds: number[];
  notOfficialDuty: boolean;
}

const DIRECT_FIELDS = new Set([
  'orgId',
  'categoryCode',
  'subtypeCode',
  'count',
  'content',
  'beneficiaries',
  'deepPoverty',
  'startYear',
  'endYear',
  'documentNumber',
  'notOfficialDuty',
]);

/** The form field that shows a server field error, or null when no field of the form matches it. */
export function formNameOf(field: string, targetKind: TargetKind): FormNamePath | null {
  if (field.startsWith('funds.')) {
    const key = field.slice('funds.'.length);
    return FUND_FIELDS.some((f) => f.key === key) ? ['funds', key] : null;
  }
  if (field === 'funds') return null;
  if (field === 'target') return targetKind === 'region' ? 'targetRegion' : 'targetText';
  if (field === 'target.regionCode' || (field === 'target.kind' && targetKind === 'region')) return 'targetRegion';
  if (field === 'target.text' || field === 'target.kind') return 'targetText';
  if (field === 'memberIds' || /^memberIds[.[]/.test(field)) return 'memberIds';
  return DIRECT_FIELDS.has(field) ? field : null;
}

/** The form's field names a server error may land on (`funds` holds the five fund inputs). */
export const FORM_FIELDS = [...DIRECT_FIELDS, 'targetRegion', 'targetText', 'funds', 'memberIds'] as const;

/**
 * The server's field errors renamed to the form's fields (`target.regionCode` → `targetRegion`, `funds.personal` stays),
 * for `showFieldErrors`; `others` name no field of the form and are shown above it.
 */
export function toFormErrors(fields: readonly FieldError[], targetKind: TargetKind): { onForm: FieldError[]; others: FieldError[] } {
  const onForm: FieldError[] = [];
  const others: FieldError[] = [];
  for (const fe of fields) {
    const name = formNameOf(fe.field, targetKind);
    const field = name === null ? null : typeof name === 'string' ? name : name.join('.');
    if (field === null) others.push(fe);
    else if (!onForm.some((e) => e.field === field && e.message === fe.message)) onForm.push({ ...fe, field });
  }
  return { onForm, others };
}

export function entryToFormValues(entry: Entry): EntryFormValues {
  return {
    orgId: entry.orgId,
    categoryCode: entry.categoryCode,
    subtypeCode: entry.subtypeCode,
    count: entry.count,
    targetKind: entry.target.kind,
    targetRegion: entry.target.regionCode ?? undefined,
    targetText: entry.target.text ?? undefined,
    content: entry.content,
    funds: {
      donation: entry.funds.donation,
      personal: entry.funds.personal,
      social: entry.funds.social,
      bank: entry.funds.bank,
      fiscal: entry.funds.fiscal,
    },
    beneficiaries: entry.beneficiaries,
    deepPoverty: entry.deepPoverty,
    startYear: entry.startYear,
    endYear: entry.endYear,
    documentNumber: entry.documentNumber ?? undefined,
    memberIds: entry.members.map((m) => m.id),
    notOfficialDuty: true,
  };
}

/** The request body for the form's values; empty fund inputs are sent as 0. */
export function formValuesToInput(v: EntryFormValues, subtype: CodebookSubtype | undefined): EntryInput {
  const funds: Partial<Record<FundKey, string>> = {};
  for (const { key } of FUND_FIELDS) {
    const raw = v.funds?.[key]?.trim();
    funds[key] = raw ? raw : '0';
  }
  return {
    orgId: v.orgId ?? 0,
    memberIds: v.memberIds ?? [],
    subtypeCode: v.subtypeCode ?? '',
    count: subtype?.needsDocumentNumber ? 1 : (v.count ?? 1),
    target:
      v.targetKind === 'region'
        ? { kind: 'region', regionCode: v.targetRegion ?? '' }
        : { kind: 'text', text: (v.targetText ?? '').trim() },
    content: (v.content ?? '').trim(),
    funds,
    beneficiaries: v.beneficiaries ?? 0,
    deepPoverty: v.deepPoverty,
    startYear: v.startYear ?? 0,
    endYear: v.endYear ?? null,
    documentNumber: subtype?.needsDocumentNumber ? (v.documentNumber ?? '').trim() : null,
    notOfficialDuty: true,
  };
}
