/**
 * 户情变更审批 (issue 11, “Changes with a second pair of eyes”; OpenSPP's change requests): a change of a household's
 * facts, members or income written by a user who may not approve it waits, when the rules say so, for the township's
 * approval (seed 004: “村级评议公示、乡镇审核”). The write route then answers 202 with the request and nothing is
 * applied; the approver's approval applies the stored proposal through the registry's own write (every rule and the
 * version check hold) in one transaction with the request's state change, traced with who proposed and who approved.
 *
 * A stale household (changed since the proposal) makes the approval fail with 409; the request stays pending, shown
 * as stale, for the approver to return it to its proposer, who edits it against the household as it now is.
 */
import { canonicalJson } from '../../domain/audit/chain';
import { diffSnapshots, type Snapshot } from '../../domain/audit/diff';
import { fieldLabelsOf } from '../../domain/audit/labels';
import {
  CHANGE_ACTION_LABELS,
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  CHANGE_STATE_LABELS,
  effectiveRule,
  kindsOfPatch,
  needsApproval,
  nextState,
  OPEN_STATES,
  transitionProblem,
  type ChangeAction,
  type ChangeKind,
  type ChangeRule,
  type ChangeState,
} from '../../domain/registry/change-requests';
import { maskIdNumber } from '../../domain/registry/id-number';
import { AppError, validationError } from '../../domain/shared/errors';
import type { ChangeRequest, ChangeRequestQuery, ChangeResubmit, ChangeRules, ChangeRulesInput } from '../../contract/registry/change-requests';
import type { Household } from '../../contract/registry/households';
import { can, inRegion, maySeeIdNumbers, requirePermission, requireRegion, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';
import { snapshotOf } from '../audit/snapshots';
import type { RegionsService } from '../regions/service';
import type { ChangeRequestRepo, ChangeRequestRow } from './change-request-repo';
import { ownHouseholds, regionPrefix, type HouseholdChange, type IncomeChange, type RegistryDeps, type RegistryService, type Tx } from './service';

export interface ChangeRequestDeps {
  repo: ChangeRequestRepo;
  transaction: <T>(fn: (repo: ChangeRequestRepo, tx: Tx) => Promise<T>) => Promise<T>;
  registry: Pick<RegistryService, 'household' | 'updateHouseholdIn' | 'saveIncomeIn' | 'currentIn'>;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  helperHouseholds?: RegistryDeps['helperHouseholds'];
}

/** What a write route answers: the household as changed (200), or the change request that waits (202). */
export type WriteOutcome = { applied: true; household: Household } | { applied: false; request: ChangeRequest };

type Listed = NonNullable<Awaited<ReturnType<ChangeRequestRepo['get']>>>;
type Decision = Extract<ChangeAction, 'approve' | 'return' | 'reject'>;

const STALE_MESSAGE = '该户信息在提出变更后已被他人修改，本变更未生效；请退回提出人，按最新内容核对后重新提交';

/** ID numbers inside a before → after value, masked for a reader whose role may not see them. */
function masked(field: string, v: unknown): unknown {
  if (/(^|\.)idNumber$/.test(field) && typeof v === 'string') return maskIdNumber(v);
  if (Array.isArray(v)) return v.map((x) => masked('', x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, masked(k, x)]));
  return v;
}

const kindLabel = (r: ChangeRequestRow) => (r.kind === 'income' ? `${r.year} 年家庭收入` : (r.kinds as ChangeKind[]).map((k) => CHANGE_KIND_LABELS[k]).join('、'));

export function makeChangeRequestService(deps: ChangeRequestDeps) {
  const { repo, transaction, registry, regions, audit, now } = deps;

  const rulesFor = async (code: string, r: ChangeRequestRepo = repo): Promise<ChangeRule[]> =>
    (await r.rulesAbove(code)).map((x) => ({ regionPrefix: x.regionPrefix, kind: x.kind as ChangeKind, required: x.required }));

  const notFound = (id: number) => new AppError('NOT_FOUND', `变更申请不存在（编号 ${id}）`);

  /** A request the user may see: in their region (and, for a 帮扶责任人, of a household they hold); else not found. */
  async function load(auth: Auth, id: number, r: ChangeRequestRepo = repo): Promise<Listed> {
    const row = await r.get(id);
    if (!row || !inRegion(auth, row.request.villageCode)) throw notFound(id);
    const own = await ownHouseholds(auth, deps.helperHouseholds);
    if (own && !own.includes(row.request.householdId)) throw notFound(id);
    return row;
  }

  /** Whether the household (or that year's income) changed since the proposal. */
  async function isStale(row: Listed, r: ChangeRequestRepo = repo): Promise<boolean> {
    const q = row.request;
    if (!OPEN_STATES.includes(q.state as ChangeState)) return false;
    if (q.kind === 'household') return row.householdVersion !== q.baseVersion;
    const current = snapshotOf('income', await r.income(q.householdId, q.year ?? 0));
    return canonicalJson(current) !== canonicalJson(q.before ?? null);
  }

  async function view(auth: Auth, row: Listed, events: Awaited<ReturnType<ChangeRequestRepo['events']>>, r: ChangeRequestRepo = repo): Promise<ChangeRequest> {
    const q = row.request;
    const state = q.state as ChangeState;
    const showIds = maySeeIdNumbers(auth);
    const changes = diffSnapshots(q.before as Snapshot | null, q.after as Snapshot | null, fieldLabelsOf(q.kind === 'income' ? 'income' : 'household')).map((c) =>
      showIds ? c : { ...c, before: masked(c.field, c.before), after: masked(c.field, c.after) },
    );
    const isProposer = q.proposedBy === auth.userId;
    return {
      id: q.id,
      householdId: q.householdId,
      householdNumber: row.householdNumber,
      head: row.head,
      villageCode: q.villageCode,
      villageName: row.villageName,
      kind: q.kind as 'household' | 'income',
      kinds: q.kinds as ChangeKind[],
      kindLabel: kindLabel(q),
      year: q.year,
      state,
      stateLabel: CHANGE_STATE_LABELS[state],
      changes,
      note: q.note,
      proposedBy: q.proposedBy,
      proposedByName: q.proposedByName,
      proposedAt: new Date(q.proposedAt).toISOString(),
      decidedByName: q.decidedByName,
      decidedAt: q.decidedAt ? new Date(q.decidedAt).toISOString() : null,
      decisionReason: q.decisionReason,
      stale: await isStale(row, r),
      mayDecide: state === 'pending' && !isProposer && can(auth, 'changes.approve'),
      mayResubmit: state === 'returned' && isProposer && can(auth, 'registry.write'),
      mayWithdraw: OPEN_STATES.includes(state) && isProposer,
      events: events.map((e) => ({ action: e.action as ChangeAction, actionLabel: CHANGE_ACTION_LABELS[e.action as ChangeAction], userName: e.userName, reason: e.reason, at: new Date(e.at).toISOString() })),
      version: q.version,
    };
  }

  async function one(auth: Auth, id: number): Promise<ChangeRequest> {
    const row = await load(auth, id);
    return view(auth, row, await repo.events(id));
  }

  /** The proposal checked by the registry's own write (nothing written): the household before and as it would be. */
  function check(tx: Tx, auth: Auth, householdId: number, kind: 'household' | 'income', payload: Record<string, unknown>, year: number | null) {
    return kind === 'household'
      ? registry.updateHouseholdIn(tx, auth, householdId, payload as HouseholdChange, { checkOnly: true })
      : registry.saveIncomeIn(tx, auth, householdId, year ?? 0, payload as IncomeChange, { checkOnly: true });
  }

  function nothingChanged(kind: 'household' | 'income', before: Snapshot | null, after: Snapshot | null): boolean {
    return diffSnapshots(before, after, fieldLabelsOf(kind === 'income' ? 'income' : 'household')).length === 0;
  }

  /**
   * A write of the registry (PATCH a household, PUT a year's income): applied as before when no approval is needed,
   * else checked and kept as a pending change request (nothing applied).
   */
  async function write(auth: Auth, householdId: number, kind: 'household' | 'income', payload: Record<string, unknown>, year: number | null): Promise<WriteOutcome> {
    requirePermission(auth, 'registry.write');
    const kinds: ChangeKind[] = kind === 'income' ? ['income'] : kindsOfPatch(payload);
    const outcome = await transaction(async (r, tx): Promise<{ requestId: number } | null> => {
      const { household: h } = await registry.currentIn(tx, auth, householdId);
      const rules = await rulesFor(h.villageCode, r);
      if (!needsApproval({ kinds, villageCode: h.villageCode, rules, mayApprove: can(auth, 'changes.approve') })) {
        if (kind === 'household') await registry.updateHouseholdIn(tx, auth, householdId, payload as HouseholdChange);
        else await registry.saveIncomeIn(tx, auth, householdId, year ?? 0, payload as IncomeChange);
        return null;
      }
      const { before, after } = await check(tx, auth, householdId, kind, payload, year);
      if (nothingChanged(kind, before, after)) throw validationError([{ field: 'body', label: '变更内容', message: '与现有内容相同，没有需要审核的修改' }]);
      const target = kind === 'income' ? `income:${year}` : 'household';
      const open = (await r.list({ prefix: h.villageCode, householdId, target }, 1, 0)).items.find((x) => OPEN_STATES.includes(x.request.state as ChangeState));
      if (open)
        throw new AppError('CONFLICT', `该户已有一项${CHANGE_STATE_LABELS[open.request.state as ChangeState]}的同类变更（编号 ${open.request.id}），请等待乡镇审核，或撤回后再提交`, { changeRequestId: open.request.id });
      const note = kind === 'household' && typeof payload.reason === 'string' ? payload.reason.trim() : '';
      const at = now();
      const created = await r.insert({
        householdId,
        villageCode: h.villageCode,
        kind,
        kinds,
        year,
        target,
        payload,
        before,
        after,
        baseVersion: h.version,
        state: 'pending',
        note,
        proposedBy: auth.userId,
        proposedByName: auth.displayName.slice(0, 50),
        proposedAt: at,
      });
      await r.insertEvent({ requestId: created.id, action: 'propose', reason: note, userId: auth.userId, userName: auth.displayName.slice(0, 50), at });
      await audit.record(auth, 'change_request', created.id, 'create', null, { householdId, kind: kindLabel(created), state: CHANGE_STATE_LABELS.pending, note }, { regionCode: h.villageCode });
      return { requestId: created.id };
    });
    if (!outcome) return { applied: true, household: await registry.household(auth, householdId) };
    return { applied: false, request: await one(auth, outcome.requestId) };
  }

  /** A decision or a proposer's step: checked against the domain's transitions, then the state written at its version. */
  async function step(
    auth: Auth,
    id: number,
    action: Exclude<ChangeAction, 'propose'>,
    reason: string,
    apply?: (r: ChangeRequestRepo, tx: Tx, row: Listed) => Promise<Partial<ChangeRequestRow>>,
  ): Promise<ChangeRequest> {
    await transaction(async (r, tx) => {
      const row = await load(auth, id, r);
      const q = row.request;
      const state = q.state as ChangeState;
      const problem = transitionProblem(state, action, { isProposer: q.proposedBy === auth.userId, mayApprove: can(auth, 'changes.approve') });
      if (problem) throw new AppError(problem.code, problem.message);
      const more = apply ? await apply(r, tx, row) : {};
      const to = nextState(action);
      const at = now();
      const decision = action === 'approve' || action === 'return' || action === 'reject';
      const values: Partial<ChangeRequestRow> = decision
        ? { state: to, decidedBy: auth.userId, decidedByName: auth.displayName.slice(0, 50), decidedAt: at, decisionReason: reason || null, ...more }
        : { state: to, ...more };
      if (!(await r.update(id, q.version, values))) throw new AppError('CONFLICT', '该变更申请刚被他人处理，请刷新后重试');
      await r.insertEvent({ requestId: id, action, reason, userId: auth.userId, userName: auth.displayName.slice(0, 50), at });
      await audit.record(auth, 'change_request', id, 'update', { state: CHANGE_STATE_LABELS[state] }, { state: CHANGE_STATE_LABELS[to], ...(reason ? { reason } : {}) }, { regionCode: q.villageCode });
    });
    return one(auth, id);
  }

  async function decide(auth: Auth, id: number, action: Decision, reason = ''): Promise<ChangeRequest> {
    requirePermission(auth, 'changes.approve');
    if (action !== 'approve' && !reason.trim()) throw validationError([{ field: 'reason', label: '原因', message: '请填写原因' }]);
    return step(auth, id, action, reason.trim(), async (r, tx, row) => {
      if (action !== 'approve') return {};
      const q = row.request;
      requirePermission(auth, 'changes.approve', { region: q.villageCode, what: '该户' });
      if (await isStale(row, r)) throw new AppError('STALE_VERSION', STALE_MESSAGE, { changeRequestId: id });
      // The proposal applied by the registry's own write, by the approver, with the trace in the household's history.
      const trace = `${q.proposedByName} 提出，${auth.displayName} 批准，变更申请 ${q.id}`;
      try {
        if (q.kind === 'household') await registry.updateHouseholdIn(tx, auth, q.householdId, q.payload as HouseholdChange, { trace });
        else await registry.saveIncomeIn(tx, auth, q.householdId, q.year ?? 0, q.payload as IncomeChange, { trace });
      } catch (e) {
        if (e instanceof AppError && e.code === 'STALE_VERSION') throw new AppError('STALE_VERSION', STALE_MESSAGE, { changeRequestId: id });
        throw e;
      }
      return {};
    });
  }

  async function rulesView(auth: Auth, region?: string): Promise<ChangeRules> {
    const { prefix, name } = await regionOf(auth, region);
    const rules = await rulesFor(prefix.padEnd(12, '0'));
    // Only the rules of this region and above apply to it; a rule of a region below it is that region's.
    const applying = rules.filter((r) => prefix.startsWith(r.regionPrefix));
    const names = new Map<string, string>();
    for (const p of new Set(applying.map((r) => r.regionPrefix))) names.set(p, p === '' ? '全国' : (await regions.get(p.padEnd(12, '0'))).name);
    return {
      regionPrefix: prefix,
      regionName: name,
      items: CHANGE_KINDS.map((kind) => {
        const rule = effectiveRule(applying, prefix.padEnd(12, '0'), kind);
        return { kind, label: CHANGE_KIND_LABELS[kind], required: rule.required, setFor: rule.regionPrefix === null ? null : { regionPrefix: rule.regionPrefix, regionName: names.get(rule.regionPrefix) ?? '' } };
      }),
      mayEdit: can(auth, 'changes.approve'),
    };
  }

  /** The region a list or the rules are about: the user's own, or one inside it (its code prefix and name). */
  async function regionOf(auth: Auth, region?: string): Promise<{ prefix: string; name: string }> {
    if (region) {
      requireRegion(auth, region);
      const r = await regions.get(region.padEnd(12, '0'));
      return { prefix: regionPrefix(r.code, r.level), name: r.name };
    }
    if (!auth.regionPrefix) return { prefix: '', name: '全国' };
    return { prefix: auth.regionPrefix, name: (await regions.get(auth.regionPrefix.padEnd(12, '0'))).name };
  }

  return {
    updateHousehold: (auth: Auth, id: number, patch: HouseholdChange) => write(auth, id, 'household', patch as Record<string, unknown>, null),
    saveIncome: (auth: Auth, id: number, year: number, items: IncomeChange) => write(auth, id, 'income', items as Record<string, unknown>, year),

    async list(auth: Auth, query: ChangeRequestQuery) {
      requirePermission(auth, 'registry.read');
      const prefix = query.region ? (await regionOf(auth, query.region)).prefix : auth.regionPrefix;
      const only = await ownHouseholds(auth, deps.helperHouseholds);
      const { items, total } = await repo.list(
        { prefix, state: query.state, householdId: query.householdId, proposedBy: query.mine ? auth.userId : undefined, only },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      const events = await repo.eventsOf(items.map((x) => x.request.id));
      return {
        items: await Promise.all(items.map((x) => view(auth, x, events.filter((e) => e.requestId === x.request.id)))),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
    one,
    /** Whether this user's change of `kinds` to a household of `villageCode` must wait for approval (the roster import asks). */
    needsApproval: async (auth: Auth, villageCode: string, kinds: readonly ChangeKind[]): Promise<boolean> =>
      kinds.length > 0 && needsApproval({ kinds, villageCode, rules: await rulesFor(villageCode), mayApprove: can(auth, 'changes.approve') }),
    approve: (auth: Auth, id: number) => decide(auth, id, 'approve'),
    returnToProposer: (auth: Auth, id: number, reason: string) => decide(auth, id, 'return', reason),
    reject: (auth: Auth, id: number, reason: string) => decide(auth, id, 'reject', reason),
    withdraw: (auth: Auth, id: number) => step(auth, id, 'withdraw', ''),
    /** The proposer's edited request (or the same again), checked afresh against the household as it now is. */
    resubmit: (auth: Auth, id: number, body: ChangeResubmit) =>
      step(auth, id, 'resubmit', '', async (_r, tx, row) => {
        requirePermission(auth, 'registry.write');
        const q = row.request;
        const payload = (q.kind === 'household' ? body.household : body.income) ?? q.payload;
        const { before, after } = await check(tx, auth, q.householdId, q.kind as 'household' | 'income', payload as Record<string, unknown>, q.year);
        if (nothingChanged(q.kind as 'household' | 'income', before, after)) throw validationError([{ field: 'body', label: '变更内容', message: '与现有内容相同，没有需要审核的修改' }]);
        const { household: h } = await registry.currentIn(tx, auth, q.householdId);
        const kinds = q.kind === 'income' ? ['income'] : kindsOfPatch(payload as Record<string, unknown>);
        const note = q.kind === 'household' && typeof (payload as { reason?: unknown }).reason === 'string' ? String((payload as { reason: string }).reason).trim() : q.note;
        return { payload: payload as Record<string, unknown>, kinds, before, after, baseVersion: h.version, note, decidedBy: null, decidedByName: null, decidedAt: null, decisionReason: null };
      }),

    rules: (auth: Auth, region?: string) => {
      requirePermission(auth, 'registry.read');
      return rulesView(auth, region);
    },
    /** An office holding 审批户情变更 sets, for its region (or one inside it), which kinds of change need approval. */
    async setRules(auth: Auth, input: ChangeRulesInput): Promise<ChangeRules> {
      requirePermission(auth, 'changes.approve');
      const { prefix } = await regionOf(auth, input.region);
      const before = await rulesView(auth, input.region);
      await transaction(async (r) => {
        for (const item of input.items) await r.saveRule({ regionPrefix: prefix, kind: item.kind, required: item.required, userId: auth.userId, userName: auth.displayName.slice(0, 50), at: now() });
        const after = Object.fromEntries(input.items.map((i) => [i.kind, i.required]));
        await audit.record(auth, 'change_rule', 0, 'update', { regionPrefix: prefix, ...Object.fromEntries(before.items.map((i) => [i.kind, i.required])) }, { regionPrefix: prefix, ...Object.fromEntries(before.items.map((i) => [i.kind, i.required])), ...after }, {
          regionCode: prefix.padEnd(12, '0'),
        });
      });
      return rulesView(auth, input.region);
    },

    /** The workbench's counts: requests waiting for the user's decision, and the user's own returned requests. */
    async pendingCount(auth: Auth): Promise<number> {
      if (!can(auth, 'changes.approve')) return 0;
      return (await repo.list({ prefix: auth.regionPrefix, state: 'pending' }, 1, 0)).total;
    },
    async returnedCount(auth: Auth): Promise<number> {
      return (await repo.list({ prefix: auth.regionPrefix, state: 'returned', proposedBy: auth.userId }, 1, 0)).total;
    },
  };
}

export type ChangeRequestService = ReturnType<typeof makeChangeRequestService>;
