import { describe, expect, it } from 'vitest';
import { assemblyProblems } from '../../domain/procedures/decide';
import type { StepDefinition } from '../../domain/procedures/definitions';
import type { ProcedureEvent } from './api';
import { noticeHint, quorumHint, stepViews } from './step-hints';

describe('noticeHint', () => {
  it.each([
    // [from, minDays, today, ended, lastDay, daysLeft]
    ['2020-06-25', 7, '2020-06-30', false, '2020-07-01', 2],
    ['2020-06-25', 7, '2020-07-01', false, '2020-07-01', 1],
    ['2020-06-25', 7, '2020-07-02', true, '2020-07-01', 0],
    ['2020-06-25', undefined, '2020-07-10', true, '2020-07-01', 0],
    // A province's 10 days over the end of February of a leap year.
    ['2020-02-25', 10, '2020-03-05', false, '2020-03-05', 1],
  ] as const)('from %s for %s days seen on %s: ended %s', (from, days, today, ended, lastDay, daysLeft) => {
    expect(noticeHint(from, days, today)).toMatchObject({ ended, lastDay, daysLeft });
  });

  it('says nothing without a valid start date', () => {
    expect(noticeHint('', 7, '2020-07-01')).toBeNull();
    expect(noticeHint('2020-6-1', 7, '2020-07-01')).toBeNull();
  });

  it('names the last day and the first day it may be passed', () => {
    expect(noticeHint('2020-06-25', 7, '2020-06-30')?.text).toBe('公示 7 天（2020-06-25 至 2020-07-01），2020-07-02 起方可通过本步（还需 2 天）');
  });
});

describe('quorumHint', () => {
  it.each([
    // representatives, present, votesFor, quorate, majority — the same reading as the domain's assemblyProblems
    [30, 20, 11, true, true],
    [30, 19, 13, false, true],
    [30, 21, 10, true, false],
    [31, 21, 11, true, true],
    [31, 20, 11, false, true],
    [3, 2, 2, true, true],
  ] as const)('%s representatives, %s present, %s for', (representatives, present, votesFor, quorate, majority) => {
    const h = quorumHint({ representatives, present, votesFor, votesAgainst: 0 });
    expect(h).toMatchObject({ quorate, majority });
    const problems = assemblyProblems({ representatives, present, votesFor, votesAgainst: 0 });
    expect(problems.length === 0).toBe(quorate && majority === true);
  });

  it('waits for both numbers', () => {
    expect(quorumHint({ representatives: 30 })).toBeNull();
    expect(quorumHint({ present: 20 })).toBeNull();
  });
});

describe('stepViews', () => {
  const steps: StepDefinition[] = ['a', 'b', 'c', 'd'].map((key) => ({ key, name: key, level: '村', requires: [] }));
  let n = 0;
  const ev = (stepIndex: number, outcome: ProcedureEvent['outcome'], returnTo: number | null = null): ProcedureEvent => ({
    id: ++n,
    procedureId: 1,
    stepIndex,
    stepKey: steps[stepIndex]!.key,
    outcome,
    returnTo,
    reason: outcome === 'return' ? '材料不全' : '',
    noticeFrom: null,
    noticeTo: null,
    objections: null,
    representatives: null,
    present: null,
    votesFor: null,
    votesAgainst: null,
    data: {},
    userId: 1,
    userName: 'x',
    userRole: 'org_admin',
    userLevel: '乡',
    at: '2020-07-01T00:00:00Z',
  });

  it('marks done, open and waiting steps, and a return with the steps it reopened', () => {
    const events = [ev(0, 'start'), ev(0, 'pass'), ev(1, 'pass'), ev(2, 'return', 1), ev(1, 'pass')];
    const v = stepViews(steps, 'running', 2, events);
    expect(v.map((s) => s.status)).toEqual(['finish', 'finish', 'process', 'wait']);
    expect(v[1]?.passed?.id).toBe(events[4]!.id);
    expect(v[2]?.returns).toHaveLength(1);
    expect(v[2]?.reopened).toBe(false);
  });

  it('shows a step passed before a return to an earlier step as to be done again', () => {
    const events = [ev(0, 'start'), ev(0, 'pass'), ev(1, 'pass'), ev(2, 'pass'), ev(3, 'return', 1)];
    const v = stepViews(steps, 'running', 1, events);
    expect(v.map((s) => s.status)).toEqual(['finish', 'process', 'wait', 'wait']);
    expect(v.map((s) => s.reopened)).toEqual([false, true, true, false]);
    expect(v[0]?.passed).toBeDefined();
  });

  it('marks every step done when completed and the open one when withdrawn', () => {
    expect(stepViews(steps, 'completed', 3, []).every((s) => s.status === 'finish')).toBe(true);
    expect(stepViews(steps, 'withdrawn', 2, []).map((s) => s.status)).toEqual(['finish', 'finish', 'error', 'wait']);
  });
});
