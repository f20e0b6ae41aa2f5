import type {
  AssignInput,
  EndAssignmentInput,
  HelperDetail,
  HelperFilters,
  HelperInput,
  HelperList,
  HelperUpdate,
  HouseholdPairing,
  MissingVisitList,
  ReplaceInput,
  WithoutHelperList,
  WithoutHelperQuery,
} from '../../contract/pairing';
import { halfYear, halfYearOf, missingVisitProblem, type HalfYear } from '../../domain/pairing/half-year-visit';
import { handoverNotes, heldOn, withEndReason } from '../../domain/pairing/handovers';
import { helperEligibilityProblem, HELPER_KIND_LABELS } from '../../domain/pairing/helper-eligibility';
import { MAX_HOUSEHOLDS_PER_HELPER, helperLimitProblem } from '../../domain/pairing/helper-limit';
import { helperRecordProblems } from '../../domain/pairing/helper-record';
import { assignmentsOnStatus, needsHelper, struckOffReason } from '../../domain/pairing/helper-statuses';
import { recordedDayProblem } from '../../domain/pairing/recorded-day';
import type { HouseholdStatus } from '../../domain/registry/household-rules';
import { isoDate, isRealDate } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { can, inRegion, regionOnLine, requirePermission, requireRegion } from '../auth/access';
import type { MembersService } from '../members/service';
import type { OrgsService } from '../orgs/service';
import { LEVEL_DIGITS } from '../regions/china-division';
import { ancestorCodes, type RegionsService } from '../regions/service';
import type { Notifier } from '../notifications/service';
import type { RegistryService, Tx } from '../registry/service';
import type { AuditService } from '../audit/service';
import { snapshotOf } from '../audit/snapshots';
import type { RecordImportResult } from '../../contract/bulk-import';
import { cellError, importRefused, placeError, type SheetRow } from '../http/import-sheet';
import { HELPER_COLUMN_OF, HELPER_SHEET, helperKindOfCell, helperLevelOfCell, type HelperImportKey } from './helper-import-sheet';
import { makeLeaderVillageMethods } from './leader-village-service';
import type { HelperRow, HelperValues, HouseholdRef, PairingRepo } from './repo';
import { makeOwnHouseholdCheck, makeVisitMethods, visitAnswer } from './visit-service';
import { allPages } from '../http/pages';

export interface PairingDeps {
  repo: PairingRepo;
  transaction: <T>(fn: (repo: PairingRepo) => Promise<T>) => Promise<T>;
  /** The repository over another feature's open transaction (a status change ending assignments in it). */
  repoIn: (tx: Tx) => PairingRepo;
  registry: RegistryService;
  regions: RegionsService;
  orgs: OrgsService;
  members: MembersService;
  audit: AuditService;
  now: () => Date;
  /** Households one helper may hold at a time (seed 004: 一般不超过3户). */
  helperLimit?: number;
  /** Tells a helper's account of a household assigned to them (issue 11's notifications), after the transaction. */
  notify?: Notifier;
}

/** The region prefix of a 12-digit code of a known level (`513431000000`, 3 → `513431`). */
const prefixOf = (code: string, level: number) => code.slice(0, LEVEL_DIGITS[level] ?? 12);

/**
 * 帮扶责任人, their households and visits, and seed 002's leader–village links (issue 4). Visits and signature files are in
 * `visit-service.ts`, the leader–village links in `leader-village-service.ts`; this service answers for all of them.
 */
export function makePairingService(deps: PairingDeps) {
  const { repo, transaction, repoIn, registry, regions, audit, now } = deps;
  const limit = deps.helperLimit ?? MAX_HOUSEHOLDS_PER_HELPER;
  const today = () => isoDate(now());
  const requireOwnHousehold = makeOwnHouseholdCheck(repo, now);

  /** A household assigned to a helper: the helper's account is told (issue 11: a 帮扶责任人's list). */
  const assigned = (auth: Auth, helperId: number, householdId: number, fromOn: string) =>
    deps.notify?.helper(helperId, { kind: 'assignment', title: `您被确定为一户贫困户的帮扶责任人（自 ${fromOn} 起）`, link: `/registry/households/${householdId}`, from: auth.userId });

  /**
   * A 帮扶责任人's account speaks for one helper record (users.helper_id): issue 11, “帮扶责任人 (sees and visits their
   * own households only)”. Null for every other role; -1 when the account is linked to no helper (it then sees none).
   */
  const ownHelper = (auth: Auth): number | null => (auth.own === 'households' ? (auth.helperId ?? -1) : null);

  /** The prefix a list covers: the region asked for (checked against the user's scope) or the user's own. */
  async function regionPrefixOf(auth: Auth, region?: string): Promise<{ prefix: string; ancestors: string[] }> {
    if (region) {
      requireRegion(auth, region);
      const r = await regions.get(region);
      return { prefix: prefixOf(r.code, r.level), ancestors: ancestorCodes(r.code, r.level) };
    }
    const level = LEVEL_DIGITS.indexOf(auth.regionPrefix.length as (typeof LEVEL_DIGITS)[number]);
    return { prefix: auth.regionPrefix, ancestors: level > 0 ? ancestorCodes(auth.regionPrefix.padEnd(12, '0'), level) : [] };
  }

  /**
   * A helper the user may see and assign: one working in the user's region, or in a region above it (a county cadre
   * helping households of a township). Changing the helper's own record needs the helper's region in scope.
   */
  function helperVisible(auth: Auth, h: HelperRow): boolean {
    const own = ownHelper(auth);
    return (own === null || own === h.id) && regionOnLine(auth, h.regionCode);
  }

  async function loadHelper(auth: Auth, id: number): Promise<HelperRow> {
    const h = await repo.helper(id);
    if (!h || (ownHelper(auth) !== null && ownHelper(auth) !== id)) throw new AppError('NOT_FOUND', `帮扶责任人不存在（编号 ${id}）`);
    if (!helperVisible(auth, h)) throw new AppError('FORBIDDEN', '无权访问该帮扶责任人：不在您的管辖范围内');
    return h;
  }

  /** A helper about to take a household: visible, active and eligible, each problem naming the field `helperId`. */
  async function assignableHelper(auth: Auth, id: number): Promise<HelperRow> {
    const h = await repo.helper(id);
    if (!h) throw validationError([{ field: 'helperId', label: '帮扶责任人', message: `帮扶责任人不存在（编号 ${id}）` }]);
    if (!helperVisible(auth, h)) throw new AppError('FORBIDDEN', '无权选择该帮扶责任人：不在您的管辖范围内');
    if (!h.active) throw validationError([{ field: 'helperId', label: '帮扶责任人', message: `“${h.name}”已停用，不能再联系贫困户` }]);
    const problem = helperEligibilityProblem(h.kind, h.level);
    if (problem) throw validationError([{ field: 'helperId', label: '帮扶责任人', message: `“${h.name}”不符合帮扶责任人条件（${problem.label}：${problem.message}）` }]);
    return h;
  }

  /** A household the user may see, as the registry answers (scope and status); a 帮扶责任人 only their own. */
  async function household(auth: Auth, id: number) {
    await requireOwnHousehold(auth, id);
    return registry.household(auth, id);
  }

  /** How a household is named in messages; households outside the user's scope are not named. */
  function householdLabel(auth: Auth, h: HouseholdRef): string {
    if (!inRegion(auth, h.villageCode)) return '不在您管辖范围内的 1 户';
    return `${h.villageName.replace(/村?(村民委员会|村委会)$/, '村')} 户编号 ${h.number}${h.head ? `（户主 ${h.head}）` : ''}`;
  }

  /** In the write transaction, after the helper's row is locked: the limit and the household not held twice. */
  async function checkCanTake(auth: Auth, tx: PairingRepo, helperId: number, householdId: number, day: string): Promise<HelperRow> {
    const locked = await tx.lockHelper(helperId);
    if (!locked?.active) throw validationError([{ field: 'helperId', label: '帮扶责任人', message: '该帮扶责任人已停用，不能再联系贫困户' }]);
    const held = await tx.heldBy(helperId, day);
    if (held.some((x) => x.householdId === householdId)) throw new AppError('DUPLICATE', `“${locked.name}”已是该户的帮扶责任人`);
    const problem = helperLimitProblem(
      locked.name,
      held.map((x) => ({ householdId: x.householdId, label: householdLabel(auth, x) })),
      limit,
    );
    if (problem)
      throw new AppError('CONFLICT', problem, {
        fields: [{ field: 'helperId', label: '帮扶责任人', message: problem }],
        helperId,
        households: held.filter((x) => inRegion(auth, x.villageCode)).map((x) => x.householdId),
      });
    return locked;
  }

  async function checkRegion(auth: Auth, code: string): Promise<FieldError | null> {
    if (!/^\d{12}$/.test(code) || !(await regions.exists(code))) return { field: 'regionCode', label: '所在地区', message: '行政区划代码不存在' };
    if (!inRegion(auth, code)) return { field: 'regionCode', label: '所在地区', message: '不在您的管辖范围内' };
    return null;
  }

  function halfYearParam(q: { year?: number; half?: number }): HalfYear {
    const current = halfYearOf(today());
    const year = q.year ?? current.year;
    const half = q.half ?? (q.year === undefined ? current.half : 1);
    const fields: FieldError[] = [];
    if (!Number.isInteger(year) || year < 2013 || year > current.year) fields.push({ field: 'year', label: '年度', message: `应在 2013 至 ${current.year} 年之间` });
    if (half !== 1 && half !== 2) fields.push({ field: 'half', label: '半年', message: '应为 1（上半年）或 2（下半年）' });
    if (fields.length) throw validationError(fields);
    return halfYear(year, half as 1 | 2);
  }

  const core = {
    helperLimit: limit,

    // --- helpers -------------------------------------------------------------------------------------------------
    async helpers(auth: Auth, q: HelperFilters & { page: number; pageSize: number }): Promise<HelperList> {
      const { prefix, ancestors } = await regionPrefixOf(auth, q.region);
      const own = ownHelper(auth);
      const res = await repo.listHelpers({ prefix, ancestors, q: q.q, active: q.active, ...(own === null ? {} : { id: own }) }, today(), q.pageSize, (q.page - 1) * q.pageSize);
      return { ...res, limit, page: q.page, pageSize: q.pageSize };
    },

    /** Every helper the list finds, for its export: batches of 2,000 (at most 100,000). */
    exportHelpers(auth: Auth, q: HelperFilters): AsyncGenerator<HelperList['items']> {
      return allPages((page, pageSize) => this.helpers(auth, { ...q, page, pageSize }));
    },

    /** A helper with the households they hold and held (households outside the user's scope are not named). */
    async helper(auth: Auth, id: number): Promise<HelperDetail> {
      const h = await loadHelper(auth, id);
      const day = today();
      const rows = await repo.assignmentsOfHelper(id);
      const assignments = rows.map((a) => {
        const visible = inRegion(auth, a.villageCode);
        return {
          id: a.id,
          fromOn: a.fromOn,
          toOn: a.toOn,
          reason: a.reason,
          current: heldOn(a, day),
          household: visible ? { id: a.householdId, villageCode: a.villageCode, villageName: a.villageName, number: a.number, head: a.head, status: a.status } : null,
        };
      });
      const eligibility = helperEligibilityProblem(h.kind, h.level);
      return {
        ...h,
        kindLabel: HELPER_KIND_LABELS[h.kind],
        region: await regions.get(h.regionCode),
        eligible: eligibility === null,
        eligibilityProblem: eligibility ? `${eligibility.label}：${eligibility.message}` : null,
        // Counted toward the limit: the households held today that keep a helper (a 清退 household frees its place).
        households: rows.filter((r) => heldOn(r, day) && needsHelper(r.status)).length,
        limit,
        editable: can(auth, 'pairing.manage') && inRegion(auth, h.regionCode),
        assignments,
      };
    },

    async createHelper(auth: Auth, input: HelperInput): Promise<HelperDetail> {
      requirePermission(auth, 'pairing.manage');
      const values: HelperValues = {
        name: input.name.trim(),
        unit: input.unit.trim(),
        kind: input.kind,
        level: input.level,
        post: (input.post ?? '').trim(),
        phone: (input.phone ?? '').trim(),
        regionCode: input.regionCode,
        active: true,
      };
      const fields = helperRecordProblems(values);
      const region = await checkRegion(auth, values.regionCode);
      if (region) fields.push(region);
      if (fields.length) throw validationError(fields);
      const row = await repo.insertHelper(values);
      await audit.record(auth, 'helper', row.id, 'create', null, snapshotOf('helper', values), { regionCode: values.regionCode });
      return this.helper(auth, row.id);
    },

    /** Edits a helper; `active: false` deactivates one who holds no household any more. */
    async updateHelper(auth: Auth, id: number, input: HelperUpdate): Promise<HelperDetail> {
      requirePermission(auth, 'pairing.manage');
      const h = await loadHelper(auth, id);
      requireRegion(auth, h.regionCode, '该帮扶责任人');
      const values: HelperValues = {
        name: (input.name ?? h.name).trim(),
        unit: (input.unit ?? h.unit).trim(),
        kind: input.kind ?? h.kind,
        level: input.level ?? h.level,
        post: (input.post ?? h.post).trim(),
        phone: (input.phone ?? h.phone).trim(),
        regionCode: input.regionCode ?? h.regionCode,
        active: input.active ?? h.active,
      };
      // A deactivated helper keeps the record as it was (a level no longer eligible stays); only reactivation checks the
      // rules again. The kind is one of the domain's whatever the state: the answer names it.
      const kindProblem = helperEligibilityProblem(values.kind, values.level);
      const fields = values.active ? helperRecordProblems(values) : kindProblem?.field === 'kind' ? [kindProblem] : [];
      if (values.regionCode !== h.regionCode) {
        const region = await checkRegion(auth, values.regionCode);
        if (region) fields.push(region);
      }
      if (fields.length) throw validationError(fields);
      if (h.active && !values.active) {
        const held = await repo.heldBy(id, today());
        if (held.length)
          throw new AppError('CONFLICT', `“${h.name}”仍联系 ${held.length} 户（${held.map((x) => householdLabel(auth, x)).join('、')}），请先办理更换或结束帮扶后再停用`, {
            fields: [{ field: 'active', label: '状态', message: '仍有联系的贫困户' }],
          });
      }
      if (!(await repo.updateHelper(id, input.version, values))) throw new AppError('STALE_VERSION', '该帮扶责任人信息已被他人修改，请刷新后重试', { currentVersion: h.version });
      await audit.record(auth, 'helper', id, 'update', snapshotOf('helper', h), snapshotOf('helper', values), { regionCode: values.regionCode });
      return this.helper(auth, id);
    },

    /**
     * The helpers' bulk import (issue 11): every row checked as `createHelper` checks one (`helperRecordProblems`, so a
     * village-level cadre is refused per row — seed 004: “帮扶联系人仅有村干部” is a problem found — and the region in the
     * importer's scope), every error placed on its row and column; written in one transaction only when no row has one.
     */
    async importHelpers(auth: Auth, rows: Array<SheetRow<HelperImportKey>>): Promise<RecordImportResult> {
      requirePermission(auth, 'pairing.manage');
      const ownRegion = (await deps.orgs.get(auth, auth.orgId)).regionCode;
      const errors: FieldError[] = [];
      const ready: HelperValues[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const c = r.cells;
        const values: HelperValues = {
          name: c.name,
          unit: c.unit,
          kind: helperKindOfCell(c.kind) as HelperValues['kind'],
          level: helperLevelOfCell(c.level),
          post: c.post,
          phone: c.phone,
          regionCode: c.region || ownRegion,
          active: true,
        };
        const rowErrors = helperRecordProblems(values).map((e) => placeError(HELPER_SHEET, r.row, e, HELPER_COLUMN_OF));
        const region = await checkRegion(auth, values.regionCode);
        if (region) rowErrors.push(placeError(HELPER_SHEET, r.row, region, HELPER_COLUMN_OF));
        const key = `${values.name}\u0000${values.phone}`;
        const twin = seen.get(key);
        if (twin !== undefined && values.name) rowErrors.push(cellError(HELPER_SHEET, r.row, 'name', `与第 ${twin} 行是同一人（姓名和联系电话相同）`));
        else seen.set(key, r.row);
        if (rowErrors.length) errors.push(...rowErrors);
        else ready.push(values);
      }
      if (errors.length) throw importRefused(HELPER_SHEET, errors);
      const ids = await transaction(async (tx) => {
        const ids: number[] = [];
        for (const values of ready) {
          const row = await tx.insertHelper(values);
          await audit.record(auth, 'helper', row.id, 'create', null, snapshotOf('helper', values), { regionCode: values.regionCode });
          ids.push(row.id);
        }
        return ids;
      });
      return { created: ids.length, ids };
    },

    // --- a household's helpers and visits ------------------------------------------------------------------------
    /** The panel “帮扶责任人与走访” of a household: helpers now and before, the dated changes, the visits. */
    async household(auth: Auth, householdId: number): Promise<HouseholdPairing> {
      const h = await household(auth, householdId);
      const status = h.status as HouseholdStatus;
      const day = today();
      const assignments = (await repo.assignmentsOfHousehold(householdId)).map((a) => ({ ...a, at: new Date(a.at).toISOString(), current: heldOn(a, day) }));
      const visits = await repo.visitsOfHousehold(householdId);
      const files = await repo.attachmentsOfVisits(visits.map((v) => v.id));
      const half = halfYearOf(day);
      return {
        householdId,
        status,
        limit,
        helpers: assignments.filter((a) => a.current),
        assignments,
        notes: handoverNotes(assignments),
        visits: visits.map((v) => visitAnswer(v, files)),
        halfYear: { ...half, problem: missingVisitProblem(status, visits, half) },
      };
    },

    /** Assigns a helper to a household from a day (default today), within the helper's limit. */
    async assign(auth: Auth, householdId: number, input: AssignInput): Promise<HouseholdPairing> {
      requirePermission(auth, 'pairing.manage');
      const h = await household(auth, householdId);
      if (!needsHelper(h.status)) throw new AppError('CONFLICT', `该户已${h.status}，不再确定帮扶责任人`);
      const day = today();
      const fromOn = input.fromOn ?? day;
      const bad = recordedDayProblem('fromOn', '起始日期', fromOn, day);
      if (bad) throw validationError([bad]);
      await assignableHelper(auth, input.helperId);
      await transaction(async (tx) => {
        await checkCanTake(auth, tx, input.helperId, householdId, day);
        const created = await tx.insertAssignment({ householdId, helperId: input.helperId, fromOn, toOn: null, reason: input.reason?.trim() ?? '', userId: auth.userId });
        await audit.record(auth, 'assignment', created.id, 'create', null, snapshotOf('assignment', created), { regionCode: h.villageCode });
      });
      await assigned(auth, input.helperId, householdId, fromOn);
      return this.household(auth, householdId);
    },

    /** Ends an assignment on a day (default today); the household keeps the dated record. */
    async endAssignment(auth: Auth, id: number, input: EndAssignmentInput): Promise<HouseholdPairing> {
      requirePermission(auth, 'pairing.manage');
      const a = await repo.assignment(id);
      if (!a) throw new AppError('NOT_FOUND', `帮扶关系不存在（编号 ${id}）`);
      const held = await household(auth, a.householdId);
      if (a.toOn !== null) throw new AppError('CONFLICT', `该帮扶关系已于 ${a.toOn} 结束`);
      const day = today();
      const toOn = input.toOn ?? day;
      const bad = recordedDayProblem('toOn', '结束日期', toOn, day, { day: a.fromOn, what: '起始日期' });
      if (bad) throw validationError([bad]);
      if (!(await repo.endAssignment(id, toOn, withEndReason(a.reason, input.reason ?? '')))) throw new AppError('CONFLICT', '该帮扶关系已结束，请刷新后重试');
      await audit.record(auth, 'assignment', id, 'update', snapshotOf('assignment', a), snapshotOf('assignment', { ...a, toOn, reason: withEndReason(a.reason, input.reason ?? '') }), { regionCode: held.villageCode });
      return this.household(auth, a.householdId);
    },

    /** Replaces a household's helper: the old assignment ends and the new one starts the same day, with the reason. */
    async replace(auth: Auth, id: number, input: ReplaceInput): Promise<HouseholdPairing> {
      requirePermission(auth, 'pairing.manage');
      const a = await repo.assignment(id);
      if (!a) throw new AppError('NOT_FOUND', `帮扶关系不存在（编号 ${id}）`);
      const held = await household(auth, a.householdId);
      if (a.toOn !== null) throw new AppError('CONFLICT', `该帮扶关系已于 ${a.toOn} 结束，不能再更换`);
      const day = today();
      const on = input.on ?? day;
      const fields: FieldError[] = [];
      if (!input.reason?.trim()) fields.push({ field: 'reason', label: '更换原因', message: '请填写更换原因（扶贫手册须备注从何时调整更换）' });
      const bad = recordedDayProblem('on', '更换日期', on, day);
      if (bad) fields.push(bad);
      else if (on <= a.fromOn) fields.push({ field: 'on', label: '更换日期', message: `应晚于原帮扶责任人的起始日期 ${a.fromOn}` });
      if (input.helperId === a.helperId) fields.push({ field: 'helperId', label: '帮扶责任人', message: '新帮扶责任人与原帮扶责任人相同' });
      if (fields.length) throw validationError(fields);
      await assignableHelper(auth, input.helperId);
      const reason = input.reason.trim();
      await transaction(async (tx) => {
        await checkCanTake(auth, tx, input.helperId, a.householdId, day);
        if (!(await tx.endAssignment(id, on, withEndReason(a.reason, reason)))) throw new AppError('CONFLICT', '该帮扶关系已结束，请刷新后重试');
        const created = await tx.insertAssignment({ householdId: a.householdId, helperId: input.helperId, fromOn: on, toOn: null, reason, userId: auth.userId });
        await audit.record(auth, 'assignment', id, 'update', snapshotOf('assignment', a), snapshotOf('assignment', { ...a, toOn: on, reason: withEndReason(a.reason, reason) }), { regionCode: held.villageCode });
        await audit.record(auth, 'assignment', created.id, 'create', null, snapshotOf('assignment', created), { regionCode: held.villageCode });
      });
      await assigned(auth, input.helperId, a.householdId, on);
      return this.household(auth, a.householdId);
    },

    /**
     * Inside the transaction of a household's status change (a procedure's last step, handle `handle`): a status that
     * keeps no helper (清退) ends the household's open assignments on the day it takes effect, with the reason; the
     * exited keep theirs (脱贫不脱帮扶). Returns the assignments ended.
     */
    async statusChangedIn(handle: Tx, auth: Auth, change: { householdId: number; villageCode: string; status: string; on: string; reason: string }) {
      if (assignmentsOnStatus(change.status) === 'keep') return [];
      const tx = repoIn(handle);
      const ended: number[] = [];
      for (const a of await tx.openAssignmentsOf(change.householdId)) {
        // An assignment dated after the change ends on its first day (it never held the household).
        const toOn = a.fromOn > change.on ? a.fromOn : change.on;
        const reason = withEndReason(a.reason, struckOffReason(change.reason));
        if (!(await tx.endAssignment(a.id, toOn, reason))) continue;
        await audit.record(auth, 'assignment', a.id, 'update', snapshotOf('assignment', a), snapshotOf('assignment', { ...a, toOn, reason }), { regionCode: change.villageCode });
        ended.push(a.id);
      }
      return ended;
    },

    /** Households that keep a helper (poor and exited) with none on a day (default today): for data quality. */
    async withoutHelper(auth: Auth, q: WithoutHelperQuery): Promise<WithoutHelperList> {
      const { prefix } = await regionPrefixOf(auth, q.region);
      const day = q.on ?? today();
      if (!isRealDate(day)) throw validationError([{ field: 'on', label: '日期', message: '应为 YYYY-MM-DD' }]);
      // A 帮扶责任人's own households all have a helper: none of them is without one.
      if (ownHelper(auth) !== null) return { items: [], total: 0, on: day, page: q.page, pageSize: q.pageSize };
      return { ...(await repo.withoutHelper(prefix, day, q.pageSize, (q.page - 1) * q.pageSize)), on: day, page: q.page, pageSize: q.pageSize };
    },

    /** Exited households of a region without a helper's visit in a half-year (default the current one): for data quality. */
    async missingVisits(auth: Auth, q: { region?: string; year?: number; half?: number; page: number; pageSize: number }): Promise<MissingVisitList> {
      const { prefix } = await regionPrefixOf(auth, q.region);
      const half = halfYearParam(q);
      const own = ownHelper(auth);
      const heldBy = own === null ? undefined : { helperId: own, day: today() };
      return { halfYear: half, ...(await repo.exitedWithoutVisit(prefix, half.from, half.to, q.pageSize, (q.page - 1) * q.pageSize, heldBy)), page: q.page, pageSize: q.pageSize };
    },

    /** The helpers of a village's households today, by household (the registry's 贫困户精准扶贫一览表 shows them). */
    async currentHelpersOfVillage(auth: Auth, villageCode: string): Promise<Map<number, Array<{ name: string; unit: string }>>> {
      requireRegion(auth, villageCode, '该村');
      const byHousehold = new Map<number, Array<{ name: string; unit: string }>>();
      for (const { householdId, ...helper } of await repo.helpersOfVillage(villageCode, today())) byHousehold.set(householdId, [...(byHousehold.get(householdId) ?? []), helper]);
      return byHousehold;
    },
  };
  return { ...core, ...makeVisitMethods(deps), ...makeLeaderVillageMethods(deps) };
}
export type PairingService = ReturnType<typeof makePairingService>;
