import type { Page } from '../../contract/page';
import type { DecisionInput, Flag, FlagDetail, FlagsQuery, Run, RunInput, RunRow as RunItem, VillageFlags } from '../../contract/screening';
import { checkDecision } from '../../domain/compare/decision';
import { isScreeningList, SCREENING_LISTS } from '../../domain/compare/departments';
import { exitRisk, SCREENING_DECISION_MEANING, wrongIdentification, type HouseholdEvidence } from '../../domain/screening/flags';
import { AppError, validationError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { regionOnLine, requirePermission, requireRegion } from '../auth/access';
import { maskFor } from '../auth/masking';
import type { AuditService } from '../audit/service';
import type { CompareRepo } from '../compare/repo';
import type { Notifier } from '../notifications/service';
import { pad12, prefixOf } from '../regions/china-division';
import type { RegionsService } from '../regions/service';
import type { FlagView, ScreeningRepo } from './repo';

export interface ScreeningDeps {
  repo: ScreeningRepo;
  transaction: <T>(fn: (repo: ScreeningRepo) => Promise<T>) => Promise<T>;
  /** The screening lists are the comparison's department lists (read only here). */
  lists: Pick<CompareRepo, 'list'>;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  notify?: Notifier;
}

const MAX_LISTS = 50;
const EXPORT_BATCH = 5000;
const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Screening (issue 15, seed 004 精准识别): a run over a region flags every screening-list row not in the registry (漏评),
 * every 未脱贫 / 返贫 household failing the registry's identification rule (错评) and every exited household failing its
 * exit rule today (错退 / 返贫 risk), each part one statement. Each flag goes to its village for a recorded decision;
 * **nothing in the registry is changed** by a flag or a decision (seed 004: “及时启动民主评议等相关工作”).
 */
export function makeScreeningService(deps: ScreeningDeps) {
  const { repo, transaction, regions, audit, now } = deps;

  async function names(codes: string[]): Promise<Map<string, string>> {
    const full = await regions.fullNames([...new Set(codes.filter((c) => c !== ''))].map(pad12));
    return new Map(codes.map((c) => [c, c === '' ? '全国' : (full.get(pad12(c)) ?? c)]));
  }

  async function scopePrefix(auth: Auth, region: string | undefined): Promise<string> {
    if (!region) return auth.regionPrefix;
    requireRegion(auth, region);
    const r = await regions.get(pad12(region));
    return prefixOf(r.code, r.level);
  }

  /** The screening lists of a run: each a screening list, usable by the user, and on the line of the run's region. */
  async function usableLists(auth: Auth, prefix: string, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_LISTS) throw validationError([{ field: 'listIds', label: '排查名单', message: `一次最多选择 ${MAX_LISTS} 份名单` }]);
    for (const id of unique) {
      const l = await deps.lists.list(id);
      if (!l || !regionOnLine(auth, l.regionPrefix)) throw new AppError('NOT_FOUND', `部门名单不存在（编号 ${id}）`);
      if (!isScreeningList(l.department))
        throw validationError([{ field: 'listIds', label: '排查名单', message: `“${l.name}”是${l.department}名单，不是排查名单（${SCREENING_LISTS.join('、')}）` }]);
      if (!(l.regionPrefix.startsWith(prefix) || prefix.startsWith(l.regionPrefix)))
        throw validationError([{ field: 'listIds', label: '排查名单', message: `“${l.name}”不是本次排查地区（或其上级、下级）导入的名单` }]);
    }
    return unique;
  }

  function reasonsOf(f: FlagView) {
    if (f.kind === '漏评') return [];
    const e = f.evidence as unknown as HouseholdEvidence;
    const failing = f.kind === '错评' ? wrongIdentification(e) : exitRisk(e);
    return failing.map((c) => ({ key: c.key, label: c.label, reason: c.reason, citation: c.citation }));
  }

  function flagView(auth: Auth, f: FlagView, regionNames: Map<string, string>): Flag {
    const { listDetail, ...rest } = f;
    return maskFor(auth, {
      ...rest,
      regionName: regionNames.get(f.regionCode) ?? f.regionCode,
      detail: f.kind === '漏评' ? (listDetail ?? '') : null,
      reasons: reasonsOf(f),
      decidedAt: toIso(f.decidedAt),
    });
  }

  async function loadRun(auth: Auth, id: number) {
    const r = await repo.run(id);
    if (!r || !regionOnLine(auth, r.regionPrefix)) throw new AppError('NOT_FOUND', `排查记录不存在（编号 ${id}）`);
    return r;
  }

  async function runView(auth: Auth, id: number): Promise<Run> {
    const r = await loadRun(auth, id);
    const lists = await Promise.all(r.listIds.map(async (lid) => ({ lid, l: await deps.lists.list(lid) })));
    const n = await names([r.regionPrefix]);
    const { items } = await repo.villages(id, auth.regionPrefix, 100_000, 0);
    const sum = (k: 'missed' | 'wrong' | 'risk' | 'undecided') => items.reduce((s, v) => s + v[k], 0);
    return {
      id: r.id,
      regionPrefix: r.regionPrefix,
      regionName: n.get(r.regionPrefix) ?? r.regionPrefix,
      lists: lists.map(({ lid, l }) => (l ? { id: lid, name: l.name, department: l.department, rows: l.rows, deleted: false } : { id: lid, name: `已删除的名单（编号 ${lid}）`, department: '', rows: 0, deleted: true })),
      persons: r.persons,
      listRows: r.listRows,
      userName: r.userName ?? '',
      startedAt: toIso(r.startedAt)!,
      finishedAt: toIso(r.finishedAt),
      inScope: { missed: sum('missed'), wrong: sum('wrong'), risk: sum('risk'), undecided: sum('undecided') },
    };
  }

  const service = {
    /** Runs the screening of a region (default: the user's scope) with the chosen screening lists, in one transaction. */
    async start(auth: Auth, input: RunInput): Promise<Run> {
      requirePermission(auth, 'compare.run');
      const prefix = await scopePrefix(auth, input.region);
      const listIds = await usableLists(auth, prefix, input.listIds ?? []);
      const runId = await transaction(async (tx) => {
        await tx.tuneForRun();
        const id = await tx.insertRun({ regionPrefix: prefix, listIds, userId: auth.userId, startedAt: now() });
        const missed = listIds.length ? await tx.insertMissed(id, prefix, listIds) : 0;
        const wrong = await tx.insertWrong(id, prefix);
        const risk = await tx.insertRisk(id, prefix);
        await tx.finishRun(id, { persons: await tx.countPersons(prefix), listRows: await tx.countListRows(listIds), missed, wrong, risk }, now());
        return id;
      });
      // The deciders of every region with a flag are told (as 一比对's hitsToDecide): its village's clerks and the offices above.
      const regionsWithFlags = await repo.flagRegions(runId);
      if (deps.notify && regionsWithFlags.length)
        await deps.notify.holders('compare.decide', { region: regionsWithFlags.map(pad12) }, { kind: 'screeningFlags', title: '漏评、错评、错退排查发现待核实的线索，请组织核实评议', link: `/screening/runs/${runId}`, from: auth.userId });
      return runView(auth, runId);
    },

    async runs(auth: Auth, q: { page: number; pageSize: number }): Promise<Page<RunItem>> {
      requirePermission(auth, 'compare.read');
      const { items, total } = await repo.runs(auth.regionPrefix, q.pageSize, (q.page - 1) * q.pageSize);
      const n = await names(items.map((r) => r.regionPrefix));
      return {
        items: items.map((r) => ({
          id: r.id,
          regionPrefix: r.regionPrefix,
          regionName: n.get(r.regionPrefix) ?? r.regionPrefix,
          persons: r.persons,
          listRows: r.listRows,
          missed: r.missed,
          wrong: r.wrong,
          risk: r.risk,
          inScope: r.inScope,
          undecided: r.undecided,
          userName: r.userName ?? '',
          startedAt: toIso(r.startedAt)!,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async run(auth: Auth, id: number) {
      requirePermission(auth, 'compare.read');
      return runView(auth, id);
    },

    /** A run's flags per village (inside the user's scope), by kind. */
    async villages(auth: Auth, id: number, q: { page: number; pageSize: number }): Promise<Page<VillageFlags>> {
      requirePermission(auth, 'compare.read');
      await loadRun(auth, id);
      const { items, total } = await repo.villages(id, auth.regionPrefix, q.pageSize, (q.page - 1) * q.pageSize);
      const n = await names(items.map((v) => v.regionCode));
      return { items: items.map((v) => ({ ...v, regionName: n.get(v.regionCode) ?? v.regionCode })), total, page: q.page, pageSize: q.pageSize };
    },

    async flags(auth: Auth, id: number, q: FlagsQuery): Promise<Page<Flag>> {
      requirePermission(auth, 'compare.read');
      await loadRun(auth, id);
      if (q.village) requireRegion(auth, q.village, '该村');
      const { items, total } = await repo.flags(id, { prefix: auth.regionPrefix, kind: q.kind, village: q.village, decision: q.decision, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const n = await names(items.map((f) => f.regionCode));
      return { items: items.map((f) => flagView(auth, f, n)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Every flag of a run in the user's scope (as filtered), batch by batch, for the .xlsx export. */
    async *exportFlags(auth: Auth, id: number, q: Omit<FlagsQuery, 'page' | 'pageSize'>): AsyncGenerator<Flag[]> {
      for (let page = 1; ; page++) {
        const p = await service.flags(auth, id, { ...q, page, pageSize: EXPORT_BATCH });
        if (p.items.length) yield p.items;
        if (page * EXPORT_BATCH >= p.total) return;
      }
    },

    async flag(auth: Auth, id: number): Promise<FlagDetail> {
      requirePermission(auth, 'compare.read');
      const f = await repo.flag(id);
      if (!f) throw new AppError('NOT_FOUND', `排查线索不存在（编号 ${id}）`);
      requireRegion(auth, f.regionCode, '该线索');
      const history = await audit.history('screening_flag', id, { decision: '评议结果', outcome: '评议情况' });
      return { ...flagView(auth, f, await names([f.regionCode])), history, meaning: SCREENING_DECISION_MEANING[f.kind] };
    },

    /**
     * Records the village's decision on a flag (属实 / 不属实 with what was verified). Only the flag changes; any
     * identification, removal or 返贫 is its own procedure, decided there.
     */
    async decide(auth: Auth, id: number, input: DecisionInput): Promise<FlagDetail> {
      requirePermission(auth, 'compare.decide');
      const f = await repo.flag(id);
      if (!f) throw new AppError('NOT_FOUND', `排查线索不存在（编号 ${id}）`);
      requireRegion(auth, f.regionCode, '该线索');
      const problems = checkDecision(input);
      if (problems.length) throw validationError(problems);
      const current = toIso(f.decidedAt);
      if (input.expectedDecidedAt && Number.isNaN(Date.parse(input.expectedDecidedAt)))
        throw validationError([{ field: 'expectedDecidedAt', label: '评议时间', message: '应为该线索上次评议的时间（首次评议为 null）' }]);
      const expected = input.expectedDecidedAt ? toIso(input.expectedDecidedAt) : null;
      const stale = () => new AppError('STALE_VERSION', '该线索的评议结果已被他人更新，请刷新后重试', { currentDecidedAt: current });
      if (expected !== current) throw stale();
      const outcome = input.outcome.trim();
      if (!(await repo.decide(id, current, { decision: input.decision, outcome, userId: auth.userId, at: now() }))) throw stale();
      await audit.record(auth, 'screening_flag', id, 'update', { decision: f.decision, outcome: f.outcome }, { decision: input.decision, outcome });
      return service.flag(auth, id);
    },
  };
  return service;
}
export type ScreeningService = ReturnType<typeof makeScreeningService>;
