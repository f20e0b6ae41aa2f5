/** The ledger (台账) as its pages use it: the codebook, entries, their history, the exports and the import. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Codebook, Entry, EntryFilters, EntryHistory, EntryInput, EntryPatch } from '../../contract/ledger';
import type { Page } from '../../contract/page';
import type { FundKey } from '../../domain/ledger/fields';
import type { Unit } from '../../domain/ledger/codebook';
import { del, get, patch, post, withQuery, type Query } from '../app/api';
import { useChange } from '../app/mutations';

export type { Codebook, CodebookCategory, CodebookSubtype, Entry, EntryFilters, EntryHistoryItem as HistoryItem, EntryInput, Funds, ImportResult } from '../../contract/ledger';
export type { FundKey, Unit };

export const FUND_FIELDS: ReadonlyArray<{ key: FundKey; label: string; help: string }> = [
  { key: 'donation', label: '个人捐款', help: '政协委员和政协机关干部参与帮扶活动（如“扶贫日”等）个人捐款' },
  { key: 'personal', label: '个人资金', help: '政协委员和政协机关干部在帮扶事项中个人出资涉及到的资金（不含个人捐款）' },
  { key: 'social', label: '社会资金', help: '帮扶事项中涉及第三方的非银行资金、非财政资金' },
  { key: 'bank', label: '银行资金', help: '帮扶事项中涉及的银行资金' },
  { key: 'fiscal', label: '财政资金', help: '帮扶事项中涉及的财政资金' },
];

export const UNIT_HINTS: Record<Unit, string> = {
  件: '件',
  个: '个（贫困村）',
  户: '户（贫困户）',
};

export function useCodebook() {
  return useQuery({
    queryKey: ['ledger', 'codebook'],
    queryFn: ({ signal }) => get<Codebook>('/api/ledger/codebook', undefined, signal),
    staleTime: Infinity,
  });
}

export function filtersToQuery(f: EntryFilters): Query {
  return {
    orgId: f.orgId,
    yearFrom: f.yearFrom,
    yearTo: f.yearTo,
    categoryCode: f.categoryCode,
    subtypeCode: f.subtypeCode,
    deepPoverty: f.deepPoverty,
    q: f.q,
  };
}

export function useEntries(filters: EntryFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['ledger', 'entries', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<Entry>>('/api/ledger/entries', { ...filtersToQuery(filters), page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: number | undefined) {
  return useQuery({
    queryKey: ['ledger', 'entry', id],
    queryFn: ({ signal }) => get<Entry>(`/api/ledger/entries/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useEntryHistory(id: number | undefined) {
  return useQuery({
    queryKey: ['ledger', 'entry', id, 'history'],
    queryFn: ({ signal }) => get<EntryHistory>(`/api/ledger/entries/${id}/history`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useCreateEntry() {
  return useChange((input: EntryInput) => post<Entry>('/api/ledger/entries', input), ['ledger']);
}

export function useUpdateEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: EntryPatch & { id: number }) =>
      patch<Entry>(`/api/ledger/entries/${id}`, input),
    onSuccess: (entry) => {
      qc.setQueryData(['ledger', 'entry', entry.id], entry);
      return qc.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export function useDeleteEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => del(`/api/ledger/entries/${id}`, { version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ledger'] }),
  });
}

export const exportUrl = (filters: EntryFilters) => withQuery('/api/ledger/export.xlsx', filtersToQuery(filters));
export const TEMPLATE_URL = '/api/ledger/template.xlsx';
