/**
 * The pairing (帮扶责任人) API as the pages use it: helpers, a household's helpers and visits with their signature
 * files, the households without a helper or without this half-year's visit, and seed 002's leader–village links.
 * See docs/api.md “Helper pairing”.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, uploadFile, type UploadProgress } from '../app/api';
import type { HandoverNote } from '../../domain/pairing/handovers';
import type { HalfYear } from '../../domain/pairing/half-year-visit';
import type { HelperKind } from '../../domain/pairing/helper-eligibility';

export { CADRE_LEVELS, ENTERPRISE_LEVELS, HELPER_KIND_LABELS, HELPER_KINDS, helperEligibilityProblem, LEVEL_LABELS } from '../../domain/pairing/helper-eligibility';
export { VISIT_KINDS } from '../../domain/pairing/half-year-visit';
export { LEADER_VILLAGE_KINDS } from '../../domain/pairing/leader-village';
export { SIGNATURE_ACCEPT } from '../../domain/pairing/signature-file';
export type { HelperKind };

const KEY = ['pairing'] as const;

// --- helpers -------------------------------------------------------------------------------------------------------

export interface Helper {
  id: number;
  name: string;
  unit: string;
  kind: HelperKind;
  level: string;
  post: string;
  phone: string;
  regionCode: string;
  active: boolean;
  version: number;
  /** Households held today. */
  households: number;
}

export interface HelperInput {
  name: string;
  unit: string;
  kind: HelperKind;
  level: string;
  post?: string;
  phone?: string;
  regionCode: string;
}

export interface HouseholdBrief {
  id: number;
  villageCode: string;
  villageName: string;
  number: string;
  head: string;
  status: string;
}

export interface HelperDetail extends Helper {
  kindLabel: string;
  region: { code: string; name: string; path: Array<{ code: string; name: string }> };
  eligible: boolean;
  eligibilityProblem: string | null;
  limit: number;
  /** Whether the user may change the helper's record (the helper works in the user's region). */
  editable: boolean;
  /** Null household: one outside the user's scope, not named. */
  assignments: Array<{ id: number; fromOn: string; toOn: string | null; reason: string; current: boolean; household: HouseholdBrief | null }>;
}

export interface HelperFilters {
  region?: string;
  q?: string;
  active?: boolean;
}

export function useHelpers(filters: HelperFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'helpers', filters, page, pageSize],
    queryFn: ({ signal }) => get<{ items: Helper[]; total: number; limit: number }>('/api/pairing/helpers', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHelper(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'helper', id],
    queryFn: ({ signal }) => get<HelperDetail>(`/api/pairing/helpers/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useCreateHelper() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HelperInput) => post<HelperDetail>('/api/pairing/helpers', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateHelper() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<HelperInput> & { id: number; active?: boolean; version: number }) => patch<HelperDetail>(`/api/pairing/helpers/${id}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

// --- a household's helpers and visits ------------------------------------------------------------------------------

export interface Assignment {
  id: number;
  householdId: number;
  helperId: number;
  fromOn: string;
  toOn: string | null;
  reason: string;
  at: string;
  current: boolean;
  helperName: string;
  unit: string;
  kind: HelperKind;
  level: string;
  post: string;
  phone: string;
}

export interface SignatureFile {
  id: number;
  ownerId: number;
  fileName: string;
  mime: string;
  size: number;
  at: string;
}

export interface Visit {
  id: number;
  householdId: number;
  kind: string;
  helperId: number | null;
  visitor: string;
  visitedOn: string;
  content: string;
  at: string;
  attachments: SignatureFile[];
}

export interface HouseholdPairing {
  householdId: number;
  status: string;
  limit: number;
  helpers: Assignment[];
  assignments: Assignment[];
  notes: HandoverNote[];
  visits: Visit[];
  halfYear: HalfYear & { problem: string | null };
}

export function useHouseholdPairing(householdId: number) {
  return useQuery({
    queryKey: [...KEY, 'household', householdId],
    queryFn: ({ signal }) => get<HouseholdPairing>(`/api/pairing/households/${householdId}`, undefined, signal),
  });
}

/** Every change to a household's helpers or visits answers with the household's panel, which is put in the cache. */
function usePanelMutation<I>(householdId: number, fn: (input: I) => Promise<HouseholdPairing>) {
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
  usePanelMutation(householdId, (input: { helperId: number; fromOn?: string; reason?: string }) => post<HouseholdPairing>(`/api/pairing/households/${householdId}/assignments`, input));
export const useEndAssignment = (householdId: number) =>
  usePanelMutation(householdId, ({ id, ...input }: { id: number; toOn?: string; reason?: string }) => post<HouseholdPairing>(`/api/pairing/assignments/${id}/end`, input));
export const useReplaceHelper = (householdId: number) =>
  usePanelMutation(householdId, ({ id, ...input }: { id: number; helperId: number; on?: string; reason: string }) => post<HouseholdPairing>(`/api/pairing/assignments/${id}/replace`, input));

export interface VisitInput {
  kind: string;
  visitedOn?: string;
  helperId?: number | null;
  visitor?: string;
  content: string;
}

export function useAddVisit(householdId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitInput) => post<Visit>(`/api/pairing/households/${householdId}/visits`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function uploadSignature(visitId: number, file: File, onProgress: (p: UploadProgress) => void) {
  return uploadFile<SignatureFile>(`/api/pairing/visits/${visitId}/signatures`, file, onProgress);
}

export const signatureUrl = (id: number) => `/api/pairing/signatures/${id}`;

// --- gaps for data quality -----------------------------------------------------------------------------------------

export interface HouseholdRow {
  householdId: number;
  villageCode: string;
  villageName: string;
  number: string;
  head: string;
  status: string;
  lastVisit?: string | null;
}

export function useWithoutHelper(region: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'gaps', 'helper', region, page, pageSize],
    queryFn: ({ signal }) => get<{ items: HouseholdRow[]; total: number; on: string }>('/api/pairing/households-without-helper', { region, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMissingVisits(q: { region?: string; year?: number; half?: number }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'gaps', 'visit', q, page, pageSize],
    queryFn: ({ signal }) => get<{ items: HouseholdRow[]; total: number; halfYear: HalfYear }>('/api/pairing/visits/missing', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

// --- leader–village links (seed 002) -------------------------------------------------------------------------------

export interface LeaderVillage {
  id: number;
  kind: string;
  orgId: number;
  orgName: string;
  memberId: number | null;
  memberName: string | null;
  holder: string;
  villageCode: string;
  villageName: string;
  fromOn: string;
  toOn: string | null;
  current: boolean;
  editable: boolean;
}

export interface LeaderVillageInput {
  kind: string;
  orgId: number;
  memberId?: number | null;
  holder?: string;
  villageCode: string;
  fromOn?: string;
  toOn?: string | null;
}

export function useLeaderVillages(q: { orgId?: number; kind?: string; current?: boolean }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'leader-villages', q, page, pageSize],
    queryFn: ({ signal }) => get<{ items: LeaderVillage[]; total: number }>('/api/pairing/leader-villages', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateLeaderVillage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaderVillageInput) => post<LeaderVillage>('/api/pairing/leader-villages', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'leader-villages'] }),
  });
}

export function useUpdateLeaderVillage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; fromOn?: string; toOn?: string | null; holder?: string }) => patch<LeaderVillage>(`/api/pairing/leader-villages/${id}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'leader-villages'] }),
  });
}

export function useDeleteLeaderVillage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/pairing/leader-villages/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'leader-villages'] }),
  });
}
