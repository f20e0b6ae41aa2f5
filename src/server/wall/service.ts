import type { TownshipWall, VillageWall, WallOffice, WallPerson, WallVillage } from '../../contract/wall';
import { planYears, TOWNSHIP_OFFICE_KINDS, VILLAGE_OFFICE_KINDS, villageStanding } from '../../domain/wall/charts';
import { isoDate } from '../../domain/shared/dates';
import { AppError } from '../../domain/shared/errors';
import { inRegion, requirePermission, type Auth } from '../auth/access';
import type { OrgRow } from '../orgs/repo';
import type { PairingService } from '../pairing/service';
import type { RegionsService } from '../regions/service';
import type { RegistryService } from '../registry/service';

export interface WallDeps {
  registry: Pick<RegistryService, 'village' | 'statistics' | 'search'>;
  regions: Pick<RegionsService, 'get' | 'children'>;
  pairing: Pick<PairingService, 'leaderVillages' | 'currentHelpersOfVillage'>;
  /** The offices whose region is exactly `regionCode` (of whichever branch of the tree), for the organisation charts. */
  officesOfRegion: (regionCode: string) => Promise<OrgRow[]>;
  /** The people of one office: its enabled accounts and its members, by name and what they are there. */
  peopleOf: (office: OrgRow) => Promise<WallPerson[]>;
  now: () => Date;
}

const POOR = ['未脱贫', '返贫'];
/** At most this many households are listed for their 贫困户登记表 on a village's wall page. */
const MAX_HOUSEHOLDS = 2000;

/**
 * 上墙图表 (issue 12): the township's and the village's wall posters from the registry (村情, 村级年度脱贫规划, the
 * statistics), the offices of the region with their people, and the pairing (双联干部). Scoped like the registry: a
 * region outside the caller's is not found.
 */
export function makeWallService({ registry, regions, pairing, officesOfRegion, peopleOf, now }: WallDeps) {
  async function regionAt(auth: Auth, code: string, level: 4 | 5) {
    requirePermission(auth, 'registry.read');
    const what = level === 4 ? '乡镇' : '村';
    if (!inRegion(auth, code)) throw new AppError('NOT_FOUND', `未找到该${what}`);
    const region = await regions.get(code);
    if (region.level !== level) throw new AppError('VALIDATION', `“${region.name}”不是${what}级行政区划`);
    return region;
  }

  /** The offices of `kinds` in the region, top down by kind, each under its nearest drawn ancestor. */
  async function officesIn(regionCode: string, kinds: readonly string[]): Promise<WallOffice[]> {
    const offices = (await officesOfRegion(regionCode)).filter((o) => kinds.includes(o.kind)).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.path.localeCompare(b.path));
    const drawn = new Map(offices.map((o) => [o.path, o.id]));
    const parentOf = (o: OrgRow): number | null => {
      // The nearest ancestor among the drawn offices (paths are the ancestors' ids, `/1/4/9/`).
      const steps = o.path.split('/').filter(Boolean);
      for (let i = steps.length - 1; i > 0; i--) {
        const id = drawn.get(`/${steps.slice(0, i).join('/')}/`);
        if (id !== undefined) return id;
      }
      return null;
    };
    return Promise.all(offices.map(async (o) => ({ id: o.id, parentId: parentOf(o), name: o.name, kind: o.kind, people: await peopleOf(o) })));
  }

  return {
    async township(auth: Auth, code: string): Promise<TownshipWall> {
      const region = await regionAt(auth, code, 4);
      const asOf = isoDate(now());
      const year = Number(asOf.slice(0, 4));
      const villages: WallVillage[] = [];
      for (const child of await regions.children(code)) {
        const v = await registry.village(auth, child.code);
        const poor = v.byStatus.filter((s) => POOR.includes(s.status));
        villages.push({
          code: child.code,
          name: child.name,
          standing: villageStanding(v.profile, year),
          exitYear: v.profile?.exited ? v.profile.exitYear : null,
          poorHouseholds: poor.reduce((a, s) => a + s.households, 0),
          poorPersons: poor.reduce((a, s) => a + s.persons, 0),
        });
      }
      const stats = await registry.statistics(auth, { region: code, asOf });
      const plan = planYears(stats.exits.planned, stats.exits.actual, villages.map((v) => v.exitYear));
      return { region, asOf, villages, plan, offices: await officesIn(code, TOWNSHIP_OFFICE_KINDS) };
    },

    async village(auth: Auth, code: string): Promise<VillageWall> {
      const region = await regionAt(auth, code, 5);
      const asOf = isoDate(now());
      const v = await registry.village(auth, code);
      const stats = await registry.statistics(auth, { region: code, asOf });
      const poor = v.byStatus.filter((s) => POOR.includes(s.status));
      const exitYear = v.profile?.exited ? v.profile.exitYear : null;

      // 双联干部: the leaders and bodies linked to the village today, and the helpers of its households.
      const links = await pairing.leaderVillages(auth, { current: true, page: 1, pageSize: 1000 });
      const leaders = links.items.filter((l) => l.villageCode === code).map((l) => ({ kind: l.kind, holder: l.memberName ?? (l.holder || l.orgName), orgName: l.orgName }));
      const helperCounts = new Map<string, { name: string; unit: string; households: number }>();
      for (const list of (await pairing.currentHelpersOfVillage(auth, code)).values())
        for (const h of list) {
          const key = `${h.name}\u0000${h.unit}`;
          const c = helperCounts.get(key) ?? { name: h.name, unit: h.unit, households: 0 };
          c.households++;
          helperCounts.set(key, c);
        }
      const helpers = [...helperCounts.values()].sort((a, b) => b.households - a.households || a.name.localeCompare(b.name, 'zh-CN'));

      const found = await registry.search(auth, { region: code, page: 1, pageSize: MAX_HOUSEHOLDS });
      return {
        region,
        asOf,
        standing: villageStanding(v.profile, Number(asOf.slice(0, 4))),
        exitYear,
        poorHouseholds: poor.reduce((a, s) => a + s.households, 0),
        poorPersons: poor.reduce((a, s) => a + s.persons, 0),
        plan: planYears(stats.exits.planned, stats.exits.actual, [exitYear]),
        leaders,
        helpers,
        offices: await officesIn(code, VILLAGE_OFFICE_KINDS),
        households: found.items.map((h) => ({ id: h.id, number: h.number, head: h.head, status: h.status })),
      };
    },
  };
}
export type WallService = ReturnType<typeof makeWallService>;
