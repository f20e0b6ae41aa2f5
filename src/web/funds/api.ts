/**
 * 扶贫资金与项目库 (issue 14) as the pages use it: allocations, projects with their households, payments and findings,
 * spending progress and its points, audit findings, the field check's draw, and what reached a household. Every shape
 * is the contract's (`src/contract/funds.ts`); a page never declares one.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type * as contract from '../../contract/funds';
import type { Page } from '../../contract/page';
import type { HouseholdHit } from '../../contract/registry/households';
import { get, patch, post, type Query } from '../app/api';
import { useChange } from '../app/mutations';

export type {
  Allocation,
  AllocationInput,
  AllocationQuery,
  Finding,
  FindingInput,
  FindingQuery,
  FindingUpdate,
  HouseholdReceipts,
  Payment,
  PaymentInput,
  Performance,
  Progress,
  ProgressQuery,
  ProgressRow,
  Project,
  ProjectHousehold,
  ProjectInput,
  ProjectItem,
  ProjectQuery,
  ProjectStage,
  Sample,
  SampleInput,
} from '../../contract/funds';

const KEY = ['funds'] as const;
/** The most rows one request may ask for (the contract's `pageSize` bound). */
export const MAX_PAGE_SIZE = 200;

type Filters<Q> = Omit<Q, 'page' | 'pageSize'>;

/**
 * A query of the funds API under the feature's key: the path and its query string make the key, so every change
 * (`useChange` under `funds`) refreshes it; a list (`keep`) shows its last answer while the next one loads, a record
 * never shows another's.
 */
function useFundsQuery<T>(path: string | null, query?: Query, keep = true) {
  return useQuery({
    queryKey: [...KEY, path, query ?? null],
    queryFn: ({ signal }) => get<T>(path!, query, signal),
    enabled: path !== null,
    placeholderData: keep ? keepPreviousData : undefined,
  });
}

const paged = <Q extends object>(filters: Q, page: number, pageSize: number): Query => ({ ...(filters as Query), page, pageSize });

// --- allocations (资金下达) ----------------------------------------------------------------------------------------

export const useAllocations = (filters: Filters<contract.AllocationQuery>, page: number, pageSize: number, enabled = true) =>
  useFundsQuery<Page<contract.Allocation>>(enabled ? '/api/funds/allocations' : null, paged(filters, page, pageSize));

export const useCreateAllocation = () => useChange((input: contract.AllocationInput) => post<contract.Allocation>('/api/funds/allocations', input), KEY);

export const ALLOCATIONS_EXPORT = '/api/funds/allocations/export.xlsx';
export const PROJECTS_EXPORT = '/api/funds/projects/export.xlsx';
export const PAYMENTS_EXPORT = '/api/funds/payments/export.xlsx';

// --- projects (项目库) ----------------------------------------------------------------------------------------------

export const useProjects = (filters: Filters<contract.ProjectQuery>, page: number, pageSize: number) =>
  useFundsQuery<Page<contract.ProjectItem>>('/api/funds/projects', paged(filters, page, pageSize));

export const useProject = (id: number | undefined) => useFundsQuery<contract.Project>(id === undefined ? null : `/api/funds/projects/${id}`, undefined, false);

export const useDeclareProject = () => useChange((input: contract.ProjectInput) => post<contract.Project>('/api/funds/projects', input), KEY);

export const useAddPayment = (projectId: number) =>
  useChange((input: contract.PaymentInput) => post<contract.Payment>(`/api/funds/projects/${projectId}/payments`, input), KEY);

// --- spending progress and its points -----------------------------------------------------------------------------

export const useProgress = (q: contract.ProgressQuery) => useFundsQuery<contract.Progress>('/api/funds/progress', q);
export const usePerformance = (q: contract.PerformanceQuery) => useFundsQuery<contract.Performance>('/api/funds/performance', q);

// --- audit findings (审计整改) --------------------------------------------------------------------------------------

export const useFindings = (filters: Filters<contract.FindingQuery>, page: number, pageSize: number) =>
  useFundsQuery<Page<contract.Finding>>('/api/funds/findings', paged(filters, page, pageSize));

export const useCreateFinding = () => useChange((input: contract.FindingInput) => post<contract.Finding>('/api/funds/findings', input), KEY);

/** A refused update (stale version) refreshes the list too, so the newest is shown. */
export const useUpdateFinding = () =>
  useChange(({ id, ...input }: contract.FindingUpdate & { id: number }) => patch<contract.Finding>(`/api/funds/findings/${id}`, input), KEY, { always: true });

// --- the field check's draw (实地抽查) -------------------------------------------------------------------------------

/** A draw changes nothing the other pages show. */
export const useDrawSample = () => useMutation({ mutationFn: (input: contract.SampleInput) => post<contract.Sample>('/api/funds/samples', input) });

// --- a household --------------------------------------------------------------------------------------------------

export const useHouseholdReceipts = (householdId: number) => useFundsQuery<contract.HouseholdReceipts>(`/api/funds/households/${householdId}/receipts`, undefined, false);

/** The registered households of a village a 到户 project may reach, by name or number (the registry's household search). */
export function useVillageHouseholds(villageCode: string | undefined, q: string) {
  return useQuery({
    queryKey: ['registry', 'households', 'funds-pick', villageCode, q],
    queryFn: ({ signal }) => get<Page<HouseholdHit>>('/api/registry/households', { region: villageCode, q: q || undefined, page: 1, pageSize: 50 }, signal),
    enabled: !!villageCode,
    placeholderData: keepPreviousData,
  });
}
