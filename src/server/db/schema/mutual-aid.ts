// Issue 14: 村级扶贫互助资金 (seed 001) and 扶贫小额信贷 / 入股分红 (seed 004). Money in integer 元.
import { boolean, date, index, integer, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { bigTotal, id, ofHousehold, recordedBy, regionCode, version } from './columns';

/** A village's mutual-aid fund: one per village, scoped by the village's code. */
export const mutualAidFunds = pgTable(
  'mutual_aid_funds',
  {
    id: id(),
    name: varchar('name', { length: 100 }).notNull(),
    villageCode: regionCode('village_code').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    /** 单笔借款上限 (0: none). */
    maxLoan: bigTotal('max_loan'),
    /** 管理章程 and 管理制度 as the village adopted them. */
    charter: text('charter').notNull().default(''),
    rules: text('rules').notNull().default(''),
    version: version(),
    ...recordedBy(),
  },
  (t) => [uniqueIndex('mutual_aid_funds_village_idx').on(t.villageCode)],
);

/** Member households (入会农户); `householdId` links a registered household. */
export const mutualAidMembers = pgTable(
  'mutual_aid_members',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    householdId: integer('household_id'),
    name: varchar('name', { length: 50 }).notNull(),
    poor: boolean('poor').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_members_fund_idx').on(t.fundId), uniqueIndex('mutual_aid_members_household_idx').on(t.fundId, t.householdId)],
);

/** The 管理委员会 (理事会, 监事会, 会计, 出纳). */
export const mutualAidCommittee = pgTable(
  'mutual_aid_committee',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    role: varchar('role', { length: 10 }).notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_committee_fund_idx').on(t.fundId)],
);

/** Capital paid in, by source. */
export const mutualAidCapital = pgTable(
  'mutual_aid_capital',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    source: varchar('source', { length: 10 }).notNull(),
    amount: bigTotal('amount'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    note: varchar('note', { length: 200 }).notNull().default(''),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_capital_fund_idx').on(t.fundId)],
);

/** Loans to member households; the 占用费 a monthly rate (hundredths of ‰) or a fixed sum. */
export const mutualAidLoans = pgTable(
  'mutual_aid_loans',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    memberId: integer('member_id').notNull(),
    loanedOn: date('loaned_on', { mode: 'string' }).notNull(),
    amount: bigTotal('amount'),
    termMonths: smallint('term_months').notNull(),
    purpose: varchar('purpose', { length: 200 }).notNull(),
    /** rate | fixed */
    feeKind: varchar('fee_kind', { length: 5 }).notNull(),
    feeRateHundredths: integer('fee_rate_hundredths'),
    feeFixed: bigTotal('fee_fixed'),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_loans_fund_idx').on(t.fundId, t.loanedOn)],
);

export const mutualAidRepayments = pgTable(
  'mutual_aid_repayments',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    loanId: integer('loan_id').notNull(),
    repaidOn: date('repaid_on', { mode: 'string' }).notNull(),
    principal: bigTotal('principal'),
    fee: bigTotal('fee'),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_repayments_fund_idx').on(t.fundId), index('mutual_aid_repayments_loan_idx').on(t.loanId)],
);

/** Other expenses of the fund (paid out of its cash). */
export const mutualAidExpenses = pgTable(
  'mutual_aid_expenses',
  {
    id: id(),
    fundId: integer('fund_id').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amount: bigTotal('amount'),
    purpose: varchar('purpose', { length: 200 }).notNull(),
    ...recordedBy(),
  },
  (t) => [index('mutual_aid_expenses_fund_idx').on(t.fundId)],
);

/** 扶贫小额信贷: a bank's loan to a household; the annual rate in basis points. */
export const creditLoans = pgTable(
  'credit_loans',
  {
    id: id(),
    ...ofHousehold(),
    bank: varchar('bank', { length: 100 }).notNull(),
    amount: bigTotal('amount'),
    loanedOn: date('loaned_on', { mode: 'string' }).notNull(),
    termMonths: smallint('term_months').notNull(),
    rateBp: integer('rate_bp').notNull(),
    /** 户贷户用 | 户贷企用 */
    use: varchar('use', { length: 5 }).notNull(),
    enterprise: varchar('enterprise', { length: 100 }).notNull().default(''),
    note: varchar('note', { length: 200 }).notNull().default(''),
    ...recordedBy(),
  },
  (t) => [index('credit_loans_village_idx').on(t.villageCode), index('credit_loans_household_idx').on(t.householdId)],
);

export const creditRepayments = pgTable(
  'credit_repayments',
  {
    id: id(),
    loanId: integer('loan_id').notNull(),
    repaidOn: date('repaid_on', { mode: 'string' }).notNull(),
    principal: bigTotal('principal'),
    interest: bigTotal('interest'),
    ...recordedBy(),
  },
  (t) => [index('credit_repayments_loan_idx').on(t.loanId)],
);

/** 入股分红: a household's shares in an enterprise or cooperative, with its 分红协议 and 股权证 numbers. */
export const dividendAgreements = pgTable(
  'dividend_agreements',
  {
    id: id(),
    ...ofHousehold(),
    enterprise: varchar('enterprise', { length: 100 }).notNull(),
    shares: integer('shares').notNull(),
    amount: bigTotal('amount'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    agreementNo: varchar('agreement_no', { length: 50 }).notNull().default(''),
    certificateNo: varchar('certificate_no', { length: 50 }).notNull().default(''),
    version: version(),
    ...recordedBy(),
  },
  (t) => [index('dividend_agreements_village_idx').on(t.villageCode), index('dividend_agreements_household_idx').on(t.householdId)],
);

export const dividendPayments = pgTable(
  'dividend_payments',
  {
    id: id(),
    agreementId: integer('agreement_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: bigTotal('amount'),
    ...recordedBy(),
  },
  (t) => [index('dividend_payments_agreement_idx').on(t.agreementId)],
);
