/**
 * The poverty registry (建档立卡) API as the pages use it: villages, households, income, status, rules, statistics,
 * poverty lines and the roster import/export. All money is integer 元.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put, withQuery } from '../app/api';
import type { RegionDetail } from '../regions/api';
import type { Verdict } from '../../domain/registry/verdict';
import type { IncomeResult } from '../../domain/registry/income';
import type { LineScope } from '../../domain/registry/poverty-lines';
import type { HouseholdInput as DomainHouseholdInput } from '../../domain/registry/validate-household';
import type { Page } from '../../contract/page';

/** One page of a list (the shared contract's). */
export type { Page };

export type { Criterion, Verdict } from '../../domain/registry/verdict';
export type { IncomeResult } from '../../domain/registry/income';

export const STATUS_COLORS: Record<string, string> = {
  未脱贫: 'red',
  已脱贫: 'green',
  稳定脱贫: 'cyan',
  返贫: 'orange',
  清退: 'default',
};

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

export interface PovertyLineRow {
  id?: number;
  year: number;
  scope: LineScope;
  regionPrefix: string;
  yuan: number;
  source: string;
}

export const LINE_SCOPES: ReadonlyArray<{ value: LineScope; label: string }> = [
  { value: 'national', label: '国家标准' },
  { value: 'provincial', label: '省标' },
  { value: 'municipal', label: '市标' },
];

export function usePovertyLines() {
  return useQuery({
    queryKey: ['registry', 'lines'],
    queryFn: ({ signal }) => get<{ items: PovertyLineRow[] }>('/api/registry/poverty-lines', undefined, signal).then((r) => r.items),
  });
}

export function useSetPovertyLine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (l: { year: number; scope: LineScope; regionPrefix?: string; yuan: number; source?: string }) =>
      put<{ items: PovertyLineRow[] }>('/api/registry/poverty-lines', l),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registry'] }),
  });
}

// --- villages ------------------------------------------------------------------------------------------------------

export interface VillageProfile {
  regionCode: string;
  poorVillage: boolean;
  identifiedYear: number | null;
  exited: boolean;
  exitYear: number | null;
  certifiedPopulation: number | null;
  populationYear: number | null;
  specialtyIndustries: string[];
  facilities: Record<string, boolean>;
  infrastructureImproved: boolean;
  publicServicesImproved: boolean;
  version: number;
}

export interface VillageYear {
  regionCode: string;
  year: number;
  collectiveIncome: number | null;
  plannedHouseholds: number | null;
  plannedPersons: number | null;
}

export interface StatusCount {
  status: string;
  households: number;
  persons: number;
}

export interface Village {
  region: RegionDetail;
  profile: VillageProfile | null;
  years: VillageYear[];
  byStatus: StatusCount[];
  remainingPoor: number;
  collectiveIncomeYear: number | null;
  exitCheck: Verdict;
}

export interface VillageInput {
  poorVillage: boolean;
  identifiedYear?: number | null;
  exited: boolean;
  exitYear?: number | null;
  certifiedPopulation?: number | null;
  populationYear?: number | null;
  specialtyIndustries?: string[];
  facilities?: Record<string, boolean>;
  infrastructureImproved?: boolean;
  publicServicesImproved?: boolean;
  version: number | null;
}

export function useVillage(code: string | undefined, minCollectiveIncomeYuan?: number) {
  return useQuery({
    queryKey: ['registry', 'village', code, minCollectiveIncomeYuan],
    queryFn: ({ signal }) => get<Village>(`/api/registry/villages/${encodeURIComponent(code ?? '')}`, { minCollectiveIncomeYuan }, signal),
    enabled: !!code,
  });
}

export function useSaveVillage(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VillageInput) => put<Village>(`/api/registry/villages/${encodeURIComponent(code)}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registry'] }),
  });
}

export function useSaveVillageYear(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: { year: number; collectiveIncome?: number | null; plannedHouseholds?: number | null; plannedPersons?: number | null }) =>
      put<Village>(`/api/registry/villages/${encodeURIComponent(code)}/years/${year}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registry'] }),
  });
}

export const villageOverviewUrl = (code: string) => `/api/registry/villages/${encodeURIComponent(code)}/overview.xlsx`;

// --- households ----------------------------------------------------------------------------------------------------

export interface HouseholdHit {
  id: number;
  villageCode: string;
  villageName: string | null;
  number: string;
  attribute: string;
  status: string;
  statusYear: number | null;
  mainCause: string;
  head: string | null;
  size: number;
}

export interface Person {
  id: number;
  name: string;
  idNumber: string;
  sex: string;
  birthDate: string;
  relation: string;
  schooling: string;
  dropoutForPoverty: boolean;
  health: string;
  disabilityGrade: number | null;
  labour: string;
  hasQualification: boolean;
  workMonths: number;
  workPlace: string;
  workIncome: number;
  medicalEligible: boolean;
  medicalInsured: boolean;
  seriousIllnessInsured: boolean;
  pensionInsured: boolean;
}

export interface IncomeItems {
  wages: number;
  business: number;
  property: number;
  subsidies: number;
  minimumLiving: number;
  extremePoverty: number;
  pension: number;
  ecological: number;
  otherTransfer: number;
  businessCosts: number;
  illnessCosts: number;
  schoolingCosts: number;
}

export const INCOME_FIELDS: ReadonlyArray<{ key: keyof IncomeItems; label: string; group: '收入' | '转移性收入' | '支出' }> = [
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
];

export interface HouseholdIncome {
  year: number;
  items: IncomeItems;
  result: IncomeResult;
}

export interface HistoryRow {
  status: string;
  year: number | null;
  effectiveOn: string;
  persons: number;
  reason: string;
  userName: string;
  at: string;
}

export interface HouseholdVerdicts {
  line: { year: number; scope: string; yuan: number; source: string };
  identification: Verdict;
  exit: Verdict;
  stableExit: Verdict;
}

export interface Household {
  id: number;
  villageCode: string;
  number: string;
  attribute: string;
  identifiedYear: number;
  identifiedOn: string;
  mainCause: string;
  secondaryCauses: string[];
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
  foodSecure: boolean;
  clothingSecure: boolean;
  status: string;
  statusYear: number | null;
  version: number;
  village: RegionDetail;
  persons: Person[];
  incomes: HouseholdIncome[];
  history: HistoryRow[];
  verdicts: HouseholdVerdicts | null;
  verdictYear: number | null;
}

/** The request shapes are the domain's own (one definition for the form, the API and the checks). */
export type { PersonInput } from '../../domain/registry/validate-household';
export type HouseholdInput = DomainHouseholdInput & { identifiedOn?: string };


export function useHouseholds(query: { region?: string; q?: string; status?: string }, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'households', query, page, pageSize],
    queryFn: ({ signal }) => get<Page<HouseholdHit>>('/api/registry/households', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: number | undefined) {
  return useQuery({
    queryKey: ['registry', 'household', id],
    queryFn: ({ signal }) => get<Household>(`/api/registry/households/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useCreateHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HouseholdInput) => post<Household>('/api/registry/households', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registry'] }),
  });
}

function householdMutation<V>(fn: (v: V) => Promise<Household>) {
  return function useIt() {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: fn,
      onSuccess: (h: Household) => {
        qc.setQueryData(['registry', 'household', h.id], h);
        return qc.invalidateQueries({ queryKey: ['registry'] });
      },
    });
  };
}

/**
 * 修改贫困户: only the facts given change; `persons` replaces the members as a whole (a change of their number is a
 * status-history row dated today, with `reason`). `version` is the household's as loaded: 409 STALE_VERSION if it moved.
 */
export type HouseholdPatch = Partial<Omit<DomainHouseholdInput, 'villageCode'>> & { version: number; reason?: string };

export const useUpdateHousehold = householdMutation(({ id, ...body }: HouseholdPatch & { id: number }) => patch<Household>(`/api/registry/households/${id}`, body));

export const useSaveIncome = householdMutation(({ id, year, items }: { id: number; year: number; items: Partial<IncomeItems> }) =>
  put<Household>(`/api/registry/households/${id}/incomes/${year}`, items),
);

export const useChangeStatus = householdMutation(
  ({ id, ...body }: { id: number; status: string; year?: number | null; effectiveOn?: string; reason: string; version: number }) =>
    post<Household>(`/api/registry/households/${id}/status`, body),
);

// --- trial (测算) --------------------------------------------------------------------------------------------------

export interface TrialHouseholdInput {
  regionCode: string;
  year: number;
  status?: string;
  attribute?: string;
  income: {
    wages: number;
    business: number;
    property: number;
    transfer: { subsidies: number; minimumLiving: number; extremePoverty: number; pension: number; ecological: number; other: number };
    businessCosts: number;
    illnessCosts: number;
    schoolingCosts: number;
  };
  householdSize: number;
  foodSecure: boolean;
  clothingSecure: boolean;
  housingSafe: boolean;
  drinkingWaterSafe?: boolean;
  members: Array<{ name: string; schooling: string; dropoutForPoverty?: boolean; medicalEligible: boolean; medicalInsured: boolean }>;
}

export interface TrialHouseholdResult extends HouseholdVerdicts {
  income: IncomeResult;
}

export interface TrialVillageInput {
  remainingPoor: number;
  certifiedPopulation: number;
  specialtyIndustries: number;
  collectiveIncomeYuan: number;
  infrastructureImproved: boolean;
  publicServicesImproved: boolean;
  minCollectiveIncomeYuan?: number;
}

export function useTrialHousehold() {
  return useMutation({ mutationFn: (input: TrialHouseholdInput) => post<TrialHouseholdResult>('/api/registry/trial/household', input) });
}

export function useTrialVillage() {
  return useMutation({ mutationFn: (input: TrialVillageInput) => post<Verdict>('/api/registry/trial/village', input) });
}

// --- statistics ----------------------------------------------------------------------------------------------------

export interface Statistics {
  region: RegionDetail | null;
  asOf: string;
  villages: { poor: number; exited: number; population: number };
  byStatus: StatusCount[];
  poorPersons: number;
  incidence: number | null;
  meanPerCapita: { mean: number | null; households: number };
  byCause: Array<{ key: string; households: number }>;
  byAttribute: Array<{ key: string; households: number }>;
  byLabour: Array<{ key: string; persons: number }>;
  exits: {
    actual: Array<{ year: number; households: number; persons: number }>;
    planned: Array<{ year: number; households: number; persons: number }>;
  };
}

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
export const rosterExportUrl = (region?: string) => withQuery('/api/registry/roster/export.xlsx', { region });

/** The import's counts, e.g. `{ created, unchanged, updated, persons }`: shown as they come. */
export type RosterImportResult = Record<string, unknown>;

export const ROSTER_COUNT_LABELS: Record<string, string> = {
  created: '新增户',
  updated: '更新户',
  unchanged: '未变化户',
  households: '户数',
  persons: '人数',
  createdPersons: '新增人员',
  updatedPersons: '更新人员',
  unchangedPersons: '未变化人员',
  rows: '行数',
};

/** Yuan with thousands separators. */
export function yuan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${n.toLocaleString('zh-CN')} 元`;
}
