/**
 * Issue 15 (rosters slice): 防返贫 monitoring after exit (the at-risk households of a region, a page per query) and the
 * 扶贫手册“四个三” check of a household. Scope and permission checked here, as the other features do.
 */
import type { HandbookCheckResult, ReturnRiskPage, ReturnRiskQuery } from '../../contract/rosters';
import { halfYearOf } from '../../domain/pairing/half-year-visit';
import { handbookCheck } from '../../domain/rosters/handbook-check';
import { returnRisks } from '../../domain/rosters/return-risk';
import { isoDate, yearOf } from '../../domain/shared/dates';
import { requirePermission, requireRegion, type Auth } from '../auth/access';
import { prefixOf } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { RegistryService } from '../registry/service';
import type { RostersRepo } from './repo';

export interface RostersDeps {
  repo: RostersRepo;
  regions: Pick<RegionsService, 'get'>;
  registry: Pick<RegistryService, 'household'>;
  /** 帮扶措施 recorded for a household (the measures feature's count). */
  measuresOf?: (auth: Auth, householdId: number) => Promise<number>;
  now: () => Date;
}

export function makeRostersService(deps: RostersDeps) {
  const { repo, regions, now } = deps;
  const today = () => isoDate(now());

  async function prefixFor(auth: Auth, region: string | undefined): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(region);
    return prefixOf(r.code, r.level);
  }

  return {
    /** The households a village's projects of `year` reach (for the 项目受益花名册; the print has checked the scope). */
    beneficiariesOfVillage: (villageCode: string, year: number) => repo.beneficiaries(villageCode, year),

    /**
     * 防返贫监测: the exited households (已脱贫, 稳定脱贫) of the region at risk this half-year, with why (seed 004: “每半年至少
     * 上门回访1次……切实做好防范返贫”). A 帮扶责任人 sees only the households they hold.
     */
    async returnRisks(auth: Auth, q: ReturnRiskQuery): Promise<ReturnRiskPage> {
      requirePermission(auth, 'registry.read');
      const prefix = await prefixFor(auth, q.region);
      const half = halfYearOf(today());
      const heldBy = auth.own === 'households' ? { helperId: auth.helperId ?? -1, day: today() } : undefined;
      const { items, total } = await repo.riskPage(prefix, half.from, half.to, q.pageSize, (q.page - 1) * q.pageSize, heldBy);
      return {
        halfYear: half,
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((c) => ({
          householdId: c.householdId,
          villageCode: c.villageCode,
          villageName: c.villageName,
          number: c.number,
          head: c.head,
          status: c.status as ReturnRiskPage['items'][number]['status'],
          lastVisit: c.lastVisit,
          risks: returnRisks(
            {
              ...c,
              lastVisitOn: c.lastVisit,
              income: c.incomeYear === null || c.netIncome === null ? null : { year: c.incomeYear, netIncome: c.netIncome, householdSize: c.householdSize },
            },
            half,
          ),
        })),
      };
    },

    /** The 扶贫手册“四个三” check of a household: what its 基础信息、帮扶措施、帮扶成效 lack this year. */
    async handbookCheck(auth: Auth, householdId: number): Promise<HandbookCheckResult> {
      requirePermission(auth, 'registry.read');
      const h = await deps.registry.household(auth, householdId);
      const year = yearOf(now());
      const counts = await repo.handbookCounts(h.id, today());
      const measures = deps.measuresOf ? await deps.measuresOf(auth, h.id) : 0;
      const c = handbookCheck({
        year,
        members: h.persons,
        attribute: h.attribute,
        mainCause: h.mainCause,
        helpers: counts.helpers,
        visits: counts.visits,
        measures,
        incomeRecorded: h.incomes.some((i) => i.year === year),
        foodSecure: h.foodSecure,
        clothingSecure: h.clothingSecure,
        housingSafe: h.housingSafe,
        drinkingWaterSafe: h.drinkingWaterSafe,
      });
      return { householdId: h.id, year, ...c };
    },
  };
}
export type RostersService = ReturnType<typeof makeRostersService>;
