/**
 * 村级扶贫互助资金 (GET/POST /api/mutual-aid/…, seed 001) and 扶贫小额信贷 / 入股分红 (GET/POST/PATCH /api/credit/…, seed
 * 004): what the routes take and answer. Money is integer 元 throughout; the web takes its types and its forms' schemas
 * here.
 */
import { z } from 'zod';
import { CREDIT_USES } from '../domain/funds/credit';
import { CAPITAL_SOURCES, COMMITTEE_ROLES } from '../domain/funds/mutual-aid';
import { pageSchema } from './page';
import { bool, coercedInt, id, int, isoDate, name, oneOf, optionalBool, optionalInt, page, pageSize, regionCode, regionPrefix, text } from './zod';

/** Amounts in integer 元 (a bigint column; 10 亿元 is beyond any village fund or household loan). */
const yuan = (min = 0) => int(min, 1_000_000_000);
/** A rate with at most 2 decimals (‰ a month, or % a year). */
const rate = (max: number) =>
  z
    .number({ error: (i) => (i.input === undefined ? '必填' : '应为数字') })
    .min(0, { error: '不能小于 0' })
    .max(max, { error: `不能大于 ${max}` })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: '最多 2 位小数' });

/** The field labels of these routes' schema errors (src/server/http/labels.ts picks them by path). */
export const MUTUAL_AID_LABELS = {
  name: '名称',
  villageCode: '所在村',
  establishedOn: '成立日期',
  maxLoan: '单笔借款上限',
  charter: '管理章程',
  rules: '管理制度',
  householdId: '建档立卡户',
  poor: '是否贫困户',
  joinedOn: '入会日期',
  role: '职务',
  fromOn: '任职日期',
  toOn: '离任日期',
  phone: '联系电话',
  source: '资金来源',
  amount: '金额',
  receivedOn: '入账日期',
  note: '备注',
  memberId: '借款成员户',
  loanedOn: '借款日期',
  termMonths: '借款期限（月）',
  purpose: '用途',
  feeKind: '占用费方式',
  feeRate: '占用费率（‰/月）',
  feeFixed: '占用费（元）',
  repaidOn: '还款日期',
  principal: '还款本金',
  fee: '占用费',
  spentOn: '支出日期',
  year: '年度',
  month: '月份',
} as const;

export const CREDIT_LABELS = {
  householdId: '贫困户',
  bank: '贷款银行',
  amount: '金额',
  loanedOn: '放款日期',
  termMonths: '贷款期限（月）',
  rate: '年利率（%）',
  use: '资金使用方式',
  enterprise: '企业（合作社）',
  repaidOn: '还款日期',
  principal: '还款本金',
  interest: '利息',
  shares: '股数',
  signedOn: '入股日期',
  agreementNo: '分红协议编号',
  certificateNo: '股权证编号',
  paidOn: '分红日期',
  version: '版本',
  asOf: '统计日期',
  region: '地区',
} as const;

// --- the village fund: requests ---------------------------------------------------------------------------------------

export const fundInput = z.object({
  name: name(100),
  villageCode: regionCode(),
  establishedOn: isoDate(),
  /** 单笔借款上限 in 元; 0: the charter sets none. */
  maxLoan: yuan().default(0),
  charter: text(5000).optional(),
  rules: text(5000).optional(),
});
export type FundInput = z.input<typeof fundInput>;

export const fundQuery = z.object({ region: regionPrefix().optional(), q: name(100).optional(), page, pageSize });
export type FundQuery = z.output<typeof fundQuery>;

/** A member household: a registered household (its head's name and poverty taken from the registry), or a name. */
export const memberInput = z.object({ householdId: id().optional(), name: name(50).optional(), poor: bool().optional(), joinedOn: isoDate() });
export type MemberInput = z.input<typeof memberInput>;

export const committeeInput = z.object({ name: name(50), role: oneOf(COMMITTEE_ROLES), fromOn: isoDate(), toOn: isoDate().nullish(), phone: name(20).optional() });
export type CommitteeInput = z.input<typeof committeeInput>;

export const capitalInput = z.object({ source: oneOf(CAPITAL_SOURCES), amount: yuan(1), receivedOn: isoDate(), note: name(200).optional() });
export type CapitalInput = z.input<typeof capitalInput>;

export const loanInput = z.object({
  memberId: id(),
  loanedOn: isoDate(),
  amount: yuan(1),
  termMonths: int(1, 120),
  purpose: name(200),
  feeKind: oneOf(['rate', 'fixed'] as const),
  /** ‰ a month, up to 2 decimals (feeKind rate). */
  feeRate: rate(1000).optional(),
  /** 元 for the whole loan (feeKind fixed). */
  feeFixed: yuan().optional(),
});
export type LoanInput = z.input<typeof loanInput>;

export const repaymentInput = z.object({ repaidOn: isoDate(), principal: yuan(), fee: yuan() });
export type RepaymentInput = z.input<typeof repaymentInput>;

export const expenseInput = z.object({ spentOn: isoDate(), amount: yuan(1), purpose: name(200) });
export type ExpenseInput = z.input<typeof expenseInput>;

export const LOAN_STATES = ['未还清', '逾期', '已还清'] as const;
export const loansQuery = z.object({ state: oneOf(LOAN_STATES).optional(), page, pageSize });
export type LoansQuery = z.output<typeof loansQuery>;

/** The 运行台账 of a year, or of one month of it. */
export const ledgerQuery = z.object({ year: coercedInt(1900, 2100), month: z.preprocess((v) => (v === '' ? undefined : v), coercedInt(1, 12).optional()) });
export type LedgerQuery = z.output<typeof ledgerQuery>;

// --- the village fund: answers ----------------------------------------------------------------------------------------

const sources = z.object(Object.fromEntries(CAPITAL_SOURCES.map((s) => [s, z.number()])) as Record<(typeof CAPITAL_SOURCES)[number], z.ZodNumber>);

export const position = z.object({
  asOf: z.string(),
  capital: z.number(),
  capitalBySource: sources,
  feeReceived: z.number(),
  expenses: z.number(),
  loaned: z.number(),
  principalBack: z.number(),
  outstanding: z.number(),
  cash: z.number(),
  overdueCount: z.number(),
  overdueAmount: z.number(),
  balanced: z.boolean(),
});
export type FundPosition = z.output<typeof position>;

export const fundItem = z.object({
  id: z.number(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  establishedOn: z.string(),
  members: z.number(),
  capital: z.number(),
  cash: z.number(),
  outstanding: z.number(),
  overdueCount: z.number(),
});
export type FundItem = z.output<typeof fundItem>;
export const fundPage = pageSchema(fundItem);

export const fundMember = z.object({ id: z.number(), householdId: z.number().nullable(), name: z.string(), poor: z.boolean(), joinedOn: z.string(), leftOn: z.string().nullable() });
export type FundMember = z.output<typeof fundMember>;
export const committeeSeat = z.object({ id: z.number(), name: z.string(), role: z.string(), fromOn: z.string(), toOn: z.string().nullable(), phone: z.string() });
export type CommitteeSeat = z.output<typeof committeeSeat>;
export const capitalEntry = z.object({ id: z.number(), source: z.string(), amount: z.number(), receivedOn: z.string(), note: z.string() });
export const expenseEntry = z.object({ id: z.number(), amount: z.number(), spentOn: z.string(), purpose: z.string() });

export const fundDetail = z.object({
  id: z.number(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  establishedOn: z.string(),
  maxLoan: z.number(),
  charter: z.string(),
  rules: z.string(),
  members: z.array(fundMember),
  committee: z.array(committeeSeat),
  capital: z.array(capitalEntry),
  expenses: z.array(expenseEntry),
  position,
  /** The basis of each rule the fund applies, as the user reads it. */
  basis: z.array(z.string()),
  /** Whether the caller may record the fund's events. */
  editable: z.boolean(),
});
export type FundDetail = z.output<typeof fundDetail>;

export const repayment = z.object({ id: z.number(), repaidOn: z.string(), principal: z.number(), fee: z.number() });
export const loanItem = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  poor: z.boolean(),
  loanedOn: z.string(),
  amount: z.number(),
  termMonths: z.number(),
  purpose: z.string(),
  feeKind: z.enum(['rate', 'fixed']),
  /** ‰ a month (feeKind rate). */
  feeRate: z.number().nullable(),
  feeFixed: z.number().nullable(),
  dueOn: z.string(),
  feeDue: z.number(),
  principalRepaid: z.number(),
  feeReceived: z.number(),
  outstanding: z.number(),
  overdue: z.boolean(),
  state: z.enum(LOAN_STATES),
  repayments: z.array(repayment),
});
export type LoanItem = z.output<typeof loanItem>;
export const loanPage = pageSchema(loanItem);

export const ledgerSheet = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  openingCash: z.number(),
  capitalIn: z.number(),
  loansOut: z.number(),
  loansCount: z.number(),
  principalBack: z.number(),
  feeIn: z.number(),
  expenses: z.number(),
  closingCash: z.number(),
  capital: z.number(),
  feeReceived: z.number(),
  expensesTotal: z.number(),
  outstanding: z.number(),
  overdueCount: z.number(),
  overdueAmount: z.number(),
  balanced: z.boolean(),
});
export type LedgerSheet = z.output<typeof ledgerSheet>;

/** One line of a month's journal: a day's event, what came in or went out, and the cash after it. */
export const journalLine = z.object({ on: z.string(), kind: z.string(), summary: z.string(), cashIn: z.number(), cashOut: z.number(), cash: z.number() });
export type JournalLine = z.output<typeof journalLine>;

export const fundLedger = z.object({
  fund: z.object({ id: z.number(), name: z.string(), villageName: z.string() }),
  year: z.number(),
  month: z.number().nullable(),
  /** The year's months (a year's ledger) or the one month. */
  sheets: z.array(ledgerSheet),
  /** The year as one sheet, or the month's. */
  total: ledgerSheet,
  /** A month's events in order (empty for a year). */
  journal: z.array(journalLine),
  identity: z.string(),
});
export type FundLedger = z.output<typeof fundLedger>;

// --- 扶贫小额信贷 and 入股分红 --------------------------------------------------------------------------------------------

export const creditLoanInput = z.object({
  householdId: id(),
  bank: name(100),
  amount: yuan(1),
  loanedOn: isoDate(),
  termMonths: int(1, 120),
  /** Annual rate in %, up to 2 decimals. */
  rate: rate(100),
  use: oneOf(CREDIT_USES),
  enterprise: name(100).optional(),
  note: name(200).optional(),
});
export type CreditLoanInput = z.input<typeof creditLoanInput>;

export const creditRepaymentInput = z.object({ repaidOn: isoDate(), principal: yuan(), interest: yuan() });
export type CreditRepaymentInput = z.input<typeof creditRepaymentInput>;

export const CREDIT_STATES = ['未到期', '已结清', '逾期'] as const;
export const creditQuery = z.object({ region: regionPrefix().optional(), householdId: optionalInt, state: oneOf(CREDIT_STATES).optional(), use: oneOf(CREDIT_USES).optional(), page, pageSize });
export type CreditQuery = z.output<typeof creditQuery>;

const householdRef = { householdId: z.number(), householdNumber: z.string(), head: z.string(), villageCode: z.string(), villageName: z.string() };

export const creditLoanItem = z.object({
  id: z.number(),
  ...householdRef,
  bank: z.string(),
  amount: z.number(),
  loanedOn: z.string(),
  termMonths: z.number(),
  rate: z.number(),
  use: z.enum(CREDIT_USES),
  enterprise: z.string(),
  note: z.string(),
  dueOn: z.string(),
  principalRepaid: z.number(),
  interestPaid: z.number(),
  outstanding: z.number(),
  state: z.enum(CREDIT_STATES),
  repayments: z.array(z.object({ id: z.number(), repaidOn: z.string(), principal: z.number(), interest: z.number() })),
});
export type CreditLoanItem = z.output<typeof creditLoanItem>;
export const creditLoanPage = pageSchema(creditLoanItem);

export const dividendInput = z.object({
  householdId: id(),
  enterprise: name(100),
  shares: int(0),
  amount: yuan(),
  signedOn: isoDate(),
  agreementNo: name(50).optional(),
  certificateNo: name(50).optional(),
});
export type DividendInput = z.input<typeof dividendInput>;

/** Papers filled in later (a 分红协议 or 股权证 number), at the version read. */
export const dividendUpdate = z.object({ agreementNo: name(50).optional(), certificateNo: name(50).optional(), version: int() });
export type DividendUpdate = z.input<typeof dividendUpdate>;

export const dividendPaymentInput = z.object({ paidOn: isoDate(), amount: yuan(1) });
export type DividendPaymentInput = z.input<typeof dividendPaymentInput>;

export const dividendQuery = z.object({ region: regionPrefix().optional(), householdId: optionalInt, missing: optionalBool, page, pageSize });
export type DividendQuery = z.output<typeof dividendQuery>;

export const dividendItem = z.object({
  id: z.number(),
  ...householdRef,
  enterprise: z.string(),
  shares: z.number(),
  amount: z.number(),
  signedOn: z.string(),
  agreementNo: z.string(),
  certificateNo: z.string(),
  missing: z.array(z.string()),
  dividendsPaid: z.number(),
  payments: z.array(z.object({ id: z.number(), paidOn: z.string(), amount: z.number() })),
  version: z.number(),
});
export type DividendItem = z.output<typeof dividendItem>;
export const dividendPage = pageSchema(dividendItem);

export const creditReportQuery = z.object({ region: regionPrefix().optional(), asOf: isoDate().optional() });
export type CreditReportQuery = z.output<typeof creditReportQuery>;

export const creditReport = z.object({
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  asOf: z.string(),
  poorHouseholds: z.number(),
  poorWithLoan: z.number(),
  coverage: z.number().nullable(),
  loans: z.number(),
  loanAmount: z.number(),
  ownUseLoans: z.number(),
  ownUseAmount: z.number(),
  ownUseShare: z.number().nullable(),
  ownUseAmountShare: z.number().nullable(),
  outstanding: z.number(),
  overdueLoans: z.number(),
  overdueAmount: z.number(),
  agreements: z.number(),
  agreementsMissingPapers: z.number(),
  dividendsPaid: z.number(),
  /** How each figure is counted, with the seed's words. */
  basis: z.array(z.string()),
});
export type CreditReportAnswer = z.output<typeof creditReport>;
