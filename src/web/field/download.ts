/**
 * 下载到手机: the user's households onto the phone — a 帮扶责任人's own (the registry's list is narrowed to them on the
 * server), a 村级信息员's village(s) — each with its 扶贫手册 (facts, members, incomes and verdicts, version) and its
 * helpers and visits; what is due this half-year; and, for a clerk, the procedures running on them (their open step's
 * evidence can be photographed offline).
 */
import type { Me } from '../../contract/auth';
import type { HouseholdPairing, MissingVisitList, MissingVisitRow } from '../../contract/pairing';
import type { Procedure } from '../../contract/procedures';
import type { Household, HouseholdHit } from '../../contract/registry/households';
import type { Page } from '../../contract/page';
import { get } from '../app/api';
import { can } from '../shared/session';
import { replaceDownload, type CachedHousehold } from './db';

/** At most this many households go onto a phone (a village's; a county clerk has no business downloading a county). */
export const DOWNLOAD_LIMIT = 600;
const PAGE = 200;

async function all<T>(path: string, query: Record<string, string | number | undefined>, limit: number): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; out.length < limit; page++) {
    const res = await get<Page<T>>(path, { ...query, page, pageSize: PAGE });
    out.push(...res.items);
    if (res.items.length < PAGE || out.length >= res.total) break;
  }
  return out.slice(0, limit);
}

/** A few requests at a time (the phone's network is weak, and the server has others to answer). */
async function inTurns<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export async function downloadHouseholds(me: Me, onProgress: (done: number, total: number) => void): Promise<{ households: number; at: string }> {
  const hits = await all<HouseholdHit>('/api/registry/households', {}, DOWNLOAD_LIMIT);
  let done = 0;
  onProgress(0, hits.length);
  const households = await inTurns(hits, 3, async (hit): Promise<CachedHousehold> => {
    const [household, pairing] = await Promise.all([
      get<Household>(`/api/registry/households/${hit.id}`),
      can(me, 'pairing.read') ? get<HouseholdPairing>(`/api/pairing/households/${hit.id}`) : Promise.resolve(null),
    ]);
    onProgress(++done, hits.length);
    return { id: hit.id, hit, household, pairing, downloadedAt: new Date().toISOString() };
  });
  const ids = new Set(hits.map((h) => h.id));
  const missing: MissingVisitRow[] = can(me, 'pairing.read') ? await missingVisits() : [];
  let procedures: Procedure[] = [];
  if (can(me, 'procedures.handle')) {
    const running = await all<{ id: number; householdId: number | null }>('/api/procedures', { state: 'running' }, DOWNLOAD_LIMIT);
    const mine = running.filter((p) => p.householdId !== null && ids.has(p.householdId));
    procedures = await inTurns(mine, 3, (p) => get<Procedure>(`/api/procedures/${p.id}`));
  }
  const at = new Date().toISOString();
  await replaceDownload(households, procedures, missing.filter((m) => ids.has(m.householdId)), at);
  return { households: households.length, at };
}

/** This half-year's households without a visit (seed 004: 每半年至少上门回访一次). */
export async function missingVisits(): Promise<MissingVisitRow[]> {
  const out: MissingVisitRow[] = [];
  for (let page = 1; out.length < DOWNLOAD_LIMIT; page++) {
    const res = await get<MissingVisitList>('/api/pairing/visits/missing', { page, pageSize: PAGE });
    out.push(...res.items);
    if (res.items.length < PAGE || out.length >= res.total) break;
  }
  return out;
}
