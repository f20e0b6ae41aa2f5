/**
 * The field app's data on the phone (IndexedDB through `idb`): the households downloaded with their 扶贫手册 facts and
 * version, the procedures open on them, what is due, the signed-in user, and the outbox of queued changes. The
 * service worker never caches API answers; this is where offline data lives. One database per user: a phone shared
 * by two accounts never shows one's households to the other.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HouseholdPairing, MissingVisitRow } from '../../contract/pairing';
import type { Procedure } from '../../contract/procedures';
import type { Household, HouseholdHit } from '../../contract/registry/households';
import type { QueueItem } from './queue';
import { rememberedUser } from '../shared/remembered-user';

export { rememberedUser, rememberUser } from '../shared/remembered-user';

export interface CachedHousehold {
  id: number;
  hit: HouseholdHit;
  household: Household;
  pairing: HouseholdPairing | null;
  downloadedAt: string;
}

interface FieldDb extends DBSchema {
  households: { key: number; value: CachedHousehold };
  procedures: { key: number; value: Procedure };
  outbox: { key: string; value: QueueItem };
  meta: { key: string; value: unknown };
}

const opened = new Map<number, Promise<IDBPDatabase<FieldDb>>>();

/** The database of the signed-in (or last signed-in) user; null when nobody is known. */
export function fieldDb(userId?: number): Promise<IDBPDatabase<FieldDb>> | null {
  const id = userId ?? rememberedUser()?.id;
  if (!id) return null;
  let db = opened.get(id);
  if (!db) {
    db = openDB<FieldDb>(`taizhang-field-${id}`, 1, {
      upgrade(d) {
        d.createObjectStore('households', { keyPath: 'id' });
        d.createObjectStore('procedures', { keyPath: 'id' });
        d.createObjectStore('outbox', { keyPath: 'id' });
        d.createObjectStore('meta');
      },
    });
    opened.set(id, db);
  }
  return db;
}

async function must(): Promise<IDBPDatabase<FieldDb>> {
  const db = fieldDb();
  if (!db) throw new Error('未登录');
  return db;
}

type Downloaded = 'households' | 'procedures';

/** One store of the downloaded records (households, procedures), each read and written back by its id. */
function downloaded<S extends Downloaded>(store: S) {
  type Row = FieldDb[S]['value'];
  return {
    all: async (): Promise<Row[]> => (await must()).getAll(store),
    get: async (id: number): Promise<Row | undefined> => (await must()).get(store, id),
    put: async (row: Row): Promise<void> => {
      await (await must()).put(store, row);
    },
  };
}

export const householdCache = downloaded('households');
export const procedureCache = downloaded('procedures');

/** Replaces the downloaded data as a whole (households no longer held leave the phone). */
export async function replaceDownload(households: CachedHousehold[], procedures: Procedure[], missing: MissingVisitRow[], at: string): Promise<void> {
  const db = await must();
  const tx = db.transaction(['households', 'procedures', 'meta'], 'readwrite');
  await tx.objectStore('households').clear();
  for (const h of households) await tx.objectStore('households').put(h);
  await tx.objectStore('procedures').clear();
  for (const p of procedures) await tx.objectStore('procedures').put(p);
  await tx.objectStore('meta').put(missing, 'missing');
  await tx.objectStore('meta').put(at, 'downloadedAt');
  await tx.done;
}

export async function cachedMissing(): Promise<MissingVisitRow[]> {
  return ((await (await must()).get('meta', 'missing')) as MissingVisitRow[] | undefined) ?? [];
}

export async function putMissing(rows: MissingVisitRow[]): Promise<void> {
  await (await must()).put('meta', rows, 'missing');
}

export async function downloadedAt(): Promise<string | null> {
  return ((await (await must()).get('meta', 'downloadedAt')) as string | undefined) ?? null;
}

export async function outboxItems(): Promise<QueueItem[]> {
  const db = fieldDb();
  if (!db) return [];
  const items = await (await db).getAll('outbox');
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function outboxItem(id: string): Promise<QueueItem | undefined> {
  return (await must()).get('outbox', id);
}

export async function putOutboxItem(item: QueueItem): Promise<void> {
  await (await must()).put('outbox', item);
}

export async function deleteOutboxItem(id: string): Promise<void> {
  await (await must()).delete('outbox', id);
}
