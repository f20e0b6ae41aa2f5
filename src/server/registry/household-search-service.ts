import type { HouseholdAttribute, HouseholdStatus } from '../../domain/registry/household-rules';
import { householdTextSearch } from '../../domain/registry/household-search';
import { inRollup } from '../../domain/registry/rollup';
import { isoDate, yearOf } from '../../domain/shared/dates';
import { validationError } from '../../domain/shared/errors';
import { HOUSEHOLD_COUNT_CAP, MAX_HOUSEHOLD_OFFSET, type HouseholdHit, type HouseholdHits } from '../../contract/registry/households';
import { can, requireRegion, type Auth } from '../auth/access';
import type { HouseholdFilter, HouseholdKey } from './household-search-repo';
import { figuresAsOf } from './rollup';
import { regionPrefix } from './statistics-service';
import { ownHouseholds, type RegistryDeps } from './service';

export interface HouseholdSearchQuery {
  region?: string;
  q?: string;
  status?: string;
  /** Where the page starts (an answer's `nextCursor`); `page` is ignored with it (only echoed). */
  cursor?: string;
  page?: number;
  pageSize: number;
}

/** A town has a 9-digit prefix: inside one (or a village) a short text is looked for in every household. */
const TOWN_PREFIX = 9;
const EXPORT_BATCH = 2000;
const EXPORT_MAX = 100_000;

/** The opaque cursor of a page: after this household in (village_code, number) order. */
export function encodeCursor(k: HouseholdKey): string {
  return Buffer.from(JSON.stringify([k.villageCode, k.number]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): HouseholdKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && /^\d{12}$/.test(v[0]) && typeof v[1] === 'string' && v[1].length >= 1 && v[1].length <= 30) return { villageCode: v[0], number: v[1] };
  } catch {
    // answered below
  }
  throw validationError([{ field: 'cursor', label: '翻页位置', message: '翻页位置无效，请从第一页重新查找' }]);
}

/**
 * The registry's household list and search (issue 13): keyset pages, totals that do not count the registry, every text
 * through an index (the repo's comment says which). Part of `RegistryService` (`search`, `exportSearch`).
 */
export function makeHouseholdSearch({ repo, regions, now, helperHouseholds }: Pick<RegistryDeps, 'repo' | 'regions' | 'now' | 'helperHouseholds'>) {
  async function filterOf(auth: Auth, q: Omit<HouseholdSearchQuery, 'page' | 'pageSize' | 'cursor'>): Promise<HouseholdFilter & { bounded: boolean }> {
    let prefix = auth.regionPrefix;
    if (q.region) {
      requireRegion(auth, q.region);
      const r = await regions.get(q.region);
      prefix = regionPrefix(r.code, r.level);
    }
    const only = await ownHouseholds(auth, helperHouseholds);
    const bounded = prefix.length >= TOWN_PREFIX || only !== null;
    const text = householdTextSearch(q.q ?? '', can(auth, 'idNumbers.view'), bounded);
    return { prefix, status: q.status || undefined, only, text, bounded };
  }

  /**
   * The households the filter finds: with a text counted up to the cap; a 帮扶责任人's own, a town's or a village's
   * counted (a few thousand at most, through the region index); a county or more from the maintained statistics (the
   * rollup's households by status as of today), never by counting the registry.
   */
  async function totalOf(f: HouseholdFilter): Promise<{ total: number; exact: boolean }> {
    if (f.text) {
      const n = await repo.countHouseholds(f, HOUSEHOLD_COUNT_CAP);
      return { total: Math.min(n, HOUSEHOLD_COUNT_CAP), exact: n <= HOUSEHOLD_COUNT_CAP };
    }
    if (f.only !== null || !inRollup(f.prefix)) return { total: await repo.countHouseholds(f, null), exact: true };
    const at = now();
    const figures = await figuresAsOf(repo, f.prefix, isoDate(at), yearOf(at));
    const total = figures.filter((x) => x.dim === 'status' && (!f.status || x.key === f.status)).reduce((a, x) => a + x.households, 0);
    return { total, exact: true };
  }

  async function page(auth: Auth, q: HouseholdSearchQuery, withTotal: boolean): Promise<HouseholdHits> {
    const f = await filterOf(auth, q);
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const pageNo = q.page ?? 1;
    const offset = after ? 0 : (pageNo - 1) * q.pageSize;
    if (offset > MAX_HOUSEHOLD_OFFSET)
      throw validationError([{ field: 'page', label: '页码', message: `按页码最多翻过 ${MAX_HOUSEHOLD_OFFSET.toLocaleString('en-US')} 户，之后请用“下一页”翻页` }]);
    const rows = await repo.listHouseholds(f, after, q.pageSize + 1, offset);
    const more = rows.length > q.pageSize;
    const items: HouseholdHit[] = rows.slice(0, q.pageSize).map((h) => ({ ...h, attribute: h.attribute as HouseholdAttribute, status: h.status as HouseholdStatus }));
    const last = items.at(-1);
    let total = 0;
    let totalIsExact = false;
    if (withTotal) {
      const t = await totalOf(f);
      // The maintained figure is a sum of dated changes: never fewer than the households this answer has seen.
      total = Math.max(t.total, t.exact && !after ? offset + items.length + (more ? 1 : 0) : 0);
      totalIsExact = t.exact;
    }
    return { items, total, totalIsExact, page: pageNo, pageSize: q.pageSize, nextCursor: more && last ? encodeCursor(last) : null, notice: f.text?.notice ?? null };
  }

  return {
    /** One page of the households the user may see under a region, by text and status. */
    search: (auth: Auth, q: HouseholdSearchQuery) => page(auth, q, true),
    /** Every household the search finds, for the list's export: keyset batches of 2,000 (at most 100,000 households). */
    async *exportSearch(auth: Auth, q: Omit<HouseholdSearchQuery, 'page' | 'pageSize' | 'cursor'>): AsyncGenerator<HouseholdHit[]> {
      let cursor: string | undefined;
      let n = 0;
      do {
        const p = await page(auth, { ...q, cursor, pageSize: Math.min(EXPORT_BATCH, EXPORT_MAX - n) }, false);
        yield p.items;
        n += p.items.length;
        cursor = p.nextCursor ?? undefined;
      } while (cursor && n < EXPORT_MAX);
    },
  };
}
