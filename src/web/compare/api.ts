/**
 * The cross-department comparison (部门比对, 一比对) API as the pages use it: department lists (preview, import, rows,
 * delete), comparison runs, their hits by village and household, and the village assembly's decisions.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, uploadFile, type FieldError, type UploadProgress } from '../app/api';
import type { Decision } from '../../domain/compare/decision';
import type { Page } from '../../contract/page';

/** One page of a list (the shared contract's). */
export type { Page };

export { DECISIONS, DECISION_MEANING, type Decision } from '../../domain/compare/decision';
export { DEPARTMENTS, DEPARTMENT_HINTS, type Department } from '../../domain/compare/departments';


export interface DepartmentList {
  id: number;
  name: string;
  department: string;
  fileName: string;
  rows: number;
  regionPrefix: string;
  regionName: string;
  userName: string;
  at: string;
  /** The user's office is at or above the importer's: may view the rows and delete the list. */
  canManage: boolean;
}

export interface ListRow {
  rowNo: number;
  idNumber: string;
  name: string;
  detail: string;
}

export interface ListPreview {
  fileName: string;
  format: 'xlsx' | 'csv';
  sheet: string | null;
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | null;
  headerRow: number;
  headers: Array<{ letter: string; header: string }>;
  detected: { idColumn: string | null; nameColumn: string | null; detailColumn: string | null };
  sample: Array<{ row: number; cells: string[] }>;
  rows: number;
}

export interface ImportListResult {
  list: DepartmentList;
  columns: { idColumn: string; nameColumn: string | null; detailColumn: string | null };
  written: number;
  skippedRows: number;
  skipped: FieldError[];
}

export type EncodingChoice = 'auto' | 'utf-8' | 'gbk';

/** Query of the import (the file goes as multipart field `file`). */
export interface ImportListQuery {
  name: string;
  department: string;
  idColumn?: string;
  nameColumn?: string;
  detailColumn?: string;
  encoding?: EncodingChoice;
  skipInvalid?: boolean;
}

export const LIST_IMPORT_URL = '/api/compare/lists';

export interface HitTotals {
  villages: number;
  households: number;
  persons: number;
  hits: number;
  undecided: number;
  confirmed: number;
}

export interface Run {
  id: number;
  scope: 'registry' | 'procedure';
  procedureId: number | null;
  regionPrefix: string;
  regionName: string;
  lists: Array<{ id: number; name: string; department: string; rows: number; deleted: boolean }>;
  persons: number;
  hits: number;
  userName: string;
  startedAt: string;
  finishedAt: string | null;
  inScope: HitTotals;
}

export interface RunRow {
  id: number;
  scope: 'registry' | 'procedure';
  procedureId: number | null;
  regionPrefix: string;
  regionName: string;
  listIds: number[];
  persons: number;
  hits: number;
  hitsInScope: number;
  undecided: number;
  userName: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface VillageHits {
  villageCode: string;
  villageName: string;
  households: number;
  persons: number;
  hits: number;
  undecided: number;
  confirmed: number;
}

export interface Hit {
  id: number;
  runId: number;
  householdId: number | null;
  procedureId: number | null;
  villageCode: string;
  villageName?: string;
  idNumber: string;
  personName: string;
  relation: string | null;
  householdNumber: string | null;
  headName: string | null;
  listId: number;
  listName: string | null;
  rowNo: number;
  department: string;
  detail: string;
  decision: Decision | null;
  outcome: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

export interface HitDetail extends Hit {
  history: Array<{ id: number; action: string; userName: string; at: string; changes: Array<{ field: string; label: string; before: unknown; after: unknown }> }>;
}

export type DecisionFilter = 'undecided' | Decision;

const KEY = ['compare'] as const;

// --- department lists --------------------------------------------------------------------------------------------

export function useDepartmentLists(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'lists'],
    queryFn: ({ signal }) => get<{ items: DepartmentList[] }>('/api/compare/lists', undefined, signal).then((r) => r.items),
    enabled,
  });
}

export function useDepartmentList(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', id],
    queryFn: ({ signal }) => get<DepartmentList>(`/api/compare/lists/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useListRows(id: number | undefined, q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'list-rows', id, q, page, pageSize],
    queryFn: ({ signal }) => get<Page<ListRow>>(`/api/compare/lists/${id}/rows`, { q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useDeleteList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/compare/lists/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'lists'] }),
  });
}

/** Uploads the file once to read its headers, the columns found and the first rows (with upload progress). */
export function previewList(file: File, encoding: EncodingChoice, onProgress: (p: UploadProgress) => void) {
  return uploadFile<ListPreview>('/api/compare/lists/preview', file, onProgress, { encoding });
}

// --- comparisons ---------------------------------------------------------------------------------------------------

export type RunInput = { kind: 'registry'; region?: string; listIds: number[] } | { kind: 'procedure'; procedureId: number; listIds: number[] };

export function useRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'runs', page, pageSize],
    queryFn: ({ signal }) => get<Page<RunRow>>('/api/compare/runs', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RunInput) =>
      input.kind === 'registry'
        ? post<Run>('/api/compare/runs', { region: input.region, listIds: input.listIds })
        : post<Run>(`/api/compare/procedures/${input.procedureId}/runs`, { listIds: input.listIds }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'runs'] }), qc.invalidateQueries({ queryKey: ['procedures'] })]),
  });
}

export function useRun(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'run', id],
    queryFn: ({ signal }) => get<Run>(`/api/compare/runs/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useRunVillages(id: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'run', id, 'villages', page, pageSize],
    queryFn: ({ signal }) => get<Page<VillageHits>>(`/api/compare/runs/${id}/villages`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useRunHits(id: number | undefined, filters: { village?: string; decision?: DecisionFilter }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'run', id, 'hits', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<Hit>>(`/api/compare/runs/${id}/hits`, { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useHit(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'hit', id],
    queryFn: ({ signal }) => get<HitDetail>(`/api/compare/hits/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useDecide(hitId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: Decision; outcome: string; expectedDecidedAt: string | null }) => post<HitDetail>(`/api/compare/hits/${hitId}/decision`, input),
    onSuccess: (hit) => {
      qc.setQueryData([...KEY, 'hit', hit.id], hit);
      return Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'run', hit.runId] }), qc.invalidateQueries({ queryKey: [...KEY, 'runs'] })]);
    },
  });
}
