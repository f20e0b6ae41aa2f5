/**
 * Changes with a second pair of eyes (issue 11: “a registry change proposed by a village clerk waits for the township's
 * approval … approve, return with a reason, or reject), configurable per kind of change”; seed 004: “村级对已确定的
 * 贫困户进行入户信息采集 … 并录入系统”, “村级评议公示、乡镇审核、县级备案”).
 *
 * Pure rules: which kinds of change a write touches, whether it needs approval given the configured rules and who
 * writes, and which state transitions of a change request are allowed to whom.
 */

/** The kinds of change the rules are set for. */
export const CHANGE_KINDS = ['facts', 'members', 'income'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = { facts: '户基本情况', members: '家庭成员（增、改、删）', income: '家庭收入' };

/** A request's states: waiting, returned to the proposer, and the three ends. */
export const CHANGE_STATES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];
export const CHANGE_STATE_LABELS: Record<ChangeState, string> = { pending: '待审批', returned: '已退回', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' };
/** The states in which a request is still open (one open request per household and target). */
export const OPEN_STATES: readonly ChangeState[] = ['pending', 'returned'];

export const CHANGE_ACTIONS = ['propose', 'approve', 'return', 'reject', 'resubmit', 'withdraw'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = { propose: '提出', approve: '批准', return: '退回', reject: '驳回', resubmit: '重新提交', withdraw: '撤回' };

/** Without a rule set anywhere above a village, a kind of change needs approval (issue 11's default). */
export const DEFAULT_REQUIRED = true;

/** The facts of a household patch (the members are `persons`). */
const FACT_KEYS = ['number', 'attribute', 'identifiedYear', 'identifiedOn', 'mainCause', 'secondaryCauses', 'housingSafe', 'drinkingWaterSafe', 'foodSecure', 'clothingSecure'];

/** The kinds a household patch touches: its facts, its members (`persons`), or both. */
export function kindsOfPatch(patch: Record<string, unknown>): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  if (FACT_KEYS.some((k) => patch[k] !== undefined)) kinds.push('facts');
  if (patch.persons !== undefined) kinds.push('members');
  return kinds;
}

/** One configured rule: for the villages under `regionPrefix` ('' the whole country), `kind` needs approval or not. */
export interface ChangeRule {
  regionPrefix: string;
  kind: ChangeKind;
  required: boolean;
}

/**
 * The rule that holds for a kind in a village: the one set for the narrowest region holding the village (a township's
 * rule over its county's), else the default (`regionPrefix` null).
 */
export function effectiveRule(rules: readonly ChangeRule[], villageCode: string, kind: ChangeKind): { required: boolean; regionPrefix: string | null } {
  let best: ChangeRule | undefined;
  for (const r of rules) {
    if (r.kind !== kind || !villageCode.startsWith(r.regionPrefix)) continue;
    if (!best || r.regionPrefix.length > best.regionPrefix.length) best = r;
  }
  return best ? { required: best.required, regionPrefix: best.regionPrefix } : { required: DEFAULT_REQUIRED, regionPrefix: null };
}

/**
 * Whether a write waits for approval: never for a user who may approve changes over the household (they apply as
 * before), else when any kind it touches needs approval in the household's village.
 */
export function needsApproval(input: { kinds: readonly ChangeKind[]; villageCode: string; rules: readonly ChangeRule[]; mayApprove: boolean }): boolean {
  if (input.mayApprove) return false;
  return input.kinds.some((k) => effectiveRule(input.rules, input.villageCode, k).required);
}

/** From which states an action may be taken, the state it leads to, and who takes it. */
const TRANSITIONS: Record<Exclude<ChangeAction, 'propose'>, { from: readonly ChangeState[]; to: ChangeState; by: 'approver' | 'proposer' }> = {
  approve: { from: ['pending'], to: 'approved', by: 'approver' },
  return: { from: ['pending'], to: 'returned', by: 'approver' },
  reject: { from: ['pending'], to: 'rejected', by: 'approver' },
  resubmit: { from: ['returned'], to: 'pending', by: 'proposer' },
  withdraw: { from: ['pending', 'returned'], to: 'withdrawn', by: 'proposer' },
};

export function nextState(action: Exclude<ChangeAction, 'propose'>): ChangeState {
  return TRANSITIONS[action].to;
}

/**
 * Why an action may not be taken on a request (null: it may). `isProposer`: the acting user proposed it; `mayApprove`:
 * they hold 审批户情变更 over the household. Nobody approves their own proposal (a second pair of eyes).
 */
export function transitionProblem(state: ChangeState, action: Exclude<ChangeAction, 'propose'>, who: { isProposer: boolean; mayApprove: boolean }): TransitionProblem | null {
  const t = TRANSITIONS[action];
  const verb = CHANGE_ACTION_LABELS[action];
  if (t.by === 'approver') {
    if (!who.mayApprove) return { code: 'FORBIDDEN', message: `只有审核人可以${verb}该变更` };
    if (who.isProposer) return { code: 'FORBIDDEN', message: `不能${verb}自己提出的变更` };
  } else if (!who.isProposer) return { code: 'FORBIDDEN', message: `只有提出人可以${verb}该变更` };
  if (!t.from.includes(state)) return { code: 'CONFLICT', message: `该变更${CHANGE_STATE_LABELS[state]}，不能${verb}` };
  return null;
}

/** Why not: the user may not (FORBIDDEN), or not in the request's state (CONFLICT). */
export interface TransitionProblem {
  code: 'FORBIDDEN' | 'CONFLICT';
  message: string;
}
