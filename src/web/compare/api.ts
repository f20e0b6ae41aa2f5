/**
 * The cross-department comparison (部门比对, 一比对) API as the pages use it: department lists (preview, import, rows,
 * delete), comparison runs, their hits by village and household, and the village assembly's decisions.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DecisionInput,
  DepartmentList,
  EncodingChoice,
  Hit,
  HitDetail,
  HitsQuery,
  ListPreview,
  ListRow,
  ProcedureRunInput,
  RegistryRunInput,
  Run,
  RunRow,
  VillageHits,
} from '../../contract/compare';
import type { Page } from '../../contract/page';
import { del, get, post, uploadFile, type UploadProgress } from '../app/api';
import { useChange } from '../app/mutations';

export type {
  DecisionFilter,
  DepartmentList,
  EncodingChoice,
  Hit,
  HitDetail,
  HitTotals,
  ImportListQuery,
  ImportListResult,
  ListPreview,
  ListRow,
  Run,
  RunRow,
  VillageHits,
} from '../../contract/compare';
export { DECISIONS, DECISION_MEANING, type Decision } from '../../domain/compare/decision';
export { DEPARTMENTS, DEPARTMENT_HINTS, type Department } from '../../domain/compare/departments';

export const LIST_IMPORT_URL = '/api/compare/lists';

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
  return useChange((id: number) => del(`/api/compare/lists/${id}`), [...KEY, 'lists']);
}

/** Uploads the file once to read its headers, the columns found and the first rows (with upload progress). */
export function previewList(file: File, encoding: EncodingChoice, onProgress: (p: UploadProgress) => void) {
  return uploadFile<ListPreview>('/api/compare/lists/preview', file, onProgress, { encoding });
}

// --- comparisons ---------------------------------------------------------------------------------------------------

/** A comparison to start: over a region's households, or over a procedure's persons. */
export type RunInput = ({ kind: 'registry' } & RegistryRunInput) | ({ kind: 'procedure'; procedureId: number } & ProcedureRunInput);

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

export function useRunHits(id: number | undefined, filters: Pick<HitsQuery, 'village' | 'decision'>, page: number, pageSize: number) {
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
    mutationFn: (input: DecisionInput) => post<HitDetail>(`/api/compare/hits/${hitId}/decision`, input),
    onSuccess: (hit) => {
      qc.setQueryData([...KEY, 'hit', hit.id], hit);
      return Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'run', hit.runId] }), qc.invalidateQueries({ queryKey: [...KEY, 'runs'] })]);
    },
  });
}
