import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../app/api';
import type { Funds, Unit } from '../ledger/api';

export interface Figures {
  entries: number;
  villages: number;
  households: number;
  funds: Funds;
  fundsTotal: string;
  beneficiaries: number;
}

export interface SubtypeFigures extends Figures {
  code: string;
  name: string;
  unit: Unit;
}

export interface CategoryFigures extends Figures {
  code: string;
  name: string;
  subtypes: SubtypeFigures[];
}

export interface Totals {
  total: Figures;
  categories: CategoryFigures[];
}

export interface Summary {
  org: { id: number; name: string };
  yearFrom: number;
  yearTo: number;
  all: Totals;
  deepPoverty: Totals;
  participation: { members: number; active: number; rate: number };
}

export interface MemberFigures {
  memberId: number;
  name: string;
  orgName: string;
  entries: number;
  fundsTotal: string;
  beneficiaries: number;
}

export interface SummaryQuery {
  orgId?: number;
  yearFrom?: number;
  yearTo?: number;
}

export function useSummary(q: SummaryQuery) {
  return useQuery({
    queryKey: ['ledger', 'summary', q],
    queryFn: ({ signal }) => get<Summary>('/api/ledger/summary', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMemberSummary(q: SummaryQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['ledger', 'summary', 'members', q, page, pageSize],
    queryFn: ({ signal }) =>
      get<{ items: MemberFigures[]; total: number }>('/api/ledger/summary/members', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export const summaryExportUrl = (q: SummaryQuery) => withQuery('/api/ledger/summary.xlsx', { ...q });
