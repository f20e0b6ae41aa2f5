/** 漏评 / 错评 / 错退 screening (issue 15) as the pages use it: runs, flags by village and kind, the village's decisions. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../contract/page';
import type { DecisionInput, Flag, FlagDetail, FlagsQuery, Run, RunInput, RunRow, VillageFlags } from '../../contract/screening';
import { get, post } from '../app/api';

export type { Flag, FlagDetail, FlagsQuery, Run, RunRow, VillageFlags } from '../../contract/screening';
export { DECISIONS, MAX_OUTCOME, type Decision } from '../../domain/compare/decision';
export { SCREENING_KINDS, SCREENING_KIND_LABELS, type ScreeningKind } from '../../domain/screening/flags';

const KEY = ['screening'] as const;

export function useScreeningRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'runs', page, pageSize],
    queryFn: ({ signal }) => get<Page<RunRow>>('/api/screening/runs', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStartScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RunInput) => post<Run>('/api/screening/runs', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'runs'] }),
  });
}

export function useScreeningRun(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, 'run', id], queryFn: ({ signal }) => get<Run>(`/api/screening/runs/${id}`, undefined, signal), enabled: id !== undefined });
}

export function useScreeningVillages(id: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'run', id, 'villages', page, pageSize],
    queryFn: ({ signal }) => get<Page<VillageFlags>>(`/api/screening/runs/${id}/villages`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export type FlagFilters = Pick<FlagsQuery, 'kind' | 'village' | 'decision'>;

export function useFlags(id: number | undefined, filters: FlagFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'run', id, 'flags', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<Flag>>(`/api/screening/runs/${id}/flags`, { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useFlag(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, 'flag', id], queryFn: ({ signal }) => get<FlagDetail>(`/api/screening/flags/${id}`, undefined, signal), enabled: id !== undefined });
}

export function useDecideFlag(flagId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => post<FlagDetail>(`/api/screening/flags/${flagId}/decision`, input),
    onSuccess: (f) => {
      qc.setQueryData([...KEY, 'flag', f.id], f);
      return Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'run', f.runId] }), qc.invalidateQueries({ queryKey: [...KEY, 'runs'] })]);
    },
  });
}
