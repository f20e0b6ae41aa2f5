/** 年度报送 (issue 11) as the page uses it: reports, approval and correction requests. Shapes are the contract's. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../contract/page';
import type { Correction, CorrectionCreate, OwnReport, Report, ReportFilters } from '../../contract/reports';
import { get, post } from '../app/api';
import { useChange } from '../app/mutations';

export type { Correction, CorrectionCreate, OwnReport, Report, ReportFigures } from '../../contract/reports';

const KEY = ['reports'];

export function useOwnReport(year: number) {
  return useQuery({ queryKey: [...KEY, 'own', year], queryFn: ({ signal }) => get<OwnReport>('/api/reports/own', { year }, signal) });
}

export function useReports(filters: ReportFilters & { page: number; pageSize: number }, enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'list', filters], queryFn: ({ signal }) => get<Page<Report>>('/api/reports', filters, signal), enabled, placeholderData: keepPreviousData });
}

export function useCorrections(filters: { year?: number; state?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: [...KEY, 'corrections', filters], queryFn: ({ signal }) => get<Page<Correction>>('/api/reports/corrections', filters, signal), placeholderData: keepPreviousData });
}

/** Every change refreshes the reports and the registry's pages (a correction changes a figure there). */
const refresh = undefined;

export const useSubmitReport = () => useChange((b: { year: number; version?: number | null }) => post<Report>('/api/reports', b), refresh);
export const useDecideReport = () =>
  useChange(({ id, action, ...b }: { id: number; action: 'approve' | 'return'; version: number; reason?: string }) => post<Report>(`/api/reports/${id}/${action}`, b), refresh);
export const useProposeCorrection = () => useChange((b: CorrectionCreate) => post<Correction>('/api/reports/corrections', b), refresh);
export const useDecideCorrection = () =>
  useChange(({ id, action, ...b }: { id: number; action: 'approve' | 'reject'; version: number; reason?: string }) => post<Correction>(`/api/reports/corrections/${id}/${action}`, b), refresh);
