/**
 * 扶贫资金与项目库 (issue 14): allocations down the region tree, projects declared by a village and approved up the chain
 * (a procedure of kind `project`, started in the declaration's transaction), payments to approved projects and their
 * households, spending progress and its 7 + 3 + 2 points, audit findings, the field check's draws. Load → decide →
 * save; every write audited. Another scope's records answer as missing (404), and no message names them.
 */
import type {
  Allocation,
  AllocationInput,
  AllocationQuery,
  Finding,
  FindingInput,
  FindingQuery,
  FindingUpdate,
  HouseholdReceipts,
  Payment,
  PaymentInput,
  PaymentQuery,
  Performance,
  PerformanceQuery,
  Progress,
  ProgressQuery,
  ProgressRow,
  Project,
  ProjectInput,
  ProjectItem,
  ProjectQuery,
  ProjectStage,
  Sample,
  SampleInput,
} from '../../contract/funds';
import { FINDING_STATES } from '../../contract/funds';
import type { Page } from '../../contract/page';
import type { RecordImportResult } from '../../contract/bulk-import';
import type { RegionDetail, RegionLevel, RegionStep } from '../../contract/regions';
import { FUND_SOURCE_LABELS, POSITIVE_USE_LABELS, PROJECT_REACH_LABELS, type FundSource, type PositiveUse, type ProjectReach } from '../../domain/funds/catalog';
import { percentText, spendingBasisPoints, spendingProgressPoints, NO_BALANCE_YEARS_BACK, SPENDING_RULES } from '../../domain/funds/progress';
import { drawSample } from '../../domain/funds/sampling';
import { checkUse } from '../../domain/funds/uses';
import { PROJECT_APPROVAL_STEP } from '../../domain/procedures/definitions';
import { isoDate } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { citeWords } from '../../domain/shared/sources';
import { inRegion, regionOnLine, requirePermission, requireRegion, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/connection';
import { importRefused, placeError, type ImportSheetSpec, type SheetRow } from '../http/import-sheet';
import { allPages } from '../http/pages';
import { ALLOCATION_SHEET, allocationOfRow, PAYMENT_SHEET, paymentOfRow, type AllocationImportKey, type PaymentImportKey } from './import-sheet';
import { LEVEL_DIGITS } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { AllocationRow, FindingRow, FundsRepo, PaymentRow, ProjectView, SampleRow } from './repo';

export interface FundsDeps {
  repo: FundsRepo;
  transaction: <T>(fn: (repo: FundsRepo, tx: Db) => Promise<T>) => Promise<T>;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  /**
   * A project's approval procedure (the procedures service): its steps, read before the declaring transaction, and
   * `start` inside it; `opened` tells the first step's handlers after it.
   */
  approval: (auth: Auth, villageCode: string) => Promise<{ steps: Array<{ key: string }>; start: (tx: Db, project: { id: number; year: number }) => Promise<{ id: number; opened: () => Promise<void> }> }>;
  /** Loads a household for the caller (the registry's scope, a 帮扶责任人's own households included): 404 outside it. */
  household: (auth: Auth, id: number) => Promise<{ id: number; villageCode: string }>;
}

const STAGE_LABELS: Record<ProjectStage, string> = { running: '审批中', approved: '已审批（可拨付）', done: '已办结（备案/公告）', withdrawn: '已撤销' };
const FINDING_STATE_LABELS: Record<(typeof FINDING_STATES)[number], string> = { open: '待整改', rectifying: '整改中', rectified: '已整改' };
const FIELD_LABELS: Record<string, string> = { name: '项目名称', content: '建设内容', useReason: '理由', purpose: '资金用途' };
/** The source of the spending-progress points, as a user reads it. */
export const PERFORMANCE_SOURCE = citeWords(
  'maanshan2017',
  '（1）2017年扶贫资金支出进度高于92%（不含本数）得满分7分；（2）2016年扶贫资金支出进度大于98%（不含本数）得满分3分；（3）2015年及以前年度资金没有结余结转的得满分2分。',
);

const field = (f: string, label: string, message: string): FieldError => ({ field: f, label, message });
const refuse = (f: string, label: string, message: string) => validationError([field(f, label, message)]);
const iso = (d: Date | string) => new Date(d).toISOString();
/** The prefix of a region code at its level (`513431000000`, level 3 → `513431`). */
const prefixAt = (code: string, level: number) => code.slice(0, LEVEL_DIGITS[level] ?? 12);

export function makeFundsService(deps: FundsDeps) {
  const { repo, transaction, regions, audit, now } = deps;

  /** Region steps by code, looked up once per answer. */
  function stepCache() {
    const seen = new Map<string, Promise<RegionStep>>();
    return (code: string) => {
      let s = seen.get(code);
      if (!s) {
        s = regions.get(code).then((r) => ({ code: r.code, name: r.name, level: r.level }));
        seen.set(code, s);
      }
      return s;
    };
  }

  /** The code prefix a list or figure covers: the caller's scope, or a region in it (403 outside). */
  async function prefixOf(auth: Auth, region: string | undefined): Promise<{ prefix: string; region: RegionStep | null }> {
    const wanted = region ?? auth.regionPrefix;
    if (!wanted) return { prefix: '', region: null };
    requireRegion(auth, wanted, '该地区');
    const r = await regions.get(wanted.padEnd(12, '0'));
    const prefix = prefixAt(r.code, r.level);
    if (!prefix.startsWith(auth.regionPrefix)) requireRegion(auth, prefix, '该地区');
    return { prefix, region: { code: r.code, name: r.name, level: r.level } };
  }

  const notFound = (what: string, id: number) => new AppError('NOT_FOUND', `${what}不存在（编号 ${id}）`);

  // --- views --------------------------------------------------------------------------------------------------------

  async function allocationOut(a: AllocationRow, step: (code: string) => Promise<RegionStep>): Promise<Allocation> {
    return {
      id: a.id,
      year: a.year,
      source: a.source as FundSource,
      sourceLabel: FUND_SOURCE_LABELS[a.source as FundSource],
      region: await step(a.regionCode),
      parentId: a.parentId,
      amount: a.amount,
      passedDown: a.passedDown,
      paid: a.paid,
      balance: a.amount - a.passedDown - a.paid,
      documentNo: a.documentNo,
      allocatedOn: a.allocatedOn,
      note: a.note,
      createdAt: iso(a.createdAt),
    };
  }

  async function projectOut(p: ProjectView, step: (code: string) => Promise<RegionStep>): Promise<ProjectItem> {
    return {
      id: p.id,
      year: p.year,
      name: p.name,
      village: await step(p.villageCode),
      reach: p.reach as ProjectReach,
      reachLabel: PROJECT_REACH_LABELS[p.reach as ProjectReach],
      use: p.use as PositiveUse | null,
      useLabel: p.use ? POSITIVE_USE_LABELS[p.use as PositiveUse] : '正面清单以外（已说明理由）',
      budget: p.budget,
      paid: p.paid,
      households: p.households,
      procedureId: p.procedureId ?? 0,
      stage: p.stage,
      stageLabel: STAGE_LABELS[p.stage],
      currentStep: p.currentStep,
    };
  }

  function paymentsOut(rows: PaymentRow[], sources: Map<number, string>): Payment[] {
    return rows.map((p) => ({
      id: p.id,
      projectId: p.projectId,
      allocationId: p.allocationId,
      fundYear: p.fundYear,
      sourceLabel: FUND_SOURCE_LABELS[sources.get(p.allocationId) as FundSource] ?? '',
      paidOn: p.paidOn,
      amount: p.amount,
      purpose: p.purpose,
      voucherNo: p.voucherNo,
      householdId: p.householdId,
      createdAt: iso(p.createdAt),
    }));
  }

  async function findingOut(f: FindingRow, step: (code: string) => Promise<RegionStep>): Promise<Finding> {
    const state = f.state as (typeof FINDING_STATES)[number];
    return {
      id: f.id,
      projectId: f.projectId,
      allocationId: f.allocationId,
      region: await step(f.regionCode),
      foundOn: f.foundOn,
      foundBy: f.foundBy,
      problem: f.problem,
      deadline: f.deadline,
      state,
      stateLabel: FINDING_STATE_LABELS[state],
      overdue: state !== 'rectified' && f.deadline < isoDate(now()),
      rectification: f.rectification,
      rectifiedOn: f.rectifiedOn,
      version: f.version,
    };
  }

  async function sampleOut(s: SampleRow): Promise<Sample> {
    const step = stepCache();
    const byId = new Map((await repo.projectsById(s.projectIds)).map((p) => [p.id, p]));
    const projects = await Promise.all(s.projectIds.flatMap((id) => (byId.has(id) ? [projectOut(byId.get(id)!, step)] : [])));
    const region = s.regionPrefix ? await step(s.regionPrefix.padEnd(12, '0')) : null;
    return { id: s.id, region, year: s.year, count: s.count, drawKey: s.drawKey, drawnAt: iso(s.drawnAt), projects };
  }

  /** A project in the caller's scope, or 404 (another scope's project is answered as missing). */
  async function loadProject(auth: Auth, id: number): Promise<ProjectView> {
    const p = await repo.project(id);
    if (!p || !inRegion(auth, p.villageCode)) throw notFound('项目', id);
    return p;
  }

  /** An allocation the caller may see: in their scope or on the line above it (the county pays from the province's). */
  async function loadAllocation(auth: Auth, id: number, r: FundsRepo = repo, lock = false): Promise<AllocationRow> {
    const a = lock ? await r.lockAllocation(id) : await r.allocation(id);
    if (!a || !regionOnLine(auth, a.regionCode)) throw notFound('资金', id);
    return a;
  }

  /** The households of a 到户 project: registered households of its village, each once. */
  async function checkHouseholds(villageCode: string, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const facts = new Map((await repo.householdFacts(unique)).map((h) => [h.id, h]));
    const fields: FieldError[] = [];
    unique.forEach((id, i) => {
      if (facts.get(id)?.villageCode !== villageCode) fields.push(field(`householdIds.${i}`, `第 ${i + 1} 户`, `编号 ${id} 不是本村登记的贫困户`));
    });
    if (fields.length) throw validationError(fields);
    return unique;
  }

  // --- progress -------------------------------------------------------------------------------------------------------

  function row(region: RegionStep, allocated: number, spent: number): ProgressRow {
    return { region, allocated, spent, basisPoints: spendingBasisPoints(spent, allocated), percentText: percentText(spent, allocated), balance: allocated - spent };
  }

  /** The groups of a figure: the regions one level below `region` (`child`) or the counties under it (`county`), in one query. */
  async function groupsOf(region: RegionStep | null, by: 'child' | 'county'): Promise<{ digits: number; regions: RegionStep[] }> {
    const level = region?.level ?? 0;
    const target = by === 'county' ? Math.max(3, level) : Math.min(level + 1, 5);
    const out: RegionStep[] = level === target && region ? [region] : await regions.descendantsAt(region?.code ?? null, target as RegionLevel);
    return { digits: LEVEL_DIGITS[target] ?? 12, regions: out };
  }

  /** The prefix's totals of years `from`–`to` as of a date. */
  async function totals(prefix: string, from: number, to: number, asOf: string) {
    const groups = await repo.groupFigures({ prefix, years: { from, to }, asOf, digits: Math.max(prefix.length, 2) });
    return groups.reduce((a, g) => ({ allocated: a.allocated + g.allocated, spent: a.spent + g.spent }), { allocated: 0, spent: 0 });
  }

  async function performanceOf(prefix: string, region: RegionStep | null, year: number, asOf: string): Promise<Performance> {
    const years = new Map<number, { allocated: number; spent: number }>();
    for (const r of SPENDING_RULES) years.set(year - r.yearsBack, await totals(prefix, year - r.yearsBack, year - r.yearsBack, asOf));
    const before = await totals(prefix, 1900, year - NO_BALANCE_YEARS_BACK, asOf);
    const r = spendingProgressPoints({ year, funds: (y) => years.get(y) ?? { allocated: 0, spent: 0 }, balanceBefore: before.allocated - before.spent });
    return { region, year, asOf, points: r.points, max: r.max, items: r.items, source: PERFORMANCE_SOURCE };
  }

  type Prepared = { region: RegionDetail; parentRegion: RegionDetail | null };

  /** What an allocation's checks read before its transaction: its region and its parent's (PGlite has one connection). */
  async function prepareAllocation(auth: Auth, input: AllocationInput): Promise<Prepared> {
    requireRegion(auth, input.regionCode, '该地区');
    const region = await regions.get(input.regionCode);
    if (region.level > 3) throw refuse('regionCode', '下达地区', '资金下达到省、市、县，请选择县级及以上地区');
    const parentRegion = input.parentId ? await regions.get((await loadAllocation(auth, input.parentId)).regionCode) : null;
    return { region, parentRegion };
  }

  /** Writes an allocation in `tx`: its parent locked and checked (region below it, same year and source, balance). */
  async function writeAllocation(tx: FundsRepo, auth: Auth, input: AllocationInput, { region, parentRegion }: Prepared): Promise<AllocationRow> {
    let parent: AllocationRow | null = null;
    if (input.parentId && parentRegion) {
      parent = await loadAllocation(auth, input.parentId, tx, true);
      const fields: FieldError[] = [];
      if (region.code === parent.regionCode || !region.code.startsWith(prefixAt(parentRegion.code, parentRegion.level)))
        fields.push(field('regionCode', '下达地区', `应在上级资金的下达地区（${parentRegion.name}）之下`));
      if (parent.year !== input.year) fields.push(field('year', '资金年度', `应与上级资金的年度（${parent.year} 年）相同`));
      if (parent.source !== input.source) fields.push(field('source', '资金来源', `应与上级资金的来源（${FUND_SOURCE_LABELS[parent.source as FundSource]}）相同`));
      const balance = parent.amount - parent.passedDown - parent.paid;
      if (input.amount > balance) fields.push(field('amount', '金额', `超过上级资金（${parent.documentNo}）的结余 ${balance} 元：下级资金之和不能超过上级资金`));
      if (fields.length) throw validationError(fields);
    }
    const a = await tx.insertAllocation({
      year: input.year,
      source: input.source,
      regionCode: input.regionCode,
      parentId: parent?.id ?? null,
      parentRegion: parent?.regionCode ?? null,
      amount: input.amount,
      documentNo: input.documentNo,
      allocatedOn: input.allocatedOn,
      note: input.note ?? '',
      createdBy: auth.userId,
      createdAt: now(),
    });
    if (parent) await tx.addToAllocation(parent.id, { passedDown: input.amount });
    await audit.record(auth, 'fund_allocation', a.id, 'create', null, { ...a, createdAt: iso(a.createdAt) }, { regionCode: a.regionCode });
    return a;
  }

  /** What a payment's checks read before its transaction: the project (scope), its use, the allocation's region. */
  async function preparePayment(auth: Auth, projectId: number, input: PaymentInput): Promise<RegionDetail> {
    const seen = await loadProject(auth, projectId);
    const use = checkUse({ use: seen.use as PositiveUse | null, reason: seen.useReason, texts: [{ field: 'purpose', text: input.purpose }] });
    if (!use.ok) throw refuse('purpose', FIELD_LABELS.purpose!, use.message);
    // Read before the transaction (PGlite has one connection); the allocation's region never changes.
    return regions.get((await loadAllocation(auth, input.allocationId)).regionCode);
  }

  /**
   * Writes a payment in `tx`: the project and the allocation locked (two payments sent at once are checked one after
   * the other), the stage, the allocation's region, year and balance, the budget and the household checked.
   */
  async function writePayment(tx: FundsRepo, auth: Auth, projectId: number, input: PaymentInput, region: RegionDetail) {
    const p = (await tx.lockProject(projectId))!;
    if (p.stage !== 'approved' && p.stage !== 'done')
      throw new AppError('CONFLICT', p.stage === 'withdrawn' ? '项目审批程序已撤销，不能拨付资金' : `项目尚未通过县审批，不能拨付资金（现在办理到“${p.currentStep ?? '—'}”）`);
    const a = await loadAllocation(auth, input.allocationId, tx, true);
    const fields: FieldError[] = [];
    if (!p.villageCode.startsWith(prefixAt(region.code, region.level))) fields.push(field('allocationId', '资金', `该资金（${a.documentNo}）下达到${region.name}，项目所在村不在其中`));
    if (a.year !== p.year) fields.push(field('allocationId', '资金', `应使用项目年度（${p.year} 年）的资金，该资金为 ${a.year} 年`));
    if (input.paidOn < a.allocatedOn) fields.push(field('paidOn', '拨付日期', `不能早于资金下达日期 ${a.allocatedOn}`));
    const balance = a.amount - a.passedDown - a.paid;
    const remaining = p.budget - p.paid;
    if (input.amount > balance) fields.push(field('amount', '金额', `超过该资金（${a.documentNo}）的结余 ${balance} 元`));
    else if (input.amount > remaining) fields.push(field('amount', '金额', `超过项目预算的未拨付部分 ${remaining} 元（预算 ${p.budget} 元，已拨付 ${p.paid} 元）`));
    if (p.reach === 'household' && !input.householdId) fields.push(field('householdId', '受益户', '到户项目的资金应拨付到户，请选择受益户'));
    if (p.reach !== 'household' && input.householdId) fields.push(field('householdId', '受益户', '只有到户项目拨付到户'));
    if (fields.length) throw validationError(fields);
    if (input.householdId && !(await tx.addToHousehold(p.id, input.householdId, input.amount))) throw refuse('householdId', '受益户', '该户不在本项目的受益户名单中');
    const pay = await tx.insertPayment({
      projectId: p.id,
      allocationId: a.id,
      fundYear: a.year,
      regionCode: a.regionCode,
      villageCode: p.villageCode,
      paidOn: input.paidOn,
      amount: input.amount,
      purpose: input.purpose,
      voucherNo: input.voucherNo,
      householdId: input.householdId ?? null,
      createdBy: auth.userId,
      createdAt: now(),
    });
    await tx.addToAllocation(a.id, { paid: input.amount });
    await tx.addToProject(p.id, input.amount);
    await tx.addSpending(a.year, a.regionCode, input.paidOn, input.amount);
    await audit.record(auth, 'fund_payment', pay.id, 'create', null, { ...pay, createdAt: iso(pay.createdAt) }, { regionCode: p.villageCode });
    return { pay, source: a.source };
  }

  /**
   * An import, all or nothing: each row parsed by the endpoint's schema and prepared (its reads) before the
   * transaction, then written in turn inside it (each row's checks see the rows above it), every refusal placed on its
   * row and column; one error anywhere rolls all of it back. `missing` is the column of a record not found.
   */
  async function importAll<K extends string, T, P>(
    rows: Array<SheetRow<K>>,
    spec: ImportSheetSpec<K>,
    missing: string,
    steps: { parse: (r: SheetRow<K>) => ({ ok: true } & T) | { ok: false; errors: FieldError[] }; prepare: (t: T) => Promise<P>; write: (tx: FundsRepo, t: T, p: P) => Promise<number> },
  ): Promise<RecordImportResult> {
    const errors: FieldError[] = [];
    const place = (e: unknown, row: number) => {
      if (!(e instanceof AppError) || !['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'].includes(e.code)) throw e;
      const fields = e.details.fields ?? [{ field: e.code === 'FORBIDDEN' ? 'regionCode' : missing, label: '', message: e.message }];
      errors.push(...fields.map((f) => placeError(spec, row, f)));
    };
    const ready: Array<{ row: number; item: T; prepared: P }> = [];
    for (const r of rows) {
      const parsed = steps.parse(r);
      if (!parsed.ok) {
        errors.push(...parsed.errors.map((e) => placeError(spec, r.row, e)));
        continue;
      }
      try {
        ready.push({ row: r.row, item: parsed, prepared: await steps.prepare(parsed) });
      } catch (e) {
        place(e, r.row);
      }
    }
    const ids = await transaction(async (tx) => {
      const out: number[] = [];
      for (const { row, item, prepared } of ready) {
        try {
          out.push(await steps.write(tx, item, prepared));
        } catch (e) {
          place(e, row);
        }
      }
      if (errors.length) throw importRefused(spec, errors);
      return out;
    });
    return { created: ids.length, ids };
  }

  return {
    // --- allocations --------------------------------------------------------------------------------------------------
    async allocations(auth: Auth, q: AllocationQuery): Promise<Page<Allocation>> {
      requirePermission(auth, 'funds.read');
      const { prefix } = await prefixOf(auth, q.region);
      const { items, total } = await repo.allocations({ prefix, year: q.year, source: q.source, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const step = stepCache();
      return { items: await Promise.all(items.map((a) => allocationOut(a, step))), total, page: q.page, pageSize: q.pageSize };
    },
    exportAllocations(auth: Auth, q: Omit<AllocationQuery, 'page' | 'pageSize'>) {
      return allPages((page, pageSize) => this.allocations(auth, { ...q, page, pageSize }));
    },

    /** 资金下达: a region's money of a source and year, from the allocation above it when that one is in the system. */
    async allocate(auth: Auth, input: AllocationInput): Promise<Allocation> {
      requirePermission(auth, 'funds.manage');
      const prepared = await prepareAllocation(auth, input);
      return allocationOut(await transaction((tx) => writeAllocation(tx, auth, input, prepared)), stepCache());
    },

    /**
     * 资金下达 from an .xlsx, all or nothing: every row checked as one allocation (its parent's balance after the rows
     * above it), every error named by row and column, nothing written unless every row passes.
     */
    async importAllocations(auth: Auth, rows: Array<SheetRow<AllocationImportKey>>): Promise<RecordImportResult> {
      requirePermission(auth, 'funds.manage');
      return importAll(rows, ALLOCATION_SHEET, 'parentId', {
        parse: allocationOfRow,
        prepare: (r) => prepareAllocation(auth, r.input),
        write: async (tx, r, prepared) => (await writeAllocation(tx, auth, r.input, prepared)).id,
      });
    },

    // --- projects -----------------------------------------------------------------------------------------------------
    async projects(auth: Auth, q: ProjectQuery): Promise<Page<ProjectItem>> {
      requirePermission(auth, 'funds.read');
      const { prefix } = await prefixOf(auth, q.region);
      const { items, total } = await repo.projects({ prefix, year: q.year, stage: q.stage, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const step = stepCache();
      return { items: await Promise.all(items.map((p) => projectOut(p, step))), total, page: q.page, pageSize: q.pageSize };
    },
    exportProjects(auth: Auth, q: Omit<ProjectQuery, 'page' | 'pageSize'>) {
      return allPages((page, pageSize) => this.projects(auth, { ...q, page, pageSize }));
    },

    async project(auth: Auth, id: number): Promise<Project> {
      requirePermission(auth, 'funds.read');
      const p = await loadProject(auth, id);
      const step = stepCache();
      const payments = await repo.paymentsOfProject(id);
      const sources = await repo.sourcesOf([...new Set(payments.map((x) => x.allocationId))]);
      return {
        ...(await projectOut(p, step)),
        useReason: p.useReason,
        content: p.content,
        householdList: await repo.projectHouseholds(id),
        payments: paymentsOut(payments, sources),
        findings: await Promise.all((await repo.findingsOfProject(id)).map((f) => findingOut(f, step))),
        createdAt: iso(p.createdAt),
        version: p.version,
      };
    },

    /**
     * 户申请、村申报: a village's project, its use checked against the 正面清单 and 负面清单, its households registered in
     * the village; its approval procedure starts in the same transaction.
     */
    async declare(auth: Auth, input: ProjectInput): Promise<Project> {
      requirePermission(auth, 'projects.declare', { region: input.villageCode, what: '该村' });
      const village = await regions.get(input.villageCode);
      if (village.level !== 5) throw refuse('villageCode', '所在村', '项目应由村申报，请选择一个村');
      const use = checkUse({ use: input.use, reason: input.useReason, texts: [{ field: 'name', text: input.name }, { field: 'content', text: input.content }] });
      if (!use.ok) throw refuse(use.field, FIELD_LABELS[use.field] ?? use.field, use.message);
      const ids = input.householdIds ?? [];
      if (input.reach !== 'household' && ids.length) throw refuse('householdIds', '受益户', '只有到户项目登记受益户');
      const households = await checkHouseholds(input.villageCode, ids);
      const approval = await deps.approval(auth, input.villageCode);
      const at = approval.steps.findIndex((s) => s.key === PROJECT_APPROVAL_STEP);
      const approvalStep = at >= 0 ? at : approval.steps.length - 1;
      const { project, opened } = await transaction(async (tx, handle) => {
        const p = await tx.insertProject({
          year: input.year,
          name: input.name,
          villageCode: input.villageCode,
          reach: input.reach,
          use: input.use,
          useReason: input.useReason ?? '',
          content: input.content,
          budget: input.budget,
          approvalStep,
          createdBy: auth.userId,
          createdAt: now(),
        });
        const started = await approval.start(handle, { id: p.id, year: p.year });
        await tx.setProcedure(p.id, started.id);
        await tx.setProjectHouseholds(p.id, households);
        await audit.record(auth, 'project', p.id, 'create', null, { ...p, procedureId: started.id, approvalStep, householdIds: households, createdAt: iso(p.createdAt) }, { regionCode: p.villageCode });
        return { project: p, opened: started.opened };
      });
      await opened();
      return this.project(auth, project.id);
    },

    /** 登记到户受益: replaces a 到户 project's households (a household already paid stays). */
    async setHouseholds(auth: Auth, id: number, input: { householdIds: number[]; version: number }): Promise<Project> {
      const p = await loadProject(auth, id);
      requirePermission(auth, 'projects.declare', { region: p.villageCode, what: '该村' });
      if (p.reach !== 'household') throw new AppError('CONFLICT', '只有到户项目登记受益户');
      if (p.stage === 'done' || p.stage === 'withdrawn') throw new AppError('CONFLICT', `项目${STAGE_LABELS[p.stage]}，不能再调整受益户`);
      const households = await checkHouseholds(p.villageCode, input.householdIds);
      const paidOut = (await repo.projectHouseholds(id)).filter((h) => h.paid > 0 && !households.includes(h.householdId));
      if (paidOut.length) throw refuse('householdIds', '受益户', `${paidOut.map((h) => `${h.head ?? '（无户主）'}户（${h.number}）`).join('、')}已拨付资金，不能移出`);
      const before = (await repo.projectHouseholds(id)).map((h) => h.householdId);
      await transaction(async (tx) => {
        if (!(await tx.updateProject(id, input.version, {}))) throw new AppError('STALE_VERSION', '该项目已被他人修改，请刷新后重试', { currentVersion: p.version });
        await tx.setProjectHouseholds(id, households);
        await audit.record(auth, 'project', id, 'update', { householdIds: before }, { householdIds: households }, { regionCode: p.villageCode });
      });
      return this.project(auth, id);
    },

    // --- payments -----------------------------------------------------------------------------------------------------
    /**
     * 拨付: from an allocation containing the project's village, of the project's year, to an approved project (and a
     * household of a 到户 project's list); never beyond the allocation's balance or the project's budget. The project
     * and the allocation are locked, so two payments sent at once are checked one after the other.
     */
    async pay(auth: Auth, projectId: number, input: PaymentInput): Promise<Payment> {
      requirePermission(auth, 'funds.manage');
      const region = await preparePayment(auth, projectId, input);
      const saved = await transaction((tx) => writePayment(tx, auth, projectId, input, region));
      return paymentsOut([saved.pay], new Map([[saved.pay.allocationId, saved.source]]))[0]!;
    },

    /** 拨付 from an .xlsx, all or nothing: each row checked as one payment (after the rows above it), errors by row and column. */
    async importPayments(auth: Auth, rows: Array<SheetRow<PaymentImportKey>>): Promise<RecordImportResult> {
      requirePermission(auth, 'funds.manage');
      return importAll(rows, PAYMENT_SHEET, 'projectId', {
        parse: paymentOfRow,
        prepare: (r) => preparePayment(auth, r.projectId, r.input),
        write: async (tx, r, region) => (await writePayment(tx, auth, r.projectId, r.input, region)).pay.id,
      });
    },

    async payments(auth: Auth, q: PaymentQuery): Promise<Page<Payment>> {
      requirePermission(auth, 'funds.read');
      const { prefix } = await prefixOf(auth, q.region);
      const { items, total } = await repo.payments({ prefix, year: q.year, projectId: q.projectId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const sources = await repo.sourcesOf([...new Set(items.map((x) => x.allocationId))]);
      return { items: paymentsOut(items, sources), total, page: q.page, pageSize: q.pageSize };
    },
    exportPayments(auth: Auth, q: Omit<PaymentQuery, 'page' | 'pageSize'>) {
      return allPages((page, pageSize) => this.payments(auth, { ...q, page, pageSize }));
    },

    /** What reached a household (its 扶贫手册 shows it); the registry's household scope applies. */
    async receipts(auth: Auth, householdId: number): Promise<HouseholdReceipts> {
      requirePermission(auth, 'funds.read');
      // Another scope's household is answered as missing, as its projects are.
      await deps.household(auth, householdId).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'FORBIDDEN' ? notFound('贫困户', householdId) : e;
      });
      const rows = await repo.receipts(householdId);
      const sources = await repo.sourcesOf([...new Set(rows.map((r) => r.payment.allocationId))]);
      const payments = paymentsOut(rows.map((r) => r.payment), sources);
      return {
        householdId,
        total: payments.reduce((a, p) => a + p.amount, 0),
        items: payments.map((p, i) => ({ ...p, projectName: rows[i]!.projectName, reachLabel: PROJECT_REACH_LABELS[rows[i]!.reach as ProjectReach] })),
      };
    },

    // --- progress and points ------------------------------------------------------------------------------------------
    /** The year's funds under a region as of a date, by the regions below it or by county (maintained figures). */
    async progress(auth: Auth, q: ProgressQuery): Promise<Progress> {
      requirePermission(auth, 'funds.read');
      const { prefix, region } = await prefixOf(auth, q.region);
      const asOf = q.asOf ?? isoDate(now());
      const { digits, regions: groups } = await groupsOf(region, q.by ?? 'child');
      const figures = await repo.groupFigures({ prefix, years: { from: q.year, to: q.year }, asOf, digits });
      const byGroup = new Map(figures.map((f) => [f.group, f]));
      const rows: ProgressRow[] = groups.map((g) => {
        const f = byGroup.get(g.code.slice(0, digits));
        byGroup.delete(g.code.slice(0, digits));
        return row(g, f?.allocated ?? 0, f?.spent ?? 0);
      });
      // What stays with an office above the groups (本级): the province's or a city's own funds.
      for (const f of byGroup.values()) {
        const r = await regions.get(f.group.padEnd(12, '0')).catch(() => null);
        rows.push(row({ code: f.group.padEnd(12, '0'), name: `${r?.name ?? f.group}本级`, level: r?.level ?? region?.level ?? 1 }, f.allocated, f.spent));
      }
      const total = figures.reduce((a, f) => ({ allocated: a.allocated + f.allocated, spent: a.spent + f.spent }), { allocated: 0, spent: 0 });
      return { year: q.year, asOf, total: row(region ?? { code: '', name: '全国', level: 1 }, total.allocated, total.spent), rows };
    },

    /** The 7 + 3 + 2 points of 资金支出进度 of a region for a year, as of a date (default: today). */
    async performance(auth: Auth, q: PerformanceQuery): Promise<Performance> {
      requirePermission(auth, 'funds.read');
      const { prefix, region } = await prefixOf(auth, q.region);
      return performanceOf(prefix, region, q.year, q.asOf ?? isoDate(now()));
    },

    /** The points of a region code for the assessment (the national scheme's 扶贫资金绩效考评), as of the year's end. */
    async regionPoints(auth: Auth, regionCode: string, year: number): Promise<Performance> {
      requirePermission(auth, 'funds.read');
      const { prefix, region } = await prefixOf(auth, regionCode);
      return performanceOf(prefix, region, year, `${year}-12-31`);
    },

    // --- audit findings -----------------------------------------------------------------------------------------------
    async findings(auth: Auth, q: FindingQuery): Promise<Page<Finding>> {
      requirePermission(auth, 'funds.read');
      const { prefix } = await prefixOf(auth, q.region);
      const { items, total } = await repo.findings({ prefix, state: q.state, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', today: isoDate(now()), limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const step = stepCache();
      return { items: await Promise.all(items.map((f) => findingOut(f, step))), total, page: q.page, pageSize: q.pageSize };
    },

    async addFinding(auth: Auth, input: FindingInput): Promise<Finding> {
      requirePermission(auth, 'funds.manage');
      if (!input.projectId === !input.allocationId) throw refuse('projectId', '问题所属', '请选择一个项目或一笔资金（二者选一）');
      const regionCode = input.projectId ? (await loadProject(auth, input.projectId)).villageCode : (await loadAllocation(auth, input.allocationId!)).regionCode;
      requireRegion(auth, regionCode, '该资金');
      if (input.deadline < input.foundOn) throw refuse('deadline', '整改期限', '不能早于发现日期');
      const f = await transaction(async (tx) => {
        const row = await tx.insertFinding({ projectId: input.projectId ?? null, allocationId: input.allocationId ?? null, regionCode, foundOn: input.foundOn, foundBy: input.foundBy, problem: input.problem, deadline: input.deadline, state: 'open', createdBy: auth.userId, createdAt: now() });
        await audit.record(auth, 'audit_finding', row.id, 'create', null, { ...row, createdAt: iso(row.createdAt) }, { regionCode });
        return row;
      });
      return findingOut(f, stepCache());
    },

    async updateFinding(auth: Auth, id: number, input: FindingUpdate): Promise<Finding> {
      requirePermission(auth, 'funds.manage');
      const f = await repo.finding(id);
      if (!f || !inRegion(auth, f.regionCode)) throw notFound('审计问题', id);
      if (input.state === 'rectified' && !(input.rectification ?? f.rectification).trim()) throw refuse('rectification', '整改情况', '整改完成时请填写整改情况');
      const rectifiedOn = input.state === 'rectified' ? (input.rectifiedOn ?? isoDate(now())) : null;
      if (rectifiedOn && rectifiedOn < f.foundOn) throw refuse('rectifiedOn', '整改完成日期', '不能早于发现日期');
      const values = { state: input.state, rectification: input.rectification ?? f.rectification, rectifiedOn };
      await transaction(async (tx) => {
        if (!(await tx.updateFinding(id, input.version, values))) throw new AppError('STALE_VERSION', '该审计问题已被他人修改，请刷新后重试', { currentVersion: f.version });
        await audit.record(auth, 'audit_finding', id, 'update', { state: f.state, rectification: f.rectification, rectifiedOn: f.rectifiedOn }, values, { regionCode: f.regionCode });
      });
      return findingOut((await repo.finding(id))!, stepCache());
    },

    // --- the field check's draw ---------------------------------------------------------------------------------------
    /** 实地抽查: `count` payable projects of a region and year drawn with a seed anyone can re-run; the draw is kept. */
    async drawSample(auth: Auth, input: SampleInput): Promise<Sample> {
      requirePermission(auth, 'funds.manage');
      const { prefix } = await prefixOf(auth, input.region);
      const pool = await repo.payableProjectIds(prefix, input.year);
      if (!pool.length) throw new AppError('CONFLICT', `该地区 ${input.year} 年没有已审批的项目，无从抽查`);
      const drawn = drawSample(pool, input.count, input.drawKey);
      const s = await transaction(async (tx) => {
        const row = await tx.insertSample({ regionPrefix: prefix, year: input.year, count: input.count, drawKey: input.drawKey, projectIds: drawn, drawnBy: auth.userId, drawnAt: now() });
        await audit.record(auth, 'fund_sample', row.id, 'create', null, { ...row, drawnAt: iso(row.drawnAt), pool: pool.length }, { regionCode: prefix.padEnd(12, '0') });
        return row;
      });
      return sampleOut(s);
    },
    async sample(auth: Auth, id: number): Promise<Sample> {
      requirePermission(auth, 'funds.read');
      const s = await repo.sample(id);
      if (!s || !s.regionPrefix.startsWith(auth.regionPrefix)) throw notFound('抽查', id);
      return sampleOut(s);
    },
    async samples(auth: Auth): Promise<Sample[]> {
      requirePermission(auth, 'funds.read');
      return Promise.all((await repo.samples(auth.regionPrefix)).map(sampleOut));
    },

    /** Names of projects (for the procedures' list). */
    projectNames: (ids: number[]) => repo.projectNames(ids),
  };
}
export type FundsService = ReturnType<typeof makeFundsService>;
