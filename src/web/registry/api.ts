/**
 * The poverty registry (建档立卡) API as the pages use it: villages, households, income, status, rules, statistics,
 * poverty lines and the roster import/export. All money is integer 元. Every shape is the contract's
 * (`src/contract/registry/*`); nothing here restates one.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Verdict } from '../../contract/registry/common';
import type { Household, HouseholdHit, HouseholdHits, HouseholdInput, HouseholdPatch, HouseholdQuery, IncomeItems, IncomeItemsInput, StatusChange } from '../../contract/registry/households';
import type { PovertyLineInput, PovertyLines, Statistics, TrialHouseholdInput, TrialHouseholdResult, TrialVillageInput } from '../../contract/registry/rules';
import type { Village, VillageInput, VillageYearInput } from '../../contract/registry/villages';
import { LINE_SCOPES as SCOPES, SCOPE_LABELS, type LineScope } from '../../domain/registry/poverty-lines';
import { INCOME_ITEMS } from '../../domain/audit/labels';
import type { Page } from '../../contract/page';
import { get, patch, post, put, withQuery } from '../app/api';
import { useChange } from '../app/mutations';
import { isChangeRequest, type ChangeRequest } from './change-requests-api';

export type { Page };
export type { Criterion, HouseholdVerdicts, IncomeResult, StatusCount, Verdict } from '../../contract/registry/common';
export type {
  HistoryRow,
  Household,
  HouseholdHit,
  HouseholdHits,
  HouseholdIncome,
  HouseholdInput,
  HouseholdPatch,
  IncomeItems,
  Person,
  PersonInput,
} from '../../contract/registry/households';
export type { PovertyLineRow, Statistics, TrialHouseholdInput, TrialHouseholdResult, TrialVillageInput } from '../../contract/registry/rules';
export type { Village, VillageInput, VillageProfile, VillageYear } from '../../contract/registry/villages';
export type { RosterImportResult } from '../../contract/registry/roster';
export { ROSTER_COUNT_LABELS } from '../../contract/registry/roster';
export { STATUS_COLORS, useHousehold } from '../shared/households';

/** Seed 002 §二 targets and the village-exit material of seed 004. */
export const FACILITIES: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'road', label: '通硬化路' },
  { key: 'water', label: '安全饮水' },
  { key: 'power', label: '农网改造' },
  { key: 'broadband', label: '广播电视宽带' },
  { key: 'clinic', label: '标准化卫生室' },
  { key: 'activityRoom', label: '村级活动室' },
];

// --- poverty lines -------------------------------------------------------------------------------------------------

export const LINE_SCOPES: ReadonlyArray<{ value: LineScope; label: string }> = SCOPES.map((value) => ({ value, label: SCOPE_LABELS[value] }));

export function usePovertyLines() {
  return useQuery({
    queryKey: ['registry', 'lines'],
    queryFn: ({ signal }) => get<PovertyLines>('/api/registry/poverty-lines', undefined, signal).then((r) => r.items),
  });
}

export function useSetPovertyLine() {
  return useChange((l: PovertyLineInput & { scope: LineScope }) => put<PovertyLines>('/api/registry/poverty-lines', l), ['registry']);
}

// --- villages ------------------------------------------------------------------------------------------------------

export function useVillage(code: string | undefined, minCollectiveIncomeYuan?: number) {
  return useQuery({
    queryKey: ['registry', 'village', code, minCollectiveIncomeYuan],
    queryFn: ({ signal }) => get<Village>(`/api/registry/villages/${encodeURIComponent(code ?? '')}`, { minCollectiveIncomeYuan }, signal),
    enabled: !!code,
  });
}

export function useSaveVillage(code: string) {
  return useChange((input: VillageInput) => put<Village>(`/api/registry/villages/${encodeURIComponent(code)}`, input), ['registry']);
}

export function useSaveVillageYear(code: string) {
  return useChange(({ year, ...body }: VillageYearInput & { year: number }) => put<Village>(`/api/registry/villages/${encodeURIComponent(code)}/years/${year}`, body), ['registry']);
}

export const villageOverviewUrl = (code: string) => `/api/registry/villages/${encodeURIComponent(code)}/overview.xlsx`;

// --- households ----------------------------------------------------------------------------------------------------

/** The income items in the 扶贫手册's order and groups: the domain's one list. */
export const INCOME_FIELDS: ReadonlyArray<{ key: keyof IncomeItems; label: string; group: '收入' | '转移性收入' | '支出' }> = INCOME_ITEMS;

/**
 * One page of the household search, by cursor (issue 13): `cursor` is the answer's `nextCursor` of the page before
 * (undefined for the first); the answer says whether its total is exact or capped (`totalIsExact`) and how a short
 * text was looked for (`notice`).
 */
export function useHouseholdSearch(query: Omit<HouseholdQuery, 'page' | 'pageSize' | 'cursor'>, cursor: string | undefined, pageSize: number) {
  return useQuery({
    queryKey: ['registry', 'households', 'search', query, cursor ?? null, pageSize],
    queryFn: ({ signal }) => get<HouseholdHits>('/api/registry/households', { ...query, cursor, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHouseholds(query: Omit<HouseholdQuery, 'page' | 'pageSize'>, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'households', query, page, pageSize],
    queryFn: ({ signal }) => get<Page<HouseholdHit>>('/api/registry/households', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateHousehold() {
  return useChange((input: HouseholdInput) => post<Household>('/api/registry/households', input), ['registry']);
}

/** A write answered with the household (applied), or with the change request that waits for approval (202). */
function householdMutation<V, R extends Household | ChangeRequest = Household>(fn: (v: V) => Promise<R>) {
  return function useIt() {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: fn,
      onSuccess: (h: R) => {
        if (!isChangeRequest(h)) qc.setQueryData(['registry', 'household', h.id], h);
        return qc.invalidateQueries({ queryKey: ['registry'] });
      },
    });
  };
}

/** Issue 11: when the change needs the township's approval, the answer is the change request (已提交乡镇审核). */
export const useUpdateHousehold = householdMutation(({ id, ...body }: HouseholdPatch & { id: number }) => patch<Household | ChangeRequest>(`/api/registry/households/${id}`, body));

export const useSaveIncome = householdMutation(({ id, year, items }: { id: number; year: number; items: IncomeItemsInput }) =>
  put<Household | ChangeRequest>(`/api/registry/households/${id}/incomes/${year}`, items),
);

export const useChangeStatus = householdMutation(
  ({ id, ...body }: StatusChange & { id: number }) =>
    post<Household>(`/api/registry/households/${id}/status`, body),
);

// --- trial (测算) --------------------------------------------------------------------------------------------------

export function useTrialHousehold() {
  return useMutation({ mutationFn: (input: TrialHouseholdInput) => post<TrialHouseholdResult>('/api/registry/trial/household', input) });
}

export function useTrialVillage() {
  return useMutation({ mutationFn: (input: TrialVillageInput) => post<Verdict>('/api/registry/trial/village', input) });
}

// --- statistics ----------------------------------------------------------------------------------------------------

export function fetchStatistics(region: string | undefined, asOf: string | undefined, signal?: AbortSignal): Promise<Statistics> {
  return get<Statistics>('/api/registry/statistics', { region, asOf }, signal);
}

export function useStatistics(region: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: ['registry', 'statistics', region, asOf],
    queryFn: ({ signal }) => fetchStatistics(region, asOf, signal),
    placeholderData: keepPreviousData,
  });
}

// --- roster import / export ----------------------------------------------------------------------------------------

export const ROSTER_TEMPLATE_URL = '/api/registry/roster/template.xlsx';
export const ROSTER_IMPORT_URL = '/api/registry/roster/import';
/** The same import as a job: 202 `{ jobId }`, then `GET …/import-jobs/:jobId` for the phase (读取, 校验, 写入) and progress. */
export const ROSTER_IMPORT_JOBS_URL = '/api/registry/roster/import-jobs';
/** National-size files (over 20 MB): streamed, committed village by village (issue 13). */
export const ROSTER_IMPORT_BATCHES_URL = '/api/registry/roster/import-batches';
/** Every household 查找贫困户 finds with these filters, as a spreadsheet. */
export const householdsExportUrl = (filters: Omit<HouseholdQuery, 'page' | 'pageSize' | 'cursor'>) => withQuery('/api/registry/households/export.xlsx', filters);
export const rosterExportUrl = (region?: string) => withQuery('/api/registry/roster/export.xlsx', { region });

/** Yuan with thousands separators. */
export function yuan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${n.toLocaleString('zh-CN')} 元`;
}
