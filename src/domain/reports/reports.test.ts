import { describe, expect, it } from 'vitest';
import { correctionTransition, reportTransition, yearLockProblem, type ReportAction, type ReportState } from './reports';

// Issue 11: “each level reports (报送) its year's figures upward, the level above approves them, and approved figures
// are locked — a later correction goes through a correction request with its reason and approval, never an edit in
// place”. Seed 001 (乡镇扶贫工作站职责): “负责本乡镇双联行动和扶贫开发情况的统计上报工作”; seed 004: “乡镇党委、政府将脱贫人口
// 名单上报县级扶贫开发领导小组备案” — each level reports upward and the level above decides.
describe('reportTransition', () => {
  it.each<[ReportState | null, ReportAction, ReportState | null]>([
    [null, 'submit', 'submitted'],
    [null, 'approve', null],
    [null, 'return', null],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'submit', null],
    ['returned', 'submit', 'submitted'], // resubmission after return
    ['returned', 'approve', null],
    ['returned', 'return', null],
    ['approved', 'submit', null], // locked: “never an edit in place”
    ['approved', 'approve', null],
    ['approved', 'return', null],
  ])('%s —%s→ %s', (from, action, to) => {
    const r = reportTransition(from, action);
    expect(r.to).toBe(to);
    expect(r.problem === null).toBe(to !== null);
  });

  it('tells why an approved report does not move: a correction request', () => {
    expect(reportTransition('approved', 'submit').problem).toContain('请提出更正申请');
  });
});

describe('correctionTransition', () => {
  it.each([
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['approved', 'approve', null],
    ['approved', 'reject', null],
    ['rejected', 'approve', null],
    ['rejected', 'reject', null],
  ] as const)('%s —%s→ %s', (from, action, to) => {
    expect(correctionTransition(from, action).to).toBe(to);
  });
});

describe('yearLockProblem', () => {
  it.each<[ReadonlyArray<{ state: ReportState }>, string | null]>([
    [[], null],
    [[{ state: 'returned' }], null],
    [[{ state: 'submitted' }], '2019 年度数据已报送，正在等待上级审核，不能修改；如需修改，请上级退回后再改'],
    [[{ state: 'approved' }], '2019 年度数据已报送并审核锁定，请提出更正申请'],
    [[{ state: 'returned' }, { state: 'approved' }], '2019 年度数据已报送并审核锁定，请提出更正申请'],
  ])('%j → %s', (covering, problem) => {
    expect(yearLockProblem(2019, covering)).toBe(problem);
  });
});
