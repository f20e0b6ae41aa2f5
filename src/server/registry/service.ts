import { householdExit, identifyHousehold, stableExitMarking, type HouseholdAttribute, type HouseholdFacts, type HouseholdStatus } from '../../domain/registry/household-rules';
import { maskIdNumber } from '../../domain/registry/id-number';
import { computeIncome, type IncomeInput, type IncomeResult } from '../../domain/registry/income';
import { summarise } from '../../domain/registry/rollup';
import { applicableLine, DEFAULT_LINES, SCOPE_LABELS, type LineScope, type PovertyLine } from '../../domain/registry/poverty-lines';
import { statusChangeProblem, STATUSES } from '../../domain/registry/status-transition';
import { futureEffectiveDateProblem } from '../../domain/registry/status-date';
import { checkHousehold, type HouseholdInput } from '../../domain/registry/validate-household';
import { villageExit, villageExitParams, type VillageExitParams } from '../../domain/registry/village-exit';
import type { Verdict } from '../../domain/registry/verdict';
import { isoDate, isRealDate, yearOf } from '../../domain/shared/dates';
import type { Household, HouseholdHit } from '../../contract/registry/households';
import type { PovertyLineRow, Statistics, TrialHouseholdResult } from '../../contract/registry/rules';
import type { Village } from '../../contract/registry/villages';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { INCOME_ITEM_LABELS } from '../../domain/audit/labels';
import type { AuditService } from '../audit/service';
import { householdSnapshot, snapshotOf } from '../audit/snapshots';
import { ID_NUMBER_TAKEN_ELSEWHERE, requireRegion, requireRole, scopedMessage } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { Db } from '../db/connection';
import { LEVEL_DIGITS } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { HouseholdRow, IncomeRow, PersonRow, RegistryRepo } from './repo';
import { factChanges, figuresAsOf, incomeInput, maintainRollup, rebuildRollup, snapshotFacts } from './rollup';

/**
 * A transaction another service opened (an opaque handle): the registry's `…In(tx, …)` writes run inside it, so they
 * commit or roll back with that service's own change (issue 9: a procedure's last step and its registry change).
 */
export type Tx = Db;

export interface RegistryDeps {
  repo: RegistryRepo;
  transaction: <T>(fn: (repo: RegistryRepo, tx: Tx) => Promise<T>) => Promise<T>;
  /** The repository over a transaction handle. */
  repoIn: (tx: Tx) => RegistryRepo;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
}

export type IncomeItems = Omit<IncomeInput, 'householdSize'>;


function factsOf(h: Pick<HouseholdRow, 'foodSecure' | 'clothingSecure' | 'housingSafe' | 'drinkingWaterSafe'>, income: IncomeResult, members: PersonRow[] | HouseholdFacts['members']): HouseholdFacts {
  return {
    income,
    foodSecure: h.foodSecure,
    clothingSecure: h.clothingSecure,
    housingSafe: h.housingSafe,
    drinkingWaterSafe: h.drinkingWaterSafe,
    members: members.map((m) => ({
      name: m.name,
      schooling: m.schooling as HouseholdFacts['members'][number]['schooling'],
      dropoutForPoverty: !!m.dropoutForPoverty,
      medicalEligible: m.medicalEligible,
      medicalInsured: m.medicalInsured,
    })),
  };
}

/** The code prefix that selects a region and everything under it. */
export function regionPrefix(code: string, level: number): string {
  return code.slice(0, LEVEL_DIGITS[level] ?? 12);
}

export function makeRegistryService(deps: RegistryDeps) {
  const { repo, transaction, repoIn, regions, audit, now } = deps;

  async function lines(r: RegistryRepo = repo): Promise<PovertyLineRow[]> {
    return (await r.listLines()).map((l) => ({ ...l, scope: l.scope as LineScope }));
  }

  async function lineFor(year: number, regionCode: string, r: RegistryRepo = repo): Promise<PovertyLine> {
    const line = applicableLine(await lines(r), year, regionCode);
    if (!line) throw new AppError('VALIDATION', `缺少 ${year} 年适用于该地区的扶贫标准，请先在“扶贫标准”中设置`, {
      fields: [{ field: 'year', label: '年度', message: `缺少 ${year} 年的扶贫标准` }],
    });
    return line;
  }

  async function village(auth: Auth, code: string) {
    requireRegion(auth, code, '该村');
    const region = await regions.get(code);
    if (region.level !== 5) throw new AppError('VALIDATION', `“${region.name}”不是村级行政区划`);
    return region;
  }

  /** A village checked through the registry's repository (inside a transaction the regions service is not reachable). */
  async function villageIn(r: RegistryRepo, auth: Auth, code: string) {
    requireRegion(auth, code, '该村');
    const region = await r.region(code);
    if (!region) throw new AppError('NOT_FOUND', `行政区划代码不存在：${code}`);
    if (region.level !== 5) throw new AppError('VALIDATION', `“${region.name}”不是村级行政区划`);
    return region;
  }

  async function loadHousehold(auth: Auth, id: number, r: RegistryRepo = repo): Promise<HouseholdRow> {
    const h = await r.household(id);
    if (!h) throw new AppError('NOT_FOUND', `贫困户不存在（编号 ${id}）`);
    requireRegion(auth, h.villageCode, '该户');
    return h;
  }

  /** One person, one household (issue 3): an ID number already in another household is refused, naming it. */
  async function idNumbersFree(auth: Auth, ids: string[], exceptHousehold: number | null, r: RegistryRepo = repo): Promise<FieldError[]> {
    const taken = (await r.personsByIdNumbers(ids)).filter((p) => p.householdId !== exceptHousehold);
    return taken.map((p) => ({ field: 'persons', label: '身份证号', message: `${maskIdNumber(p.idNumber)}${takenMessage(auth, p)}` }));
  }

  /** What may be said of the household holding a taken ID number: named in the user's scope, unnamed outside it. */
  function takenMessage(auth: Auth, p: { name: string; villageCode: string; number: string }): string {
    return scopedMessage(auth, p.villageCode, () => `（${p.name}）已在其他户（村代码 ${p.villageCode}，户编号 ${p.number}）中，一人只能属于一户`, `：${ID_NUMBER_TAKEN_ELSEWHERE}`);
  }

  function verdicts(h: HouseholdRow, income: IncomeResult | null, members: PersonRow[], line: PovertyLine | undefined) {
    if (!income || !line) return null;
    const facts = factsOf(h, income, members);
    return {
      line: { year: line.year, scope: SCOPE_LABELS[line.scope], yuan: line.yuan, source: line.source },
      identification: identifyHousehold(facts, line.yuan),
      exit: householdExit(facts, line.yuan),
      stableExit: stableExitMarking({ status: h.status as HouseholdStatus, attribute: h.attribute as HouseholdAttribute }),
    };
  }

  return {
    lines,
    /** The ID numbers of `ids` already registered, each with `takenMessage` (issue 10: a new identification asks at every step). */
    async idNumbersTaken(auth: Auth, ids: string[]): Promise<Map<string, string>> {
      return new Map((await repo.personsByIdNumbers(ids)).map((p) => [p.idNumber, takenMessage(auth, p)]));
    },
    async setLine(auth: Auth, l: { year: number; scope: string; regionPrefix?: string; yuan: number; source?: string }) {
      requireRole(auth, 'sysadmin');
      const fields: FieldError[] = [];
      if (!['national', 'provincial', 'municipal'].includes(l.scope)) fields.push({ field: 'scope', label: '适用范围', message: '应为 national、provincial 或 municipal' });
      if (!Number.isInteger(l.yuan) || l.yuan <= 0) fields.push({ field: 'yuan', label: '标准（元）', message: '应为正整数（元）' });
      const prefix = l.scope === 'national' ? '' : (l.regionPrefix ?? '');
      if (l.scope === 'provincial' && !/^\d{2}$/.test(prefix)) fields.push({ field: 'regionPrefix', label: '地区代码', message: '省标应填写 2 位省级代码' });
      if (l.scope === 'municipal' && !/^\d{4}$/.test(prefix)) fields.push({ field: 'regionPrefix', label: '地区代码', message: '市标应填写 4 位市级代码' });
      if (fields.length) throw validationError(fields);
      await repo.upsertLine({ year: l.year, scope: l.scope, regionPrefix: prefix, yuan: l.yuan, source: l.source ?? '' });
      await audit.record(auth, 'poverty_line', 0, 'update', null, { year: l.year, scope: l.scope, regionPrefix: prefix, yuan: l.yuan, source: l.source ?? '' });
      return lines();
    },
    async deleteLine(auth: Auth, id: number) {
      requireRole(auth, 'sysadmin');
      if (!(await repo.deleteLine(id))) throw new AppError('NOT_FOUND', '该扶贫标准不存在');
      await audit.record(auth, 'poverty_line', id, 'delete', { id }, null);
    },
    /** Recomputes the maintained statistics from the status history and the incomes (also `taizhang recompute`). */
    async rebuildRollup(auth: Auth, onProgress?: (done: number, total: number) => void) {
      requireRole(auth, 'sysadmin');
      return transaction((tx) => rebuildRollup(tx, onProgress));
    },
    /** After an upgrade that introduced the rollup, households exist but the rollup is empty: build it once. */
    async ensureRollup(): Promise<number | null> {
      if (!(await repo.rollupIsEmpty()) || (await repo.maxHouseholdId()) === 0) return null;
      return (await transaction((tx) => rebuildRollup(tx))).households;
    },
    async ensureDefaultLines() {
      if ((await repo.countLines()) === 0) for (const l of DEFAULT_LINES) await repo.upsertLine(l);
    },

    // --- villages ------------------------------------------------------------------------------------------------
    /** The village with its exit check: seed 004's thresholds (`DEFAULT_VILLAGE_EXIT`), or those the caller chose. */
    async village(auth: Auth, code: string, thresholds: Partial<VillageExitParams> = {}): Promise<Village> {
      const region = await village(auth, code);
      const profile = await repo.villageProfile(code);
      const years = await repo.villageYears(code);
      const today = isoDate(now());
      const { byStatus } = summarise(await figuresAsOf(repo, code, today, Number(today.slice(0, 4)) - 1), 0);
      const remainingPoor = byStatus.filter((s) => s.status === '未脱贫' || s.status === '返贫').reduce((a, s) => a + s.persons, 0);
      const lastIncome = [...years].reverse().find((y) => y.collectiveIncome !== null);
      const exitCheck = villageExit(
        {
          remainingPoor,
          certifiedPopulation: profile?.certifiedPopulation ?? 0,
          specialtyIndustries: profile?.specialtyIndustries.length ?? 0,
          collectiveIncomeYuan: lastIncome?.collectiveIncome ?? 0,
          infrastructureImproved: profile?.infrastructureImproved ?? false,
          publicServicesImproved: profile?.publicServicesImproved ?? false,
        },
        villageExitParams(thresholds),
      );
      return { region, profile: profile ?? null, years, byStatus, remainingPoor, collectiveIncomeYear: lastIncome?.year ?? null, exitCheck };
    },
    async saveVillage(
      auth: Auth,
      code: string,
      input: {
        poorVillage: boolean;
        identifiedYear?: number | null;
        exited: boolean;
        exitYear?: number | null;
        certifiedPopulation?: number | null;
        populationYear?: number | null;
        specialtyIndustries?: string[];
        facilities?: Record<string, boolean>;
        infrastructureImproved?: boolean;
        publicServicesImproved?: boolean;
        version: number | null;
      },
    ) {
      requireRole(auth, 'sysadmin', 'org_admin');
      await village(auth, code);
      const fields: FieldError[] = [];
      if (input.poorVillage && !input.identifiedYear) fields.push({ field: 'identifiedYear', label: '识别年度', message: '贫困村须填写识别年度' });
      if (input.exited && !input.exitYear) fields.push({ field: 'exitYear', label: '出列年度', message: '已出列的村须填写出列年度' });
      if (input.certifiedPopulation !== undefined && input.certifiedPopulation !== null && input.certifiedPopulation < 0)
        fields.push({ field: 'certifiedPopulation', label: '公安认定总人口', message: '不能为负数' });
      if (fields.length) throw validationError(fields);
      const profileBefore = await repo.villageProfile(code);
      const ok = await repo.saveVillageProfile(
        {
          regionCode: code,
          poorVillage: input.poorVillage,
          identifiedYear: input.identifiedYear ?? null,
          exited: input.exited,
          exitYear: input.exitYear ?? null,
          certifiedPopulation: input.certifiedPopulation ?? null,
          populationYear: input.populationYear ?? null,
          specialtyIndustries: (input.specialtyIndustries ?? []).map((s) => s.trim()).filter(Boolean),
          facilities: input.facilities ?? {},
          infrastructureImproved: !!input.infrastructureImproved,
          publicServicesImproved: !!input.publicServicesImproved,
        },
        input.version,
      );
      if (!ok) throw new AppError('STALE_VERSION', '该村信息已被他人修改，请刷新后重试');
      await audit.record(auth, 'village', 0, profileBefore ? 'update' : 'create', snapshotOf('village', profileBefore), snapshotOf('village', await repo.villageProfile(code)), { regionCode: code });
      return this.village(auth, code);
    },
    /** 出列 inside a transaction (the village-exit procedure's last step): the profile as read there, marked exited. */
    async markVillageExitedIn(handle: Tx, auth: Auth, code: string, exitYear: number) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const tx = repoIn(handle);
      const region = await villageIn(tx, auth, code);
      const profile = await tx.villageProfile(code);
      if (!profile?.poorVillage) throw new AppError('CONFLICT', `${region.name}不是贫困村，无需办理出列`);
      if (profile.exited) throw new AppError('CONFLICT', `${region.name}已于 ${profile.exitYear} 年出列`);
      const { version, ...values } = profile;
      if (!(await tx.saveVillageProfile({ ...values, exited: true, exitYear }, version))) throw new AppError('STALE_VERSION', '该村信息已被他人修改，请刷新后重试');
      await audit.record(auth, 'village', 0, 'update', snapshotOf('village', profile), snapshotOf('village', await tx.villageProfile(code)), { regionCode: code });
    },
    async saveVillageYear(auth: Auth, code: string, year: number, input: { collectiveIncome?: number | null; plannedHouseholds?: number | null; plannedPersons?: number | null }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      await village(auth, code);
      const yearBefore = (await repo.villageYears(code)).find((y) => y.year === year);
      await repo.saveVillageYear({ regionCode: code, year, collectiveIncome: input.collectiveIncome ?? null, plannedHouseholds: input.plannedHouseholds ?? null, plannedPersons: input.plannedPersons ?? null });
      await audit.record(auth, 'village', 0, yearBefore ? 'update' : 'create', snapshotOf('village', yearBefore), snapshotOf('village', (await repo.villageYears(code)).find((y) => y.year === year)), { regionCode: code });
      return this.village(auth, code);
    },

    // --- households ----------------------------------------------------------------------------------------------
    async search(auth: Auth, q: { region?: string; q?: string; status?: string; page: number; pageSize: number }) {
      let prefix = auth.regionPrefix;
      if (q.region) {
        requireRegion(auth, q.region);
        const r = await regions.get(q.region);
        prefix = regionPrefix(r.code, r.level);
      }
      const { items, total } = await repo.search(prefix, q.q ?? '', q.status, q.pageSize, (q.page - 1) * q.pageSize);
      const hits: HouseholdHit[] = items.map((h) => ({ ...h, attribute: h.attribute as HouseholdAttribute, status: h.status as HouseholdStatus }));
      return { items: hits, total, page: q.page, pageSize: q.pageSize };
    },

    async createHousehold(auth: Auth, input: HouseholdInput & { identifiedOn?: string }) {
      const id = await transaction((_r, tx) => this.enterHousehold(tx, auth, input));
      return this.household(auth, id);
    },
    /**
     * Enters a new household inside a transaction (`createHousehold`'s, or a procedure's last step): the ID numbers and
     * the household number are checked there; two entered at once are told apart by the unique keys (409).
     */
    async enterHousehold(handle: Tx, auth: Auth, input: HouseholdInput & { identifiedOn?: string }): Promise<number> {
      requireRole(auth, 'sysadmin', 'org_admin');
      requireRegion(auth, input.villageCode ?? '', '该村');
      const { persons, errors } = checkHousehold(input, now());
      if (errors.length) throw validationError(errors);
      const tx = repoIn(handle);
      await villageIn(tx, auth, input.villageCode);
      const taken = await idNumbersFree(auth, persons.map((p) => p.idNumber), null, tx);
      if (taken.length) throw validationError(taken);
      if (await tx.householdByNumber(input.villageCode, input.number.trim()))
        throw validationError([{ field: 'number', label: '户编号', message: `本村已有户编号 ${input.number.trim()}` }]);
      const identifiedOn = input.identifiedOn ?? `${input.identifiedYear}-12-31`;
      const id = await tx.insertHousehold({
        villageCode: input.villageCode,
        number: input.number.trim(),
        attribute: input.attribute,
        identifiedYear: input.identifiedYear,
        identifiedOn,
        mainCause: input.mainCause,
        secondaryCauses: input.secondaryCauses ?? [],
        housingSafe: !!input.housingSafe,
        drinkingWaterSafe: !!input.drinkingWaterSafe,
        foodSecure: !!input.foodSecure,
        clothingSecure: !!input.clothingSecure,
        status: '未脱贫',
      });
      await maintainRollup(tx, [id], async () => {
        await tx.insertPersons(id, persons);
        await tx.insertStatus({
          householdId: id,
          villageCode: input.villageCode,
          status: '未脱贫',
          year: input.identifiedYear,
          effectiveOn: identifiedOn,
          persons: persons.length,
          ...snapshotFacts(input.attribute, input.mainCause, persons),
          reason: '建档立卡识别',
          userId: auth.userId,
          userName: auth.displayName,
          at: now(),
        });
      });
      await audit.record(auth, 'household', id, 'create', null, householdSnapshot(await tx.household(id), await tx.personsOf(id)), { regionCode: input.villageCode });
      return id;
    },

    async household(auth: Auth, id: number): Promise<Household> {
      const h = await loadHousehold(auth, id);
      const members = await repo.personsOf(id);
      const incomes = await repo.incomes(id);
      const history = await repo.statusHistory(id);
      const computed = incomes.map((row) => ({ year: row.year, items: row, result: computeIncome(incomeInput(row, members.length)) }));
      const latest = computed[computed.length - 1];
      const line = latest ? applicableLine(await lines(), latest.year, h.villageCode) : undefined;
      return {
        ...h,
        attribute: h.attribute as HouseholdAttribute,
        status: h.status as HouseholdStatus,
        village: await regions.get(h.villageCode),
        persons: maskFor(auth, members),
        incomes: computed,
        history: history.map((s) => ({ status: s.status as HouseholdStatus, year: s.year, effectiveOn: s.effectiveOn, persons: s.persons, reason: s.reason, userName: s.userName, at: new Date(s.at).toISOString() })),
        verdicts: latest ? verdicts(h, latest.result, members, line) : null,
        verdictYear: latest?.year ?? null,
      };
    },

    async updateHousehold(auth: Auth, id: number, input: Partial<Omit<HouseholdInput, 'villageCode'>> & { version: number; reason?: string }) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const h = await loadHousehold(auth, id);
      const current = await repo.personsOf(id);
      const merged: HouseholdInput = {
        villageCode: h.villageCode,
        number: input.number ?? h.number,
        attribute: input.attribute ?? h.attribute,
        identifiedYear: input.identifiedYear ?? h.identifiedYear,
        mainCause: input.mainCause ?? h.mainCause,
        secondaryCauses: input.secondaryCauses ?? h.secondaryCauses,
        housingSafe: input.housingSafe ?? h.housingSafe,
        drinkingWaterSafe: input.drinkingWaterSafe ?? h.drinkingWaterSafe,
        foodSecure: input.foodSecure ?? h.foodSecure,
        clothingSecure: input.clothingSecure ?? h.clothingSecure,
        persons: input.persons ?? current.map((p) => ({ ...p, disabilityGrade: p.disabilityGrade })),
      };
      const { persons, errors } = checkHousehold(merged, now());
      if (errors.length) throw validationError(errors);
      if (input.persons) {
        const taken = await idNumbersFree(auth, persons.map((p) => p.idNumber), id);
        if (taken.length) throw validationError(taken);
      }
      // Size, attribute, main cause and labour are part of the as-of figures: a change of any is a dated history row.
      const before = snapshotFacts(h.attribute, h.mainCause, current);
      const after = snapshotFacts(merged.attribute, merged.mainCause, input.persons ? persons : current);
      const size = input.persons ? persons.length : current.length;
      const what = factChanges(before, after, current.length, size);
      await transaction(async (tx) => {
        await maintainRollup(tx, [id], async () => {
          const ok = await tx.updateHousehold(id, input.version, {
            number: merged.number.trim(),
            attribute: merged.attribute,
            identifiedYear: merged.identifiedYear,
            mainCause: merged.mainCause,
            secondaryCauses: merged.secondaryCauses ?? [],
            housingSafe: !!merged.housingSafe,
            drinkingWaterSafe: !!merged.drinkingWaterSafe,
            foodSecure: !!merged.foodSecure,
            clothingSecure: !!merged.clothingSecure,
          });
          if (!ok) throw new AppError('STALE_VERSION', '该户信息已被他人修改，请刷新后重试', { currentVersion: h.version });
          if (input.persons) {
            await tx.deletePersons(id);
            await tx.insertPersons(id, persons);
          }
          if (what.length) {
            const last = (await tx.statusHistory(id)).at(-1);
            const today = isoDate(now());
            await tx.insertStatus({
              householdId: id,
              villageCode: h.villageCode,
              status: h.status,
              year: h.statusYear,
              // A change of facts takes effect today, or with the last change when that is dated later.
              effectiveOn: last && last.effectiveOn > today ? last.effectiveOn : today,
              persons: size,
              ...after,
              reason: input.reason?.trim() || what.join('；'),
              userId: auth.userId,
              userName: auth.displayName,
              at: now(),
            });
          }
        });
        await audit.record(auth, 'household', id, 'update', householdSnapshot(h, current), householdSnapshot(await tx.household(id), await tx.personsOf(id)), { regionCode: h.villageCode });
      });
      return this.household(auth, id);
    },

    async saveIncome(auth: Auth, id: number, year: number, items: Partial<Omit<IncomeRow, 'householdId' | 'year'>>) {
      requireRole(auth, 'sysadmin', 'org_admin');
      const household = await loadHousehold(auth, id);
      const incomeBefore = (await repo.incomes(id)).find((r) => r.year === year);
      const fields: FieldError[] = [];
      const row: IncomeRow = {
        householdId: id,
        year,
        wages: 0,
        business: 0,
        property: 0,
        subsidies: 0,
        minimumLiving: 0,
        extremePoverty: 0,
        pension: 0,
        ecological: 0,
        otherTransfer: 0,
        businessCosts: 0,
        illnessCosts: 0,
        schoolingCosts: 0,
      };
      for (const [k, v] of Object.entries(items)) {
        if (!(k in row) || k === 'householdId' || k === 'year') continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fields.push({ field: k, label: INCOME_ITEM_LABELS[k] ?? k, message: '应为不小于 0 的整数（元）' });
        else (row as unknown as Record<string, number>)[k] = v;
      }
      if (year < 2013 || year > yearOf(now())) fields.push({ field: 'year', label: '年度', message: `应在 2013 至 ${yearOf(now())} 年之间` });
      if (fields.length) throw validationError(fields);
      await transaction(async (tx) => {
        await maintainRollup(tx, [id], () => tx.saveIncome(row));
        await audit.record(auth, 'income', id, incomeBefore ? 'update' : 'create', snapshotOf('income', incomeBefore), snapshotOf('income', row), { regionCode: household.villageCode });
      });
      return this.household(auth, id);
    },

    /** A status change with its date and reason, checked against the transition table and the exit rules. */
    async changeStatus(auth: Auth, id: number, input: { status: string; year?: number | null; effectiveOn?: string; reason: string; version: number; viaProcedure?: number }) {
      await transaction((_r, tx) => this.changeStatusIn(tx, auth, id, input));
      return this.household(auth, id);
    },
    /** `changeStatus` inside a transaction (a procedure's last step); without a version, the household's as read there. */
    async changeStatusIn(handle: Tx, auth: Auth, id: number, input: { status: string; year?: number | null; effectiveOn?: string; reason: string; version?: number; viaProcedure?: number }) {
      const tx = repoIn(handle);
      // Issue 4: a status changes by completing its procedure; outside one, only a system administrator corrects data.
      if (input.viaProcedure === undefined) requireRole(auth, 'sysadmin');
      else requireRole(auth, 'sysadmin', 'org_admin');
      const h = await loadHousehold(auth, id, tx);
      const to = input.status as HouseholdStatus;
      if (!STATUSES.includes(to)) throw validationError([{ field: 'status', label: '状态', message: `应为${STATUSES.join('、')}之一` }]);
      const problem = statusChangeProblem(h.status as HouseholdStatus, to);
      if (problem) throw new AppError('CONFLICT', problem);
      if (!input.reason?.trim()) throw validationError([{ field: 'reason', label: '变更原因', message: '请填写变更原因' }]);
      const effectiveOn = input.effectiveOn ?? isoDate(now());
      if (!isRealDate(effectiveOn))
        throw validationError([{ field: 'effectiveOn', label: '生效日期', message: '应为 YYYY-MM-DD' }]);
      const future = futureEffectiveDateProblem(effectiveOn, now());
      if (future) throw validationError([{ field: 'effectiveOn', label: '生效日期', message: future }]);
      // The history is a timeline: a change cannot take effect before the household's last one.
      const last = (await tx.statusHistory(id)).at(-1);
      if (last && effectiveOn < last.effectiveOn)
        throw validationError([{ field: 'effectiveOn', label: '生效日期', message: `不能早于上一次变更的生效日期 ${last.effectiveOn}` }]);
      const members = await tx.personsOf(id);
      if (to === '已脱贫') {
        const year = input.year ?? Number(effectiveOn.slice(0, 4));
        const income = (await tx.incomes(id)).find((r) => r.year === year);
        if (!income) throw validationError([{ field: 'year', label: '脱贫年度', message: `缺少 ${year} 年的收入数据，无法判断是否达到脱贫标准` }]);
        const line = await lineFor(year, h.villageCode, tx);
        const verdict = householdExit(factsOf(h, computeIncome(incomeInput(income, members.length)), members), line.yuan);
        if (!verdict.passed) throw exitRefused(verdict);
      }
      if (to === '稳定脱贫') {
        const verdict = stableExitMarking({ status: h.status as HouseholdStatus, attribute: h.attribute as HouseholdAttribute });
        if (!verdict.passed) throw exitRefused(verdict, '不能标注为稳定脱贫');
      }
      const year = to === '已脱贫' ? (input.year ?? Number(effectiveOn.slice(0, 4))) : h.statusYear;
      await maintainRollup(tx, [id], async () => {
        if (!(await tx.updateHousehold(id, input.version ?? h.version, { status: to, statusYear: year })))
          throw new AppError('STALE_VERSION', '该户信息已被他人修改，请刷新后重试', { currentVersion: h.version });
        await tx.insertStatus({
          householdId: id,
          villageCode: h.villageCode,
          status: to,
          year,
          effectiveOn,
          persons: members.length,
          ...snapshotFacts(h.attribute, h.mainCause, members),
          reason: input.reason.trim(),
          userId: auth.userId,
          userName: auth.displayName,
          at: now(),
        });
      });
      await audit.record(auth, 'status', id, 'update', { status: h.status, year: h.statusYear }, { status: to, year, effectiveOn, reason: input.reason.trim(), viaProcedure: input.viaProcedure ?? null }, { regionCode: h.villageCode });
    },

    /** 测算: runs the rules on a household as entered, without saving anything. */
    async trialHousehold(
      auth: Auth,
      input: {
        regionCode: string;
        year: number;
        status?: string;
        attribute?: string;
        income: IncomeItems;
        householdSize: number;
        foodSecure: boolean;
        clothingSecure: boolean;
        housingSafe: boolean;
        drinkingWaterSafe?: boolean;
        members: HouseholdFacts['members'];
      },
    ): Promise<TrialHouseholdResult> {
      requireRegion(auth, input.regionCode);
      const line = await lineFor(input.year, input.regionCode);
      const income = computeIncome({ ...input.income, householdSize: input.householdSize });
      const facts = factsOf({ ...input, drinkingWaterSafe: !!input.drinkingWaterSafe }, income, input.members);
      return {
        income,
        line: { year: line.year, scope: SCOPE_LABELS[line.scope], yuan: line.yuan, source: line.source },
        identification: identifyHousehold(facts, line.yuan),
        exit: householdExit(facts, line.yuan),
        stableExit: stableExitMarking({ status: (input.status ?? '已脱贫') as HouseholdStatus, attribute: (input.attribute ?? '一般贫困户') as HouseholdAttribute }),
      };
    },
    trialVillage(input: Parameters<typeof villageExit>[0], thresholds?: Partial<VillageExitParams>) {
      return villageExit(input, villageExitParams(thresholds));
    },

    /** Statistics of a region subtree as of a date (default today). */
    async statistics(auth: Auth, q: { region?: string; asOf?: string }): Promise<Statistics> {
      const code = q.region ?? (auth.regionPrefix ? auth.regionPrefix.padEnd(12, '0') : null);
      let prefix = auth.regionPrefix;
      let region: Awaited<ReturnType<RegionsService['get']>> | null = null;
      if (code) {
        requireRegion(auth, code);
        region = await regions.get(code);
        prefix = regionPrefix(region.code, region.level);
      }
      const asOf = q.asOf ?? isoDate(now());
      if (!isRealDate(asOf)) throw validationError([{ field: 'asOf', label: '统计日期', message: '应为 YYYY-MM-DD' }]);
      const year = Number(asOf.slice(0, 4));
      const figures = summarise(await figuresAsOf(repo, prefix, asOf, year - 1), year - 1);
      const villages = await repo.villageCounts(prefix, year);
      const poorPersons = figures.byStatus.filter((s) => s.status === '未脱贫' || s.status === '返贫').reduce((a, s) => a + s.persons, 0);
      return {
        region,
        asOf,
        villages,
        byStatus: figures.byStatus,
        poorPersons,
        incidence: villages.population > 0 ? poorPersons / villages.population : null,
        meanPerCapita: { year: year - 1, ...figures.meanPerCapita },
        byCause: figures.byCause,
        byAttribute: figures.byAttribute,
        byLabour: figures.byLabour,
        exits: { actual: figures.exitsByYear, planned: await repo.plannedExits(prefix) },
      };
    },
  };
}

function exitRefused(verdict: Verdict, what = '未达到脱贫标准'): AppError {
  const failed = verdict.criteria.filter((c) => c.passed === false);
  return new AppError('CONFLICT', `${what}：${failed.map((c) => `${c.label}（${c.reason}）`).join('；')}`, { verdict });
}

export type RegistryService = ReturnType<typeof makeRegistryService>;
