/**
 * The procedures (动态调整) API as the pages use it: the definitions, the list, one procedure with its steps, events
 * and evidence, the actions on its open step, evidence uploads and the 脱贫光荣证.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInput, Attachment, Certificate, Definition, Procedure, ProcedureFilters, ProcedureItem, StartInput } from '../../contract/procedures';
import type { Page } from '../../contract/page';
import type { EventOutcome, ProcedureState } from '../../domain/procedures/decide';
import { get, post, uploadFile, type UploadProgress } from '../app/api';

export type {
  ActionInput,
  Attachment,
  Certificate,
  Definition,
  Procedure,
  ProcedureEvent,
  ProcedureFilters,
  ProcedureItem,
  StartInput,
} from '../../contract/procedures';
export type { EventOutcome, ProcedureState, StepRecord } from '../../domain/procedures/decide';
export type { Level, ProcedureKind, Requirement, StepDefinition } from '../../domain/procedures/definitions';
export { KIND_LABELS, LEVELS, PROCEDURE_KINDS } from '../../domain/procedures/definitions';

export { PROCEDURE_STATE_LABELS as STATE_LABELS } from '../../domain/procedures/decide';
export const STATE_COLORS: Record<ProcedureState, string> = { running: 'processing', completed: 'success', withdrawn: 'default' };

export const OUTCOME_LABELS: Record<EventOutcome, string> = { start: '启动', pass: '通过', return: '退回', withdraw: '撤销' };
export const OUTCOME_COLORS: Record<EventOutcome, string> = { start: 'blue', pass: 'green', return: 'orange', withdraw: 'default' };

const KEY = ['procedures'] as const;

export function useDefinitions() {
  return useQuery({
    queryKey: [...KEY, 'definitions'],
    queryFn: ({ signal }) => get<Definition[]>('/api/procedures/definitions', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useProcedures(filters: ProcedureFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => get<Page<ProcedureItem>>('/api/procedures', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProcedure(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => get<Procedure>(`/api/procedures/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** After a procedure changes, its lists change, and a finished one changes the registry too. */
function useProcedureSaved() {
  const qc = useQueryClient();
  return (p: Procedure) => {
    qc.setQueryData([...KEY, 'one', p.id], p);
    return Promise.all([qc.invalidateQueries({ queryKey: [...KEY, 'list'] }), qc.invalidateQueries({ queryKey: ['registry'] })]);
  };
}

export function useStartProcedure() {
  const saved = useProcedureSaved();
  return useMutation({ mutationFn: (input: StartInput) => post<Procedure>('/api/procedures', input), onSuccess: saved });
}

export function useProcedureAction(id: number) {
  const saved = useProcedureSaved();
  return useMutation({ mutationFn: (input: ActionInput) => post<Procedure>(`/api/procedures/${id}/actions`, input), onSuccess: saved });
}

/** Uploads one evidence file for a step (multipart field `file`), with progress. */
export function uploadEvidence(id: number, step: number, file: File, onProgress: (p: UploadProgress) => void) {
  return uploadFile<Attachment>(`/api/procedures/${id}/attachments`, file, onProgress, { step });
}

export const attachmentUrl = (attachmentId: number) => `/api/procedures/attachments/${attachmentId}`;

export function useCertificate(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'certificate', id],
    queryFn: ({ signal }) => get<Certificate>(`/api/procedures/${id}/certificate`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** Evidence may be images, PDF, Word or Excel (.xlsx): what the server accepts. */
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xlsx';
