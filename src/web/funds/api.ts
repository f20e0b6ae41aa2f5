/**
 * 扶贫资金与项目库 (issue 14) as the pages use it: allocations, projects with their households, payments and findings,
 * spending progress and its points, audit findings, the field check's draw, and what reached a household. Every shape
 * is the contract's (`src/contract/funds.ts`); a page never declares one.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type * as contract from '../../contract/funds';
import type { Page } from '../../contract/page';
import type { HouseholdHit } from '../../contract/registry/households';
import { get, patch, post } from '../app/api';
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

// --- allocations (资金下达) ----------------------------------------------------------------------------------------

export function useAllocations(filters: Filters<contract.AllocationQuery>, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'allocations', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<contract.Allocation>>('/api/funds/allocations', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useCreateAllocation = () => useChange((input: contract.AllocationInput) => post<contract.Allocation>('/api/funds/allocations', input), KEY);

export const ALLOCATIONS_EXPORT = '/api/funds/allocations/export.xlsx';
export const PROJECTS_EXPORT = '/api/funds/projects/export.xlsx';
export const PAYMENTS_EXPORT = '/api/funds/payments/export.xlsx';

// --- projects (项目库) ----------------------------------------------------------------------------------------------

export function useProjects(filters: Filters<contract.ProjectQuery>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'projects', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<contract.ProjectItem>>('/api/funds/projects', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'project', id],
    queryFn: ({ signal }) => get<contract.Project>(`/api/funds/projects/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export const useDeclareProject = () => useChange((input: contract.ProjectInput) => post<contract.Project>('/api/funds/projects', input), KEY);

export const useAddPayment = (projectId: number) =>
  useChange((input: contract.PaymentInput) => post<contract.Payment>(`/api/funds/projects/${projectId}/payments`, input), KEY);

// --- spending progress and its points -----------------------------------------------------------------------------

export function useProgress(q: contract.ProgressQuery) {
  return useQuery({
    queryKey: [...KEY, 'progress', q],
    queryFn: ({ signal }) => get<contract.Progress>('/api/funds/progress', q, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerformance(q: contract.PerformanceQuery) {
  return useQuery({
    queryKey: [...KEY, 'performance', q],
    queryFn: ({ signal }) => get<contract.Performance>('/api/funds/performance', q, signal),
    placeholderData: keepPreviousData,
  });
}

// --- audit findings (审计整改) --------------------------------------------------------------------------------------

export function useFindings(filters: Filters<contract.FindingQuery>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'findings', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<contract.Finding>>('/api/funds/findings', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export const useCreateFinding = () => useChange((input: contract.FindingInput) => post<contract.Finding>('/api/funds/findings', input), KEY);

/** A refused update (stale version) refreshes the list too, so the newest is shown. */
export const useUpdateFinding = () =>
  useChange(({ id, ...input }: contract.FindingUpdate & { id: number }) => patch<contract.Finding>(`/api/funds/findings/${id}`, input), KEY, { always: true });

// --- the field check's draw (实地抽查) -------------------------------------------------------------------------------

export const useDrawSample = () => useChange((input: contract.SampleInput) => post<contract.Sample>('/api/funds/samples', input), [...KEY, 'samples']);

// --- a household --------------------------------------------------------------------------------------------------

export function useHouseholdReceipts(householdId: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'receipts', householdId],
    queryFn: ({ signal }) => get<contract.HouseholdReceipts>(`/api/funds/households/${householdId}/receipts`, undefined, signal),
    enabled,
  });
}

/** The registered households of a village a 到户 project may reach, by name or number (the registry's household search). */
export function useVillageHouseholds(villageCode: string | undefined, q: string) {
  return useQuery({
    queryKey: ['registry', 'households', 'funds-pick', villageCode, q],
    queryFn: ({ signal }) => get<Page<HouseholdHit>>('/api/registry/households', { region: villageCode, q: q || undefined, page: 1, pageSize: 50 }, signal),
    enabled: !!villageCode,
    placeholderData: keepPreviousData,
  });
}

