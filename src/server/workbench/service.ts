import type { Todo, TodoKey, Workbench } from '../../contract/workbench';
import type { Permission } from '../../domain/auth/permissions';
import { yearOf } from '../../domain/shared/dates';
import { can, type Auth } from '../auth/access';
import type { JobBoard } from '../http/jobs';
import type { makeAssessmentService } from '../assessment/service';
import type { makeCompareService } from '../compare/service';
import type { makeLedgerService } from '../ledger/service';
import type { makePairingService } from '../pairing/service';
import type { makeProceduresService } from '../procedures/service';
import type { makeQualityService } from '../quality/service';
import type { makeRegistryService } from '../registry/service';
import type { ReportsService } from '../reports/service';
import type { ChangeRequestService } from '../registry/change-request-service';
import type { RostersService } from '../rosters/service';

type Service<F extends (...args: never[]) => unknown> = ReturnType<F>;

/** The features the workbench asks: their services, never their repositories (each narrows to the user's scope). */
export interface WorkbenchDeps {
  procedures: Pick<Service<typeof makeProceduresService>, 'waitingCounts'>;
  compare: Pick<Service<typeof makeCompareService>, 'runs' | 'hits'>;
  pairing: Pick<Service<typeof makePairingService>, 'withoutHelper' | 'missingVisits'>;
  quality: Pick<Service<typeof makeQualityService>, 'latest'>;
  assessment: Pick<Service<typeof makeAssessmentService>, 'scoresDue'>;
  registry: Pick<Service<typeof makeRegistryService>, 'statistics'>;
  ledger: Pick<Service<typeof makeLedgerService>, 'summary' | 'list'>;
  now: () => Date;
  reports: Pick<ReportsService, 'waitingCount'>;
  /** The finished import jobs each user has not read (kept in this process's memory, like the jobs). */
  jobs: Pick<JobBoard, 'count'>;
  changes: Pick<ChangeRequestService, 'pendingCount' | 'returnedCount'>;
  // issue 15: rosters — the 防返贫 list's count
  rosters?: Pick<RostersService, 'returnRisks'>;
}

/** One to-do: what it needs, and how it is counted (one call of the owning feature's service, a page of one). */
interface TodoSource {
  key: TodoKey;
  label: string;
  permission: Permission;
  partOf?: TodoKey;
  /** Whom the to-do is for besides the permission (a member's own entries: a user linked to a member). */
  applies?: (auth: Auth) => boolean;
  count: (auth: Auth, asked: Asked) => Promise<{ count: number; link: string }>;
}

/** What one workbench asks once and several to-dos share (the procedures' three counts come from one query). */
interface Asked {
  waiting: () => ReturnType<WorkbenchDeps['procedures']['waitingCounts']>;
}

/**
 * 工作台 (issue 11): the to-dos of the user's scope and the key figures. Each to-do is counted by its feature's service
 * with the caller's auth (so scope and own-record narrowing are the feature's), and only when the role holds the
 * permission the to-do needs.
 */
export function makeWorkbenchService(deps: WorkbenchDeps) {
  const one = { page: 1, pageSize: 1 };
  const sources: TodoSource[] = [
    {
      key: 'procedureSteps',
      label: '待本级办理的程序步骤',
      permission: 'procedures.handle',
      count: async (_auth, asked) => ({ count: (await asked.waiting()).steps, link: '/procedures?waiting=steps' }),
    },
    {
      key: 'notices',
      label: '公示期已满或今日期满、待办结的步骤',
      permission: 'procedures.handle',
      partOf: 'procedureSteps',
      count: async (_auth, asked) => ({ count: (await asked.waiting()).notices, link: '/procedures?waiting=notices' }),
    },
    {
      key: 'assemblies',
      label: '待录入评议（村民代表大会等）的步骤',
      permission: 'procedures.handle',
      partOf: 'procedureSteps',
      count: async (_auth, asked) => ({ count: (await asked.waiting()).assemblies, link: '/procedures?waiting=assemblies' }),
    },
    {
      key: 'compareHits',
      label: '待评议的比对线索（最近一次比对）',
      permission: 'compare.decide',
      count: async (auth) => {
        const [run] = (await deps.compare.runs(auth, one)).items;
        if (!run) return { count: 0, link: '/compare' };
        return { count: (await deps.compare.hits(auth, run.id, { decision: 'undecided', ...one })).total, link: `/compare/runs/${run.id}` };
      },
    },
    {
      key: 'withoutHelper',
      label: '无帮扶责任人的贫困户',
      permission: 'pairing.manage',
      count: async (auth) => ({ count: (await deps.pairing.withoutHelper(auth, one)).total, link: '/pairing/gaps' }),
    },
    {
      key: 'missingVisits',
      label: '本半年未回访的脱贫户',
      permission: 'visits.write',
      count: async (auth) => ({ count: (await deps.pairing.missingVisits(auth, one)).total, link: '/pairing/gaps' }),
    },
    {
      key: 'qualityFindings',
      label: '数据质量问题（最近一次检查）',
      permission: 'quality.read',
      count: async (auth) => {
        const run = await deps.quality.latest(auth);
        return { count: run ? Object.values(run.counts).reduce((a, n) => a + n, 0) : 0, link: '/quality' };
      },
    },
    {
      key: 'scores',
      label: '待评分项（进行中的考核轮次）',
      permission: 'assessment.score',
      count: async (auth) => ({ count: (await deps.assessment.scoresDue(auth)).count, link: '/assessment' }),
    },
    {
      key: 'importJobs',
      label: '已完成或失败、尚未查看的导入任务',
      permission: 'registry.write',
      count: async (auth) => ({ count: deps.jobs.count(auth.userId).total, link: '/registry/import' }),
    },
    {
      key: 'reports',
      label: '待审核的报送和更正申请',
      permission: 'reports.approve',
      count: async (auth) => ({ count: await deps.reports.waitingCount(auth), link: '/registry/reports' }),
    },
    {
      key: 'changeRequests',
      label: '待审批的户情变更',
      permission: 'changes.approve',
      count: async (auth) => ({ count: await deps.changes.pendingCount(auth), link: '/registry/change-requests' }),
    },
    {
      key: 'returnedChanges',
      label: '被退回的户情变更（待修改后重新提交）',
      permission: 'registry.write',
      count: async (auth) => ({ count: await deps.changes.returnedCount(auth), link: '/registry/change-requests?state=returned&mine=true' }),
    },
    {
      // Seed 000: each member records what they did (“政协委员个人参与脱贫攻坚工作的相关事项录入…电子台账”); one who
      // cannot is marked in 委员信息管理 instead (“有特殊情况不能履职的委员应…进行标注，不再填写参与情况”).
      key: 'memberEntries',
      label: '本年度尚未录入本人参与的事项',
      permission: 'ledger.write',
      applies: (auth) => auth.own === 'entries' && auth.memberId !== null,
      count: async (auth) => {
        const year = yearOf(deps.now());
        const { total } = await deps.ledger.list(auth, { yearFrom: year, yearTo: year, page: 1, pageSize: 1 });
        return { count: total === 0 ? 1 : 0, link: '/ledger/new' };
      },
    },
    // issue 15: rosters — 防返贫监测 (seed 004: “脱贫以后，每半年至少上门回访1次……切实做好防范返贫”)
    ...(deps.rosters
      ? [
          {
            key: 'returnRisks' as const,
            label: '有返贫风险的脱贫户（防返贫监测）',
            permission: 'registry.read' as const,
            count: async (auth: Auth) => ({ count: (await deps.rosters!.returnRisks(auth, one)).total, link: '/rosters/return-risks' }),
          },
        ]
      : []),
  ];

  async function registryFigures(auth: Auth): Promise<Workbench['figures']['registry']> {
    if (!can(auth, 'registry.read')) return null;
    const s = await deps.registry.statistics(auth, {});
    return { asOf: s.asOf, byStatus: s.byStatus, poorPersons: s.poorPersons };
  }

  async function ledgerFigures(auth: Auth): Promise<Workbench['figures']['ledger']> {
    if (!can(auth, 'ledger.read')) return null;
    const s = await deps.ledger.summary(auth, {});
    const t = s.all.total;
    return { year: s.yearFrom, entries: t.entries, villages: t.villages, households: t.households, fundsTotal: t.fundsTotal, beneficiaries: t.beneficiaries };
  }

  return {
    async workbench(auth: Auth): Promise<Workbench> {
      const mine = sources.filter((s) => can(auth, s.permission) && (s.applies?.(auth) ?? true));
      let waiting: ReturnType<Asked['waiting']> | undefined;
      const asked: Asked = { waiting: () => (waiting ??= deps.procedures.waitingCounts(auth)) };
      const [todos, registry, ledger] = await Promise.all([
        Promise.all(mine.map(async (s): Promise<Todo> => ({ key: s.key, label: s.label, permission: s.permission, ...(s.partOf ? { partOf: s.partOf } : {}), ...(await s.count(auth, asked)) }))),
        registryFigures(auth),
        ledgerFigures(auth),
      ]);
      return { todos, figures: { registry, ledger } };
    },
  };
}
