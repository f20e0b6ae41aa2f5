import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CreditState } from '../../domain/funds/credit';
import { insertOne } from '../db/rows';
import { queryRows, type Db } from '../db/connection';
import { underPrefix } from '../db/prefix';
import { updateAtVersion } from '../db/versioned';
import {
  creditLoans,
  creditRepayments,
  dividendAgreements,
  dividendPayments,
  mutualAidCapital,
  mutualAidCommittee,
  mutualAidExpenses,
  mutualAidFunds,
  mutualAidLoans,
  mutualAidMembers,
  mutualAidRepayments,
} from '../db/schema';

export type FundRow = typeof mutualAidFunds.$inferSelect;
export type MemberRow = typeof mutualAidMembers.$inferSelect;
export type SeatRow = typeof mutualAidCommittee.$inferSelect;
export type CapitalRow = typeof mutualAidCapital.$inferSelect;
export type LoanRow = typeof mutualAidLoans.$inferSelect;
export type RepaymentRow = typeof mutualAidRepayments.$inferSelect;
export type ExpenseRow = typeof mutualAidExpenses.$inferSelect;
export type CreditLoanRow = typeof creditLoans.$inferSelect;
export type CreditRepaymentRow = typeof creditRepayments.$inferSelect;
export type AgreementRow = typeof dividendAgreements.$inferSelect;
export type PaymentRow = typeof dividendPayments.$inferSelect;

type Insert<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'id' | 'at'>;

/** A household as the credit lists name it (read-only join to the registry's tables). */
export interface HouseholdRef {
  householdId: number;
  householdNumber: string;
  head: string;
  villageCode: string;
  villageName: string;
}

/**
 * Household columns for the credit lists: these read the registry's `households`, `persons` and `regions` tables in
 * read-only joins (one query for a page of loans with their households); all writes to households go through the
 * registry service.
 */
const householdCols = (t: string) => sql.raw(`${t}.household_id as "householdId", coalesce(h.number, '') as "householdNumber",
  coalesce((select p.name from persons p where p.household_id = ${t}.household_id and p.relation = '户主' order by p.id limit 1), '') as head,
  ${t}.village_code as "villageCode", coalesce(r.name, '') as "villageName"`);

/** The state of a 小额信贷 loan on `day` from what is repaid (matches `creditState`; the due day is not yet overdue). */
const creditStateSql = (day: string) =>
  sql`case when l.amount - coalesce(rp.principal, 0) <= 0 then '已结清'
           when ${day}::date > (l.loaned_on + make_interval(months => l.term_months::int))::date then '逾期' else '未到期' end`;

export interface CreditFilter {
  prefix: string;
  householdId?: number;
  use?: string;
  state?: CreditState;
  today: string;
}

function creditWhere(f: CreditFilter): SQL {
  return sql`${underPrefix(sql`l.village_code`, f.prefix)}
    ${f.householdId === undefined ? sql`` : sql`and l.household_id = ${f.householdId}`}
    ${f.use === undefined ? sql`` : sql`and l.use = ${f.use}`}
    ${f.state === undefined ? sql`` : sql`and ${creditStateSql(f.today)} = ${f.state}`}`;
}

const creditFrom = sql`from credit_loans l
  left join (select loan_id, sum(principal)::bigint as principal, sum(interest)::bigint as interest from credit_repayments group by loan_id) rp on rp.loan_id = l.id
  left join households h on h.id = l.household_id left join regions r on r.code = l.village_code`;

export interface DividendFilter {
  prefix: string;
  householdId?: number;
  missing?: boolean;
}

function dividendWhere(f: DividendFilter): SQL {
  return sql`${underPrefix(sql`a.village_code`, f.prefix)}
    ${f.householdId === undefined ? sql`` : sql`and a.household_id = ${f.householdId}`}
    ${f.missing === undefined ? sql`` : f.missing ? sql`and (btrim(a.agreement_no) = '' or btrim(a.certificate_no) = '')` : sql`and btrim(a.agreement_no) <> '' and btrim(a.certificate_no) <> ''`}`;
}

export type CreditListRow = Omit<CreditLoanRow, 'householdId' | 'villageCode' | 'userId' | 'at'> & HouseholdRef & { principalRepaid: number; interestPaid: number };
export type AgreementListRow = Omit<AgreementRow, 'householdId' | 'villageCode' | 'userId' | 'at'> & HouseholdRef & { dividendsPaid: number };

export function makeMutualAidRepo(db: Db) {
  return {
    // --- funds -------------------------------------------------------------------------------------------------------
    /** Funds under a prefix with their figures as of `today` (one query for the page). */
    async listFunds(prefix: string, q: string | undefined, today: string, limit: number, offset: number) {
      const where = sql`${underPrefix(sql`f.village_code`, prefix)} ${q ? sql`and f.name like ${`%${q}%`}` : sql``}`;
      const items = await queryRows<{ id: number; name: string; villageCode: string; villageName: string; establishedOn: string; members: number; capital: number; fee: number; principalBack: number; loaned: number; expenses: number; overdueCount: number }>(
        db,
        sql`select f.id, f.name, f.village_code as "villageCode", coalesce(r.name, '') as "villageName", to_char(f.established_on, 'YYYY-MM-DD') as "establishedOn",
              (select count(*)::int from mutual_aid_members m where m.fund_id = f.id and m.left_on is null) as members,
              (select coalesce(sum(amount), 0)::bigint from mutual_aid_capital c where c.fund_id = f.id and c.received_on <= ${today}::date) as capital,
              (select coalesce(sum(fee), 0)::bigint from mutual_aid_repayments p where p.fund_id = f.id and p.repaid_on <= ${today}::date) as fee,
              (select coalesce(sum(principal), 0)::bigint from mutual_aid_repayments p where p.fund_id = f.id and p.repaid_on <= ${today}::date) as "principalBack",
              (select coalesce(sum(amount), 0)::bigint from mutual_aid_loans l where l.fund_id = f.id and l.loaned_on <= ${today}::date) as loaned,
              (select coalesce(sum(amount), 0)::bigint from mutual_aid_expenses e where e.fund_id = f.id and e.spent_on <= ${today}::date) as expenses,
              (select count(*)::int from mutual_aid_loans l where l.fund_id = f.id and ${today}::date > (l.loaned_on + make_interval(months => l.term_months::int))::date
                 and l.amount > (select coalesce(sum(principal), 0) from mutual_aid_repayments p where p.loan_id = l.id and p.repaid_on <= ${today}::date)) as "overdueCount"
            from mutual_aid_funds f left join regions r on r.code = f.village_code
            where ${where} order by f.village_code, f.id limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from mutual_aid_funds f where ${where}`);
      // bigint sums arrive as text from some drivers: read them as numbers.
      return { items: items.map((i) => ({ ...i, capital: Number(i.capital), fee: Number(i.fee), principalBack: Number(i.principalBack), loaned: Number(i.loaned), expenses: Number(i.expenses) })), total: count?.n ?? 0 };
    },
    async fund(id: number): Promise<FundRow | undefined> {
      const [row] = await db.select().from(mutualAidFunds).where(eq(mutualAidFunds.id, id));
      return row;
    },
    /** Inside a transaction: the fund's row, locked until it ends (one event of a fund decided at a time). */
    async lockFund(id: number): Promise<FundRow | undefined> {
      const [row] = await db.select().from(mutualAidFunds).where(eq(mutualAidFunds.id, id)).for('update');
      return row;
    },
    async fundOfVillage(villageCode: string): Promise<FundRow | undefined> {
      const [row] = await db.select().from(mutualAidFunds).where(eq(mutualAidFunds.villageCode, villageCode));
      return row;
    },
    insertFund: (v: Insert<typeof mutualAidFunds>) => insertOne(db, mutualAidFunds, v),

    /** Everything recorded about a fund, in the order of its days. */
    async eventsOf(fundId: number) {
      const [members, committee, capital, loans, repayments, expenses] = await Promise.all([
        db.select().from(mutualAidMembers).where(eq(mutualAidMembers.fundId, fundId)).orderBy(asc(mutualAidMembers.joinedOn), asc(mutualAidMembers.id)),
        db.select().from(mutualAidCommittee).where(eq(mutualAidCommittee.fundId, fundId)).orderBy(asc(mutualAidCommittee.fromOn), asc(mutualAidCommittee.id)),
        db.select().from(mutualAidCapital).where(eq(mutualAidCapital.fundId, fundId)).orderBy(asc(mutualAidCapital.receivedOn), asc(mutualAidCapital.id)),
        db.select().from(mutualAidLoans).where(eq(mutualAidLoans.fundId, fundId)).orderBy(asc(mutualAidLoans.loanedOn), asc(mutualAidLoans.id)),
        db.select().from(mutualAidRepayments).where(eq(mutualAidRepayments.fundId, fundId)).orderBy(asc(mutualAidRepayments.repaidOn), asc(mutualAidRepayments.id)),
        db.select().from(mutualAidExpenses).where(eq(mutualAidExpenses.fundId, fundId)).orderBy(asc(mutualAidExpenses.spentOn), asc(mutualAidExpenses.id)),
      ]);
      return { members, committee, capital, loans, repayments, expenses };
    },
    insertMember: (v: Insert<typeof mutualAidMembers>) => insertOne(db, mutualAidMembers, v),
    insertSeat: (v: Insert<typeof mutualAidCommittee>) => insertOne(db, mutualAidCommittee, v),
    insertCapital: (v: Insert<typeof mutualAidCapital>) => insertOne(db, mutualAidCapital, v),
    insertLoan: (v: Insert<typeof mutualAidLoans>) => insertOne(db, mutualAidLoans, v),
    insertRepayment: (v: Insert<typeof mutualAidRepayments>) => insertOne(db, mutualAidRepayments, v),
    insertExpense: (v: Insert<typeof mutualAidExpenses>) => insertOne(db, mutualAidExpenses, v),
    async loan(id: number): Promise<LoanRow | undefined> {
      const [row] = await db.select().from(mutualAidLoans).where(eq(mutualAidLoans.id, id));
      return row;
    },

    // --- 扶贫小额信贷 -------------------------------------------------------------------------------------------------
    async listCredit(f: CreditFilter, limit: number, offset: number) {
      const rows = await queryRows<CreditListRow>(
        db,
        sql`select l.id, ${householdCols('l')}, l.bank, l.amount, to_char(l.loaned_on, 'YYYY-MM-DD') as "loanedOn", l.term_months as "termMonths", l.rate_bp as "rateBp", l.use,
              l.enterprise, l.note, coalesce(rp.principal, 0) as "principalRepaid", coalesce(rp.interest, 0) as "interestPaid"
            ${creditFrom} where ${creditWhere(f)} order by l.village_code, l.loaned_on desc, l.id desc limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${creditFrom} where ${creditWhere(f)}`);
      return { items: rows.map((r) => ({ ...r, amount: Number(r.amount), principalRepaid: Number(r.principalRepaid), interestPaid: Number(r.interestPaid) })), total: count?.n ?? 0 };
    },
    async creditLoan(id: number): Promise<CreditLoanRow | undefined> {
      const [row] = await db.select().from(creditLoans).where(eq(creditLoans.id, id));
      return row;
    },
    async lockCreditLoan(id: number): Promise<CreditLoanRow | undefined> {
      const [row] = await db.select().from(creditLoans).where(eq(creditLoans.id, id)).for('update');
      return row;
    },
    creditRepaymentsOf: (loanIds: number[]) =>
      loanIds.length ? db.select().from(creditRepayments).where(inArray(creditRepayments.loanId, loanIds)).orderBy(asc(creditRepayments.repaidOn), asc(creditRepayments.id)) : Promise.resolve([] as CreditRepaymentRow[]),
    insertCreditLoan: (v: Insert<typeof creditLoans>) => insertOne(db, creditLoans, v),
    insertCreditRepayment: (v: Insert<typeof creditRepayments>) => insertOne(db, creditRepayments, v),
    /** Every loan under a prefix with what is repaid up to `asOf` (the report's input). */
    creditFacts: (prefix: string, asOf: string) =>
      queryRows<{ householdId: number; amount: number; loanedOn: string; termMonths: number; use: '户贷户用' | '户贷企用'; principalRepaid: number }>(
        db,
        sql`select l.household_id as "householdId", l.amount, to_char(l.loaned_on, 'YYYY-MM-DD') as "loanedOn", l.term_months as "termMonths", l.use,
              (select coalesce(sum(principal), 0)::bigint from credit_repayments p where p.loan_id = l.id and p.repaid_on <= ${asOf}::date) as "principalRepaid"
            from credit_loans l where ${underPrefix(sql`l.village_code`, prefix)} and l.loaned_on <= ${asOf}::date`,
      ).then((rows) => rows.map((r) => ({ ...r, amount: Number(r.amount), principalRepaid: Number(r.principalRepaid) }))),
    /** Households under a prefix, of the given statuses, with a loan made by `asOf` (read-only join to the registry). */
    async householdsWithLoan(prefix: string, statuses: readonly string[], asOf: string): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(distinct l.household_id)::int as n from credit_loans l join households h on h.id = l.household_id
            where ${underPrefix(sql`l.village_code`, prefix)} and l.loaned_on <= ${asOf}::date and h.status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`,
      );
      return row?.n ?? 0;
    },

    // --- 入股分红 ---------------------------------------------------------------------------------------------------
    async listAgreements(f: DividendFilter, limit: number, offset: number) {
      const from = sql`from dividend_agreements a left join households h on h.id = a.household_id left join regions r on r.code = a.village_code`;
      const rows = await queryRows<AgreementListRow>(
        db,
        sql`select a.id, ${householdCols('a')}, a.enterprise, a.shares, a.amount, to_char(a.signed_on, 'YYYY-MM-DD') as "signedOn", a.agreement_no as "agreementNo",
              a.certificate_no as "certificateNo", a.version, (select coalesce(sum(amount), 0)::bigint from dividend_payments p where p.agreement_id = a.id) as "dividendsPaid"
            ${from} where ${dividendWhere(f)} order by a.village_code, a.signed_on desc, a.id desc limit ${limit} offset ${offset}`,
      );
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${dividendWhere(f)}`);
      return { items: rows.map((r) => ({ ...r, amount: Number(r.amount), dividendsPaid: Number(r.dividendsPaid) })), total: count?.n ?? 0 };
    },
    /** Every agreement under a prefix: its papers and the dividends paid by `asOf`. */
    agreementFacts: (prefix: string, asOf: string) =>
      queryRows<{ agreementNo: string; certificateNo: string; dividendsPaid: number }>(
        db,
        sql`select a.agreement_no as "agreementNo", a.certificate_no as "certificateNo",
              (select coalesce(sum(amount), 0)::bigint from dividend_payments p where p.agreement_id = a.id and p.paid_on <= ${asOf}::date) as "dividendsPaid"
            from dividend_agreements a where ${underPrefix(sql`a.village_code`, prefix)} and a.signed_on <= ${asOf}::date`,
      ).then((rows) => rows.map((r) => ({ ...r, dividendsPaid: Number(r.dividendsPaid) }))),
    async agreement(id: number): Promise<AgreementRow | undefined> {
      const [row] = await db.select().from(dividendAgreements).where(eq(dividendAgreements.id, id));
      return row;
    },
    paymentsOf: (ids: number[]) =>
      ids.length ? db.select().from(dividendPayments).where(inArray(dividendPayments.agreementId, ids)).orderBy(asc(dividendPayments.paidOn), asc(dividendPayments.id)) : Promise.resolve([] as PaymentRow[]),
    insertAgreement: (v: Insert<typeof dividendAgreements>) => insertOne(db, dividendAgreements, v),
    updateAgreement: (id: number, version: number, v: Partial<Pick<AgreementRow, 'agreementNo' | 'certificateNo'>>) => updateAtVersion(db, dividendAgreements, id, version, v),
    insertPayment: (v: Insert<typeof dividendPayments>) => insertOne(db, dividendPayments, v),
    /** The one agreement a household holds in an enterprise (a second one is a duplicate). */
    async agreementOf(householdId: number, enterprise: string): Promise<AgreementRow | undefined> {
      const [row] = await db.select().from(dividendAgreements).where(and(eq(dividendAgreements.householdId, householdId), eq(dividendAgreements.enterprise, enterprise)));
      return row;
    },
  };
}
export type MutualAidRepo = ReturnType<typeof makeMutualAidRepo>;
