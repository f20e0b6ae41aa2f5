import { describe, expect, it } from 'vitest';
import { CREDIT_RULES, creditLoanProblems, creditReport, creditRepaymentProblems, creditState, dividendAgreementProblems, missingPapers, percent, type CreditUse } from './credit';

// Seed 004: “扶贫小额信贷发展不平衡，资金使用效率不高，未实现应贷尽贷。户贷户用占比不高，贫困户入股企业的分红协议、股权证等资料不完善”.

const TODAY = '2018-06-30';
const loan = { bank: '农村信用社', amount: 50_000, loanedOn: '2017-03-01', termMonths: 36, rateBp: 435, use: '户贷户用' as CreditUse, enterprise: '' };

describe('creditLoanProblems', () => {
  it('a loan with its bank, amount, term and use is accepted', () => expect(creditLoanProblems(loan, TODAY)).toEqual([]));
  it.each<[string, Partial<typeof loan>, string, string]>([
    ['no bank', { bank: ' ' }, 'bank', '必填'],
    ['a zero amount', { amount: 0 }, 'amount', '应为大于 0 的整数（元）'],
    ['a term of 37 months', { termMonths: 37 }, 'termMonths', CREDIT_RULES.term],
    ['a rate above 24%', { rateBp: 2401 }, 'rate', '应为 0 至 24%，最多 2 位小数'],
    ['户贷企用 without the enterprise', { use: '户贷企用' }, 'enterprise', CREDIT_RULES.enterprise],
    ['an unknown use', { use: '企贷企用' as CreditUse }, 'use', '应为 户贷户用、户贷企用 之一'],
    ['a day after today', { loanedOn: '2018-07-01' }, 'loanedOn', '不能晚于今天（2018-06-30）'],
  ])('%s is refused on %s', (_n, change, field, message) => {
    expect(creditLoanProblems({ ...loan, ...change }, TODAY).map((e) => [e.field, e.message])).toEqual([[field, message]]);
  });
});

describe('creditState and repayments', () => {
  it.each<[number, string, string]>([
    [0, '2019-01-01', '未到期'],
    [0, '2020-03-02', '逾期'],
    [50_000, '2020-03-02', '已结清'],
    [20_000, '2020-03-01', '未到期'],
  ])('repaid %i as of %s: %s', (repaid, asOf, state) => expect(creditState(loan, repaid, asOf).state).toBe(state));
  it.each<[string, { repaidOn: string; principal: number; interest: number }, string[]]>([
    ['part of the principal with interest', { repaidOn: '2018-03-01', principal: 10_000, interest: 2175 }, []],
    ['more than the outstanding principal', { repaidOn: '2018-03-01', principal: 40_001, interest: 0 }, [`${CREDIT_RULES.repayment}（未还本金 40000 元）`]],
    ['before the loan', { repaidOn: '2017-01-01', principal: 1, interest: 0 }, ['不能早于放款日期 2017-03-01']],
    ['nothing', { repaidOn: '2018-03-01', principal: 0, interest: 0 }, ['本金和利息不能都为 0']],
  ])('%s', (_n, r, messages) => expect(creditRepaymentProblems(loan, 10_000, r, TODAY).map((e) => e.message)).toEqual(messages));
});

describe('入股分红 papers', () => {
  const a = { enterprise: '某养殖专业合作社', shares: 10, amount: 5000, signedOn: '2017-05-01', agreementNo: 'FH-001', certificateNo: 'GQ-001' };
  it.each<[string, Partial<typeof a>, string[]]>([
    ['both papers', {}, []],
    ['no 分红协议', { agreementNo: '' }, ['分红协议']],
    ['no 股权证', { certificateNo: ' ' }, ['股权证']],
    ['neither', { agreementNo: '', certificateNo: '' }, ['分红协议', '股权证']],
  ])('%s', (_n, change, missing) => expect(missingPapers({ ...a, ...change })).toEqual(missing));
  it('an agreement without papers is accepted (reported as missing), one without an enterprise refused', () => {
    expect(dividendAgreementProblems({ ...a, agreementNo: '', certificateNo: '' }, TODAY)).toEqual([]);
    expect(dividendAgreementProblems({ ...a, enterprise: '' }, TODAY).map((e) => e.field)).toEqual(['enterprise']);
    expect(dividendAgreementProblems({ ...a, shares: 0, amount: 0 }, TODAY).map((e) => e.field)).toEqual(['amount']);
  });
});

describe('creditReport: 应贷尽贷, 户贷户用 share, missing papers', () => {
  it.each<[number, number, number | null]>([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [0, 0, null],
    [5, 5, 100],
  ])('%i of %i → %s%%', (part, whole, share) => expect(percent(part, whole)).toBe(share));

  it('counts loans by use, overdue principal and agreements missing papers', () => {
    const r = creditReport({
      poorHouseholds: 8,
      poorWithLoan: 3,
      asOf: '2020-06-30',
      loans: [
        { ...loan, principalRepaid: 50_000 },
        { ...loan, use: '户贷企用', principalRepaid: 10_000 },
        { ...loan, amount: 30_000, loanedOn: '2019-06-01', termMonths: 12, principalRepaid: 0 },
        { ...loan, amount: 20_000, use: '户贷企用', loanedOn: '2020-01-01', principalRepaid: 0 },
      ],
      agreements: [
        { agreementNo: 'A', certificateNo: 'B', dividendsPaid: 600 },
        { agreementNo: '', certificateNo: 'C', dividendsPaid: 0 },
        { agreementNo: 'D', certificateNo: '', dividendsPaid: 400 },
      ],
    });
    expect(r).toMatchObject({
      coverage: 37.5,
      loans: 4,
      loanAmount: 150_000,
      ownUseLoans: 2,
      ownUseShare: 50,
      ownUseAmountShare: 53.33,
      outstanding: 90_000,
      overdueLoans: 2,
      overdueAmount: 70_000,
      agreementsMissingPapers: 2,
      dividendsPaid: 1000,
    });
  });
});
