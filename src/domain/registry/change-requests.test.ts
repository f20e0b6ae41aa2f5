import { describe, expect, it } from 'vitest';
import { effectiveRule, kindsOfPatch, needsApproval, nextState, transitionProblem, type ChangeRule } from './change-requests';

const VILLAGE = '513431100200';
const OTHER_TOWN_VILLAGE = '513431101001';
const county: ChangeRule = { regionPrefix: '513431', kind: 'income', required: false };
const town: ChangeRule = { regionPrefix: '513431100', kind: 'income', required: true };

describe('kindsOfPatch', () => {
  it.each([
    [{ version: 1, mainCause: '缺资金' }, ['facts']],
    [{ version: 1, persons: [] }, ['members']],
    [{ version: 1, housingSafe: false, persons: [] }, ['facts', 'members']],
    [{ version: 1, reason: '只有原因' }, []],
  ] as const)('%j → %j', (patch, kinds) => {
    expect(kindsOfPatch(patch)).toEqual(kinds);
  });
});

// Issue 11: “configurable per kind of change”; the narrowest office's rule holds for its subtree.
describe('effectiveRule', () => {
  it.each([
    [[], VILLAGE, 'income', { required: true, regionPrefix: null }],
    [[county], VILLAGE, 'income', { required: false, regionPrefix: '513431' }],
    [[county, town], VILLAGE, 'income', { required: true, regionPrefix: '513431100' }],
    [[town, county], OTHER_TOWN_VILLAGE, 'income', { required: false, regionPrefix: '513431' }],
    [[county], VILLAGE, 'facts', { required: true, regionPrefix: null }],
    [[{ regionPrefix: '', kind: 'facts', required: false }], VILLAGE, 'facts', { required: false, regionPrefix: '' }],
  ] as const)('rules %j, %s, %s → %j', (rules, village, kind, expected) => {
    expect(effectiveRule(rules, village, kind)).toEqual(expected);
  });
});

// Seed 004: “村级评议公示、乡镇审核” — what a village enters waits for the township; the township's own writes do not.
describe('needsApproval', () => {
  it.each([
    ['a village clerk, no rules (default)', { kinds: ['facts'], rules: [], mayApprove: false }, true],
    ['a village clerk, members', { kinds: ['members'], rules: [], mayApprove: false }, true],
    ['a township reviewer (holds changes.approve)', { kinds: ['facts', 'members'], rules: [], mayApprove: true }, false],
    ['income switched off for the county', { kinds: ['income'], rules: [county], mayApprove: false }, false],
    ['switched off for the county, on again for the township', { kinds: ['income'], rules: [county, town], mayApprove: false }, true],
    ['facts off, members still on', { kinds: ['facts', 'members'], rules: [{ regionPrefix: '5134', kind: 'facts', required: false }], mayApprove: false }, true],
    ['nothing touched', { kinds: [], rules: [], mayApprove: false }, false],
  ] as const)('%s → %s', (_what, input, expected) => {
    expect(needsApproval({ ...input, villageCode: VILLAGE })).toBe(expected);
  });
});

// Issue 11: “approve, return with a reason, or reject”; the proposer “may edit and resubmit, or withdraw”.
describe('transitionProblem', () => {
  const approver = { isProposer: false, mayApprove: true };
  const proposer = { isProposer: true, mayApprove: false };
  const other = { isProposer: false, mayApprove: false };
  it.each([
    ['pending', 'approve', approver, null],
    ['pending', 'return', approver, null],
    ['pending', 'reject', approver, null],
    ['returned', 'resubmit', proposer, null],
    ['pending', 'withdraw', proposer, null],
    ['returned', 'withdraw', proposer, null],
    ['returned', 'approve', approver, '该变更已退回，不能批准'],
    ['approved', 'reject', approver, '该变更已批准，不能驳回'],
    ['pending', 'resubmit', proposer, '该变更待审批，不能重新提交'],
    ['rejected', 'withdraw', proposer, '该变更已驳回，不能撤回'],
    ['pending', 'approve', proposer, '只有审核人可以批准该变更'],
    ['pending', 'approve', { isProposer: true, mayApprove: true }, '不能批准自己提出的变更'],
    ['returned', 'resubmit', other, '只有提出人可以重新提交该变更'],
    ['pending', 'withdraw', approver, '只有提出人可以撤回该变更'],
  ] as const)('%s, %s by %j → %s', (state, action, who, problem) => {
    const got = transitionProblem(state, action, who);
    expect(got?.message ?? null).toBe(problem);
    // Who may not: 403; not in this state: 409.
    if (got) expect(got.code).toBe(problem!.startsWith('该变更') ? 'CONFLICT' : 'FORBIDDEN');
  });

  it.each([
    ['approve', 'approved'],
    ['return', 'returned'],
    ['reject', 'rejected'],
    ['resubmit', 'pending'],
    ['withdraw', 'withdrawn'],
  ] as const)('%s leads to %s', (action, state) => {
    expect(nextState(action)).toBe(state);
  });
});
