/** The audit log as the audit page reads it (GET /api/audit, GET /api/audit/verify). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { get } from '../app/api';

export { ACTION_LABELS, ENTITY_LABELS } from '../../domain/audit/labels';

export interface AuditChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface AuditItem {
  id: number;
  seq: number | null;
  at: string;
  userId: number;
  userName: string;
  entity: string;
  entityLabel: string;
  entityId: number;
  action: string;
  actionLabel: string;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: AuditChange[];
  /** For access events (sign-ins, exports, uploads): what, how many rows. */
  details: Record<string, unknown> | null;
}

export interface AuditFilters {
  entity?: string;
  action?: string;
  user?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  message: string;
  id?: number | null;
  seq?: number | null;
  at?: string | null;
  expected?: string;
  actual?: string;
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => get<{ items: AuditItem[]; total: number; page: number; pageSize: number }>('/api/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => get<AuditVerifyResult>('/api/audit/verify') });
}
