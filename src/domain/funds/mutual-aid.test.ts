import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates';
import {
  addMonths,
  availableCash,
  balances,
  capitalProblems,
  committeeProblems,
  feeDue,
  loanProblems,
  loanState,
  MUTUAL_AID_RULES,
  positionAt,
  repaymentProblems,
  expenseProblems,
  yearLedger,
  type CapitalSource,
  type CommitteeSeat,
  type FundEvents,
  type FundMember,
  type Loan,
  type LoanRequest,
  type Repayment,
} from './mutual-aid';

// Seed 001: “村级扶贫互助资金组织机构、管理制度”; “村级互助资金管理章程、运行台账”. The rules below are the fund's 管理制度;
// the ledger is its 运行台账.

const TODAY = '2020-06-30';
const rate = (permille: number) => ({ kind: 'rate' as const, hundredthsPermille: Math.round(permille * 100) });
const members: FundMember[] = [
  { id: 1, name: '张一', poor: true, joinedOn: '2019-01-01', leftOn: null },
  { id: 2, name: '李二', poor: false, joinedOn: '2019-01-01', leftOn: null },
  { id: 3, name: '王三', poor: true, joinedOn: '2019-06-01', leftOn: '2019-12-31' },
];
const base: FundEvents = {
  capital: [
    { on: '2019-01-05', source: '财政扶持资金', amount: 100_000 },
    { on: '2019-01-10', source: '成员入股', amount: 20_000 },
  ],
  loans: [{ id: 10, memberId: 1, on: '2019-02-01', amount: 50_000, termMonths: 6, fee: rate(6) }],
  repayments: [{ loanId: 10, on: '2019-05-01', principal: 20_000, fee: 900 }],
  expenses: [],
};

describe('dates and fees', () => {
  it.each([
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-11-15', 3, '2020-02-15'],
    ['2019-03-01', 12, '2020-03-01'],
  ])('%s plus %i months is %s', (from, months, to) => expect(addMonths(from, months)).toBe(to));

  it.each<[string, Loan['fee'], number, number, number]>([
    ['6‰ a month for 6 months', rate(6), 50_000, 6, 1800],
    ['4.5‰ a month for 12 months', rate(4.5), 10_000, 12, 540],
    ['0.35‰ rounds to the 元', rate(0.35), 3_333, 1, 1],
    ['a fixed fee', { kind: 'fixed', amount: 300 }, 10_000, 12, 300],
  ])('%s', (_n, fee, amount, termMonths, due) => expect(feeDue({ amount, termMonths, fee })).toBe(due));
});

describe('loan state and overdue', () => {
  const loan = base.loans[0]!;
  it.each<[string, string, number, boolean]>([
    ['before the loan', '2019-01-31', 0, false],
    ['lent, nothing back', '2019-04-30', 50_000, false],
    ['part back', '2019-05-01', 30_000, false],
    ['the due day itself is not overdue', '2019-08-01', 30_000, false],
    ['past the term with principal outstanding', '2019-08-02', 30_000, true],
  ])('%s (%s)', (_n, asOf, outstanding, overdue) => {
    const s = loanState(loan, base.repayments, asOf);
    expect([s.outstanding, s.overdue]).toEqual([outstanding, overdue]);
  });
  it('a loan repaid in full is settled, never overdue', () => {
    const s = loanState(loan, [...base.repayments, { loanId: 10, on: '2019-07-01', principal: 30_000, fee: 900 }], '2020-01-01');
    expect(s).toMatchObject({ outstanding: 0, overdue: false, settledOn: '2019-07-01', feeReceived: 1800 });
  });
});

describe('loanProblems (the fund’s 管理制度)', () => {
  const ok: LoanRequest = { memberId: 2, on: '2019-06-01', amount: 10_000, termMonths: 6, fee: rate(6) };
  const opts = { today: TODAY, maxLoan: 80_000 };
  it('a member household borrowing within the cash is accepted', () => expect(loanProblems(base, members, ok, opts)).toEqual([]));
  it.each<[string, Partial<LoanRequest>, string, string]>([
    ['a household that is not a member', { memberId: 99 }, 'memberId', MUTUAL_AID_RULES.memberOnly],
    ['a member before joining', { memberId: 3, on: '2019-05-01' }, 'memberId', `${MUTUAL_AID_RULES.memberOnly}：“王三”在 2019-05-01 不是成员`],
    ['a member after leaving', { memberId: 3, on: '2020-01-01' }, 'memberId', `${MUTUAL_AID_RULES.memberOnly}：“王三”在 2020-01-01 不是成员`],
    ['more than the cash on hand', { amount: 70_001, on: '2019-03-01' }, 'amount', `${MUTUAL_AID_RULES.cash}（可借 70000 元）`],
    ['above the charter’s ceiling', { amount: 90_000 }, 'amount', `${MUTUAL_AID_RULES.maxLoan}（80000 元）`],
    ['a zero amount', { amount: 0 }, 'amount', '应为大于 0 的整数（元）'],
    ['a term of 13 months', { termMonths: 13 }, 'termMonths', MUTUAL_AID_RULES.term],
    ['a term of 0 months', { termMonths: 0 }, 'termMonths', MUTUAL_AID_RULES.term],
    ['a fee rate above 20‰', { fee: rate(21) }, 'feeRate', '应为 0 至 20‰（每月），最多 2 位小数'],
    ['a negative fixed fee', { fee: { kind: 'fixed', amount: -1 } }, 'feeFixed', '应为不小于 0 的整数（元）'],
    ['a day that does not exist', { on: '2019-02-30' }, 'loanedOn', '应为 YYYY-MM-DD'],
    ['a day after today', { on: '2020-07-01' }, 'loanedOn', `不能晚于今天（${TODAY}）`],
    ['a member with a loan outstanding', { memberId: 1, on: '2019-06-01' }, 'memberId', MUTUAL_AID_RULES.oneLoan],
    ['a member with an overdue loan', { memberId: 1, on: '2019-09-01' }, 'memberId', MUTUAL_AID_RULES.overdueBorrower],
  ])('%s is refused on %s', (_n, change, fieldName, message) => {
    expect(loanProblems(base, members, { ...ok, ...change }, opts).map((f) => [f.field, f.message])).toEqual([[fieldName, message]]);
  });
  it('a backdated loan may not spend cash a later loan already took', () => {
    const later: FundEvents = { ...base, loans: [...base.loans, { id: 11, memberId: 2, on: '2019-04-01', amount: 70_000, termMonths: 3, fee: rate(0) }] };
    // On 2019-03-01 the cash is 70 000, but on 2019-04-01 the second loan takes all of it.
    expect(availableCash(later, '2019-03-01')).toBe(0);
    expect(loanProblems(later, members, { ...ok, memberId: 3, on: '2019-06-02', amount: 1 }, opts)).toEqual([]);
    expect(loanProblems(later, members, { ...ok, on: '2019-03-01', amount: 1 }, opts).map((f) => f.field)).toEqual(['amount']);
  });
});

describe('repaymentProblems', () => {
  it.each<[string, Repayment, string | null, string | null]>([
    ['the rest of the principal', { loanId: 10, on: '2019-06-01', principal: 30_000, fee: 900 }, null, null],
    ['the fee alone', { loanId: 10, on: '2019-06-01', principal: 0, fee: 300 }, null, null],
    ['more than the outstanding principal', { loanId: 10, on: '2019-06-01', principal: 30_001, fee: 0 }, 'principal', `${MUTUAL_AID_RULES.repayment}（未还本金 30000 元）`],
    ['before the loan', { loanId: 10, on: '2019-01-15', principal: 100, fee: 0 }, 'repaidOn', '不能早于借款日期 2019-02-01'],
    ['nothing at all', { loanId: 10, on: '2019-06-01', principal: 0, fee: 0 }, 'principal', '本金和占用费不能都为 0'],
    ['a negative fee', { loanId: 10, on: '2019-06-01', principal: 10, fee: -5 }, 'fee', '应为不小于 0 的整数（元）'],
    ['an unknown loan', { loanId: 77, on: '2019-06-01', principal: 10, fee: 0 }, 'loanId', '借款不存在'],
  ])('%s', (_n, r, fieldName, message) => {
    const got = repaymentProblems(base, { loanId: r.loanId, on: r.on, principal: r.principal, fee: r.fee }, TODAY).map((f) => [f.field, f.message]);
    expect(got).toEqual(fieldName ? [[fieldName, message]] : []);
  });
});

describe('capital, expenses and the committee', () => {
  it.each<[string, CapitalSource | '贷款', number, string | null]>([
    ['财政扶持资金', '财政扶持资金', 1, null],
    ['社会捐赠', '社会捐赠', 500, null],
    ['an unknown source', '贷款', 500, 'source'],
    ['zero', '其他', 0, 'amount'],
  ])('capital from %s', (_n, source, amount, fieldName) => {
    expect(capitalProblems({ on: '2019-01-01', source: source as CapitalSource, amount }, TODAY).map((f) => f.field)).toEqual(fieldName ? [fieldName] : []);
  });
  it('an expense beyond the cash is refused, one within it accepted', () => {
    expect(expenseProblems(base, { on: '2019-12-31', amount: 90_901 }, TODAY).map((f) => f.message)).toEqual([`${MUTUAL_AID_RULES.expense}（可用 90900 元）`]);
    expect(expenseProblems(base, { on: '2019-12-31', amount: 900 }, TODAY)).toEqual([]);
  });
  const seats: CommitteeSeat[] = [{ name: '赵会计', role: '会计', fromOn: '2019-01-01', toOn: null }];
  it.each<[string, CommitteeSeat, string[]]>([
    ['a 出纳 who is another person', { name: '钱出纳', role: '出纳', fromOn: '2019-01-01', toOn: null }, []],
    ['the 会计 as 出纳 too', { name: '赵会计', role: '出纳', fromOn: '2019-06-01', toOn: null }, [`${MUTUAL_AID_RULES.accountant}：“赵会计”已任会计`]],
    ['the 会计 as 理事长', { name: '赵会计', role: '理事长', fromOn: '2019-06-01', toOn: null }, []],
    ['an end before the start', { name: '孙理事', role: '理事', fromOn: '2019-06-01', toOn: '2019-05-01' }, ['应为不早于任职日期的日期']],
  ])('%s', (_n, seat, messages) => expect(committeeProblems(seats, seat).map((f) => f.message)).toEqual(messages));
});

/** A small seeded generator (mulberry32): the same year of activity on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A year of a fund's activity, recorded event by event through the rules (a refused event is not recorded, as the
 * service would refuse it): capital in January and later, loans to members, repayments, a few loans left overdue.
 */
function generateYear(seed: number) {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const fundMembers: FundMember[] = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, name: `成员${i + 1}`, poor: i % 3 === 0, joinedOn: '2019-01-01', leftOn: null }));
  const events: { capital: FundEvents['capital'][number][]; loans: Loan[]; repayments: Repayment[]; expenses: FundEvents['expenses'][number][] } = {
    capital: [{ on: '2019-01-02', source: '财政扶持资金', amount: 200_000 }],
    loans: [],
    repayments: [],
    expenses: [],
  };
  let refused = 0;
  const stubborn = new Set<number>();
  for (let day = 0; day < 365; day++) {
    const on = addDays2019(day);
    const roll = rnd();
    if (roll < 0.02) {
      const c = { on, source: (['社会捐赠', '成员入股', '其他'] as const)[int(0, 2)]!, amount: int(1, 20) * 1000 };
      expect(capitalProblems(c, '2019-12-31')).toEqual([]);
      events.capital.push(c);
    } else if (roll < 0.17) {
      const req: LoanRequest = { memberId: int(1, 40), on, amount: int(2, 20) * 1000, termMonths: int(3, 12), fee: int(0, 3) === 0 ? { kind: 'fixed', amount: int(1, 5) * 100 } : rate(int(3, 8)) };
      if (loanProblems(events, fundMembers, req, { today: '2019-12-31', maxLoan: 20_000 }).length) refused++;
      else {
        const id = events.loans.length + 1;
        events.loans.push({ id, ...req });
        if (rnd() < 0.12) stubborn.add(id);
      }
    } else if (roll < 0.5) {
      const open = events.loans.filter((l) => !stubborn.has(l.id) && loanState(l, events.repayments, on).outstanding > 0 && l.on < on);
      const loan = open[int(0, Math.max(open.length - 1, 0))];
      if (loan) {
        const outstanding = loanState(loan, events.repayments, on).outstanding;
        const principal = rnd() < 0.5 ? outstanding : Math.min(outstanding, int(1, 5) * 1000);
        const r = { loanId: loan.id, on, principal, fee: Math.round(feeDue(loan) * (principal / loan.amount)) };
        expect(repaymentProblems(events, r, '2019-12-31')).toEqual([]);
        events.repayments.push(r);
      }
    } else if (roll < 0.52) {
      const e = { on, amount: int(1, 5) * 100 };
      if (!expenseProblems(events, e, '2019-12-31').length) events.expenses.push(e);
    }
  }
  return { events, refused };
}
const addDays2019 = (day: number) => addDays('2019-01-01', day);

describe('a year of generated activity (seeded)', () => {
  it.each([1, 2, 3])('seed %i: every month balances, the sheets chain, the year closes on the identity', (seed) => {
    const { events } = generateYear(seed);
    expect(events.loans.length).toBeGreaterThanOrEqual(30);
    expect(events.repayments.length).toBeGreaterThan(20);
    const { months, year } = yearLedger(events, 2019);
    // Some loans are past their term with principal outstanding at year end.
    expect(year.overdueCount).toBeGreaterThan(0);
    let opening = 0;
    for (const m of months) {
      expect(m.openingCash, m.period).toBe(opening);
      expect(m.closingCash, m.period).toBe(m.openingCash + m.capitalIn + m.principalBack + m.feeIn - m.loansOut - m.expenses);
      expect(m.closingCash, m.period).toBe(m.capital + m.feeReceived - m.expensesTotal - m.outstanding);
      expect(m.balanced, m.period).toBe(true);
      expect(m.closingCash, m.period).toBeGreaterThanOrEqual(0);
      opening = m.closingCash;
    }
    // The year is the sum of its months and ends where December ends.
    const sum = (k: 'capitalIn' | 'loansOut' | 'principalBack' | 'feeIn' | 'expenses' | 'loansCount') => months.reduce((s, m) => s + m[k], 0);
    expect([year.capitalIn, year.loansOut, year.principalBack, year.feeIn, year.expenses, year.loansCount]).toEqual([sum('capitalIn'), sum('loansOut'), sum('principalBack'), sum('feeIn'), sum('expenses'), sum('loansCount')]);
    expect([year.openingCash, year.closingCash]).toEqual([0, months[11]!.closingCash]);
    const end = positionAt(events, '2019-12-31');
    expect(balances(end)).toBe(true);
    // Loans outstanding counted loan by loan equal principal lent minus principal back.
    expect(end.outstanding).toBe(end.loaned - end.principalBack);
    expect(end.capital).toBe(Object.values(end.capitalBySource).reduce((a, b) => a + b, 0));
  });

  it('an unbalanced position is seen as such', () => {
    const p = positionAt(base, '2019-12-31');
    expect(balances(p)).toBe(true);
    expect(balances({ ...p, cash: p.cash + 1 })).toBe(false);
  });
});
