/** The ledger's totals as the summary page reads them (GET /api/ledger/summary, /summary/members, /summary.xlsx). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberFigures, Summary, SummaryQuery } from '../../contract/ledger-summary';
import type { Page } from '../../contract/page';
import { get, withQuery } from '../app/api';

export type { CategoryFigures, Figures, MemberFigures, SubtypeFigures, Summary, SummaryQuery, Totals } from '../../contract/ledger-summary';

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
    queryFn: ({ signal }) => get<Page<MemberFigures>>('/api/ledger/summary/members', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export const summaryExportUrl = (q: SummaryQuery) => withQuery('/api/ledger/summary.xlsx', { ...q });
