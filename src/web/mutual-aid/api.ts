/**
 * 村级互助资金, 扶贫小额信贷 and 入股分红 as the pages use them (`src/contract/mutual-aid.ts` holds every shape).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type * as c from '../../contract/mutual-aid';
import type { Page } from '../../contract/page';
import type { HouseholdHits } from '../../contract/registry/households';
import { get, patch, post } from '../app/api';
import { useChange } from '../app/mutations';

export type * from '../../contract/mutual-aid';

const KEY = ['mutual-aid'] as const;
const CREDIT = ['credit'] as const;
type WithId<T> = T & { id: number };

export function useFunds(q: Omit<c.FundQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'funds', q, page, pageSize],
    queryFn: ({ signal }) => get<Page<c.FundItem>>('/api/mutual-aid/funds', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useFund = (id: number) =>
  useQuery({ queryKey: [...KEY, 'fund', id], queryFn: ({ signal }) => get<c.FundDetail>(`/api/mutual-aid/funds/${id}`, undefined, signal) });
export function useFundLoans(id: number, q: Omit<c.LoansQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'loans', id, q, page, pageSize],
    queryFn: ({ signal }) => get<Page<c.LoanItem>>(`/api/mutual-aid/funds/${id}/loans`, { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useFundLedger = (id: number, year: number, month?: number) =>
  useQuery({ queryKey: [...KEY, 'ledger', id, year, month], queryFn: ({ signal }) => get<c.FundLedger>(`/api/mutual-aid/funds/${id}/ledger`, { year, month }, signal) });

export const ledgerXlsxUrl = (id: number, year: number, month?: number) => `/api/mutual-aid/funds/${id}/ledger.xlsx?year=${year}${month ? `&month=${month}` : ''}`;

export const useCreateFund = () => useChange((input: c.FundInput) => post<c.FundDetail>('/api/mutual-aid/funds', input), KEY);
export const useAddMember = (fundId: number) => useChange((input: c.MemberInput) => post<c.FundMember>(`/api/mutual-aid/funds/${fundId}/members`, input), KEY);
export const useAddSeat = (fundId: number) => useChange((input: c.CommitteeInput) => post<c.CommitteeSeat>(`/api/mutual-aid/funds/${fundId}/committee`, input), KEY);
export const useAddCapital = (fundId: number) => useChange((input: c.CapitalInput) => post(`/api/mutual-aid/funds/${fundId}/capital`, input), KEY);
export const useAddExpense = (fundId: number) => useChange((input: c.ExpenseInput) => post(`/api/mutual-aid/funds/${fundId}/expenses`, input), KEY);
export const useAddLoan = (fundId: number) => useChange((input: c.LoanInput) => post<c.LoanItem>(`/api/mutual-aid/funds/${fundId}/loans`, input), KEY);
export const useRepay = () => useChange(({ id, ...input }: WithId<c.RepaymentInput>) => post<c.LoanItem>(`/api/mutual-aid/loans/${id}/repayments`, input), KEY);

export function useCreditLoans(q: Omit<c.CreditQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...CREDIT, 'loans', q, page, pageSize],
    queryFn: ({ signal }) => get<Page<c.CreditLoanItem>>('/api/credit/loans', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
export function useDividends(q: Omit<c.DividendQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...CREDIT, 'dividends', q, page, pageSize],
    queryFn: ({ signal }) => get<Page<c.DividendItem>>('/api/credit/dividends', { ...q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useCreditReport = (region?: string) =>
  useQuery({ queryKey: [...CREDIT, 'report', region], queryFn: ({ signal }) => get<c.CreditReportAnswer>('/api/credit/report', { region }, signal) });
export const useCreateCreditLoan = () => useChange((input: c.CreditLoanInput) => post('/api/credit/loans', input), CREDIT);
export const useCreditRepay = () => useChange(({ id, ...input }: WithId<c.CreditRepaymentInput>) => post(`/api/credit/loans/${id}/repayments`, input), CREDIT);
export const useCreateDividend = () => useChange((input: c.DividendInput) => post('/api/credit/dividends', input), CREDIT);
export const useUpdateDividend = () => useChange(({ id, ...input }: WithId<c.DividendUpdate>) => patch(`/api/credit/dividends/${id}`, input), CREDIT, { always: true });
export const usePayDividend = () => useChange(({ id, ...input }: WithId<c.DividendPaymentInput>) => post(`/api/credit/dividends/${id}/payments`, input), CREDIT);

/** Registered households matching a text (name, ID number or number), for the household pickers. */
export function useHouseholdSearch(q: string, region?: string) {
  return useQuery({
    queryKey: ['registry', 'households', 'pick', q, region],
    queryFn: ({ signal }) => get<HouseholdHits>('/api/registry/households', { q, region, pageSize: 20 }, signal),
    enabled: q.trim().length > 0,
  });
}
