/**
 * What the procedure pages show beside the forms, as pure functions: when a notice may be passed, whether an assembly
 * has its quorum, and the state of each step for the Steps view (done, open, waiting; returned and reopened steps).
 * The deciding rules stay in src/domain/procedures/decide.ts; these only explain them ahead of a submit.
 */
import { noticeLastDay } from '../../domain/procedures/decide';
import { addDays, daysBetween, isRealDate } from '../../domain/shared/dates';
import { DEFAULT_NOTICE_DAYS, type StepDefinition } from '../../domain/procedures/definitions';
import type { AssemblyInput } from '../../contract/procedures';
import type { ProcedureEvent, ProcedureState } from './api';

export interface NoticeHint {
  days: number;
  lastDay: string;
  /** The first day the step may be passed (the day after the last day of the notice). */
  passableFrom: string;
  /** Whether today is on or after that day. */
  ended: boolean;
  /** Days still to wait (0 when ended). */
  daysLeft: number;
  text: string;
}

/** A notice of `minDays` days from `from`, seen on `today`; null until a valid start date is given. */
export function noticeHint(from: string | undefined | null, minDays: number | undefined, today: string): NoticeHint | null {
  if (!isRealDate(from)) return null;
  const days = minDays ?? DEFAULT_NOTICE_DAYS;
  const lastDay = noticeLastDay(from, days);
  const passableFrom = addDays(lastDay, 1);
  const ended = today >= passableFrom;
  const daysLeft = ended ? 0 : daysBetween(today, passableFrom);
  const text = ended
    ? `公示 ${days} 天（${from} 至 ${lastDay}）已期满，无异议的可以通过本步`
    : `公示 ${days} 天（${from} 至 ${lastDay}），${passableFrom} 起方可通过本步（还需 ${daysLeft} 天）`;
  return { days, lastDay, passableFrom, ended, daysLeft, text };
}

/** An assembly's numbers as the form holds them while they are typed (the contract's, each possibly empty). */
export type AssemblyValues = { [K in keyof AssemblyInput]?: AssemblyInput[K] | null };

export interface QuorumHint {
  /** The fewest present for a quorum: two-thirds of the representatives, rounded up. */
  needed: number;
  quorate: boolean;
  /** Whether the votes for are more than half of those present (null until the votes are given). */
  majority: boolean | null;
  text: string;
}

/**
 * 村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意: the same reading as
 * `assemblyProblems` in the domain, as a hint while the numbers are typed. Null until 应到 and 实到 are given.
 */
export function quorumHint(a: AssemblyValues): QuorumHint | null {
  const { representatives: r, present: p } = a;
  if (typeof r !== 'number' || typeof p !== 'number' || r <= 0 || p < 0) return null;
  const needed = Math.ceil((2 * r) / 3);
  if (p > r) return { needed, quorate: false, majority: null, text: `实到 ${p} 人多于应到 ${r} 人，请核对` };
  const quorate = p * 3 >= r * 2;
  const majority = typeof a.votesFor === 'number' ? a.votesFor * 2 > p : null;
  const head = quorate ? `实到 ${p} 人，达到应到 ${r} 人的三分之二（至少 ${needed} 人），会议有效` : `实到 ${p} 人，不足应到 ${r} 人的三分之二（至少 ${needed} 人），会议不能召开`;
  const votes = !quorate || majority === null ? '' : majority ? `；同意 ${a.votesFor} 票，超过实到人数的半数` : `；同意 ${a.votesFor} 票，未超过实到人数的半数，不能通过`;
  return { needed, quorate, majority, text: head + votes };
}

export type StepStatus = 'finish' | 'process' | 'wait' | 'error';

export interface StepView {
  status: StepStatus;
  /** The last time this step was passed and that pass still stands. */
  passed?: ProcedureEvent;
  /** Returns made at this step (it sent the procedure back), oldest first. */
  returns: ProcedureEvent[];
  /** Passed once, but a later return reopened it: it must be done again. */
  reopened: boolean;
}

/**
 * The state of each step: before the open one done, the open one in progress (an error mark when withdrawn), after it
 * waiting; a completed procedure has every step done. A pass made before a return to an earlier step no longer stands.
 */
export function stepViews(steps: readonly StepDefinition[], state: ProcedureState, currentStep: number, events: readonly ProcedureEvent[]): StepView[] {
  return steps.map((_, i) => {
    const status: StepStatus = state === 'completed' || i < currentStep ? 'finish' : i > currentStep ? 'wait' : state === 'withdrawn' ? 'error' : 'process';
    const returns = events.filter((e) => e.outcome === 'return' && e.stepIndex === i);
    // The last return to this step or before it voids the passes of this step made earlier.
    let voidBefore = -1;
    events.forEach((e, at) => {
      if (e.outcome === 'return' && e.returnTo !== null && e.returnTo <= i) voidBefore = at;
    });
    const passes = events.map((e, at) => ({ e, at })).filter(({ e }) => e.outcome === 'pass' && e.stepIndex === i);
    const standing = passes.filter(({ at }) => at > voidBefore).at(-1)?.e;
    return { status, ...(standing && status === 'finish' ? { passed: standing } : {}), returns, reopened: status !== 'finish' && passes.length > 0 };
  });
}
