/**
 * 扶贫小额信贷 and 入股分红 (seed 004: “扶贫小额信贷发展不平衡，资金使用效率不高，未实现应贷尽贷。户贷户用占比不高，贫困户入股企业的
 * 分红协议、股权证等资料不完善”): loans to households and their state, shares households hold in an enterprise or a
 * cooperative with their dividends, and the three figures the seed asks about — 应贷尽贷, 户贷户用 share, agreements
 * missing 分红协议 or 股权证. Money is integer 元; a loan's annual rate in basis points (435 = 4.35%).
 */
import type { FieldError } from '../shared/errors';
import { isRealDate } from '../shared/dates';
import { addMonths } from './mutual-aid';

/** How the money of a household's loan is used: by the household itself, or handed to an enterprise. */
export const CREDIT_USES = ['户贷户用', '户贷企用'] as const;
export type CreditUse = (typeof CREDIT_USES)[number];

/**
 * The households 应贷尽贷 counts: 建档立卡 households not yet out, returned to poverty, or out within the transition
 * (脱贫不脱政策). 稳定脱贫 and 清退 households are not counted.
 */
export const CREDIT_ELIGIBLE_STATUSES = ['未脱贫', '返贫', '已脱贫'] as const;

export const CREDIT_MAX_TERM_MONTHS = 36;

export const CREDIT_RULES = {
  term: `贷款期限为 1 至 ${CREDIT_MAX_TERM_MONTHS} 个月`,
  enterprise: '户贷企用的贷款须填写使用资金的企业或合作社',
  repayment: '还款本金不得超过未还本金',
  coverage: '应贷尽贷：有扶贫小额信贷的建档立卡贫困户（未脱贫、返贫、已脱贫）占本地区建档立卡贫困户的比例',
  ownUse: '户贷户用占比：户贷户用的贷款笔数（及金额）占扶贫小额信贷的比例',
  papers: '贫困户入股企业须有分红协议和股权证',
} as const;

export type CreditState = '未到期' | '已结清' | '逾期';

export interface CreditLoanFacts {
  amount: number;
  loanedOn: string;
  termMonths: number;
  use: CreditUse;
}

/** A loan's state on a day from what is repaid (principal) by then. */
export function creditState(loan: Pick<CreditLoanFacts, 'amount' | 'loanedOn' | 'termMonths'>, principalRepaid: number, asOf: string): { state: CreditState; dueOn: string; outstanding: number } {
  const dueOn = addMonths(loan.loanedOn, loan.termMonths);
  const outstanding = loan.amount - principalRepaid;
  return { dueOn, outstanding, state: outstanding <= 0 ? '已结清' : asOf > dueOn ? '逾期' : '未到期' };
}

const f = (field: string, label: string, message: string): FieldError => ({ field, label, message });

function dateProblem(field: string, label: string, value: string, today: string): FieldError | null {
  if (!isRealDate(value)) return f(field, label, '应为 YYYY-MM-DD');
  return value > today ? f(field, label, `不能晚于今天（${today}）`) : null;
}

/** Why a 扶贫小额信贷 loan is refused. */
export function creditLoanProblems(l: CreditLoanFacts & { bank: string; rateBp: number; enterprise: string }, today: string): FieldError[] {
  const out: FieldError[] = [];
  if (!l.bank.trim()) out.push(f('bank', '贷款银行', '必填'));
  if (!Number.isInteger(l.amount) || l.amount <= 0) out.push(f('amount', '贷款金额', '应为大于 0 的整数（元）'));
  const d = dateProblem('loanedOn', '放款日期', l.loanedOn, today);
  if (d) out.push(d);
  if (!Number.isInteger(l.termMonths) || l.termMonths < 1 || l.termMonths > CREDIT_MAX_TERM_MONTHS) out.push(f('termMonths', '贷款期限', CREDIT_RULES.term));
  if (!Number.isInteger(l.rateBp) || l.rateBp < 0 || l.rateBp > 2400) out.push(f('rate', '年利率', '应为 0 至 24%，最多 2 位小数'));
  if (!(CREDIT_USES as readonly string[]).includes(l.use)) out.push(f('use', '资金使用方式', `应为 ${CREDIT_USES.join('、')} 之一`));
  else if (l.use === '户贷企用' && !l.enterprise.trim()) out.push(f('enterprise', '使用企业', CREDIT_RULES.enterprise));
  return out;
}

/** Why a repayment of a 扶贫小额信贷 loan is refused. */
export function creditRepaymentProblems(loan: { amount: number; loanedOn: string }, repaid: number, r: { repaidOn: string; principal: number; interest: number }, today: string): FieldError[] {
  const out: FieldError[] = [];
  const d = dateProblem('repaidOn', '还款日期', r.repaidOn, today);
  if (d) out.push(d);
  else if (r.repaidOn < loan.loanedOn) out.push(f('repaidOn', '还款日期', `不能早于放款日期 ${loan.loanedOn}`));
  if (!Number.isInteger(r.principal) || r.principal < 0) out.push(f('principal', '还款本金', '应为不小于 0 的整数（元）'));
  if (!Number.isInteger(r.interest) || r.interest < 0) out.push(f('interest', '利息', '应为不小于 0 的整数（元）'));
  if (out.length) return out;
  if (r.principal === 0 && r.interest === 0) return [f('principal', '还款本金', '本金和利息不能都为 0')];
  const outstanding = loan.amount - repaid;
  return r.principal > outstanding ? [f('principal', '还款本金', `${CREDIT_RULES.repayment}（未还本金 ${outstanding} 元）`)] : [];
}

export interface DividendAgreementFacts {
  enterprise: string;
  shares: number;
  amount: number;
  signedOn: string;
  agreementNo: string;
  certificateNo: string;
}

/** Why an 入股 agreement is refused (the papers may be filled in later: their absence is reported, not refused). */
export function dividendAgreementProblems(a: DividendAgreementFacts, today: string): FieldError[] {
  const out: FieldError[] = [];
  if (!a.enterprise.trim()) out.push(f('enterprise', '入股企业（合作社）', '必填'));
  if (!Number.isInteger(a.shares) || a.shares < 0) out.push(f('shares', '股数', '应为不小于 0 的整数'));
  if (!Number.isInteger(a.amount) || a.amount < 0) out.push(f('amount', '入股金额', '应为不小于 0 的整数（元）'));
  if (a.shares === 0 && a.amount === 0 && !out.length) out.push(f('amount', '入股金额', '股数和入股金额不能都为 0'));
  const d = dateProblem('signedOn', '入股日期', a.signedOn, today);
  if (d) out.push(d);
  return out;
}

/** The papers an agreement lacks, in the seed's words. */
export function missingPapers(a: Pick<DividendAgreementFacts, 'agreementNo' | 'certificateNo'>): Array<'分红协议' | '股权证'> {
  const out: Array<'分红协议' | '股权证'> = [];
  if (!a.agreementNo.trim()) out.push('分红协议');
  if (!a.certificateNo.trim()) out.push('股权证');
  return out;
}

/** A share as a percentage with 2 decimals (null when there is nothing to divide by). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 10_000) / whole) / 100 : null;
}

export interface CreditReport {
  /** Eligible households of the region (the denominator of 应贷尽贷). */
  poorHouseholds: number;
  /** Of them, households with at least one 扶贫小额信贷 loan. */
  poorWithLoan: number;
  coverage: number | null;
  loans: number;
  loanAmount: number;
  ownUseLoans: number;
  ownUseAmount: number;
  ownUseShare: number | null;
  ownUseAmountShare: number | null;
  outstanding: number;
  overdueLoans: number;
  overdueAmount: number;
  agreements: number;
  agreementsMissingPapers: number;
  dividendsPaid: number;
}

/** The figures seed 004 asks about, from counts and the loans of a region. */
export function creditReport(input: {
  poorHouseholds: number;
  poorWithLoan: number;
  loans: ReadonlyArray<CreditLoanFacts & { principalRepaid: number }>;
  agreements: ReadonlyArray<Pick<DividendAgreementFacts, 'agreementNo' | 'certificateNo'> & { dividendsPaid: number }>;
  asOf: string;
}): CreditReport {
  let loanAmount = 0;
  let ownUseLoans = 0;
  let ownUseAmount = 0;
  let outstanding = 0;
  let overdueLoans = 0;
  let overdueAmount = 0;
  for (const l of input.loans) {
    loanAmount += l.amount;
    if (l.use === '户贷户用') {
      ownUseLoans++;
      ownUseAmount += l.amount;
    }
    const s = creditState(l, l.principalRepaid, input.asOf);
    outstanding += Math.max(s.outstanding, 0);
    if (s.state === '逾期') {
      overdueLoans++;
      overdueAmount += s.outstanding;
    }
  }
  return {
    poorHouseholds: input.poorHouseholds,
    poorWithLoan: input.poorWithLoan,
    coverage: percent(input.poorWithLoan, input.poorHouseholds),
    loans: input.loans.length,
    loanAmount,
    ownUseLoans,
    ownUseAmount,
    ownUseShare: percent(ownUseLoans, input.loans.length),
    ownUseAmountShare: percent(ownUseAmount, loanAmount),
    outstanding,
    overdueLoans,
    overdueAmount,
    agreements: input.agreements.length,
    agreementsMissingPapers: input.agreements.filter((a) => missingPapers(a).length > 0).length,
    dividendsPaid: input.agreements.reduce((s, a) => s + a.dividendsPaid, 0),
  };
}
