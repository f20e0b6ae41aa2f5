import type { Correction, CorrectionCreate, OwnReport, Report, ReportFigures, ReportFilters, ReportSubmit } from '../../contract/reports';
import type { RegionDetail } from '../../contract/regions';
import { INCOME_ITEM_LABELS } from '../../domain/audit/labels';
import {
  CORRECTION_STATE_LABELS,
  correctionTransition,
  REPORT_STATE_LABELS,
  reportTransition,
  yearLockProblem,
  type CorrectionState,
  type ReportState,
} from '../../domain/reports/reports';
import { yearOf } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { can, inRegion, regionPrefixOf, requirePermission, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/connection';
import type { RegionsService } from '../regions/service';
import type { RegistryService } from '../registry/service';
import type { CorrectionRow, ReportRow, ReportsRepo } from './repo';

type Tx = Db;

export interface ReportsDeps {
  repo: ReportsRepo;
  transaction: <T>(fn: (repo: ReportsRepo, tx: Tx) => Promise<T>) => Promise<T>;
  repoIn: (tx: Tx) => ReportsRepo;
  regions: Pick<RegionsService, 'get'>;
  /** The registry's figures and its writes of the figures a report locks (a correction is applied through them). */
  registry: Pick<RegistryService, 'yearFigures' | 'village' | 'household' | 'saveVillageYearIn' | 'saveIncomeIn'>;
  audit: AuditService;
  now: () => Date;
}

const VILLAGE_YEAR_FIELDS = ['collectiveIncome', 'plannedHouseholds', 'plannedPersons'] as const;
const INCOME_FIELDS = Object.keys(INCOME_ITEM_LABELS);
const KIND_LABELS = { village_year: '村集体经济收入与年度脱贫规划', income: '贫困户年度收入' } as const;
const FIRST_YEAR = 2013;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const notFound = () => new AppError('NOT_FOUND', '报送记录不存在');
const correctionNotFound = () => new AppError('NOT_FOUND', '更正申请不存在');
const stale = () => new AppError('STALE_VERSION', '该记录已被他人处理，请刷新后重试');

/** Whether a region (by its code prefix) lies strictly inside the user's scope: the level above may decide on it. */
const strictlyBelow = (auth: Auth, regionPrefix: string) => regionPrefix.startsWith(auth.regionPrefix) && regionPrefix.length > auth.regionPrefix.length;

function requireReason(reason: string | undefined, label: string) {
  if (!reason?.trim()) throw validationError([{ field: 'reason', label, message: `请填写${label}` }]);
  return reason.trim();
}

/**
 * 报送 and approval of year figures, and correction requests (issue 11: “each level reports (报送) its year's figures
 * upward, the level above approves them, and approved figures are locked — a later correction goes through a
 * correction request with its reason and approval, never an edit in place”).
 *
 * What a report locks: for its region and year, the village year figures (村集体经济收入, 计划脱贫户数, 计划脱贫人数) of
 * every village of the region, and the income of that year of every household of the region. While a report waits
 * (submitted) or once it is approved, the registry's writes of those figures refuse (`yearLock`, asked by the registry
 * inside its writing transaction); an approved correction writes through the same registry function with the lock
 * bypassed for that one correction, recomputes the figures of the reports holding it, all in one transaction.
 */
export function makeReportsService(deps: ReportsDeps) {
  const { repo, transaction, repoIn, regions, registry, audit, now } = deps;

  async function reportView(auth: Auth, row: ReportRow): Promise<Report> {
    return {
      id: row.id,
      region: await regions.get(row.regionCode),
      year: row.year,
      state: row.state as ReportState,
      stateLabel: REPORT_STATE_LABELS[row.state as ReportState],
      figures: row.figures as ReportFigures,
      submittedByName: row.submittedByName,
      submittedAt: iso(row.submittedAt)!,
      decidedByName: row.decidedByName,
      decidedAt: iso(row.decidedAt),
      returnReason: row.returnReason,
      version: row.version,
      mayDecide: can(auth, 'reports.approve') && row.state === 'submitted' && strictlyBelow(auth, row.regionPrefix),
    };
  }

  async function correctionView(auth: Auth, row: CorrectionRow, report: ReportRow | undefined): Promise<Correction> {
    const household = row.householdId !== null ? await registry.household(auth, row.householdId).catch(() => null) : null;
    return {
      id: row.id,
      reportId: row.reportId,
      reportRegion: await regions.get(report?.regionCode ?? row.villageCode),
      kind: row.kind as Correction['kind'],
      kindLabel: KIND_LABELS[row.kind as keyof typeof KIND_LABELS] ?? row.kind,
      village: await regions.get(row.villageCode),
      householdId: row.householdId,
      householdNumber: household?.number ?? null,
      year: row.year,
      before: row.before as Record<string, number | null>,
      proposed: row.proposed as Record<string, number | null>,
      reason: row.reason,
      state: row.state as CorrectionState,
      stateLabel: CORRECTION_STATE_LABELS[row.state as CorrectionState],
      proposedByName: row.proposedByName,
      proposedAt: iso(row.proposedAt)!,
      decidedByName: row.decidedByName,
      decidedAt: iso(row.decidedAt),
      decisionReason: row.decisionReason,
      version: row.version,
      mayDecide: can(auth, 'reports.approve') && row.state === 'pending' && !!report && strictlyBelow(auth, report.regionPrefix),
    };
  }

  /** The user's own region (a level reports its own figures); none for a user without one (the system administrator). */
  async function ownRegion(auth: Auth): Promise<RegionDetail> {
    if (!auth.regionPrefix) throw new AppError('VALIDATION', '您的单位不属于某一地区（全国范围），没有本级年度数据可报送');
    return regions.get(auth.regionPrefix.padEnd(12, '0'));
  }

  function checkYear(year: number) {
    const last = yearOf(now());
    if (year < FIRST_YEAR || year > last) throw validationError([{ field: 'year', label: '年度', message: `应在 ${FIRST_YEAR} 至 ${last} 年之间` }]);
  }

  /** A report the user may see: its region in the user's scope; any other is “not found”, nothing told. */
  async function loadReport(auth: Auth, id: number, r: ReportsRepo = repo): Promise<ReportRow> {
    const row = await r.report(id);
    if (!row || !inRegion(auth, row.regionCode)) throw notFound();
    return row;
  }

  /** The approver is the level above: the report's region strictly inside the approver's scope (never one's own). */
  function requireApprover(auth: Auth, report: { regionPrefix: string }, what: string) {
    requirePermission(auth, 'reports.approve');
    if (!strictlyBelow(auth, report.regionPrefix)) throw new AppError('FORBIDDEN', `${what}须由上级审核，不能审核本级的报送`);
  }

  /** The reports of the year holding the village whose figures are locked (approved), the outermost first. */
  async function lockingReports(r: ReportsRepo, villageCode: string, year: number) {
    return (await r.covering(villageCode, year)).filter((c) => c.state === 'approved');
  }

  /** Recomputes the figures of every report (submitted or approved) holding the village and year, after a correction. */
  async function recomputeCovering(r: ReportsRepo, tx: Tx, auth: Auth, villageCode: string, year: number, correction: number) {
    for (const c of await r.covering(villageCode, year)) {
      if (c.state === 'returned') continue;
      const row = (await r.report(c.id))!;
      const figures = await registry.yearFigures(tx, auth, row.regionCode, year);
      if (!(await r.updateReport(row.id, row.version, { figures }))) throw stale();
      await audit.record(auth, 'report', row.id, 'update', { figures: row.figures as never }, { figures: figures as never, correction }, { regionCode: row.regionCode });
    }
  }

  return {
    /** The registry's lock check (`yearLock`): asked inside the registry's writing transaction. */
    async yearLock(tx: Tx, villageCode: string, year: number): Promise<string | null> {
      const r = repoIn(tx);
      await r.lockYear(year, 'shared');
      return yearLockProblem(year, (await r.covering(villageCode, year)).map((c) => ({ state: c.state as ReportState })));
    },

    async list(auth: Auth, q: ReportFilters & { page: number; pageSize: number }) {
      requirePermission(auth, 'reports.submit');
      let prefix = auth.regionPrefix;
      if (q.region) {
        const filter = q.region.length === 12 ? regionPrefixOf(await regions.get(q.region)) : q.region;
        if (filter.startsWith(auth.regionPrefix)) prefix = filter;
        else if (!auth.regionPrefix.startsWith(filter)) throw new AppError('FORBIDDEN', '无权访问该地区：不在您的管辖范围内');
      }
      const { items, total } = await repo.listReports(prefix, q, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await Promise.all(items.map((r) => reportView(auth, r))), total, page: q.page, pageSize: q.pageSize };
    },

    async get(auth: Auth, id: number): Promise<Report> {
      requirePermission(auth, 'reports.submit');
      return reportView(auth, await loadReport(auth, id));
    },

    /** The user's own region's report of a year (if any) and its figures as the registry has them now. */
    async own(auth: Auth, year: number): Promise<OwnReport> {
      requirePermission(auth, 'reports.submit');
      checkYear(year);
      const region = await ownRegion(auth);
      const row = await repo.byRegionYear(region.code, year);
      return { region, year, report: row ? await reportView(auth, row) : null, current: await registry.yearFigures(null, auth, region.code, year) };
    },

    /** 报送: the user's own region's year, first time or again after a return; the figures are taken now. */
    async submit(auth: Auth, input: ReportSubmit): Promise<Report> {
      requirePermission(auth, 'reports.submit');
      checkYear(input.year);
      const region = await ownRegion(auth);
      const regionPrefix = auth.regionPrefix;
      const id = await transaction(async (r, tx) => {
        await r.lockYear(input.year, 'exclusive');
        const existing = await r.byRegionYear(region.code, input.year);
        const step = reportTransition((existing?.state as ReportState | undefined) ?? null, 'submit');
        if (step.problem !== null) throw new AppError('CONFLICT', `${region.name} ${input.year} 年度：${step.problem}`);
        const figures = await registry.yearFigures(tx, auth, region.code, input.year);
        const values = { state: step.to, figures, submittedBy: auth.userId, submittedByName: auth.displayName, submittedAt: now(), decidedBy: null, decidedByName: null, decidedAt: null, returnReason: null };
        if (existing) {
          if (input.version !== undefined && input.version !== null && input.version !== existing.version) throw stale();
          if (!(await r.updateReport(existing.id, existing.version, values))) throw stale();
          await audit.record(auth, 'report', existing.id, 'update', { state: existing.state, returnReason: existing.returnReason }, { state: step.to, figures: figures as never }, { regionCode: region.code });
          return existing.id;
        }
        const newId = await r.insertReport({ regionCode: region.code, regionPrefix, regionLevel: region.level, year: input.year, ...values });
        await audit.record(auth, 'report', newId, 'create', null, { regionCode: region.code, year: input.year, state: step.to, figures: figures as never }, { regionCode: region.code });
        return newId;
      });
      return reportView(auth, (await repo.report(id))!);
    },

    /** 审核通过 (approve) or 退回 (return, with the reason): the level above decides on a report waiting for it. */
    async decide(auth: Auth, id: number, action: 'approve' | 'return', input: { version: number; reason?: string }): Promise<Report> {
      requirePermission(auth, 'reports.approve');
      const first = await loadReport(auth, id);
      requireApprover(auth, first, '报送');
      const reason = action === 'return' ? requireReason(input.reason, '退回原因') : null;
      await transaction(async (r) => {
        await r.lockYear(first.year, 'exclusive');
        const row = await loadReport(auth, id, r);
        const step = reportTransition(row.state as ReportState, action);
        if (step.problem !== null) throw new AppError('CONFLICT', step.problem);
        if (row.version !== input.version) throw stale();
        if (!(await r.updateReport(id, row.version, { state: step.to, decidedBy: auth.userId, decidedByName: auth.displayName, decidedAt: now(), returnReason: reason }))) throw stale();
        await audit.record(auth, 'report', id, 'update', { state: row.state }, { state: step.to, ...(reason ? { returnReason: reason } : {}) }, { regionCode: row.regionCode });
      });
      return reportView(auth, (await repo.report(id))!);
    },

    // --- correction requests ---------------------------------------------------------------------------------------
    async corrections(auth: Auth, q: { year?: number; state?: string; page: number; pageSize: number }) {
      requirePermission(auth, 'reports.submit');
      const { items, total } = await repo.listCorrections(auth.regionPrefix, q, q.pageSize, (q.page - 1) * q.pageSize);
      const views = [];
      for (const c of items) views.push(await correctionView(auth, c, await repo.report(c.reportId)));
      return { items: views, total, page: q.page, pageSize: q.pageSize };
    },

    /** 更正申请: new value(s) for a figure an approved report locked, with the reason; nothing changes until approved. */
    async propose(auth: Auth, input: CorrectionCreate): Promise<Correction> {
      requirePermission(auth, 'reports.submit');
      const reason = requireReason(input.reason, '更正原因');
      let villageCode: string;
      let householdId: number | null = null;
      let before: Record<string, number | null>;
      const fields: FieldError[] = [];
      const given = Object.entries(input.values).filter(([, v]) => v !== undefined) as Array<[string, number | null]>;
      if (input.kind === 'village_year') {
        const village = await registry.village(auth, input.villageCode);
        villageCode = village.region.code;
        const y = village.years.find((v) => v.year === input.year);
        before = Object.fromEntries(VILLAGE_YEAR_FIELDS.map((k) => [k, y?.[k] ?? null]));
      } else {
        const household = await registry.household(auth, input.householdId);
        villageCode = household.villageCode;
        householdId = household.id;
        const items = household.incomes.find((i) => i.year === input.year)?.items as Record<string, number> | undefined;
        before = Object.fromEntries(INCOME_FIELDS.map((k) => [k, items?.[k] ?? 0]));
        for (const [k, v] of given) if (v === null || v < 0) fields.push({ field: `values.${k}`, label: INCOME_ITEM_LABELS[k] ?? k, message: '应为不小于 0 的整数（元）' });
      }
      if (fields.length) throw validationError(fields);
      const proposed = { ...before, ...Object.fromEntries(given) };
      if (Object.keys(before).every((k) => before[k] === proposed[k])) throw validationError([{ field: 'values', label: '更正后的数值', message: '与现有数值相同，无需更正' }]);
      const id = await transaction(async (r) => {
        await r.lockYear(input.year, 'exclusive');
        const locking = await lockingReports(r, villageCode, input.year);
        if (!locking.length) {
          const waiting = (await r.covering(villageCode, input.year)).some((c) => c.state === 'submitted');
          throw new AppError('CONFLICT', waiting ? `${input.year} 年度数据已报送，正在等待上级审核；审核锁定后才需提出更正申请，如需修改请上级退回` : `${input.year} 年度数据未审核锁定，可直接修改，无需更正申请`);
        }
        if (await r.pendingFor(input.kind, villageCode, householdId, input.year)) throw new AppError('CONFLICT', '该数据已有待审核的更正申请，请等待审核后再提出');
        const newId = await r.insertCorrection({
          reportId: locking[0]!.id,
          kind: input.kind,
          villageCode,
          householdId,
          year: input.year,
          before,
          proposed,
          reason,
          state: 'pending',
          proposedBy: auth.userId,
          proposedByName: auth.displayName,
          proposedAt: now(),
        });
        await audit.record(auth, 'correction', newId, 'create', null, { kind: input.kind, villageCode, householdId, year: input.year, before, proposed, reason, state: 'pending' } as never, { regionCode: villageCode });
        return newId;
      });
      const row = (await repo.correction(id))!;
      return correctionView(auth, row, await repo.report(row.reportId));
    },

    /**
     * 批准 (the figure changes, through the registry's own write with the lock bypassed for this correction, and the
     * reports holding it are recomputed — one transaction) or 驳回 (nothing changes), by the approver of the report:
     * the level above the outermost approved report holding the figure.
     */
    async decideCorrection(auth: Auth, id: number, action: 'approve' | 'reject', input: { version: number; reason?: string }): Promise<Correction> {
      requirePermission(auth, 'reports.approve');
      const first = await repo.correction(id);
      if (!first || !inRegion(auth, first.villageCode)) throw correctionNotFound();
      const reason = action === 'reject' ? requireReason(input.reason, '驳回原因') : (input.reason?.trim() ?? null);
      await transaction(async (r, tx) => {
        await r.lockYear(first.year, 'exclusive');
        const row = (await r.correction(id))!;
        const step = correctionTransition(row.state as CorrectionState, action);
        if (step.problem !== null) throw new AppError('CONFLICT', step.problem);
        if (row.version !== input.version) throw stale();
        // The approver of the outermost approved report holding the figure now (a level above may have approved since).
        const outer = (await lockingReports(r, row.villageCode, row.year))[0] ?? (await r.report(row.reportId))!;
        requireApprover(auth, outer, '更正申请');
        if (action === 'approve') {
          const values = row.proposed as Record<string, number | null>;
          if (row.kind === 'village_year') await registry.saveVillageYearIn(tx, auth, row.villageCode, row.year, values, { correction: id });
          else await registry.saveIncomeIn(tx, auth, row.householdId!, row.year, values as Record<string, number>, { correction: id });
          await recomputeCovering(r, tx, auth, row.villageCode, row.year, id);
        }
        if (!(await r.updateCorrection(id, row.version, { state: step.to, decidedBy: auth.userId, decidedByName: auth.displayName, decidedAt: now(), decisionReason: reason }))) throw stale();
        await audit.record(auth, 'correction', id, 'update', { state: row.state }, { state: step.to, ...(reason ? { decisionReason: reason } : {}) }, { regionCode: row.villageCode });
      });
      const row = (await repo.correction(id))!;
      return correctionView(auth, row, await repo.report(row.reportId));
    },

    /** The workbench's count: reports and correction requests waiting for the caller's decision. */
    async waitingCount(auth: Auth): Promise<number> {
      if (!can(auth, 'reports.approve')) return 0;
      return repo.waitingBelow(auth.regionPrefix);
    },
  };
}
export type ReportsService = ReturnType<typeof makeReportsService>;
