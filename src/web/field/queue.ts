/**
 * The outbox of the field app (issue 12 “each queued change sent once (an idempotency key), conflicts … shown to the
 * user, never silently overwritten”): what a queued visit or piece of procedure evidence is, and how each answer of
 * the server moves it on. Pure: the sender (sync.ts) does the requests and keeps the items in IndexedDB (db.ts).
 *
 * A visit is one POST (its own Idempotency-Key, with the household's version as the phone had it) and then one upload
 * per file (photo, the household's and the helper's signature), each with its own key. Evidence is one upload per
 * photo, each with its key and the procedure's version. Keys are made when the change is queued and kept: a resend
 * after a lost answer carries the same key, and the server answers it from what it kept instead of writing again.
 */
import type { VisitInput } from '../../contract/pairing';
import { VISIT_FILE_KINDS, type VisitFileKind } from '../../domain/pairing/half-year-visit';

export type FileKind = VisitFileKind;

/** The states an item goes through: queued → sent, or → conflict (409 STALE_VERSION) / failed (refused). */
export type ItemState = 'queued' | 'sent' | 'failed' | 'conflict';

export const STATE_LABELS: Record<ItemState, string> = { queued: '待上传', sent: '已上传', failed: '上传失败', conflict: '有冲突' };

export const FILE_KIND_LABELS: Record<FileKind, string> = VISIT_FILE_KINDS;

export interface QueuedFile {
  /** photo | household | helper for a visit; photo for evidence. */
  kind: FileKind;
  name: string;
  mime: string;
  /** The file's own Idempotency-Key. */
  key: string;
  /** The server's id once uploaded. */
  serverId: number | null;
  /** The bytes (kept in IndexedDB with the item; absent in the pure tests). */
  blob?: Blob;
}

/** What the phone knew of the record when the change was made: shown beside the server's record on a conflict. */
export interface Basis {
  version: number;
  /** Label → value, e.g. 状态 → 已脱贫, 家庭人口 → 4人. */
  facts: Record<string, string>;
}

interface ItemBase {
  /** The item's own id (local). */
  id: string;
  createdAt: string;
  state: ItemState;
  /** Failed tries that will be retried (network, server busy). */
  attempts: number;
  /** The last problem, in Chinese. */
  error: string | null;
  conflict: { message: string; currentVersion: number | null } | null;
  /** The record's version the change was made on; null once the user chose 仍然提交 (or the first part is in). */
  baseVersion: number | null;
  basis: Basis | null;
  /** What the user reads in the outbox: the household (户主 and 户编号) or the procedure. */
  label: string;
  files: QueuedFile[];
  sentAt: string | null;
}

export interface VisitItem extends ItemBase {
  type: 'visit';
  householdId: number;
  visit: VisitInput;
  /** The visit's Idempotency-Key. */
  key: string;
  /** The server's id of the visit once recorded. */
  visitId: number | null;
}

export interface EvidenceItem extends ItemBase {
  type: 'evidence';
  procedureId: number;
  /** The step (its index) the evidence belongs to. */
  step: number;
  stepName: string;
}

export type QueueItem = VisitItem | EvidenceItem;

/** What every item holds when it is first put in the outbox: its own id, made now, waiting, nothing tried or sent yet. */
export function newItemBase(): Pick<ItemBase, 'id' | 'createdAt' | 'state' | 'attempts' | 'error' | 'conflict' | 'sentAt'> {
  return { id: newKey(), createdAt: new Date().toISOString(), state: 'queued', attempts: 0, error: null, conflict: null, sentAt: null };
}

/** Photos taken on the phone (JPEG, as the picker shrinks them), as files of an item, each with its own key. */
export function photoFiles(photos: ReadonlyArray<{ name: string; blob: Blob }>): QueuedFile[] {
  return photos.map((p) => ({ kind: 'photo', name: p.name, mime: 'image/jpeg', key: newKey(), serverId: null, blob: p.blob }));
}

/** The next request an item needs, or null when nothing is left (or it waits for the user). */
export type Step = { kind: 'visit' } | { kind: 'file'; index: number } | null;

export function nextStep(item: QueueItem): Step {
  if (item.state !== 'queued') return null;
  if (item.type === 'visit' && item.visitId === null) return { kind: 'visit' };
  const index = item.files.findIndex((f) => f.serverId === null);
  return index < 0 ? null : { kind: 'file', index };
}

/** A server's answer (or the lack of one) to a step. */
export type Outcome = { ok: true; id: number } | { ok: false; status: number; code: string; message: string; currentVersion?: number | null };

/**
 * What to do after a refusal: try again later (no network — status 0 —, signed out, the server busy or still handling
 * the same key), show a conflict (the record changed meanwhile), or stop and show the server's reason.
 */
export function classify(status: number, code: string): 'retry' | 'conflict' | 'failed' {
  if (status === 409 && code === 'STALE_VERSION') return 'conflict';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  // 409 CONFLICT: “同一请求正在处理，请稍后重试” — the first send is still being handled.
  if (status === 409 && code === 'CONFLICT') return 'retry';
  return 'failed';
}

/** The item after the server's answer to `step` (a new object; the input is left as it was). */
export function afterOutcome<T extends QueueItem>(item: T, step: Exclude<Step, null>, outcome: Outcome, now: string): T {
  if (!outcome.ok) {
    const what = classify(outcome.status, outcome.code);
    if (what === 'retry') return { ...item, attempts: item.attempts + 1, error: outcome.message };
    if (what === 'conflict') return { ...item, state: 'conflict', error: outcome.message, conflict: { message: outcome.message, currentVersion: outcome.currentVersion ?? null } };
    return { ...item, state: 'failed', error: outcome.message };
  }
  let next: T;
  if (step.kind === 'visit') {
    if (item.type !== 'visit') throw new Error('a visit step for an evidence item');
    next = { ...item, visitId: outcome.id };
  } else {
    next = { ...item, files: item.files.map((f, i) => (i === step.index ? { ...f, serverId: outcome.id } : f)) };
  }
  // The version was checked by the first part that went in; the rest belongs to the same change.
  next = { ...next, baseVersion: null, attempts: 0, error: null };
  return nextStep(next) === null ? { ...next, state: 'sent', sentAt: now } : next;
}

/**
 * 仍然提交 after a conflict: sent again without the version, under new keys for what is not in yet (the refused
 * request's key is not reused: the server decides the new one afresh).
 */
export function resendAnyway<T extends QueueItem>(item: T, newKey: () => string): T {
  if (item.state !== 'conflict') return item;
  const files = item.files.map((f) => (f.serverId === null ? { ...f, key: newKey() } : f));
  const base = { ...item, state: 'queued' as const, baseVersion: null, conflict: null, error: null, attempts: 0, files };
  return item.type === 'visit' && item.visitId === null ? { ...base, key: newKey() } : base;
}

/** 重试 after a refusal (e.g. a fixed sign-in): the same keys, queued again. */
export function retry<T extends QueueItem>(item: T): T {
  return item.state === 'failed' ? { ...item, state: 'queued', error: null, attempts: 0 } : item;
}

/** What the badge counts: every change not yet on the server (queued, refused or in conflict). */
export function waitingCount(items: ReadonlyArray<Pick<QueueItem, 'state'>>): number {
  return items.filter((i) => i.state !== 'sent').length;
}

/** Sent items are kept this long for the outbox's list, then dropped. */
export const SENT_KEPT_MS = 7 * 24 * 3600_000;

export function expired(item: Pick<QueueItem, 'state' | 'sentAt'>, now: number): boolean {
  return item.state === 'sent' && !!item.sentAt && now - Date.parse(item.sentAt) > SENT_KEPT_MS;
}

/**
 * A new idempotency key: `crypto.randomUUID()` where the page is a secure context, else a v4 UUID from
 * `crypto.getRandomValues` (a server reached over plain HTTP on an office network).
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
