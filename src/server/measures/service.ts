/**
 * 帮扶措施 and 脱贫规划 (issue 15): load → decide → save. A household is loaded through the registry's service (its
 * scope, a 帮扶责任人's own households: 404 outside), its helpers through pairing's, a project through the funds';
 * the rules are the domain's (src/domain/measures, src/domain/support/policy.ts).
 */
import type { HouseholdMeasures, HouseholdPlanInput, Measure, MeasureInput, MeasureUpdate, PlanQuery, PlanVsActual, PlanYear, RegionPlanInput } from '../../contract/measures';
import { batchesOf, classify, isMeasureKind, type MeasureKindName } from '../../domain/measures/catalog';
import { checkHouseholdPlan, checkMeasure } from '../../domain/measures/validate-measure';
import { AppError, validationError } from '../../domain/shared/errors';
import { citeWords } from '../../domain/shared/sources';
import { stableMarkRefusal, type FiveBatch } from '../../domain/support/policy';
import { regionPrefixOf, requirePermission, requireRegion, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/connection';
import type { RegionsService } from '../regions/service';
import type { MeasureRow, MeasuresRepo } from './repo';

/** What the measures read of a household (the registry's household answer). */
interface HouseholdOf {
  id: number;
  villageCode: string;
  status: string;
  identifiedYear: number;
}

/** What the plans read of the registry's statistics (as of a day) and a village's year figures. */
interface StatisticsOf {
  villages: { exited: number };
  meanPerCapita: { year: number; mean: number | null };
  exits: { actual: Array<{ year: number; households: number; persons: number }>; planned: Array<{ year: number; households: number; persons: number }> };
}

export interface MeasuresDeps {
  repo: MeasuresRepo;
  transaction: <T>(fn: (repo: MeasuresRepo, tx: Db) => Promise<T>) => Promise<T>;
  repoIn: (tx: Db) => MeasuresRepo;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  household: (auth: Auth, id: number) => Promise<HouseholdOf>;
  /** The household's current 帮扶责任人 (pairing), read only when a helper is named. */
  helpersOf: (auth: Auth, householdId: number) => Promise<Array<{ helperId: number; helperName: string }>>;
  /** A project of the funds' library for the caller (404/403 outside the scope). */
  projectOf: (auth: Auth, id: number) => Promise<{ id: number; villageCode: string }>;
  statistics: (auth: Auth, q: { region: string; asOf: string }) => Promise<StatisticsOf>;
  /** A village's year figures (the registry's 村情 year), read and written for its planned exits. */
  villageYears: (auth: Auth, code: string) => Promise<Array<{ year: number; collectiveIncome: number | null; plannedHouseholds: number | null; plannedPersons: number | null }>>;
  saveVillageYear: (auth: Auth, code: string, year: number, input: { collectiveIncome: number | null; plannedHouseholds: number | null; plannedPersons: number | null }) => Promise<unknown>;
}

/** The source of the plans page, as a user reads it. */
export const PLAN_SOURCE = citeWords('qingyangMaterials', '全乡脱贫规划(包括年度脱贫村、脱贫人口、年末人均纯收入)');
const MAX_YEARS = 12;

function measureOut(m: MeasureRow): Measure {
  const c = isMeasureKind(m.kind) ? classify(m.kind) : { batch: '', project: '', policy: '' };
  return {
    id: m.id,
    householdId: m.householdId,
    villageCode: m.villageCode,
    kind: m.kind,
    batch: c.batch,
    project: c.project,
    policy: c.policy,
    state: m.state,
    on: m.on,
    helperId: m.helperId,
    helperName: m.helperName,
    unit: m.unit,
    responsible: m.helperId != null ? m.helperName : m.unit,
    cost: m.cost,
    projectId: m.projectId,
    note: m.note,
    version: m.version,
  };
}

const stale = (what: string, currentVersion?: number) => new AppError('STALE_VERSION', `该${what}已被他人修改，请刷新后重试`, currentVersion ? { currentVersion } : undefined);

export function makeMeasuresService(deps: MeasuresDeps) {
  const { repo, transaction, regions, audit } = deps;

  /** The measure's values after the domain's checks (helper and project looked up only when named). */
  async function decide(auth: Auth, h: HouseholdOf, input: MeasureInput, previousKind: string | null) {
    const helpers = input.helperId != null ? await deps.helpersOf(auth, h.id).catch(() => []) : [];
    const errors = checkMeasure(input, { status: h.status, helperIds: helpers.map((x) => x.helperId), previousKind });
    if (input.projectId != null) {
      const p = await deps.projectOf(auth, input.projectId).catch(() => null);
      if (!p || p.villageCode.slice(0, 6) !== h.villageCode.slice(0, 6)) errors.push({ field: 'projectId', label: '扶贫项目', message: `项目库中没有该县的项目（编号 ${input.projectId}）` });
    }
    if (errors.length) throw validationError(errors);
    const helper = helpers.find((x) => x.helperId === input.helperId);
    return {
      kind: input.kind,
      state: input.state,
      on: input.on,
      helperId: helper?.helperId ?? null,
      helperName: helper?.helperName ?? '',
      unit: helper ? '' : (input.unit ?? '').trim(),
      cost: input.cost,
      projectId: input.projectId ?? null,
      note: input.note ?? '',
    };
  }

  async function measureIn(auth: Auth, id: number) {
    const m = await repo.measure(id);
    if (!m) throw new AppError('NOT_FOUND', `帮扶措施不存在（编号 ${id}）`);
    requireRegion(auth, m.villageCode, '该帮扶措施');
    // The registry decides whether the caller reaches the household (a 帮扶责任人 only their own): 404 otherwise.
    const h = await deps.household(auth, m.householdId);
    return { m, h };
  }

  const service = {
    /** A household's measures, plan and the 五个一批 its measures fall under. */
    async household(auth: Auth, householdId: number): Promise<HouseholdMeasures> {
      requirePermission(auth, 'registry.read');
      const h = await deps.household(auth, householdId);
      const rows = await repo.measuresOf(householdId);
      const plan = await repo.plan(householdId);
      const batches = batchesOf(rows.map((r) => r.kind));
      return {
        householdId,
        status: h.status,
        identifiedYear: h.identifiedYear,
        measures: rows.map(measureOut),
        plan: plan ? { targetYear: plan.targetYear, plan: plan.plan, version: plan.version } : null,
        batches,
        cost: rows.reduce((a, r) => a + r.cost, 0),
        stableMarkRefusal: stableMarkRefusal(batches),
      };
    },

    async add(auth: Auth, householdId: number, input: MeasureInput): Promise<Measure> {
      requirePermission(auth, 'registry.write');
      const h = await deps.household(auth, householdId);
      const values = await decide(auth, h, input, null);
      const row = await transaction(async (tx, handle) => {
        const m = await tx.insertMeasure({ ...values, householdId, villageCode: h.villageCode, createdBy: auth.userId });
        await audit.recordIn(handle, auth, 'measure', m.id, 'create', null, { householdId, ...values }, { regionCode: h.villageCode });
        return m;
      });
      return measureOut(row);
    },

    async update(auth: Auth, id: number, input: MeasureUpdate): Promise<Measure> {
      requirePermission(auth, 'registry.write');
      const { m, h } = await measureIn(auth, id);
      const values = await decide(auth, h, input, m.kind);
      return transaction(async (tx, handle) => {
        if (!(await tx.updateMeasure(id, input.version, values))) throw stale('帮扶措施', m.version);
        const after = (await tx.measure(id))!;
        await audit.recordIn(handle, auth, 'measure', id, 'update', measureOut(m), measureOut(after), { regionCode: m.villageCode });
        return measureOut(after);
      });
    },

    async remove(auth: Auth, id: number, version: number): Promise<void> {
      requirePermission(auth, 'registry.write');
      const { m } = await measureIn(auth, id);
      await transaction(async (tx, handle) => {
        if (!(await tx.deleteMeasure(id, version))) throw stale('帮扶措施', m.version);
        await audit.recordIn(handle, auth, 'measure', id, 'delete', measureOut(m), null, { regionCode: m.villageCode });
      });
    },

    /** 脱贫时限 and 脱贫计划 of a household. */
    async savePlan(auth: Auth, householdId: number, input: HouseholdPlanInput): Promise<HouseholdMeasures> {
      requirePermission(auth, 'registry.write');
      const h = await deps.household(auth, householdId);
      const errors = checkHouseholdPlan(input, h.identifiedYear);
      if (errors.length) throw validationError(errors);
      await transaction(async (tx, handle) => {
        const before = await tx.plan(householdId);
        const values = { targetYear: input.targetYear, plan: input.plan };
        if (before) {
          if (input.version === undefined || !(await tx.updatePlan(householdId, input.version, values))) throw stale('脱贫计划', before.version);
        } else await tx.insertPlan({ householdId, villageCode: h.villageCode, ...values });
        await audit.recordIn(handle, auth, 'household_plan', householdId, before ? 'update' : 'create', before ?? null, { householdId, ...values }, { regionCode: h.villageCode });
      });
      return service.household(auth, householdId);
    },

    /**
     * The 五个一批 of a household's measures, for the stable-exit procedure's start (seed 004: 属于“社会保障兜底一批”的
     * 脱贫户不得标注为“稳定脱贫户”) and the registry's status change. The caller has loaded the household already (its
     * scope checked); inside the caller's transaction `tx` when given (PGlite has one connection: a read beside an open
     * transaction would wait for it).
     */
    async batchesOf(householdId: number, tx?: Db): Promise<FiveBatch[]> {
      return batchesOf(await (tx ? deps.repoIn(tx) : repo).kindsOf(householdId));
    },

    /** A village's or a township's 脱贫规划 of a year. */
    async saveRegionPlan(auth: Auth, code: string, year: number, input: RegionPlanInput): Promise<PlanVsActual> {
      requirePermission(auth, 'registry.write');
      requireRegion(auth, code, '该地区');
      const region = await regions.get(code);
      if (region.level !== 4 && region.level !== 5) throw validationError([{ field: 'code', label: '地区', message: '脱贫规划按乡镇或村填写' }]);
      if (region.level === 5 && input.plannedVillageExits != null) throw validationError([{ field: 'plannedVillageExits', label: '计划出列村数', message: '计划出列村数按乡镇填写' }]);
      if (region.level === 5 && (input.plannedHouseholds !== undefined || input.plannedPersons !== undefined)) {
        // A village's planned exits are its village year figures (the registry's), kept with its 村集体经济收入.
        const old = (await deps.villageYears(auth, code)).find((y) => y.year === year);
        await deps.saveVillageYear(auth, code, year, {
          collectiveIncome: old?.collectiveIncome ?? null,
          plannedHouseholds: input.plannedHouseholds !== undefined ? (input.plannedHouseholds ?? null) : (old?.plannedHouseholds ?? null),
          plannedPersons: input.plannedPersons !== undefined ? (input.plannedPersons ?? null) : (old?.plannedPersons ?? null),
        });
      }
      const own = region.level === 4 ? { plannedHouseholds: input.plannedHouseholds ?? null, plannedPersons: input.plannedPersons ?? null, plannedVillageExits: input.plannedVillageExits ?? null } : {};
      const values = { ...own, plannedPerCapita: input.plannedPerCapita ?? null };
      await transaction(async (tx, handle) => {
        const before = await tx.regionPlan(code, year);
        if (before) {
          if (input.version === undefined || !(await tx.updateRegionPlan(code, year, input.version, values))) throw stale('脱贫规划', before.version);
        } else await tx.insertRegionPlan({ regionCode: code, year, plannedHouseholds: null, plannedPersons: null, plannedVillageExits: null, ...values });
        await audit.recordIn(handle, auth, 'region_plan', 0, before ? 'update' : 'create', before ?? null, { regionCode: code, year, ...values }, { regionCode: code });
      });
      return service.planVsActual(auth, { region: code, from: year, to: year });
    },

    /**
     * Planned against actual, year by year, for a village or a township: actual exits from the registry's status
     * history (its statistics), village exits as the villages exited by each year-end, the mean per-capita net income
     * of the households' incomes of that year.
     */
    async planVsActual(auth: Auth, q: PlanQuery): Promise<PlanVsActual> {
      requirePermission(auth, 'registry.read');
      requireRegion(auth, q.region, '该地区');
      if (q.to < q.from || q.to - q.from >= MAX_YEARS) throw validationError([{ field: 'to', label: '截止年度', message: `截止年度应不早于起始年度，且最多 ${MAX_YEARS} 年` }]);
      const region = await regions.get(q.region);
      if (region.level !== 4 && region.level !== 5) throw validationError([{ field: 'region', label: '地区', message: '脱贫规划按乡镇或村查看' }]);
      const plans = new Map((await repo.regionPlans(region.code, q.from, q.to)).map((p) => [p.year, p]));
      const at = new Map<number, StatisticsOf>();
      for (let y = q.from - 1; y <= q.to + 1; y++) at.set(y, await deps.statistics(auth, { region: region.code, asOf: `${y}-12-31` }));
      const last = at.get(q.to)!;
      const years: PlanYear[] = [];
      for (let y = q.from; y <= q.to; y++) {
        const p = plans.get(y);
        const villagePlan = last.exits.planned.find((e) => e.year === y);
        const actual = last.exits.actual.find((e) => e.year === y);
        const exitedBy = (year: number) => at.get(year)!.villages.exited;
        const town = region.level === 4;
        years.push({
          year: y,
          planned: {
            households: town ? (p?.plannedHouseholds ?? null) : (villagePlan?.households ?? null),
            persons: town ? (p?.plannedPersons ?? null) : (villagePlan?.persons ?? null),
            villageExits: town ? (p?.plannedVillageExits ?? null) : null,
            perCapita: p?.plannedPerCapita ?? null,
          },
          actual: {
            households: actual?.households ?? 0,
            persons: actual?.persons ?? 0,
            villageExits: exitedBy(y) - exitedBy(y - 1),
            perCapita: at.get(y + 1)!.meanPerCapita.mean === null ? null : Math.round(at.get(y + 1)!.meanPerCapita.mean!),
          },
          villagesPlanned: town ? { households: villagePlan?.households ?? null, persons: villagePlan?.persons ?? null } : null,
          version: p?.version ?? null,
        });
      }
      return { region: { code: region.code, name: region.name, level: region.level }, years, source: PLAN_SOURCE };
    },

    /** For the rosters (计划减贫人口花名册): households of a region whose 脱贫时限 is `year`. */
    async householdsDueIn(auth: Auth, region: string, year: number) {
      requirePermission(auth, 'registry.read');
      requireRegion(auth, region, '该地区');
      const r = await regions.get(region);
      return repo.householdsDue(regionPrefixOf(r), year);
    },

    /** For the rosters (贫困户接受培训情况): the 技能培训 measures of a region (optionally of one year). */
    async trainingIn(auth: Auth, region: string, year?: number) {
      requirePermission(auth, 'registry.read');
      requireRegion(auth, region, '该地区');
      const r = await regions.get(region);
      const kind: MeasureKindName = '技能培训';
      return (await repo.measuresOfKind(regionPrefixOf(r), kind, year)).map((x) => ({ ...measureOut(x.measure), householdNumber: x.number }));
    },
  };
  return service;
}
export type MeasuresService = ReturnType<typeof makeMeasuresService>;
