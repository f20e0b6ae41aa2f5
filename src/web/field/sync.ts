/**
 * Sends the outbox (queue.ts) when the phone is online: at the app's start, on every `online` event and every 30
 * seconds, one item after another, each request with its item's Idempotency-Key. A lost answer leaves the item
 * queued with the same key, so the resend is answered from what the server kept and nothing is recorded twice.
 */
import type { HouseholdPairing } from '../../contract/pairing';
import { errorFromBody, get, withQuery } from '../app/api';
import { deleteOutboxItem, fieldDb, householdCache, outboxItems, putOutboxItem, outboxItem } from './db';
import { afterOutcome, expired, newKey, nextStep, resendAnyway, retry, type Outcome, type QueueItem, type Step } from './queue';

/** Tells the pages that the outbox changed (the badge and the outbox list listen). */
const events = new EventTarget();

export function onOutboxChange(listener: () => void): () => void {
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}

export function outboxChanged(): void {
  events.dispatchEvent(new Event('change'));
}

async function answer(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function request(url: string, init: RequestInit): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) } });
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: '无法连接服务器，稍后自动重试' };
  }
  const body = await answer(res).catch(() => undefined);
  if (res.ok) return { ok: true, id: Number((body as { id?: unknown } | undefined)?.id ?? 0) };
  const e = errorFromBody(res.status, body);
  const current = e.details.currentVersion;
  return { ok: false, status: res.status, code: e.code, message: e.message, currentVersion: typeof current === 'number' ? current : null };
}

function fileForm(item: QueueItem, index: number): FormData {
  const f = item.files[index]!;
  const form = new FormData();
  form.append('file', f.blob ?? new Blob([], { type: f.mime }), f.name);
  return form;
}

function send(item: QueueItem, step: Exclude<Step, null>): Promise<Outcome> {
  if (item.type === 'visit') {
    if (step.kind === 'visit') {
      const body = item.baseVersion === null ? item.visit : { ...item.visit, baseVersion: item.baseVersion };
      return request(`/api/pairing/households/${item.householdId}/visits`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': item.key },
        body: JSON.stringify(body),
      });
    }
    const f = item.files[step.index]!;
    return request(withQuery(`/api/pairing/visits/${item.visitId}/signatures`, { kind: f.kind }), { method: 'POST', headers: { 'Idempotency-Key': f.key }, body: fileForm(item, step.index) });
  }
  if (step.kind !== 'file') throw new Error('evidence has files only');
  const f = item.files[step.index]!;
  return request(withQuery(`/api/procedures/${item.procedureId}/attachments`, { step: item.step, baseVersion: item.baseVersion }), {
    method: 'POST',
    headers: { 'Idempotency-Key': f.key },
    body: fileForm(item, step.index),
  });
}

/** After a visit went in: the household's panel as the server has it now (its last visits), best effort. */
async function refreshPairing(householdId: number): Promise<void> {
  try {
    const cached = await householdCache.get(householdId);
    if (!cached) return;
    const pairing = await get<HouseholdPairing>(`/api/pairing/households/${householdId}`);
    await householdCache.put({ ...cached, pairing });
  } catch {
    // The next download brings it.
  }
}

/** Sends one item as far as it goes; false when the network is gone (the run stops). */
async function sendItem(start: QueueItem): Promise<boolean> {
  let item = start;
  for (let step = nextStep(item); step; step = nextStep(item)) {
    const outcome = await send(item, step);
    item = afterOutcome(item, step, outcome, new Date().toISOString());
    await putOutboxItem(item);
    outboxChanged();
    if (!outcome.ok) return outcome.status !== 0;
  }
  if (item.state === 'sent' && item.type === 'visit') await refreshPairing(item.householdId);
  return true;
}

let running: Promise<void> | null = null;

async function run(): Promise<void> {
  if (!fieldDb() || !navigator.onLine) return;
  const now = Date.now();
  for (const item of await outboxItems()) {
    if (expired(item, now)) {
      await deleteOutboxItem(item.id);
      outboxChanged();
      continue;
    }
    if (item.state !== 'queued') continue;
    if (!(await sendItem(item))) break;
  }
}

/** Sends what waits (one run at a time: a second call joins the running one). */
export function syncNow(): Promise<void> {
  running ??= run()
    .catch(() => undefined)
    .finally(() => {
      running = null;
    });
  return running;
}

let started = false;

/** Starts the sender: now, on `online`, and every 30 s while online. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  window.setInterval(() => void (navigator.onLine && syncNow()), 30_000);
  void syncNow();
}

/** Queues a change (kept in IndexedDB first), then tries to send it at once. */
export async function enqueue(item: QueueItem): Promise<void> {
  await putOutboxItem(item);
  outboxChanged();
  void syncNow();
}

/** 仍然提交 for a conflict: resent without the version, under a new key. */
export async function submitAnyway(id: string): Promise<void> {
  const item = await outboxItem(id);
  if (!item) return;
  await putOutboxItem(resendAnyway(item, newKey));
  outboxChanged();
  await syncNow();
}

/** 重试 for a refused item: the same keys. */
export async function retryItem(id: string): Promise<void> {
  const item = await outboxItem(id);
  if (!item) return;
  await putOutboxItem(retry(item));
  outboxChanged();
  await syncNow();
}

/** 放弃: the change leaves the phone. */
export async function discard(id: string): Promise<void> {
  await deleteOutboxItem(id);
  outboxChanged();
}
