/**
 * The data-quality (数据质量检查) API as the pages use it: the checks, a run now and the latest counts of a region, the
 * records one check finds, and a household's 扶贫手册 checks (三个一致). See docs/api.md “Data quality”.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FindingsPage, HandbookCheck, HandbookInput, QualityCheck, QualityRun } from '../../contract/quality';
import type { CheckKey } from '../../domain/quality/checks';
import { get, post, withQuery } from '../app/api';

export type { CheckCount, Finding, FindingsPage, HandbookCheck, HandbookInput, QualityCheck, QualityRun } from '../../contract/quality';
export type { CheckKey } from '../../domain/quality/checks';

export const TRIGGER_LABELS: Record<QualityRun['trigger'], string> = { on_demand: '立即检查', scheduled: '定时检查' };

const KEY = ['quality'] as const;

export function useQualityChecks() {
  return useQuery({
    queryKey: [...KEY, 'checks'],
    queryFn: ({ signal }) => get<QualityCheck[]>('/api/quality/checks', undefined, signal),
    staleTime: Infinity,
  });
}

/** The latest run over a region (none chosen: the user's whole scope), or null before the first run. */
export function useLatestRun(region: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'latest', region ?? ''],
    queryFn: ({ signal }) => get<QualityRun | null>('/api/quality/latest', { region }, signal),
  });
}

/** Runs every check over a region now; the answer becomes that region's latest run, and its findings are reloaded. */
export function useRunChecks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (region: string | undefined) => post<QualityRun>('/api/quality/runs', region ? { region } : {}),
    onSuccess: (run, region) => {
      qc.setQueryData([...KEY, 'latest', region ?? ''], run);
      return qc.invalidateQueries({ queryKey: [...KEY, 'findings'] });
    },
  });
}

/** The records one check finds in a region, page by page. */
/** Every record of one check as a spreadsheet (ID numbers masked for a role that may not see them). */
export const findingsExportUrl = (key: CheckKey, region: string | undefined) => withQuery(`/api/quality/checks/${key}/export.xlsx`, { region });

export function useFindings(key: CheckKey | undefined, region: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'findings', key, region ?? '', page, pageSize],
    queryFn: ({ signal }) => get<FindingsPage>(`/api/quality/checks/${key}`, { region, page, pageSize }, signal),
    enabled: key !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useHandbookChecks(householdId: number) {
  return useQuery({
    queryKey: [...KEY, 'handbook', householdId],
    queryFn: ({ signal }) => get<HandbookCheck[]>(`/api/quality/households/${householdId}/handbook`, undefined, signal),
  });
}

/** Records a handbook check; the answer is the household's checks, newest first. */
export function useRecordHandbook(householdId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HandbookInput) => post<HandbookCheck[]>(`/api/quality/households/${householdId}/handbook`, input),
    onSuccess: (list) => {
      qc.setQueryData([...KEY, 'handbook', householdId], list);
      return qc.invalidateQueries({ queryKey: [...KEY, 'findings'] });
    },
  });
}
