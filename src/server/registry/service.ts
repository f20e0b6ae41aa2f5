import { stableMarkRefusal, type FiveBatch } from '../../domain/support/policy';
import { householdExit, identifyHousehold, stableExitMarking, type HouseholdAttribute, type HouseholdFacts, type HouseholdStatus } from '../../domain/registry/household-rules';
import { maskIdNumber } from '../../domain/registry/id-number';
import { computeIncome, type IncomeInput, type IncomeResult, type ReportedIncome } from '../../domain/registry/income';
import { applicableLine, SCOPE_LABELS, type PovertyLine } from '../../domain/registry/poverty-lines';
import { statusChangeProblem, STATUSES } from '../../domain/registry/status-transition';
import { futureEffectiveDateProblem } from '../../domain/registry/status-date';
import { checkHousehold, type HouseholdInput } from '../../domain/registry/validate-household';
import type { Verdict } from '../../domain/registry/verdict';
import { isoDate, isRealDate, yearOf } from '../../domain/shared/dates';
import { emptyIncomeItems, type Household } from '../../contract/registry/households';
import type { TrialHouseholdResult } from '../../contract/registry/rules';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { INCOME_ITEM_LABELS } from '../../domain/audit/labels';
import type { AuditService } from '../audit/service';
import { householdSnapshot, snapshotOf } from '../audit/snapshots';
import type { Snapshot } from '../../domain/audit/diff';
import { ID_NUMBER_TAKEN_ELSEWHERE, requirePermission, requireRegion, scopedMessage } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { Db } from '../db/connection';
import type { RegionsService } from '../regions/service';
import type { HouseholdRow, IncomeRow, PersonRow, RegistryRepo } from './repo';
import { factChanges, incomeInput, maintainRollup, rebuildRollup, snapshotFacts } from './rollup';
import { makeLineService } from './line-service';
import { makeStatisticsService, regionPrefix } from './statistics-service';
import { makeVillageService, villageIn } from './village-service';
import { requireYearOpen, type YearWrite } from './year-lock';
import { yearFiguresOf } from './statistics-service';
import { makeHouseholdSearch } from './household-search-service';

export { regionPrefix };

/**
 * A transaction another service opened (an opaque handle): the registry's `…In(tx, …)` writes run inside it, so they
 * commit or roll back with that service's own change (issue 9: a procedure's last step and its registry change).
 */
export type Tx = Db;

export interface RegistryDeps {
  repo: RegistryRepo;
  /**
   * The repository the statistics, the household list and search and their export read through (issue 13,
   * DATABASE_READ_URL: `database.read`, a streaming replica or the primary for a user who has just written); `repo`
   * without one. Every write and every read inside a write goes through `repo`.
   */
  readRepo?: RegistryRepo;
  transaction: <T>(fn: (repo: RegistryRepo, tx: Tx) => Promise<T>) => Promise<T>;
  /** The repository over a transaction handle. */
  repoIn: (tx: Tx) => RegistryRepo;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  /** The households a 帮扶责任人 holds today (pairing's current assignments); none known without it. */
  helperHouseholds?: (helperId: number) => Promise<number[]>;
  /**
   * Why a year's figures of a village may not be edited in place (reports: 报送 and waiting, or approved and locked), or
   * null; asked inside the writing transaction (issue 11: “approved figures are locked … never an edit in place”).
   */
  yearLock?: (tx: Tx, villageCode: string, year: number) => Promise<string | null>;
  // issue 15: benefits — what departments reported paying the household (政策享受), per year and income item.
  reportedIncome?: (householdId: number, tx?: Tx) => Promise<Map<number, ReportedIncome>>;
  // issue 15: measures — the 五个一批 of a household's measures (a 社会保障兜底一批 household is not marked 稳定脱贫).
  householdBatches?: (householdId: number, tx?: Tx) => Promise<readonly FiveBatch[]>;
}


/**
 * The households a user narrowed to their own (`own === 'households'`, the 帮扶责任人) may see: those they hold today;
 * null for every other user, who sees the whole of their scope (issue 11: 帮扶责任人 “sees and visits their own
 * households only”).
 */
export async function ownHouseholds(auth: Auth, helperHouseholds: RegistryDeps['helperHouseholds']): Promise<number[] | null> {
  if (auth.own !== 'households') return null;
  if (!auth.helperId || !helperHouseholds) return [];
  return helperHouseholds(auth.helperId);
}

export type IncomeItems = Omit<IncomeInput, 'householdSize'>;

/** What PATCH /api/registry/households/:id changes (only the facts given; `persons` replaces the members). */
export type HouseholdChange = Partial<Omit<HouseholdInput, 'villageCode'>> & { version: number; reason?: string };
/** PUT …/incomes/:year: the items of a year (absent: 0). */
export type IncomeChange = Partial<Omit<IncomeRow, 'householdId' | 'year'>>;
/** How a write runs: checked only (a change request's proposal), or with a trace added to its history (its approval). */
export interface WriteOptions {
  checkOnly?: boolean;
  trace?: string;
}


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

/** The household's own columns as the form gives them: the number trimmed, absent causes and facts empty / false. */
function householdColumns(h: HouseholdInput) {
  return {
    number: h.number.trim(),
    attribute: h.attribute,
    identifiedYear: h.identifiedYear,
    mainCause: h.mainCause,
    secondaryCauses: h.secondaryCauses ?? [],
    housingSafe: !!h.housingSafe,
    drinkingWaterSafe: !!h.drinkingWaterSafe,
    foodSecure: !!h.foodSecure,
    clothingSecure: !!h.clothingSecure,
  };
}

export function makeRegistryService(deps: RegistryDeps) {
  const { repo, transaction, repoIn, regions, audit, now } = deps;

  const reads = { ...deps, repo: deps.readRepo ?? repo };
  const lineService = makeLineService(deps);
  const householdSearch = makeHouseholdSearch(reads);
  const { lines, lineFor } = lineService;

  async function loadHousehold(auth: Auth, id: number, r: RegistryRepo = repo): Promise<HouseholdRow> {
    const h = await r.household(id);
    const missing = () => new AppError('NOT_FOUND', `贫困户不存在（编号 ${id}）`);
    if (!h) throw missing();
    requireRegion(auth, h.villageCode, '该户');
    // A 帮扶责任人's view: a household they do not hold today is answered as if it did not exist.
    const own = await ownHouseholds(auth, deps.helperHouseholds);
    if (own && !own.includes(id)) throw missing();
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
    ...makeVillageService(deps),
    ...makeStatisticsService(reads),
    /** A region's figures of a year as a report keeps them (报送), read through the transaction `handle` when given. */
    async yearFigures(handle: Tx | null, auth: Auth, regionCode: string, year: number) {
      const r = handle ? repoIn(handle) : repo;
      requireRegion(auth, regionCode);
      const region = await r.region(regionCode);
      if (!region) throw new AppError('NOT_FOUND', `行政区划代码不存在：${regionCode}`);
      return yearFiguresOf(r, regionPrefix(regionCode, region.level), year);
    },
    ...lineService,
    /** The ID numbers of `ids` already registered, each with `takenMessage` (issue 10: a new identification asks at every step). */
    async idNumbersTaken(auth: Auth, ids: string[]): Promise<Map<string, string>> {
      return new Map((await repo.personsByIdNumbers(ids)).map((p) => [p.idNumber, takenMessage(auth, p)]));
    },
    /** Recomputes the maintained statistics from the status history and the incomes (also `taizhang recompute`). */
    async rebuildRollup(auth: Auth, onProgress?: (done: number, total: number) => void) {
      // A maintenance command of the system administrator's (the only role holding 数据更正).
      requirePermission(auth, 'registry.correct');
      return transaction((tx) => rebuildRollup(tx, onProgress));
    },
    /** After an upgrade that introduced the rollup, households exist but the rollup is empty: build it once. */
    async ensureRollup(): Promise<number | null> {
      if (!(await repo.rollupIsEmpty()) || (await repo.maxHouseholdId()) === 0) return null;
      return (await transaction((tx) => rebuildRollup(tx))).households;
    },

    // --- households ----------------------------------------------------------------------------------------------
    /** One page of households (keyset by `cursor`, totals from the maintained statistics or capped): household-search-service.ts. */
    search: householdSearch.search,
    /** Every household the search finds, for the list's export (keyset batches). */
    exportSearch: householdSearch.exportSearch,

    async createHousehold(auth: Auth, input: HouseholdInput & { identifiedOn?: string }) {
      const id = await transaction((_r, tx) => this.enterHousehold(tx, auth, input));
      return this.household(auth, id);
    },
    /**
     * Enters a new household inside a transaction (`createHousehold`'s, or a procedure's last step): the ID numbers and
     * the household number are checked there; two entered at once are told apart by the unique keys (409). A
     * procedure's last step (`viaProcedure`) enters it for whoever may pass that step (办理动态调整程序).
     */
    async enterHousehold(handle: Tx, auth: Auth, input: HouseholdInput & { identifiedOn?: string }, viaProcedure?: number): Promise<number> {
      requirePermission(auth, viaProcedure === undefined ? 'registry.write' : 'procedures.handle', { region: input.villageCode ?? '', what: '该村' });
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
        ...householdColumns(input),
        villageCode: input.villageCode,
        identifiedOn,
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
      const reported = (await deps.reportedIncome?.(id)) ?? new Map<number, ReportedIncome>();
      const computed = incomes.map((row) => ({ year: row.year, items: row, result: computeIncome(incomeInput(row, members.length), reported.get(row.year)) }));
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

    async updateHousehold(auth: Auth, id: number, input: HouseholdChange) {
      await transaction((_r, tx) => this.updateHouseholdIn(tx, auth, id, input));
      return this.household(auth, id);
    },
    /**
     * `updateHousehold` inside a transaction another service opened (a change request's approval). `checkOnly`: every
     * check of the write (input, ID numbers, version), nothing written; answers the household before and as it would
     * be. `trace` is added to the status-history row's reason (who proposed, who approved).
     */
    async updateHouseholdIn(handle: Tx, auth: Auth, id: number, input: HouseholdChange, opts: WriteOptions = {}): Promise<{ before: Snapshot | null; after: Snapshot | null }> {
      requirePermission(auth, 'registry.write');
      const tx = repoIn(handle);
      const h = await loadHousehold(auth, id, tx);
      const current = await tx.personsOf(id);
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
        const taken = await idNumbersFree(auth, persons.map((p) => p.idNumber), id, tx);
        if (taken.length) throw validationError(taken);
      }
      const before = householdSnapshot(h, current);
      if (opts.checkOnly) {
        if (h.version !== input.version) throw new AppError('STALE_VERSION', '该户信息已被他人修改，请刷新后重试', { currentVersion: h.version });
        return { before, after: householdSnapshot({ ...h, ...householdColumns(merged) }, input.persons ? persons : current) };
      }
      // Size, attribute, main cause and labour are part of the as-of figures: a change of any is a dated history row.
      const factsBefore = snapshotFacts(h.attribute, h.mainCause, current);
      const factsAfter = snapshotFacts(merged.attribute, merged.mainCause, input.persons ? persons : current);
      const size = input.persons ? persons.length : current.length;
      const what = factChanges(factsBefore, factsAfter, current.length, size);
      await maintainRollup(tx, [id], async () => {
        const ok = await tx.updateHousehold(id, input.version, householdColumns(merged));
        if (!ok) throw new AppError('STALE_VERSION', '该户信息已被他人修改，请刷新后重试', { currentVersion: h.version });
        if (input.persons) {
          await tx.deletePersons(id);
          await tx.insertPersons(id, persons);
        }
        if (what.length) {
          const last = (await tx.statusHistory(id)).at(-1);
          const today = isoDate(now());
          const reason = input.reason?.trim() || what.join('；');
          await tx.insertStatus({
            householdId: id,
            villageCode: h.villageCode,
            status: h.status,
            year: h.statusYear,
            // A change of facts takes effect today, or with the last change when that is dated later.
            effectiveOn: last && last.effectiveOn > today ? last.effectiveOn : today,
            persons: size,
            ...factsAfter,
            reason: opts.trace ? `${reason}（${opts.trace}）` : reason,
            userId: auth.userId,
            userName: auth.displayName,
            at: now(),
          });
        }
      });
      const after = householdSnapshot(await tx.household(id), await tx.personsOf(id));
      await audit.record(auth, 'household', id, 'update', before, after, { regionCode: h.villageCode });
      return { before, after };
    },

    async saveIncome(auth: Auth, id: number, year: number, items: IncomeChange) {
      await transaction((_r, tx) => this.saveIncomeIn(tx, auth, id, year, items));
      return this.household(auth, id);
    },
    /**
     * `saveIncome` inside a transaction another service opened: refused while a report locks the year (报送), unless it
     * applies an approved correction request (`opts.correction`, decided by whoever may approve reports); `checkOnly`
     * as `updateHouseholdIn`'s (a change request's proposal is checked against the lock too).
     */
    async saveIncomeIn(handle: Tx, auth: Auth, id: number, year: number, items: IncomeChange, opts: WriteOptions & YearWrite = {}): Promise<{ before: Snapshot | null; after: Snapshot | null }> {
      requirePermission(auth, opts.correction === undefined ? 'registry.write' : 'reports.approve');
      const tx = repoIn(handle);
      const household = await loadHousehold(auth, id, tx);
      const incomeBefore = (await tx.incomes(id)).find((r) => r.year === year);
      const fields: FieldError[] = [];
      const row: IncomeRow = { householdId: id, year, ...emptyIncomeItems() };
      for (const [k, v] of Object.entries(items)) {
        if (!(k in row) || k === 'householdId' || k === 'year') continue;
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fields.push({ field: k, label: INCOME_ITEM_LABELS[k] ?? k, message: '应为不小于 0 的整数（元）' });
        else (row as unknown as Record<string, number>)[k] = v;
      }
      if (year < 2013 || year > yearOf(now())) fields.push({ field: 'year', label: '年度', message: `应在 2013 至 ${yearOf(now())} 年之间` });
      if (fields.length) throw validationError(fields);
      await requireYearOpen(deps, handle, household.villageCode, year, opts);
      const before = snapshotOf('income', incomeBefore);
      const after = snapshotOf('income', row);
      if (opts.checkOnly) return { before, after };
      await maintainRollup(tx, [id], () => tx.saveIncome(row));
      await audit.record(auth, 'income', id, incomeBefore ? 'update' : 'create', before, after && opts.correction !== undefined ? { ...after, correction: opts.correction } : after, { regionCode: household.villageCode });
      return { before, after };
    },

    /** The household's own columns and members, and one year's income, as stored (a change request's staleness check). */
    async currentIn(handle: Tx, auth: Auth, id: number, year?: number | null) {
      const tx = repoIn(handle);
      const h = await loadHousehold(auth, id, tx);
      const income = year ? (await tx.incomes(id)).find((r) => r.year === year) : undefined;
      return { household: h, income: snapshotOf('income', income) };
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
      requirePermission(auth, input.viaProcedure === undefined ? 'registry.correct' : 'procedures.handle');
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
        const reported = (await deps.reportedIncome?.(id, handle))?.get(year);
        const verdict = householdExit(factsOf(h, computeIncome(incomeInput(income, members.length), reported), members), line.yuan);
        if (!verdict.passed) throw exitRefused(verdict);
      }
      if (to === '稳定脱贫') {
        const verdict = stableExitMarking({ status: h.status as HouseholdStatus, attribute: h.attribute as HouseholdAttribute });
        if (!verdict.passed) throw exitRefused(verdict, '不能标注为稳定脱贫');
        const refusal = deps.householdBatches ? stableMarkRefusal(await deps.householdBatches(id, handle)) : null;
        if (refusal) throw validationError([{ field: 'status', label: '状态', message: refusal }]);
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

  };
}

function exitRefused(verdict: Verdict, what = '未达到脱贫标准'): AppError {
  const failed = verdict.criteria.filter((c) => c.passed === false);
  return new AppError('CONFLICT', `${what}：${failed.map((c) => `${c.label}（${c.reason}）`).join('；')}`, { verdict });
}

export type RegistryService = ReturnType<typeof makeRegistryService>;
