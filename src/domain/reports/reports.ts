/**
 * 报送 and approval of a region's year figures, and correction requests for approved ones (issue 11: “each level
 * reports (报送) its year's figures upward, the level above approves them, and approved figures are locked — a later
 * correction goes through a correction request with its reason and approval, never an edit in place”).
 *
 * A report is one region × year. It moves only as the table below says; an approved report never moves again (its
 * figures change only through an approved correction request).
 */

export const REPORT_STATES = ['submitted', 'approved', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, string> = { submitted: '已报送待审核', approved: '已审核锁定', returned: '已退回' };

export type ReportAction = 'submit' | 'approve' | 'return';
export const REPORT_ACTION_LABELS: Record<ReportAction, string> = { submit: '报送', approve: '审核通过', return: '退回' };

/** From a state (null: not reported yet), what each action leads to. */
const REPORT_TRANSITIONS: Record<ReportState | 'none', Partial<Record<ReportAction, ReportState>>> = {
  none: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted' },
  approved: {},
};

/** Why an action cannot be taken in a state (in the seeds' words), or null with the state it leads to. */
export function reportTransition(from: ReportState | null, action: ReportAction): { to: ReportState; problem: null } | { to: null; problem: string } {
  const to = REPORT_TRANSITIONS[from ?? 'none'][action];
  if (to) return { to, problem: null };
  if (from === 'approved') return { to: null, problem: '该年度数据已审核锁定，不能再次报送、审核或退回；如需修改，请提出更正申请' };
  if (from === 'submitted') return { to: null, problem: '该年度数据已报送，正在等待上级审核' };
  if (from === null) return { to: null, problem: '该地区该年度尚未报送' };
  return { to: null, problem: '该年度数据已退回，请修改后重新报送' };
}

export const CORRECTION_STATES = ['pending', 'approved', 'rejected'] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];
export const CORRECTION_STATE_LABELS: Record<CorrectionState, string> = { pending: '待审核', approved: '已批准', rejected: '已驳回' };
export type CorrectionAction = 'approve' | 'reject';

/** A correction request is decided once: approved (the figure changes) or rejected (nothing changes). */
export function correctionTransition(from: CorrectionState, action: CorrectionAction): { to: CorrectionState; problem: null } | { to: null; problem: string } {
  if (from !== 'pending') return { to: null, problem: `该更正申请已${CORRECTION_STATE_LABELS[from].replace(/^已/, '')}，不能再次审核` };
  return { to: action === 'approve' ? 'approved' : 'rejected', problem: null };
}

/**
 * Whether a year's figures of a place may be edited in place, given the reports of that year whose region holds the
 * place: not while one is 报送 and waiting (the approver must see what was sent), never once one is approved.
 */
export function yearLockProblem(year: number, covering: ReadonlyArray<{ state: ReportState }>): string | null {
  if (covering.some((r) => r.state === 'approved')) return `${year} 年度数据已报送并审核锁定，请提出更正申请`;
  if (covering.some((r) => r.state === 'submitted')) return `${year} 年度数据已报送，正在等待上级审核，不能修改；如需修改，请上级退回后再改`;
  return null;
}
