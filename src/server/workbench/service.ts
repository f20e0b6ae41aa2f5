import type { Todo, TodoKey, Workbench } from '../../contract/workbench';
import type { Permission } from '../../domain/auth/permissions';
import { can, type Auth } from '../auth/access';
import type { makeAssessmentService } from '../assessment/service';
import type { makeCompareService } from '../compare/service';
import type { makeLedgerService } from '../ledger/service';
import type { makePairingService } from '../pairing/service';
import type { makeProceduresService } from '../procedures/service';
import type { makeQualityService } from '../quality/service';
import type { makeRegistryService } from '../registry/service';
import type { ChangeRequestService } from '../registry/change-request-service';

type Service<F extends (...args: never[]) => unknown> = ReturnType<F>;

/** The features the workbench asks: their services, never their repositories (each narrows to the user's scope). */
export interface WorkbenchDeps {
  procedures: Pick<Service<typeof makeProceduresService>, 'list'>;
  compare: Pick<Service<typeof makeCompareService>, 'runs' | 'hits'>;
  pairing: Pick<Service<typeof makePairingService>, 'withoutHelper' | 'missingVisits'>;
  quality: Pick<Service<typeof makeQualityService>, 'latest'>;
  assessment: Pick<Service<typeof makeAssessmentService>, 'listRounds'>;
  registry: Pick<Service<typeof makeRegistryService>, 'statistics'>;
  ledger: Pick<Service<typeof makeLedgerService>, 'summary'>;
  changes: Pick<ChangeRequestService, 'pendingCount' | 'returnedCount'>;
}

/** One to-do: what it needs, and how it is counted (one call of the owning feature's service, a page of one). */
interface TodoSource {
  key: TodoKey;
  label: string;
  permission: Permission;
  count: (auth: Auth) => Promise<{ count: number; link: string }>;
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
      key: 'procedures',
      label: '进行中的动态调整程序',
      permission: 'procedures.handle',
      count: async (auth) => ({ count: (await deps.procedures.list(auth, { state: 'running', ...one })).total, link: '/procedures' }),
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
      key: 'assessmentRounds',
      label: '待评分的考核轮次',
      permission: 'assessment.score',
      count: async (auth) => ({ count: (await deps.assessment.listRounds(auth)).filter((r) => r.state === 'open').length, link: '/assessment' }),
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
      const mine = sources.filter((s) => can(auth, s.permission));
      const [todos, registry, ledger] = await Promise.all([
        Promise.all(mine.map(async (s): Promise<Todo> => ({ key: s.key, label: s.label, permission: s.permission, ...(await s.count(auth)) }))),
        registryFigures(auth),
        ledgerFigures(auth),
      ]);
      return { todos, figures: { registry, ledger } };
    },
  };
}
