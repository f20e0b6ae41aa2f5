/**
 * What may happen next in a procedure (issue 4), as a pure function: a step is passed only when it is the open one,
 * by an office of its level or above, with what it requires recorded; a notice only after its days and without
 * objections, started on a real day not before its step opened nor before the earlier notice ended (issue 10); an assembly only with two-thirds of the representatives present and a majority of those present; a
 * return goes back to an earlier step with a reason.
 */
import { addDays } from '../shared/dates';
import { DEFAULT_NOTICE_DAYS, LEVELS, type Level, type ProcedureDefinition, type StepDefinition } from './definitions';
import { noticeStartProblems, type NoticeBounds } from './notice-dates';

export const PROCEDURE_STATES = ['running', 'completed', 'withdrawn'] as const;
export type ProcedureState = (typeof PROCEDURE_STATES)[number];
export const PROCEDURE_STATE_LABELS: Record<ProcedureState, string> = { running: '办理中', completed: '已办结', withdrawn: '已撤销' };

/** What an event of a procedure records: its start, a step passed, a return to an earlier step, a withdrawal. */
export const EVENT_OUTCOMES = ['start', 'pass', 'return', 'withdraw'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

export interface NoticeRecord {
  /** First day of the notice (公示), ISO date. */
  from: string;
  /** Objections received during it (empty: 无异议). */
  objections?: string;
}

export interface AssemblyRecord {
  representatives: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
}

export interface StepRecord {
  notice?: NoticeRecord;
  assembly?: AssemblyRecord;
  /** The comparison (一比对) has been run over the applicants. */
  comparisonRun?: boolean;
  /** Who confirmed (e.g. the household head for 拟退出户认可 or 告知本人). */
  confirmedBy?: string;
}

export type Action =
  | { type: 'pass'; step: number; record: StepRecord }
  | { type: 'return'; step: number; to: number; reason: string }
  | { type: 'withdraw'; reason: string };

export interface Decision {
  ok: boolean;
  /** Why not, in words for the user (field, message). */
  problems: Array<{ field: string; message: string }>;
  /** The state after the action. */
  next?: { state: ProcedureState; currentStep: number; noticeTo?: string };
}

/** Adds days to an ISO date (the dates module's, re-exported for the procedure pages and tests). */
export { addDays };

/** A notice of `minDays` days starting on `from` runs to its last day; it may be passed from the day after. */
export function noticeLastDay(from: string, minDays: number): string {
  return addDays(from, minDays - 1);
}

/**
 * Quorum: 村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意 (村民委员会组织法 第二十六条).
 * “以上” includes the number itself; “过半数” is more than half.
 */
export function assemblyProblems(a: AssemblyRecord): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (![a.representatives, a.present, a.votesFor, a.votesAgainst].every((n) => Number.isInteger(n) && n >= 0))
    return [{ field: 'assembly', message: '应到、实到人数和表决票数应为不小于 0 的整数' }];
  if (a.representatives === 0) out.push({ field: 'assembly.representatives', message: '应到代表人数应大于 0' });
  if (a.present > a.representatives) out.push({ field: 'assembly.present', message: `实到人数 ${a.present} 多于应到人数 ${a.representatives}` });
  if (a.votesFor + a.votesAgainst > a.present) out.push({ field: 'assembly.votesFor', message: `表决票数 ${a.votesFor + a.votesAgainst} 多于实到人数 ${a.present}` });
  if (out.length) return out;
  if (a.present * 3 < a.representatives * 2)
    out.push({ field: 'assembly.present', message: `实到 ${a.present} 人，不足应到 ${a.representatives} 人的三分之二，会议不能召开，评议无效` });
  else if (a.votesFor * 2 <= a.present) out.push({ field: 'assembly.votesFor', message: `同意 ${a.votesFor} 票，未超过实到 ${a.present} 人的半数，未获通过` });
  return out;
}

const rank = (l: Level) => LEVELS.indexOf(l);

/** What `decide` is told besides the action: today (Asia/Shanghai), the user's level, and what the events say of the open step. */
export interface DecideContext {
  today: string;
  userLevel: Level;
  /** When the open step opened and the notice before it (from the procedure's events, `noticeBounds`). */
  bounds: NoticeBounds;
}

export function decide(def: ProcedureDefinition, state: { state: ProcedureState; currentStep: number }, action: Action, ctx: DecideContext): Decision {
  const problems: Array<{ field: string; message: string }> = [];
  const fail = (field: string, message: string): Decision => ({ ok: false, problems: [{ field, message }] });
  if (state.state !== 'running') return fail('state', state.state === 'completed' ? '该程序已办结' : '该程序已撤销');
  const open = def.steps[state.currentStep]!;
  if (action.type === 'withdraw') {
    if (!action.reason.trim()) return fail('reason', '请填写撤销原因');
    return { ok: true, problems, next: { state: 'withdrawn', currentStep: state.currentStep } };
  }
  if (action.step !== state.currentStep) {
    const asked = def.steps[action.step];
    return fail('step', asked ? `当前应办理第 ${state.currentStep + 1} 步“${open.name}”，不能${action.step > state.currentStep ? '跳过步骤办理' : '重复办理'}“${asked.name}”` : '没有这一步');
  }
  if (rank(ctx.userLevel) < rank(open.level)) return fail('step', `“${open.name}”应由${open.level}级及以上办理`);
  if (action.type === 'return') {
    if (!action.reason.trim()) problems.push({ field: 'reason', message: '请填写退回原因' });
    if (!(Number.isInteger(action.to) && action.to >= 0 && action.to < state.currentStep))
      problems.push({ field: 'to', message: state.currentStep === 0 ? '第一步不能退回' : `只能退回到第 1 至第 ${state.currentStep} 步` });
    if (problems.length) return { ok: false, problems };
    return { ok: true, problems, next: { state: 'running', currentStep: action.to } };
  }
  const r = action.record;
  let noticeTo: string | undefined;
  for (const need of open.requires) problems.push(...requirementProblems(def, open, need, r, ctx, (t) => (noticeTo = t)));
  if (problems.length) return { ok: false, problems };
  const last = state.currentStep === def.steps.length - 1;
  return { ok: true, problems, next: { state: last ? 'completed' : 'running', currentStep: last ? state.currentStep : state.currentStep + 1, ...(noticeTo ? { noticeTo } : {}) } };
}

function requirementProblems(def: ProcedureDefinition, s: StepDefinition, need: string, r: StepRecord, ctx: DecideContext, setNoticeTo: (d: string) => void) {
  const out: Array<{ field: string; message: string }> = [];
  const today = ctx.today;
  if (need === 'notice') {
    const from = r.notice?.from?.trim() ?? '';
    if (!from) return [{ field: 'notice.from', message: '请填写公示开始日期' }];
    const start = noticeStartProblems(from, ctx.bounds, (i) => def.steps[i]?.name ?? `第 ${i + 1} 步`);
    if (start.length) return start;
    const days = s.minDays ?? DEFAULT_NOTICE_DAYS;
    const lastDay = noticeLastDay(from, days);
    setNoticeTo(lastDay);
    if (today <= lastDay) out.push({ field: 'notice.from', message: `公示期 ${days} 天（${from} 至 ${lastDay}）未满，${addDays(lastDay, 1)} 起方可办理` });
    if (r.notice?.objections?.trim()) out.push({ field: 'notice.objections', message: '公示期间有异议，不能通过；请核实后退回相应步骤重新办理' });
  } else if (need === 'assembly') {
    if (!r.assembly) return [{ field: 'assembly', message: '请填写会议应到、实到人数和表决结果' }];
    out.push(...assemblyProblems(r.assembly));
  } else if (need === 'comparison') {
    if (!r.comparisonRun) out.push({ field: 'comparison', message: '尚未进行部门数据比对（一比对）' });
  } else if (need === 'confirmation') {
    if (!r.confirmedBy?.trim()) out.push({ field: 'confirmedBy', message: '请填写确认人' });
  }
  return out;
}
