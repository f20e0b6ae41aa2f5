import type { DecisionInput, Hit, HitDetail, HitsQuery, Run, RunRow as RunItem, RunScope } from '../../contract/compare';
import type { Page } from '../../contract/page';
import { checkDecision } from '../../domain/compare/decision';
import { normaliseIdNumber } from '../../domain/compare/list-row';
import { checkIdNumber } from '../../domain/registry/id-number';
import type { HouseholdInput } from '../../domain/registry/validate-household';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requirePermission, requireRegion } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { Notifier } from '../notifications/service';
import type { AuditService } from '../audit/service';
import { prefixOf } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import { makeListService, ownDepartment } from './list-service';
import type { CompareRepo, HitView, RunRow, Subject } from './repo';

/** What this feature needs of a procedure (the procedures feature's service answers; never its repository). */
export interface ProcedureSubject {
  id: number;
  householdId: number | null;
  villageCode: string;
  applicant: unknown;
}

export interface CompareDeps {
  repo: CompareRepo;
  transaction: <T>(fn: (repo: CompareRepo) => Promise<T>) => Promise<T>;
  regions: RegionsService;
  audit: AuditService;
  procedures: { get(auth: Auth, id: number): Promise<ProcedureSubject> };
  now: () => Date;
  /** Tells the users who decide a run's hits (issue 11's notifications), after the run is written. */
  notify?: Notifier;
}

const MAX_LISTS_PER_RUN = 50;

const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The longest common prefix of region codes: the narrowest region that holds all of them. */
function commonPrefix(codes: string[]): string {
  if (codes.length === 0) return '';
  let p = codes[0]!;
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Cross-department comparison (一比对, seed 004 and issue 4). Lists from other departments are imported (every ID
 * number checked, all or nothing unless the user asks to skip bad rows); a comparison joins every member of every
 * household in a region — or a procedure's applicants — with the chosen lists on ID number, in one statement, and
 * keeps each match as a hit with its evidence. A hit goes back to the village assembly, whose decision (属实 / 不属实)
 * is recorded with the outcome. **A hit changes nothing in the registry**: seed 004 forbids 一刀切 (“几不准”) and makes
 * the villagers' assessment the final basis, so clearing a household is a removal procedure decided by the assembly.
 *
 * Scope: a list or run belongs to the region of the office that made it. Offices at or above it manage it; offices
 * below it may use the list and see the run — but only the hits of their own subtree.
 */
export function makeCompareService(deps: CompareDeps) {
  const { repo, transaction, regions, audit, procedures, now } = deps;
  // The list service's own helpers stay inside; its routes' methods are this service's.
  const { regionNames, loadList, requireOnLine, ...lists } = makeListService(deps);

  async function scopePrefix(auth: Auth, region: string | undefined): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(region);
    return prefixOf(r.code, r.level);
  }

  /** The lists a comparison uses: at least one, each existing and usable by the user. */
  async function usableLists(auth: Auth, listIds: number[] | undefined): Promise<number[]> {
    const ids = [...new Set(listIds ?? [])];
    if (ids.length === 0) throw validationError([{ field: 'listIds', label: '比对名单', message: '请选择至少 1 份部门名单' }]);
    if (ids.length > MAX_LISTS_PER_RUN) throw validationError([{ field: 'listIds', label: '比对名单', message: `一次最多选择 ${MAX_LISTS_PER_RUN} 份名单` }]);
    for (const id of ids) await loadList(auth, id, false);
    return ids;
  }

  /** A hit as the user reads it: its ID number and the ID numbers in its detail (a second ID column) masked unless the role may see them. */
  function hitView(h: HitView, auth: Auth) {
    return maskFor(auth, { ...h, decidedAt: toIso(h.decidedAt) });
  }

  async function runView(auth: Auth, run: RunRow & { userName: string | null }): Promise<Run> {
    const dept = ownDepartment(auth);
    const all = await Promise.all(run.listIds.map(async (id) => ({ id, list: await repo.list(id) })));
    // A department's clerk sees the run through its own lists only: the other departments' lists are not named.
    const shown = dept === null ? all : all.filter((x) => x.list?.department === dept);
    const lists = shown.map((x) => x.list);
    const names = await regionNames([run.regionPrefix, ...lists.flatMap((l) => (l ? [l.regionPrefix] : []))]);
    const totals = await repo.hitTotals(run.id, auth.regionPrefix, dept);
    return {
      id: run.id,
      scope: run.scope,
      procedureId: run.procedureId,
      regionPrefix: run.regionPrefix,
      regionName: names.get(run.regionPrefix) ?? run.regionPrefix,
      lists: shown.map(({ id, list: l }) => {
        return l ? { id, name: l.name, department: l.department, rows: l.rows, deleted: false } : { id, name: `已删除的名单（编号 ${id}）`, department: '', rows: 0, deleted: true };
      }),
      persons: run.persons,
      hits: dept === null ? run.hits : totals.hits,
      userName: run.userName ?? '',
      startedAt: toIso(run.startedAt)!,
      finishedAt: toIso(run.finishedAt),
      /** The hits inside the user's own scope (all of them for the office that ran it). */
      inScope: totals,
    };
  }

  async function loadRun(auth: Auth, id: number) {
    const run = await repo.run(id);
    if (!run) throw new AppError('NOT_FOUND', `比对记录不存在（编号 ${id}）`);
    requireOnLine(auth, run.regionPrefix, '该比对记录');
    const dept = ownDepartment(auth);
    if (dept !== null && !(await repo.runUsesDepartment(id, dept)))
      throw new AppError('NOT_FOUND', `比对记录不存在（编号 ${id}）`);
    return run;
  }

  /**
   * A run found hits (issue 11: “comparison hits to decide”): the accounts holding compare.decide whose office covers a
   * village with hits are told — the village's clerks and the offices above it, never an office without a hit.
   */
  async function hitsToDecide(auth: Auth, runId: number, prefix: string) {
    if (!deps.notify) return;
    const villages = (await repo.villageSummary(runId, prefix, { department: null, limit: 100_000, offset: 0 })).map((v) => v.villageCode);
    await deps.notify.holders('compare.decide', { region: villages }, { kind: 'compareHits', title: '一比对发现待评议的线索，请组织核实评议', link: `/compare/runs/${runId}`, from: auth.userId });
  }

  /** Writes a run and its hits in one transaction: a run is there with all its hits, or not at all. */
  async function record(auth: Auth, run: { scope: RunScope; procedureId: number | null; regionPrefix: string; listIds: number[] }, compare: (tx: CompareRepo, runId: number) => Promise<{ persons: number; hits: number }>) {
    const written = await transaction(async (tx) => {
      const runId = await tx.insertRun({ ...run, userId: auth.userId, startedAt: now() });
      const { persons, hits } = await compare(tx, runId);
      await tx.finishRun(runId, persons, hits, now());
      return { runId, hits };
    });
    if (written.hits > 0) await hitsToDecide(auth, written.runId, run.regionPrefix);
    return runView(auth, (await repo.run(written.runId))!);
  }

  const service = {
    ...lists,

    // --- comparisons -------------------------------------------------------------------------------------------------
    /** Compares every member of every household under a region (default: the user's scope) with the chosen lists. */
    async compareRegistry(auth: Auth, input: { region?: string; listIds: number[] }) {
      requirePermission(auth, 'compare.run');
      const prefix = await scopePrefix(auth, input.region);
      const listIds = await usableLists(auth, input.listIds);
      return record(auth, { scope: 'registry', procedureId: null, regionPrefix: prefix, listIds }, async (tx, runId) => ({
        persons: await tx.countRegistryPersons(prefix, null),
        hits: await tx.insertRegistryHits(runId, prefix, listIds, { householdId: null, procedureId: null }),
      }));
    },

    /**
     * Compares persons the caller names — a new identification's applicants, before they are in the registry — with
     * the chosen lists. The procedures feature calls this (or `compareProcedure`) for its 县级比对 step.
     */
    async compareSubjects(auth: Auth, input: { procedureId?: number | null; listIds: number[]; subjects: Array<Partial<Subject>> }) {
      requirePermission(auth, 'compare.run');
      const fields: FieldError[] = [];
      if (!input.subjects?.length) fields.push({ field: 'subjects', label: '比对对象', message: '没有要比对的人员' });
      const today = now();
      const seen = new Set<string>();
      const subjects: Subject[] = [];
      (input.subjects ?? []).forEach((s, i) => {
        const villageCode = (s.villageCode ?? '').trim();
        const idNumber = normaliseIdNumber(s.idNumber ?? '');
        if (!/^\d{12}$/.test(villageCode)) fields.push({ field: `subjects.${i}.villageCode`, label: '村级区划代码', message: '应为 12 位村级区划代码' });
        const check = checkIdNumber(idNumber, today);
        if (!check.ok) fields.push({ field: `subjects.${i}.idNumber`, label: '身份证号', message: check.message });
        if (!/^\d{12}$/.test(villageCode) || !check.ok || seen.has(idNumber)) return;
        seen.add(idNumber);
        subjects.push({ householdId: s.householdId ?? null, procedureId: s.procedureId ?? input.procedureId ?? null, villageCode, idNumber, name: (s.name ?? '').trim().slice(0, 50) });
      });
      if (fields.length) throw validationError(fields);
      for (const s of subjects) requireRegion(auth, s.villageCode, '该村');
      const listIds = await usableLists(auth, input.listIds);
      return record(auth, { scope: 'procedure', procedureId: input.procedureId ?? null, regionPrefix: commonPrefix(subjects.map((s) => s.villageCode)), listIds }, async (tx, runId) => ({
        persons: subjects.length,
        hits: await tx.insertSubjectHits(runId, listIds, subjects),
      }));
    },

    /**
     * Compares the persons of a procedure: the applicants of a new identification (from its application), or the
     * members of the household of any other procedure (from the registry).
     */
    async compareProcedure(auth: Auth, procedureId: number, input: { listIds: number[] }) {
      requirePermission(auth, 'compare.run');
      const p = await procedures.get(auth, procedureId);
      if (p.householdId !== null) {
        const listIds = await usableLists(auth, input.listIds);
        const householdId = p.householdId;
        return record(auth, { scope: 'procedure', procedureId: p.id, regionPrefix: p.villageCode, listIds }, async (tx, runId) => ({
          persons: await tx.countRegistryPersons(p.villageCode, householdId),
          hits: await tx.insertRegistryHits(runId, p.villageCode, listIds, { householdId, procedureId: p.id }),
        }));
      }
      const applicant = p.applicant as HouseholdInput | null;
      if (!applicant?.persons?.length) throw new AppError('CONFLICT', `程序 ${p.id} 没有申请户或家庭成员，无需比对`);
      return service.compareSubjects(auth, {
        procedureId: p.id,
        listIds: input.listIds,
        subjects: applicant.persons.map((m) => ({ householdId: null, procedureId: p.id, villageCode: applicant.villageCode ?? p.villageCode, idNumber: m.idNumber, name: m.name })),
      });
    },

    /** Whether a comparison has been run over a procedure's persons (its 县级比对 step asks). */
    comparisonRun: (procedureId: number) => repo.hasRunForProcedure(procedureId),

    async runs(auth: Auth, q: { procedureId?: number; page: number; pageSize: number }): Promise<Page<RunItem>> {
      requirePermission(auth, 'compare.read');
      const dept = ownDepartment(auth);
      const { items, total } = await repo.runs({ prefix: auth.regionPrefix, department: dept, procedureId: q.procedureId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const names = await regionNames([...new Set(items.map((r) => r.regionPrefix))]);
      return {
        items: items.map((r) => ({
          id: r.id,
          scope: r.scope,
          procedureId: r.procedureId,
          regionPrefix: r.regionPrefix,
          regionName: names.get(r.regionPrefix) ?? r.regionPrefix,
          listIds: r.listIds,
          persons: r.persons,
          hits: dept === null ? r.hits : r.hitsInScope,
          hitsInScope: r.hitsInScope,
          undecided: r.undecided,
          userName: r.userName ?? '',
          startedAt: toIso(r.startedAt)!,
          finishedAt: toIso(r.finishedAt),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async run(auth: Auth, id: number) {
      requirePermission(auth, 'compare.read');
      return runView(auth, await loadRun(auth, id));
    },

    /** A run's hits per village (inside the user's scope), with the village names. */
    async villages(auth: Auth, id: number, q: { page: number; pageSize: number }) {
      requirePermission(auth, 'compare.read');
      await loadRun(auth, id);
      const dept = ownDepartment(auth);
      const items = await repo.villageSummary(id, auth.regionPrefix, { department: dept, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const totals = await repo.hitTotals(id, auth.regionPrefix, dept);
      const names = await regions.fullNames(items.map((v) => v.villageCode));
      return { items: items.map((v) => ({ ...v, villageName: names.get(v.villageCode) ?? v.villageCode })), total: totals.villages, page: q.page, pageSize: q.pageSize };
    },

    /** A run's hits (inside the user's scope), in village → household → person order; ID numbers masked unless the role may see them. */
    async hits(auth: Auth, id: number, q: HitsQuery): Promise<Page<Hit>> {
      requirePermission(auth, 'compare.read');
      await loadRun(auth, id);
      if (q.village) requireRegion(auth, q.village, '该村');
      const { items, total } = await repo.hits(id, { prefix: auth.regionPrefix, department: ownDepartment(auth), village: q.village, decision: q.decision, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const names = await regions.fullNames([...new Set(items.map((h) => h.villageCode))]);
      return { items: items.map((h) => ({ ...hitView(h, auth), villageName: names.get(h.villageCode) ?? h.villageCode })), total, page: q.page, pageSize: q.pageSize };
    },

    /** One hit with the history of its decisions (who, when, before → after). */
    async hit(auth: Auth, id: number): Promise<HitDetail> {
      requirePermission(auth, 'compare.read');
      const h = await repo.hit(id);
      const dept = ownDepartment(auth);
      if (!h || (dept !== null && h.department !== dept)) throw new AppError('NOT_FOUND', `比对线索不存在（编号 ${id}）`);
      requireRegion(auth, h.villageCode, '该线索');
      const history = await audit.history('comparison_hit', id, { decision: '评议结果', outcome: '评议情况' });
      const villageName = (await regions.fullNames([h.villageCode])).get(h.villageCode) ?? h.villageCode;
      return { ...hitView(h, auth), villageName, history };
    },

    /**
     * Records the village assembly's decision on a hit (seed 004: 将问题线索重新提交村民代表大会评议 … 以村民评议结果为最终依据).
     * Only the hit changes: its decision, outcome, who and when. The household's status and members are untouched —
     * clearing a household is the removal procedure's work, decided there.
     */
    async decide(auth: Auth, id: number, input: DecisionInput): Promise<HitDetail> {
      requirePermission(auth, 'compare.decide');
      const h = await repo.hit(id);
      if (!h) throw new AppError('NOT_FOUND', `比对线索不存在（编号 ${id}）`);
      // A village clerk decides its own village's hits only (the region scope of the decision).
      requireRegion(auth, h.villageCode, '该线索');
      const problems = checkDecision(input);
      if (problems.length) throw validationError(problems);
      const current = toIso(h.decidedAt);
      if (input.expectedDecidedAt && Number.isNaN(Date.parse(input.expectedDecidedAt)))
        throw validationError([{ field: 'expectedDecidedAt', label: '评议时间', message: '应为该线索上次评议的时间（首次评议为 null）' }]);
      const expected = input.expectedDecidedAt ? toIso(input.expectedDecidedAt) : null;
      const stale = () => new AppError('STALE_VERSION', '该线索的评议结果已被他人更新，请刷新后重试', { currentDecidedAt: current });
      if (expected !== current) throw stale();
      const outcome = input.outcome.trim();
      if (!(await repo.decide(id, current, { decision: input.decision, outcome, userId: auth.userId, at: now() }))) throw stale();
      await audit.record(auth, 'comparison_hit', id, 'update', { decision: h.decision, outcome: h.outcome }, { decision: input.decision, outcome });
      return service.hit(auth, id);
    },
  };
  return service;
}

export type CompareService = ReturnType<typeof makeCompareService>;
