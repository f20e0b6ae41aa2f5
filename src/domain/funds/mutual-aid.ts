/**
 * 村级扶贫互助资金 (seed 001: “村级扶贫互助资金组织机构、管理制度”, “村级互助资金管理章程、运行台账”): a village fund's
 * ledger computed from its events — capital paid in, loans to member households, repayments of principal and 占用费,
 * other expenses — and the rules that refuse an event before it is recorded. Money is integer 元; dates `YYYY-MM-DD`.
 *
 * The balance identity every sheet keeps: 库存现金 = 资本金 + 已收占用费 − 其他支出 − 借款余额.
 */
import type { FieldError } from '../shared/errors';
import { addDays, isRealDate } from '../shared/dates';

/** Where the fund's capital comes from. */
export const CAPITAL_SOURCES = ['财政扶持资金', '社会捐赠', '成员入股', '其他'] as const;
export type CapitalSource = (typeof CAPITAL_SOURCES)[number];

/** The roles of the 管理委员会 (理事会 and 监事会). */
export const COMMITTEE_ROLES = ['理事长', '副理事长', '理事', '监事长', '监事', '会计', '出纳'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** The longest term of a loan, in months. */
export const MAX_TERM_MONTHS = 12;
/** The highest monthly 占用费 rate, in ‰. */
export const MAX_FEE_PERMILLE = 20;

/**
 * The rules this module applies, each as the user reads it (the seed names the fund, its 管理制度 and 运行台账; the
 * rules themselves are this system's 管理制度, stated here once).
 */
export const MUTUAL_AID_RULES = {
  memberOnly: '只有本村入会成员户可以借款',
  memberOfVillage: '互助资金的成员是本村农户；已建档立卡的户须与本村的建档立卡户关联',
  cash: '借款金额不得超过借款之日（及其后任何一日）的库存现金',
  maxLoan: '单笔借款不得超过本互助资金章程规定的借款上限',
  term: `借款期限为 1 至 ${MAX_TERM_MONTHS} 个月`,
  overdueBorrower: '有逾期未还借款的成员户不得再借款',
  oneLoan: '成员户的上一笔借款还清后才能再借',
  repayment: '还款本金不得超过该笔借款的未还本金',
  expense: '其他支出不得超过支出之日（及其后任何一日）的库存现金',
  accountant: '会计与出纳不得由同一人兼任',
} as const;

/** The 占用费 of a loan: a monthly rate in ‰ (up to 2 decimals, kept as hundredths of ‰) or a fixed sum in 元. */
export type FeeRule = { kind: 'rate'; hundredthsPermille: number } | { kind: 'fixed'; amount: number };

export interface CapitalEvent {
  on: string;
  source: CapitalSource;
  amount: number;
}
export interface FundMember {
  id: number;
  name: string;
  poor: boolean;
  joinedOn: string;
  leftOn: string | null;
}
export interface Loan {
  id: number;
  memberId: number;
  on: string;
  amount: number;
  termMonths: number;
  fee: FeeRule;
}
export interface Repayment {
  loanId: number;
  on: string;
  principal: number;
  fee: number;
}
export interface Expense {
  on: string;
  amount: number;
}

/** Everything recorded about one fund: what the ledger is computed from. */
export interface FundEvents {
  capital: readonly CapitalEvent[];
  loans: readonly Loan[];
  repayments: readonly Repayment[];
  expenses: readonly Expense[];
}

const DAYS_IN_MONTH = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** A date plus whole months, the day clamped to the month's last (01-31 + 1 month → 02-28). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(iso.slice(8, 10)), DAYS_IN_MONTH(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${pad(DAYS_IN_MONTH(y, m))}`;
}

/** The day a loan falls due: its date plus its term. */
export const dueOn = (loan: Pick<Loan, 'on' | 'termMonths'>): string => addMonths(loan.on, loan.termMonths);

/** The 占用费 a loan owes over its whole term (a rate: amount × rate × months, rounded to the 元). */
export function feeDue(loan: Pick<Loan, 'amount' | 'termMonths' | 'fee'>): number {
  if (loan.fee.kind === 'fixed') return loan.fee.amount;
  // amount × (h / 100) ‰ × months = amount × h × months / 100000, all integers until the one rounding.
  return Math.round((loan.amount * loan.fee.hundredthsPermille * loan.termMonths) / 100_000);
}

/** A loan as of a day: principal and 占用费 repaid up to that day, what is outstanding, and whether it is overdue. */
export interface LoanState {
  loanId: number;
  dueOn: string;
  principalRepaid: number;
  feeReceived: number;
  feeDue: number;
  outstanding: number;
  /** Past its term (the day after the due day or later) with principal outstanding. */
  overdue: boolean;
  /** The day the last principal came back, when none is outstanding. */
  settledOn: string | null;
}

export function loanState(loan: Loan, repayments: readonly Repayment[], asOf: string): LoanState {
  let principal = 0;
  let fee = 0;
  let last: string | null = null;
  for (const r of repayments)
    if (r.loanId === loan.id && r.on <= asOf) {
      principal += r.principal;
      fee += r.fee;
      if (r.principal > 0 && (last === null || r.on > last)) last = r.on;
    }
  const due = dueOn(loan);
  const outstanding = loan.on <= asOf ? loan.amount - principal : 0;
  return {
    loanId: loan.id,
    dueOn: due,
    principalRepaid: principal,
    feeReceived: fee,
    feeDue: feeDue(loan),
    outstanding,
    overdue: outstanding > 0 && asOf > due,
    settledOn: loan.on <= asOf && outstanding === 0 ? last : null,
  };
}

/** The repayments of each loan. */
export function repaymentsByLoan(repayments: readonly Repayment[]): Map<number, Repayment[]> {
  const out = new Map<number, Repayment[]>();
  for (const r of repayments) {
    const list = out.get(r.loanId);
    if (list) list.push(r);
    else out.set(r.loanId, [r]);
  }
  return out;
}

/** The fund's position at the end of a day. */
export interface Position {
  capital: number;
  capitalBySource: Record<CapitalSource, number>;
  feeReceived: number;
  expenses: number;
  loaned: number;
  principalBack: number;
  /** 借款余额: principal lent and not yet back. */
  outstanding: number;
  /** 库存现金, counted from the flows of cash. */
  cash: number;
  overdueCount: number;
  overdueAmount: number;
}

const sumTo = <T extends { on: string }>(rows: readonly T[], asOf: string, value: (r: T) => number, from = '') =>
  rows.reduce((s, r) => (r.on <= asOf && r.on > from ? s + value(r) : s), 0);

/** The position at the end of `asOf`: cash counted from its flows, loans outstanding and overdue loan by loan. */
export function positionAt(events: FundEvents, asOf: string): Position {
  const bySource = Object.fromEntries(CAPITAL_SOURCES.map((s) => [s, 0])) as Record<CapitalSource, number>;
  for (const c of events.capital) if (c.on <= asOf) bySource[c.source] += c.amount;
  const capital = sumTo(events.capital, asOf, (c) => c.amount);
  const feeReceived = sumTo(events.repayments, asOf, (r) => r.fee);
  const principalBack = sumTo(events.repayments, asOf, (r) => r.principal);
  const loaned = sumTo(events.loans, asOf, (l) => l.amount);
  const expenses = sumTo(events.expenses, asOf, (e) => e.amount);
  let outstanding = 0;
  let overdueCount = 0;
  let overdueAmount = 0;
  const byLoan = repaymentsByLoan(events.repayments);
  for (const loan of events.loans) {
    const s = loanState(loan, byLoan.get(loan.id) ?? [], asOf);
    outstanding += s.outstanding;
    if (s.overdue) {
      overdueCount++;
      overdueAmount += s.outstanding;
    }
  }
  return {
    capital,
    capitalBySource: bySource,
    feeReceived,
    expenses,
    loaned,
    principalBack,
    outstanding,
    cash: capital + principalBack + feeReceived - loaned - expenses,
    overdueCount,
    overdueAmount,
  };
}

/** The balance identity: 库存现金 = 资本金 + 已收占用费 − 其他支出 − 借款余额. */
export const balances = (p: Position): boolean => p.cash === p.capital + p.feeReceived - p.expenses - p.outstanding;

/** One sheet of the 运行台账: a month (`2019-03`) or a year (`2019`). */
export interface LedgerSheet {
  period: string;
  from: string;
  to: string;
  openingCash: number;
  capitalIn: number;
  loansOut: number;
  loansCount: number;
  principalBack: number;
  feeIn: number;
  expenses: number;
  closingCash: number;
  /** At the end of the period. */
  capital: number;
  feeReceived: number;
  expensesTotal: number;
  outstanding: number;
  overdueCount: number;
  overdueAmount: number;
  /** Whether the closing position keeps the balance identity. */
  balanced: boolean;
}

/** The sheet of the days after `before` up to `to` (inclusive). */
function sheet(events: FundEvents, period: string, from: string, to: string): LedgerSheet {
  const before = addDays(from, -1);
  const open = positionAt(events, before);
  const close = positionAt(events, to);
  const loansOut = sumTo(events.loans, to, (l) => l.amount, before);
  return {
    period,
    from,
    to,
    openingCash: open.cash,
    capitalIn: sumTo(events.capital, to, (c) => c.amount, before),
    loansOut,
    loansCount: sumTo(events.loans, to, () => 1, before),
    principalBack: sumTo(events.repayments, to, (r) => r.principal, before),
    feeIn: sumTo(events.repayments, to, (r) => r.fee, before),
    expenses: sumTo(events.expenses, to, (e) => e.amount, before),
    closingCash: close.cash,
    capital: close.capital,
    feeReceived: close.feeReceived,
    expensesTotal: close.expenses,
    outstanding: close.outstanding,
    overdueCount: close.overdueCount,
    overdueAmount: close.overdueAmount,
    balanced: balances(close),
  };
}

/** The 运行台账 of a month `YYYY-MM`. */
export const monthSheet = (events: FundEvents, month: string): LedgerSheet => sheet(events, month, `${month}-01`, monthEnd(month));

/** The 运行台账 of a year: its twelve months and the year as one sheet. */
export function yearLedger(events: FundEvents, year: number): { months: LedgerSheet[]; year: LedgerSheet } {
  const months = Array.from({ length: 12 }, (_, i) => monthSheet(events, `${year}-${pad(i + 1)}`));
  return { months, year: sheet(events, String(year), `${year}-01-01`, `${year}-12-31`) };
}

/**
 * The lowest cash from `on` to the last recorded day: what an outflow on `on` may take without leaving the cash below
 * zero on that day or any later one (an entry backdated before later loans must not spend their money twice).
 */
export function availableCash(events: FundEvents, on: string): number {
  const days = new Set<string>([on]);
  for (const list of [events.capital, events.loans, events.repayments, events.expenses]) for (const e of list) if (e.on > on) days.add(e.on);
  let low = Number.POSITIVE_INFINITY;
  for (const d of days) low = Math.min(low, positionAt(events, d).cash);
  return low;
}

const field = (name: string, label: string, message: string): FieldError => ({ field: name, label, message });

const dateProblem = (name: string, label: string, value: string, today: string): FieldError | null =>
  !isRealDate(value) ? field(name, label, '应为 YYYY-MM-DD') : value > today ? field(name, label, `不能晚于今天（${today}）`) : null;

export interface LoanRequest {
  memberId: number;
  on: string;
  amount: number;
  termMonths: number;
  fee: FeeRule;
}

/** Why a loan is refused (empty: accepted). `maxLoan` 0 means the charter sets no ceiling. */
export function loanProblems(events: FundEvents, members: readonly FundMember[], req: LoanRequest, opts: { today: string; maxLoan: number }): FieldError[] {
  const out: FieldError[] = [];
  const date = dateProblem('loanedOn', '借款日期', req.on, opts.today);
  if (date) out.push(date);
  if (!Number.isInteger(req.amount) || req.amount <= 0) out.push(field('amount', '借款金额', '应为大于 0 的整数（元）'));
  if (!Number.isInteger(req.termMonths) || req.termMonths < 1 || req.termMonths > MAX_TERM_MONTHS) out.push(field('termMonths', '借款期限', MUTUAL_AID_RULES.term));
  if (req.fee.kind === 'rate' && (!Number.isInteger(req.fee.hundredthsPermille) || req.fee.hundredthsPermille < 0 || req.fee.hundredthsPermille > MAX_FEE_PERMILLE * 100))
    out.push(field('feeRate', '占用费率', `应为 0 至 ${MAX_FEE_PERMILLE}‰（每月），最多 2 位小数`));
  if (req.fee.kind === 'fixed' && (!Number.isInteger(req.fee.amount) || req.fee.amount < 0)) out.push(field('feeFixed', '占用费', '应为不小于 0 的整数（元）'));
  const member = members.find((m) => m.id === req.memberId);
  if (!member) out.push(field('memberId', '借款成员户', MUTUAL_AID_RULES.memberOnly));
  else if (!date && (member.joinedOn > req.on || (member.leftOn !== null && member.leftOn <= req.on)))
    out.push(field('memberId', '借款成员户', `${MUTUAL_AID_RULES.memberOnly}：“${member.name}”在 ${req.on} 不是成员`));
  if (out.length) return out;
  if (opts.maxLoan > 0 && req.amount > opts.maxLoan) return [field('amount', '借款金额', `${MUTUAL_AID_RULES.maxLoan}（${opts.maxLoan} 元）`)];
  const own = events.loans.filter((l) => l.memberId === req.memberId);
  if (own.some((l) => loanState(l, events.repayments, req.on).overdue)) out.push(field('memberId', '借款成员户', MUTUAL_AID_RULES.overdueBorrower));
  else if (own.some((l) => l.on <= req.on && loanState(l, events.repayments, req.on).outstanding > 0)) out.push(field('memberId', '借款成员户', MUTUAL_AID_RULES.oneLoan));
  const cash = availableCash(events, req.on);
  if (req.amount > cash) out.push(field('amount', '借款金额', `${MUTUAL_AID_RULES.cash}（可借 ${Math.max(cash, 0)} 元）`));
  return out;
}

export interface RepaymentRequest {
  loanId: number;
  on: string;
  principal: number;
  fee: number;
}

/** Why a repayment is refused (empty: accepted). */
export function repaymentProblems(events: FundEvents, req: RepaymentRequest, today: string): FieldError[] {
  const out: FieldError[] = [];
  const loan = events.loans.find((l) => l.id === req.loanId);
  const date = dateProblem('repaidOn', '还款日期', req.on, today);
  if (date) out.push(date);
  else if (loan && req.on < loan.on) out.push(field('repaidOn', '还款日期', `不能早于借款日期 ${loan.on}`));
  if (!Number.isInteger(req.principal) || req.principal < 0) out.push(field('principal', '还款本金', '应为不小于 0 的整数（元）'));
  if (!Number.isInteger(req.fee) || req.fee < 0) out.push(field('fee', '占用费', '应为不小于 0 的整数（元）'));
  if (out.length) return out;
  if (req.principal === 0 && req.fee === 0) return [field('principal', '还款本金', '本金和占用费不能都为 0')];
  if (!loan) return [field('loanId', '借款', '借款不存在')];
  // Against everything repaid, whatever its date: the principal comes back once.
  const outstanding = loan.amount - events.repayments.filter((r) => r.loanId === loan.id).reduce((s, r) => s + r.principal, 0);
  if (req.principal > outstanding) out.push(field('principal', '还款本金', `${MUTUAL_AID_RULES.repayment}（未还本金 ${outstanding} 元）`));
  return out;
}

/** Why capital paid in is refused. */
export function capitalProblems(c: CapitalEvent, today: string): FieldError[] {
  const out: FieldError[] = [];
  const date = dateProblem('receivedOn', '入账日期', c.on, today);
  if (date) out.push(date);
  if (!(CAPITAL_SOURCES as readonly string[]).includes(c.source)) out.push(field('source', '资金来源', `应为 ${CAPITAL_SOURCES.join('、')} 之一`));
  if (!Number.isInteger(c.amount) || c.amount <= 0) out.push(field('amount', '金额', '应为大于 0 的整数（元）'));
  return out;
}

/** Why an expense is refused. */
export function expenseProblems(events: FundEvents, e: Expense, today: string): FieldError[] {
  const date = dateProblem('spentOn', '支出日期', e.on, today);
  if (date) return [date];
  if (!Number.isInteger(e.amount) || e.amount <= 0) return [field('amount', '支出金额', '应为大于 0 的整数（元）')];
  const cash = availableCash(events, e.on);
  return e.amount > cash ? [field('amount', '支出金额', `${MUTUAL_AID_RULES.expense}（可用 ${Math.max(cash, 0)} 元）`)] : [];
}

export interface CommitteeSeat {
  name: string;
  role: CommitteeRole;
  fromOn: string;
  toOn: string | null;
}

/** Why a committee seat is refused, given the seats already held. */
export function committeeProblems(seats: readonly CommitteeSeat[], seat: CommitteeSeat): FieldError[] {
  const out: FieldError[] = [];
  if (!(COMMITTEE_ROLES as readonly string[]).includes(seat.role)) out.push(field('role', '职务', `应为 ${COMMITTEE_ROLES.join('、')} 之一`));
  if (!isRealDate(seat.fromOn)) out.push(field('fromOn', '任职日期', '应为 YYYY-MM-DD'));
  if (seat.toOn !== null && (!isRealDate(seat.toOn) || seat.toOn < seat.fromOn)) out.push(field('toOn', '离任日期', `应为不早于任职日期的日期`));
  if (out.length) return out;
  const overlaps = (s: CommitteeSeat) => s.name === seat.name && s.fromOn <= (seat.toOn ?? '9999-12-31') && seat.fromOn <= (s.toOn ?? '9999-12-31');
  const pair: Partial<Record<CommitteeRole, CommitteeRole>> = { 会计: '出纳', 出纳: '会计' };
  const other = pair[seat.role];
  if (other && seats.some((s) => s.role === other && overlaps(s))) out.push(field('name', '姓名', `${MUTUAL_AID_RULES.accountant}：“${seat.name}”已任${other}`));
  return out;
}
