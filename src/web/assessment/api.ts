/**
 * The assessment (考核) API as the pages use it: schemes (list, one, copy, edit a copy), rounds (list, one, create, close), the score
 * grid, a unit's facts and adjustments, and the results.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put, uploadFile } from '../app/api';
import type { Entry, UnitResult } from '../../domain/assessment/round';
import type { Scheme } from '../../domain/assessment/scheme';
import type { Consequence } from '../../domain/assessment/schemes/consequence';

export type { Entry } from '../../domain/assessment/round';
export type { Indicator, Scheme, Scoring } from '../../domain/assessment/scheme';
export { UNIT_KIND_LABELS, UNIT_KINDS, ROUND_STATE_LABELS } from '../../domain/assessment/labels';

export interface SchemeSummary {
  id: number;
  code: string;
  name: string;
  year: number;
  unitKind: string;
  shipped: boolean;
  locked: boolean;
  version: number;
  indicators: number;
  methods: string;
}

export interface SchemeView {
  id: number;
  code: string;
  name: string;
  year: number;
  unitKind: string;
  shipped: boolean;
  locked: boolean;
  version: number;
  at: string;
  scheme: Scheme;
  consequences: Consequence[];
}

export interface RoundSummary {
  id: number;
  schemeId: number;
  schemeName: string;
  name: string;
  year: number;
  state: 'open' | 'closed';
  version: number;
  at: string;
  units: number;
}

export interface RoundUnit {
  unitKey: string;
  name: string;
  kind: string;
  ref: string;
  facts: Record<string, boolean>;
  adjustments: Record<string, number>;
}

export interface GridEntry {
  unitKey: string;
  methodKey: string;
  indicatorKey: string;
  entry: Entry | null;
}

export interface Round {
  id: number;
  schemeId: number;
  name: string;
  year: number;
  state: 'open' | 'closed';
  deadlines: { selfEvaluation?: string; methods?: Record<string, string> };
  version: number;
  at: string;
  scheme: SchemeView;
  units: RoundUnit[];
  scores: Array<GridEntry & { entry: Entry; origin: string }>;
  missingCount: number;
}

export interface Results {
  roundId: number;
  name: string;
  year: number;
  state: string;
  scale: string[];
  gradeDescriptions: Record<string, string>;
  complete: boolean;
  missingCount: number;
  missing: string[];
  units: Array<Omit<UnitResult, 'unit'> & { unitKey: string; name: string; kind: string }>;
  consequences: Array<Consequence & { units: string[] }>;
  vetoes: Array<{ unit: string; rule: string; input: string }>;
  distribution: Array<{ grade: string; count: number }>;
  /** From the ledger, for units that are CPPCC bodies: funds and goods raised in the round's year, participation. */
  system: Array<{ unitKey: string; name: string; orgKind: string; fundsYuan: number; entries: number; participation: { members: number; active: number; rate: number } }>;
  /** From the registry and the data-quality checks, for cities and counties (ref = region code), as of the year's end. */
  regions: Array<{ unitKey: string; name: string; regionCode: string; exitedHouseholds: number; exitedPersons: number; poorPersons: number; incidence: number | null; qualityFindings: number | null }>;
  /** Seed 002 评优标准 reached or not, by body. */
  awards: Array<{ unitKey: string; name: string; kind: string; yuan: number; awarded: boolean; reason: string }>;
}

export interface CreateRoundInput {
  schemeId: number;
  name: string;
  year: number;
  units: Array<{ unitKey: string; name: string; kind: string; ref?: string }>;
  deadlines?: { selfEvaluation?: string; methods?: Record<string, string> };
}

const KEY = ['assessment'] as const;

export function useSchemes() {
  return useQuery({ queryKey: [...KEY, 'schemes'], queryFn: ({ signal }) => get<SchemeSummary[]>('/api/assessment/schemes', undefined, signal) });
}

export function useScheme(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, 'scheme', id], queryFn: ({ signal }) => get<SchemeView>(`/api/assessment/schemes/${id}`, undefined, signal), enabled: id !== undefined });
}

export function useCopyScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; name?: string }) => post<SchemeView>(`/api/assessment/schemes/${input.id}/copy`, { name: input.name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'schemes'] }),
  });
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
  return useMutation({ mutationFn: (entries: GridEntry[]) => put<{ saved: number; cleared: number; version: number }>(`/api/assessment/rounds/${id}/scores`, { entries }), onSuccess: changed });
}

export function useSaveUnit(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({
    mutationFn: (input: { unitKey: string; facts: Record<string, boolean>; adjustments: Record<string, number> }) =>
      put(`/api/assessment/rounds/${id}/units/${encodeURIComponent(input.unitKey)}`, { facts: input.facts, adjustments: input.adjustments }),
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
  return useMutation({ mutationFn: () => post<{ saved: number }>(`/api/assessment/rounds/${id}/fill-from-system`, {}), onSuccess: changed });
}

export const gridXlsxUrl = (id: number) => `/api/assessment/rounds/${id}/grid.xlsx`;
export const resultsXlsxUrl = (id: number) => `/api/assessment/rounds/${id}/results.xlsx`;

/** Uploads a filled grid (.xlsx); every cell is checked and one error writes nothing. */
export function useUploadGrid(id: number) {
  const changed = useRoundChanged(id);
  return useMutation({ mutationFn: (file: File) => uploadFile<{ saved: number }>(gridXlsxUrl(id), file, () => undefined).promise, onSuccess: changed });
}
