/** The audit log as the audit page reads it (GET /api/audit, GET /api/audit/verify). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditItem, AuditQuery, AuditVerify } from '../../contract/audit';
import type { Page } from '../../contract/page';
import { get } from '../app/api';

export { ACTION_LABELS, ENTITY_LABELS } from '../../domain/audit/labels';

export type { AuditChange, AuditItem, AuditQuery as AuditFilters, AuditVerify as AuditVerifyResult } from '../../contract/audit';

export function useAuditLog(filters: AuditQuery) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => get<Page<AuditItem>>('/api/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => get<AuditVerify>('/api/audit/verify') });
}
