/**
 * The procedures (动态调整) API as the pages use it: the definitions, the list, one procedure with its steps, events
 * and evidence, the actions on its open step, evidence uploads and the 脱贫光荣证.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, uploadFile, type UploadProgress } from '../app/api';
import type { RegionDetail } from '../regions/api';
import type { StepRecord } from '../../domain/procedures/decide';
import type { Level, ProcedureKind, StepDefinition } from '../../domain/procedures/definitions';
import type { HouseholdInput } from '../../domain/registry/validate-household';
import type { Page } from '../../contract/page';

/** One page of a list (the shared contract's). */
export type { Page };

export type { StepRecord } from '../../domain/procedures/decide';
export type { Level, ProcedureKind, Requirement, StepDefinition } from '../../domain/procedures/definitions';
export { KIND_LABELS, LEVELS, PROCEDURE_KINDS } from '../../domain/procedures/definitions';

export type ProcedureState = 'running' | 'completed' | 'withdrawn';

export const STATE_LABELS: Record<ProcedureState, string> = { running: '办理中', completed: '已办结', withdrawn: '已撤销' };
export const STATE_COLORS: Record<ProcedureState, string> = { running: 'processing', completed: 'success', withdrawn: 'default' };

export const OUTCOME_LABELS: Record<string, string> = { start: '启动', pass: '通过', return: '退回', withdraw: '撤销' };
export const OUTCOME_COLORS: Record<string, string> = { start: 'blue', pass: 'green', return: 'orange', withdraw: 'default' };

export interface Definition {
  id: number;
  version: number;
  regionPrefix: string;
  kind: ProcedureKind;
  name: string;
  steps: StepDefinition[];
  source: string;
}

/** A procedure as listed. */
export interface ProcedureRow {
  id: number;
  definitionId: number;
  kind: ProcedureKind;
  kindLabel: string;
  householdId: number | null;
  villageCode: string;
  /** A new identification's applicant household as applied for. */
  applicant: HouseholdInput | null;
  year: number | null;
  state: ProcedureState;
  currentStep: number;
  startedAt: string;
  startedBy: number;
  finishedAt: string | null;
  certificateNo: string | null;
  version: number;
  /** In lists: the village's name and who the procedure is about (household head and number, applicant, village). */
  villageName?: string;
  subjectName?: string;
}

/** One transition: a start, a step passed, a return to an earlier step, a withdrawal. */
export interface ProcedureEvent {
  id: number;
  stepIndex: number;
  stepKey: string;
  outcome: 'start' | 'pass' | 'return' | 'withdraw';
  returnTo: number | null;
  reason: string;
  noticeFrom: string | null;
  noticeTo: string | null;
  objections: string | null;
  representatives: number | null;
  present: number | null;
  votesFor: number | null;
  votesAgainst: number | null;
  data: { confirmedBy?: string } & Record<string, unknown>;
  userId: number;
  userName: string;
  userRole: string;
  userLevel: string;
  at: string;
}

export interface Attachment {
  id: number;
  stepIndex: number | null;
  fileName: string;
  mime: string;
  size: number;
  userId: number;
  at: string;
}

export interface Procedure extends ProcedureRow {
  definition: { id: number; version: number; name: string; steps: StepDefinition[]; source: string };
  village: Pick<RegionDetail, 'code' | 'name' | 'path'>;
  events: ProcedureEvent[];
  attachments: Attachment[];
  /** The server's today (ISO date): a notice's days are counted against it. */
  today: string;
  /** The first day a notice of the open step may start on: its step opened then, after the earlier notice (null when not running). */
  noticeEarliest: string | null;
  /** The level the logged-in user acts at (村、乡、县、市、省). */
  userLevel: Level;
}

export interface Certificate {
  certificateNo: string;
  year: number;
  head: string;
  persons: number;
  village: string;
  issuer: string;
  issuedOn: string;
}


export interface ProcedureFilters {
  region?: string;
  kind?: string;
  state?: string;
  householdId?: number;
}

export type StartInput =
  | { kind: 'exit' | 'removal' | 'stable_exit' | 'relapse'; householdId: number; year?: number }
  | { kind: 'village_exit'; villageCode: string; year?: number }
  | { kind: 'identification'; applicant: HouseholdInput };

export type ActionInput =
  | { type: 'pass'; step: number; record: StepRecord; reason?: string; version: number }
  | { type: 'return'; step: number; to: number; reason: string; version: number }
  | { type: 'withdraw'; reason: string; version: number };

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
    queryFn: ({ signal }) => get<Page<ProcedureRow>>('/api/procedures', { ...filters, page, pageSize }, signal),
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
