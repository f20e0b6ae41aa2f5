/**
 * The assessment (考核) API as the pages use it: schemes (list, one, copy, edit a copy), rounds (list, one, create, close), the score
 * grid, a unit's facts and adjustments, and the results. Every shape is the contract's (src/contract/assessment).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CellChange, CreateRoundInput, Results, Round, RoundSummary, ScoresSaved, UnitSaved } from '../../contract/assessment/rounds';
import type { Consequence, Scheme, SchemeSummary, SchemeView } from '../../contract/assessment/scheme';
import { get, post, put, uploadFile } from '../app/api';
import { useChange } from '../app/mutations';

export type { CellChange, CreateRoundInput, Entry, ResultUnit, Results, Round, RoundSummary, RoundUnit } from '../../contract/assessment/rounds';
export type { Consequence, Content, Indicator, Scheme, SchemeSummary, SchemeView, Scoring } from '../../contract/assessment/scheme';
export { UNIT_KIND_LABELS, UNIT_KINDS, ROUND_STATE_LABELS } from '../../domain/assessment/labels';

const KEY = ['assessment'] as const;

export function useSchemes() {
  return useQuery({ queryKey: [...KEY, 'schemes'], queryFn: ({ signal }) => get<SchemeSummary[]>('/api/assessment/schemes', undefined, signal) });
}

export function useScheme(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, 'scheme', id], queryFn: ({ signal }) => get<SchemeView>(`/api/assessment/schemes/${id}`, undefined, signal), enabled: id !== undefined });
}

export function useCopyScheme() {
  return useChange((input: { id: number; name?: string }) => post<SchemeView>(`/api/assessment/schemes/${input.id}/copy`, { name: input.name }), [...KEY, 'schemes']);
}

/**
 * Saves an edited copy of a scheme (system administrators; 409 for a shipped or locked scheme or a stale version, 400
 * with field errors). The consequences travel with the scheme so that the copy keeps them.
 */
export function useUpdateScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; scheme: Scheme; consequences: Consequence[]; version: number }) =>
      put<SchemeView>(`/api/assessment/schemes/${input.id}`, { scheme: { ...input.scheme, consequences: input.consequences }, version: input.version }),
    onSuccess: (view) => {
      qc.setQueryData([...KEY, 'scheme', view.id], view);
      return Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'schemes'] }), qc.invalidateQueries({ queryKey: [...KEY, 'scheme'] })]);
    },
  });
}

export function useRounds() {
  return useQuery({ queryKey: [...KEY, 'rounds'], queryFn: ({ signal }) => get<RoundSummary[]>('/api/assessment/rounds', undefined, signal) });
}

export function useRound(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, 'round', id], queryFn: ({ signal }) => get<Round>(`/api/assessment/rounds/${id}`, undefined, signal), enabled: id !== undefined });
}

export function useResults(id: number | undefined, enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'results', id], queryFn: ({ signal }) => get<Results>(`/api/assessment/rounds/${id}/results`, undefined, signal), enabled: id !== undefined && enabled });
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CreateRoundInput) => post<Round>('/api/assessment/rounds', input), onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'rounds'] }) });
}

/** After a write to a round, the round and its results are read again. */
function useRoundChanged(id: number) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'round', id] }), qc.invalidateQueries({ queryKey: [...KEY, 'results', id] }), qc.invalidateQueries({ queryKey: [...KEY, 'rounds'] })]);
}

export function useSaveScores(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({ mutationFn: (entries: CellChange[]) => put<ScoresSaved>(`/api/assessment/rounds/${id}/scores`, { entries }), onSuccess: changed });
}

export function useSaveUnit(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({
    mutationFn: (input: Pick<UnitSaved, 'unitKey' | 'facts' | 'adjustments'>) =>
      put<UnitSaved>(`/api/assessment/rounds/${id}/units/${encodeURIComponent(input.unitKey)}`, { facts: input.facts, adjustments: input.adjustments }),
    onSuccess: changed,
  });
}

export function useCloseRound(id: number) {
  const changed = useRoundChanged(id);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => post<Round>(`/api/assessment/rounds/${id}/close`, { version }),
    onSuccess: () => Promise.all([changed(), qc.invalidateQueries({ queryKey: [...KEY, 'schemes'] }), qc.invalidateQueries({ queryKey: [...KEY, 'scheme'] })]),
  });
}

/** Fills the indicators mapped to a system source (ledger, registry, data quality) for every unit and method. */
export function useFillFromSystem(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({ mutationFn: () => post<ScoresSaved>(`/api/assessment/rounds/${id}/fill-from-system`, {}), onSuccess: changed });
}

export const gridXlsxUrl = (id: number) => `/api/assessment/rounds/${id}/grid.xlsx`;
export const resultsXlsxUrl = (id: number) => `/api/assessment/rounds/${id}/results.xlsx`;

/** Uploads a filled grid (.xlsx); every cell is checked and one error writes nothing. */
export function useUploadGrid(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({ mutationFn: (file: File) => uploadFile<ScoresSaved>(gridXlsxUrl(id), file, () => undefined).promise, onSuccess: changed });
}
