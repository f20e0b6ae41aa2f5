/**
 * The pairing (帮扶责任人) API as the pages use it: helpers, a household's helpers and visits with their signature
 * files, the households without a helper or without this half-year's visit, and seed 002's leader–village links.
 * Every shape is the contract's (`src/contract/pairing.ts`). See docs/api.md “Helper pairing”.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as contract from '../../contract/pairing';
import type { Page } from '../../contract/page';
import { del, get, patch, post, uploadFile, type UploadProgress } from '../app/api';
import { useChange } from '../app/mutations';

export {
  CADRE_LEVELS,
  ENTERPRISE_LEVELS,
  HELPER_KIND_LABELS,
  HELPER_KINDS,
  helperCategoryLabel,
  helperEligibilityProblem,
  LEVEL_LABELS,
  type HelperKind,
} from '../../domain/pairing/helper-eligibility';
export { VISIT_KINDS } from '../../domain/pairing/half-year-visit';
export { LEADER_VILLAGE_KINDS } from '../../domain/pairing/leader-village';
export { SIGNATURE_ACCEPT } from '../../domain/pairing/signature-file';
export type {
  Assignment,
  Helper,
  HelperAssignment,
  HelperDetail,
  HelperFilters,
  HelperInput,
  HouseholdPairing,
  HouseholdRef,
  LeaderVillage,
  LeaderVillageFilters,
  LeaderVillageInput,
  MissingVisitRow,
  Visit,
  VisitInput,
} from '../../contract/pairing';

const KEY = ['pairing'] as const;

/** A route's id beside its body (`{ id, ...body }`), as the mutations take it. */
type WithId<T> = T & { id: number };

// --- helpers -------------------------------------------------------------------------------------------------------

export function useHelpers(filters: contract.HelperFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'helpers', filters, page, pageSize],
    queryFn: ({ signal }) => get<contract.HelperList>('/api/pairing/helpers', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHelper(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'helper', id],
    queryFn: ({ signal }) => get<contract.HelperDetail>(`/api/pairing/helpers/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useCreateHelper() {
  return useChange((input: contract.HelperInput) => post<contract.HelperDetail>('/api/pairing/helpers', input), KEY);
}

export function useUpdateHelper() {
  return useChange(({ id, ...input }: WithId<contract.HelperUpdate>) => patch<contract.HelperDetail>(`/api/pairing/helpers/${id}`, input), KEY, { always: true });
}

// --- a household's helpers and visits ------------------------------------------------------------------------------

export function useHouseholdPairing(householdId: number) {
  return useQuery({
    queryKey: [...KEY, 'household', householdId],
    queryFn: ({ signal }) => get<contract.HouseholdPairing>(`/api/pairing/households/${householdId}`, undefined, signal),
  });
}

/** Every change to a household's helpers or visits answers with the household's panel, which is put in the cache. */
function usePanelMutation<I>(householdId: number, fn: (input: I) => Promise<contract.HouseholdPairing>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData([...KEY, 'household', householdId], data);
      void qc.invalidateQueries({ queryKey: [...KEY, 'helpers'] });
      void qc.invalidateQueries({ queryKey: [...KEY, 'helper'] });
      void qc.invalidateQueries({ queryKey: [...KEY, 'gaps'] });
    },
  });
}

export const useAssignHelper = (householdId: number) =>
  usePanelMutation(householdId, (input: contract.AssignInput) => post<contract.HouseholdPairing>(`/api/pairing/households/${householdId}/assignments`, input));
export const useEndAssignment = (householdId: number) =>
  usePanelMutation(householdId, ({ id, ...input }: WithId<contract.EndAssignmentInput>) => post<contract.HouseholdPairing>(`/api/pairing/assignments/${id}/end`, input));
export const useReplaceHelper = (householdId: number) =>
  usePanelMutation(householdId, ({ id, ...input }: WithId<contract.ReplaceInput>) => post<contract.HouseholdPairing>(`/api/pairing/assignments/${id}/replace`, input));

export function useAddVisit(householdId: number) {
  return useChange((input: contract.VisitInput) => post<contract.Visit>(`/api/pairing/households/${householdId}/visits`, input), KEY);
}

export function uploadSignature(visitId: number, file: File, onProgress: (p: UploadProgress) => void) {
  return uploadFile<contract.SignatureFile>(`/api/pairing/visits/${visitId}/signatures`, file, onProgress);
}

export const signatureUrl = (id: number) => `/api/pairing/signatures/${id}`;

// --- gaps for data quality -----------------------------------------------------------------------------------------

export function useWithoutHelper(region: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'gaps', 'helper', region, page, pageSize],
    queryFn: ({ signal }) => get<contract.WithoutHelperList>('/api/pairing/households-without-helper', { region, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMissingVisits(q: Omit<contract.MissingVisitsQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'gaps', 'visit', q, page, pageSize],
    queryFn: ({ signal }) => get<contract.MissingVisitList>('/api/pairing/visits/missing', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

// --- leader–village links (seed 002) -------------------------------------------------------------------------------

export function useLeaderVillages(q: contract.LeaderVillageFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'leader-villages', q, page, pageSize],
    queryFn: ({ signal }) => get<Page<contract.LeaderVillage>>('/api/pairing/leader-villages', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A change to the links refreshes their list. */
function useLeaderVillageMutation<I>(fn: (input: I) => Promise<unknown>) {
  return useChange(fn, [...KEY, 'leader-villages'], { always: true });
}

export const useCreateLeaderVillage = () => useLeaderVillageMutation((input: contract.LeaderVillageInput) => post<contract.LeaderVillageRecord>('/api/pairing/leader-villages', input));
export const useUpdateLeaderVillage = () =>
  useLeaderVillageMutation(({ id, ...input }: WithId<contract.LeaderVillageUpdate>) => patch<contract.LeaderVillageRecord>(`/api/pairing/leader-villages/${id}`, input));
export const useDeleteLeaderVillage = () => useLeaderVillageMutation((id: number) => del(`/api/pairing/leader-villages/${id}`));
