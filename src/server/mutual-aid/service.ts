/**
 * 村级扶贫互助资金 (seed 001) — a village's fund, its members and committee, capital, loans, repayments and expenses,
 * and its 运行台账 — and 扶贫小额信贷 / 入股分红 per household (seed 004). Load → decide (src/domain/funds) → save; every
 * event of a fund is decided with the fund's row locked, so two loans cannot both spend the same cash.
 */
import type {
  CapitalInput,
  CommitteeInput,
  CreditLoanInput,
  CreditLoanItem,
  CreditQuery,
  CreditReportAnswer,
  CreditReportQuery,
  CreditRepaymentInput,
  DividendInput,
  DividendItem,
  DividendPaymentInput,
  DividendQuery,
  DividendUpdate,
  ExpenseInput,
  FundDetail,
  FundInput,
  FundItem,
  FundLedger,
  FundQuery,
  JournalLine,
  LedgerQuery,
  LoanInput,
  LoanItem,
  LoansQuery,
  MemberInput,
  RepaymentInput,
} from '../../contract/mutual-aid';
import type { Page } from '../../contract/page';
import type { Household } from '../../contract/registry/households';
import type { Statistics, StatisticsQuery } from '../../contract/registry/rules';
import {
  CREDIT_ELIGIBLE_STATUSES,
  CREDIT_RULES,
  creditLoanProblems,
  creditReport,
  creditRepaymentProblems,
  creditState,
  dividendAgreementProblems,
  missingPapers,
} from '../../domain/funds/credit';
import {
  balances,
  capitalProblems,
  committeeProblems,
  expenseProblems,
  loanProblems,
  loanState,
  monthSheet,
  MUTUAL_AID_RULES,
  positionAt,
  repaymentProblems,
  repaymentsByLoan,
  yearLedger,
  type CapitalSource,
  type CommitteeRole,
  type FeeRule,
  type FundEvents,
} from '../../domain/funds/mutual-aid';
import { citeWords } from '../../domain/shared/sources';
import { isoDate } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { can, inRegion, requirePermission, requireRegion, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';
import { snapshotOf } from '../audit/snapshots';
import type { RegionsService } from '../regions/service';
import type { FundRow, LoanRow, MutualAidRepo } from './repo';

export interface MutualAidDeps {
  repo: MutualAidRepo;
  transaction: <T>(fn: (repo: MutualAidRepo) => Promise<T>) => Promise<T>;
  regions: Pick<RegionsService, 'exists' | 'get'>;
  /** A registered household as the registry answers it for the caller (scope checked there). */
  household: (auth: Auth, id: number) => Promise<Household>;
  /** The registry's statistics of a region (the households by status). */
  statistics: (auth: Auth, q: StatisticsQuery) => Promise<Statistics>;
  audit: Pick<AuditService, 'record'>;
  now: () => Date;
}

const SEED_001 = citeWords('qingyangMaterials', '村级扶贫互助资金组织机构、管理制度；村级互助资金管理章程、运行台账');
const SEED_004 = citeWords('maanshan2017', '扶贫小额信贷发展不平衡，资金使用效率不高，未实现应贷尽贷。户贷户用占比不高，贫困户入股企业的分红协议、股权证等资料不完善');
export const LEDGER_IDENTITY = '库存现金 = 资本金 + 已收占用费 − 其他支出 − 借款余额';

const notFound = (what: string, id: number) => new AppError('NOT_FOUND', `${what}不存在（编号 ${id}）`);
const one = (fieldName: string, label: string, message: string) => validationError([{ field: fieldName, label, message }]);

/** The region prefix a list covers: the caller's scope, narrowed to `region` when given (refused outside it). */
function prefixOf(auth: Auth, region: string | undefined): string {
  if (!region) return auth.regionPrefix;
  if (region.startsWith(auth.regionPrefix)) return region;
  if (auth.regionPrefix.startsWith(region)) return auth.regionPrefix;
  throw new AppError('FORBIDDEN', '无权访问该地区：不在您的管辖范围内');
}

const feeOf = (l: LoanRow): FeeRule => (l.feeKind === 'fixed' ? { kind: 'fixed', amount: l.feeFixed } : { kind: 'rate', hundredthsPermille: l.feeRateHundredths ?? 0 });

type Events = Awaited<ReturnType<MutualAidRepo['eventsOf']>>;

/** The domain's view of a fund's rows. */
function domainEvents(e: Events): FundEvents {
  return {
    capital: e.capital.map((c) => ({ on: c.receivedOn, source: c.source as CapitalSource, amount: c.amount })),
    loans: e.loans.map((l) => ({ id: l.id, memberId: l.memberId, on: l.loanedOn, amount: l.amount, termMonths: l.termMonths, fee: feeOf(l) })),
    repayments: e.repayments.map((r) => ({ loanId: r.loanId, on: r.repaidOn, principal: r.principal, fee: r.fee })),
    expenses: e.expenses.map((x) => ({ on: x.spentOn, amount: x.amount })),
  };
}
const domainMembers = (e: Events) => e.members.map((m) => ({ id: m.id, name: m.name, poor: m.poor, joinedOn: m.joinedOn, leftOn: m.leftOn }));

export function makeMutualAidService(deps: MutualAidDeps) {
  const { repo, transaction, regions, audit, now } = deps;
  const today = () => isoDate(now());

  /** A fund the caller may see (404 when there is none, 403 outside the caller's scope). */
  async function visibleFund(auth: Auth, id: number): Promise<FundRow> {
    requirePermission(auth, 'funds.read');
    const f = await repo.fund(id);
    if (!f) throw notFound('互助资金', id);
    requireRegion(auth, f.villageCode, '该互助资金');
    return f;
  }

  /**
   * One event of a fund: the permission and the fund's scope, then, with the fund's row locked, its events loaded, the
   * event decided and saved and the change audited.
   */
  async function withFund<T>(auth: Auth, fundId: number, decide: (tx: MutualAidRepo, fund: FundRow, events: Events) => Promise<T>): Promise<T> {
    requirePermission(auth, 'mutualAid.manage');
    const seen = await repo.fund(fundId);
    if (!seen) throw notFound('互助资金', fundId);
    requireRegion(auth, seen.villageCode, '该互助资金');
    return transaction(async (tx) => {
      const fund = (await tx.lockFund(fundId))!;
      return decide(tx, fund, await tx.eventsOf(fundId));
    });
  }

  /** A registered household for a form's `householdId` field (a field error when missing or outside the scope). */
  async function householdFor(auth: Auth, id: number, label: string): Promise<Household> {
    try {
      return await deps.household(auth, id);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) throw one('householdId', label, '建档立卡户不存在或不在您的管辖范围内');
      throw e;
    }
  }
  const headOf = (h: Household) => h.persons.find((p) => p.relation === '户主')?.name ?? h.persons[0]?.name ?? '';
  const isPoor = (status: string) => (CREDIT_ELIGIBLE_STATUSES as readonly string[]).includes(status);

  function loanItems(e: Events, asOf: string): LoanItem[] {
    const names = new Map(e.members.map((m) => [m.id, m]));
    const byLoan = repaymentsByLoan(domainEvents(e).repayments);
    return e.loans.map((l) => {
      const fee = feeOf(l);
      const s = loanState({ id: l.id, memberId: l.memberId, on: l.loanedOn, amount: l.amount, termMonths: l.termMonths, fee }, byLoan.get(l.id) ?? [], asOf);
      const m = names.get(l.memberId);
      return {
        id: l.id,
        memberId: l.memberId,
        memberName: m?.name ?? '',
        poor: m?.poor ?? false,
        loanedOn: l.loanedOn,
        amount: l.amount,
        termMonths: l.termMonths,
        purpose: l.purpose,
        feeKind: fee.kind,
        feeRate: fee.kind === 'rate' ? fee.hundredthsPermille / 100 : null,
        feeFixed: fee.kind === 'fixed' ? fee.amount : null,
        dueOn: s.dueOn,
        feeDue: s.feeDue,
        principalRepaid: s.principalRepaid,
        feeReceived: s.feeReceived,
        outstanding: s.outstanding,
        overdue: s.overdue,
        state: s.outstanding === 0 ? '已还清' : s.overdue ? '逾期' : '未还清',
        repayments: e.repayments.filter((r) => r.loanId === l.id).map((r) => ({ id: r.id, repaidOn: r.repaidOn, principal: r.principal, fee: r.fee })),
      };
    });
  }

  /** A month's events in order, with the cash after each (the journal of the printed 运行台账). */
  function journal(e: Events, month: string, opening: number): JournalLine[] {
    const names = new Map(e.members.map((m) => [m.id, m.name]));
    const loans = new Map(e.loans.map((l) => [l.id, l]));
    const inMonth = (d: string) => d.startsWith(month);
    const lines: Array<Omit<JournalLine, 'cash'> & { order: number }> = [
      ...e.capital.filter((c) => inMonth(c.receivedOn)).map((c) => ({ on: c.receivedOn, order: 0, kind: '资本金', summary: `${c.source}入账${c.note ? `（${c.note}）` : ''}`, cashIn: c.amount, cashOut: 0 })),
      ...e.repayments
        .filter((r) => inMonth(r.repaidOn))
        .map((r) => ({ on: r.repaidOn, order: 1, kind: '还款', summary: `${names.get(loans.get(r.loanId)?.memberId ?? 0) ?? ''}还本金 ${r.principal} 元、占用费 ${r.fee} 元`, cashIn: r.principal + r.fee, cashOut: 0 })),
      ...e.loans.filter((l) => inMonth(l.loanedOn)).map((l) => ({ on: l.loanedOn, order: 2, kind: '借款', summary: `${names.get(l.memberId) ?? ''}借款，${l.termMonths} 个月，${l.purpose}`, cashIn: 0, cashOut: l.amount })),
      ...e.expenses.filter((x) => inMonth(x.spentOn)).map((x) => ({ on: x.spentOn, order: 3, kind: '其他支出', summary: x.purpose, cashIn: 0, cashOut: x.amount })),
    ];
    lines.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
    let cash = opening;
    return lines.map(({ order: _order, ...l }) => {
      cash += l.cashIn - l.cashOut;
      return { ...l, cash };
    });
  }

  const fundBasis = () => [SEED_001, ...Object.values(MUTUAL_AID_RULES), `运行台账：${LEDGER_IDENTITY}`];

  return {
    // --- the village fund --------------------------------------------------------------------------------------------
    async funds(auth: Auth, q: FundQuery): Promise<Page<FundItem>> {
      requirePermission(auth, 'funds.read');
      const res = await repo.listFunds(prefixOf(auth, q.region), q.q?.trim() || undefined, today(), q.pageSize, (q.page - 1) * q.pageSize);
      return {
        items: res.items.map((f) => ({
          id: f.id,
          name: f.name,
          villageCode: f.villageCode,
          villageName: f.villageName,
          establishedOn: f.establishedOn,
          members: f.members,
          capital: f.capital,
          cash: f.capital + f.fee + f.principalBack - f.loaned - f.expenses,
          outstanding: f.loaned - f.principalBack,
          overdueCount: f.overdueCount,
        })),
        total: res.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async createFund(auth: Auth, input: FundInput): Promise<FundDetail> {
      requirePermission(auth, 'mutualAid.manage');
      const village = (await regions.exists(input.villageCode)) ? await regions.get(input.villageCode) : null;
      if (!village) throw one('villageCode', '所在村', '行政区划代码不存在');
      if (!inRegion(auth, village.code)) throw one('villageCode', '所在村', '不在您的管辖范围内');
      if (village.level !== 5) throw one('villageCode', '所在村', `“${village.name}”不是村级行政区划`);
      const fields: FieldError[] = [];
      if (!input.name.trim()) fields.push({ field: 'name', label: '名称', message: '必填' });
      if (input.establishedOn > today()) fields.push({ field: 'establishedOn', label: '成立日期', message: `不能晚于今天（${today()}）` });
      if (fields.length) throw validationError(fields);
      const row = await transaction(async (tx) => {
        if (await tx.fundOfVillage(village.code)) throw new AppError('DUPLICATE', `所在村：“${village.name}”已设立村级互助资金，每村只设一个`, { fields: [{ field: 'villageCode', label: '所在村', message: '该村已设立村级互助资金' }] });
        const r = await tx.insertFund({ name: input.name, villageCode: village.code, establishedOn: input.establishedOn, maxLoan: input.maxLoan ?? 0, charter: input.charter ?? '', rules: input.rules ?? '', userId: auth.userId });
        await audit.record(auth, 'mutual_aid_fund', r.id, 'create', null, snapshotOf('mutual_aid_fund', r), { regionCode: r.villageCode });
        return r;
      });
      return this.fund(auth, row.id);
    },

    async fund(auth: Auth, id: number): Promise<FundDetail> {
      const f = await visibleFund(auth, id);
      const e = await repo.eventsOf(id);
      const day = today();
      const p = positionAt(domainEvents(e), day);
      const village = await regions.get(f.villageCode);
      return {
        id: f.id,
        name: f.name,
        villageCode: f.villageCode,
        villageName: village.path.map((s) => s.name).join(''),
        establishedOn: f.establishedOn,
        maxLoan: f.maxLoan,
        charter: f.charter,
        rules: f.rules,
        members: e.members.map((m) => ({ id: m.id, householdId: m.householdId, name: m.name, poor: m.poor, joinedOn: m.joinedOn, leftOn: m.leftOn })),
        committee: e.committee.map((s) => ({ id: s.id, name: s.name, role: s.role, fromOn: s.fromOn, toOn: s.toOn, phone: s.phone })),
        capital: e.capital.map((c) => ({ id: c.id, source: c.source, amount: c.amount, receivedOn: c.receivedOn, note: c.note })),
        expenses: e.expenses.map((x) => ({ id: x.id, amount: x.amount, spentOn: x.spentOn, purpose: x.purpose })),
        position: { asOf: day, ...p, balanced: balances(p) },
        basis: fundBasis(),
        editable: can(auth, 'mutualAid.manage'),
      };
    },

    async addMember(auth: Auth, fundId: number, input: MemberInput) {
      const h = input.householdId === undefined ? null : await householdFor(auth, input.householdId, '建档立卡户');
      return withFund(auth, fundId, async (tx, fund, e) => {
        const fields: FieldError[] = [];
        if (h) {
          if (h.villageCode !== fund.villageCode) fields.push({ field: 'householdId', label: '建档立卡户', message: MUTUAL_AID_RULES.memberOfVillage });
          else if (e.members.some((m) => m.householdId === h.id && m.leftOn === null)) fields.push({ field: 'householdId', label: '建档立卡户', message: `“${headOf(h)}”户已是成员` });
        } else {
          if (!input.name?.trim()) fields.push({ field: 'name', label: '户主姓名', message: '未关联建档立卡户时必填' });
          if (input.poor) fields.push({ field: 'poor', label: '是否贫困户', message: '贫困户须关联本村的建档立卡户' });
        }
        if (input.joinedOn > today()) fields.push({ field: 'joinedOn', label: '入会日期', message: `不能晚于今天（${today()}）` });
        if (fields.length) throw validationError(fields);
        const row = await tx.insertMember({ fundId, householdId: h?.id ?? null, name: h ? headOf(h) : input.name!.trim(), poor: h ? isPoor(h.status) : false, joinedOn: input.joinedOn, leftOn: null, userId: auth.userId });
        await audit.record(auth, 'mutual_aid_member', row.id, 'create', null, snapshotOf('mutual_aid_member', row), { regionCode: fund.villageCode });
        return { id: row.id, householdId: row.householdId, name: row.name, poor: row.poor, joinedOn: row.joinedOn, leftOn: row.leftOn };
      });
    },

    async addSeat(auth: Auth, fundId: number, input: CommitteeInput) {
      return withFund(auth, fundId, async (tx, fund, e) => {
        const seat = { name: input.name, role: input.role as CommitteeRole, fromOn: input.fromOn, toOn: input.toOn ?? null };
        const fields = committeeProblems(
          e.committee.map((s) => ({ name: s.name, role: s.role as CommitteeRole, fromOn: s.fromOn, toOn: s.toOn })),
          seat,
        );
        if (fields.length) throw validationError(fields);
        const row = await tx.insertSeat({ fundId, ...seat, phone: input.phone ?? '', userId: auth.userId });
        await audit.record(auth, 'mutual_aid_committee', row.id, 'create', null, snapshotOf('mutual_aid_committee', row), { regionCode: fund.villageCode });
        return { id: row.id, name: row.name, role: row.role, fromOn: row.fromOn, toOn: row.toOn, phone: row.phone };
      });
    },

    async addCapital(auth: Auth, fundId: number, input: CapitalInput) {
      return withFund(auth, fundId, async (tx, fund) => {
        const fields = capitalProblems({ on: input.receivedOn, source: input.source, amount: input.amount }, today());
        if (fields.length) throw validationError(fields);
        const row = await tx.insertCapital({ fundId, source: input.source, amount: input.amount, receivedOn: input.receivedOn, note: input.note ?? '', userId: auth.userId });
        await audit.record(auth, 'mutual_aid_capital', row.id, 'create', null, snapshotOf('mutual_aid_capital', row), { regionCode: fund.villageCode });
        return { id: row.id, source: row.source, amount: row.amount, receivedOn: row.receivedOn, note: row.note };
      });
    },

    async addLoan(auth: Auth, fundId: number, input: LoanInput): Promise<LoanItem> {
      return withFund(auth, fundId, async (tx, fund, e) => {
        const fields: FieldError[] = [];
        if (input.feeKind === 'rate' && input.feeRate === undefined) fields.push({ field: 'feeRate', label: '占用费率', message: '按月费率收取占用费时必填（‰）' });
        if (input.feeKind === 'fixed' && input.feeFixed === undefined) fields.push({ field: 'feeFixed', label: '占用费', message: '固定收取占用费时必填（元）' });
        if (!input.purpose.trim()) fields.push({ field: 'purpose', label: '用途', message: '必填' });
        if (fields.length) throw validationError(fields);
        const fee: FeeRule = input.feeKind === 'rate' ? { kind: 'rate', hundredthsPermille: Math.round(input.feeRate! * 100) } : { kind: 'fixed', amount: input.feeFixed! };
        const problems = loanProblems(domainEvents(e), domainMembers(e), { memberId: input.memberId, on: input.loanedOn, amount: input.amount, termMonths: input.termMonths, fee }, { today: today(), maxLoan: fund.maxLoan });
        if (problems.length) throw validationError(problems);
        const row = await tx.insertLoan({
          fundId,
          memberId: input.memberId,
          loanedOn: input.loanedOn,
          amount: input.amount,
          termMonths: input.termMonths,
          purpose: input.purpose,
          feeKind: fee.kind,
          feeRateHundredths: fee.kind === 'rate' ? fee.hundredthsPermille : null,
          feeFixed: fee.kind === 'fixed' ? fee.amount : 0,
          userId: auth.userId,
        });
        await audit.record(auth, 'mutual_aid_loan', row.id, 'create', null, snapshotOf('mutual_aid_loan', row), { regionCode: fund.villageCode });
        return loanItems({ ...e, loans: [...e.loans, row] }, today()).at(-1)!;
      });
    },

    async addRepayment(auth: Auth, loanId: number, input: RepaymentInput): Promise<LoanItem> {
      requirePermission(auth, 'mutualAid.manage');
      const loan = await repo.loan(loanId);
      if (!loan) throw notFound('借款', loanId);
      return withFund(auth, loan.fundId, async (tx, fund, e) => {
        const problems = repaymentProblems(domainEvents(e), { loanId, on: input.repaidOn, principal: input.principal, fee: input.fee }, today());
        if (problems.length) throw validationError(problems);
        const row = await tx.insertRepayment({ fundId: fund.id, loanId, repaidOn: input.repaidOn, principal: input.principal, fee: input.fee, userId: auth.userId });
        await audit.record(auth, 'mutual_aid_repayment', row.id, 'create', null, snapshotOf('mutual_aid_repayment', row), { regionCode: fund.villageCode });
        return loanItems({ ...e, repayments: [...e.repayments, row] }, today()).find((l) => l.id === loanId)!;
      });
    },

    async addExpense(auth: Auth, fundId: number, input: ExpenseInput) {
      return withFund(auth, fundId, async (tx, fund, e) => {
        const problems = expenseProblems(domainEvents(e), { on: input.spentOn, amount: input.amount }, today());
        if (!input.purpose.trim()) problems.push({ field: 'purpose', label: '用途', message: '必填' });
        if (problems.length) throw validationError(problems);
        const row = await tx.insertExpense({ fundId, spentOn: input.spentOn, amount: input.amount, purpose: input.purpose, userId: auth.userId });
        await audit.record(auth, 'mutual_aid_expense', row.id, 'create', null, snapshotOf('mutual_aid_expense', row), { regionCode: fund.villageCode });
        return { id: row.id, amount: row.amount, spentOn: row.spentOn, purpose: row.purpose };
      });
    },

    /** A fund's loans, newest first, with their state today (a village's loans: paged from the fund's events). */
    async loans(auth: Auth, fundId: number, q: LoansQuery): Promise<Page<LoanItem>> {
      await visibleFund(auth, fundId);
      const all = loanItems(await repo.eventsOf(fundId), today())
        .filter((l) => !q.state || l.state === q.state)
        .reverse();
      return { items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
    },

    /** The 运行台账 of a year (its months and the year) or of one month (the month and its journal). */
    async ledger(auth: Auth, fundId: number, q: LedgerQuery): Promise<FundLedger> {
      const f = await visibleFund(auth, fundId);
      const e = await repo.eventsOf(fundId);
      const events = domainEvents(e);
      const village = await regions.get(f.villageCode);
      const fund = { id: f.id, name: f.name, villageName: village.path.map((s) => s.name).join('') };
      if (q.month !== undefined) {
        const month = `${q.year}-${String(q.month).padStart(2, '0')}`;
        const sheet = monthSheet(events, month);
        return { fund, year: q.year, month: q.month, sheets: [sheet], total: sheet, journal: journal(e, month, sheet.openingCash), identity: LEDGER_IDENTITY };
      }
      const y = yearLedger(events, q.year);
      return { fund, year: q.year, month: null, sheets: y.months, total: y.year, journal: [], identity: LEDGER_IDENTITY };
    },

    // --- 扶贫小额信贷 ---------------------------------------------------------------------------------------------------
    async creditLoans(auth: Auth, q: CreditQuery): Promise<Page<CreditLoanItem>> {
      requirePermission(auth, 'funds.read');
      const day = today();
      const res = await repo.listCredit({ prefix: prefixOf(auth, q.region), householdId: q.householdId, use: q.use, state: q.state, today: day }, q.pageSize, (q.page - 1) * q.pageSize);
      const repayments = await repo.creditRepaymentsOf(res.items.map((l) => l.id));
      return {
        items: res.items.map((l) => {
          const s = creditState(l, l.principalRepaid, day);
          return {
            id: l.id,
            householdId: l.householdId,
            householdNumber: l.householdNumber,
            head: l.head,
            villageCode: l.villageCode,
            villageName: l.villageName,
            bank: l.bank,
            amount: l.amount,
            loanedOn: l.loanedOn,
            termMonths: l.termMonths,
            rate: l.rateBp / 100,
            use: l.use as CreditLoanItem['use'],
            enterprise: l.enterprise,
            note: l.note,
            dueOn: s.dueOn,
            principalRepaid: l.principalRepaid,
            interestPaid: l.interestPaid,
            outstanding: s.outstanding,
            state: s.state,
            repayments: repayments.filter((r) => r.loanId === l.id).map((r) => ({ id: r.id, repaidOn: r.repaidOn, principal: r.principal, interest: r.interest })),
          };
        }),
        total: res.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async createCreditLoan(auth: Auth, input: CreditLoanInput): Promise<{ id: number }> {
      requirePermission(auth, 'projects.declare');
      const h = await householdFor(auth, input.householdId, '贫困户');
      const facts = { bank: input.bank, amount: input.amount, loanedOn: input.loanedOn, termMonths: input.termMonths, rateBp: Math.round(input.rate * 100), use: input.use, enterprise: input.enterprise ?? '' };
      const problems = creditLoanProblems(facts, today());
      if (problems.length) throw validationError(problems);
      return transaction(async (tx) => {
        const row = await tx.insertCreditLoan({ householdId: h.id, villageCode: h.villageCode, ...facts, enterprise: facts.use === '户贷企用' ? facts.enterprise : '', note: input.note ?? '', userId: auth.userId });
        await audit.record(auth, 'credit_loan', row.id, 'create', null, snapshotOf('credit_loan', row), { regionCode: h.villageCode });
        return { id: row.id };
      });
    },

    async addCreditRepayment(auth: Auth, loanId: number, input: CreditRepaymentInput): Promise<{ id: number }> {
      requirePermission(auth, 'projects.declare');
      const seen = await repo.creditLoan(loanId);
      if (!seen) throw notFound('扶贫小额信贷', loanId);
      requireRegion(auth, seen.villageCode, '该贷款');
      return transaction(async (tx) => {
        const loan = (await tx.lockCreditLoan(loanId))!;
        const repaid = (await tx.creditRepaymentsOf([loanId])).reduce((s, r) => s + r.principal, 0);
        const problems = creditRepaymentProblems(loan, repaid, input, today());
        if (problems.length) throw validationError(problems);
        const row = await tx.insertCreditRepayment({ loanId, ...input, userId: auth.userId });
        await audit.record(auth, 'credit_repayment', row.id, 'create', null, snapshotOf('credit_repayment', row), { regionCode: loan.villageCode });
        return { id: row.id };
      });
    },

    // --- 入股分红 ---------------------------------------------------------------------------------------------------
    async dividends(auth: Auth, q: DividendQuery): Promise<Page<DividendItem>> {
      requirePermission(auth, 'funds.read');
      const res = await repo.listAgreements({ prefix: prefixOf(auth, q.region), householdId: q.householdId, missing: q.missing }, q.pageSize, (q.page - 1) * q.pageSize);
      const payments = await repo.paymentsOf(res.items.map((a) => a.id));
      return {
        items: res.items.map((a) => ({ ...a, missing: missingPapers(a), payments: payments.filter((p) => p.agreementId === a.id).map((p) => ({ id: p.id, paidOn: p.paidOn, amount: p.amount })) })),
        total: res.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async createDividend(auth: Auth, input: DividendInput): Promise<{ id: number; version: number }> {
      requirePermission(auth, 'projects.declare');
      const h = await householdFor(auth, input.householdId, '贫困户');
      const facts = { enterprise: input.enterprise, shares: input.shares, amount: input.amount, signedOn: input.signedOn, agreementNo: input.agreementNo ?? '', certificateNo: input.certificateNo ?? '' };
      const problems = dividendAgreementProblems(facts, today());
      if (problems.length) throw validationError(problems);
      return transaction(async (tx) => {
        if (await tx.agreementOf(h.id, facts.enterprise)) throw new AppError('DUPLICATE', `入股企业（合作社）：该户已有入股“${facts.enterprise}”的记录`, { fields: [{ field: 'enterprise', label: '入股企业（合作社）', message: '该户已有入股该企业的记录' }] });
        const row = await tx.insertAgreement({ householdId: h.id, villageCode: h.villageCode, ...facts, userId: auth.userId });
        await audit.record(auth, 'dividend_agreement', row.id, 'create', null, snapshotOf('dividend_agreement', row), { regionCode: h.villageCode });
        return { id: row.id, version: row.version };
      });
    },

    /** The papers filled in later: a 分红协议 or 股权证 number. */
    async updateDividend(auth: Auth, id: number, input: DividendUpdate): Promise<{ id: number; version: number }> {
      requirePermission(auth, 'projects.declare');
      const a = await repo.agreement(id);
      if (!a) throw notFound('入股分红协议', id);
      requireRegion(auth, a.villageCode, '该协议');
      const values = { agreementNo: input.agreementNo ?? a.agreementNo, certificateNo: input.certificateNo ?? a.certificateNo };
      await transaction(async (tx) => {
        if (!(await tx.updateAgreement(id, input.version, values))) throw new AppError('STALE_VERSION', '该入股协议已被他人修改，请刷新后重试', { currentVersion: a.version });
        await audit.record(auth, 'dividend_agreement', id, 'update', snapshotOf('dividend_agreement', a), snapshotOf('dividend_agreement', { ...a, ...values }), { regionCode: a.villageCode });
      });
      return { id, version: input.version + 1 };
    },

    async addDividendPayment(auth: Auth, id: number, input: DividendPaymentInput): Promise<{ id: number }> {
      requirePermission(auth, 'projects.declare');
      const a = await repo.agreement(id);
      if (!a) throw notFound('入股分红协议', id);
      requireRegion(auth, a.villageCode, '该协议');
      if (input.paidOn > today()) throw one('paidOn', '分红日期', `不能晚于今天（${today()}）`);
      if (input.paidOn < a.signedOn) throw one('paidOn', '分红日期', `不能早于入股日期 ${a.signedOn}`);
      return transaction(async (tx) => {
        const row = await tx.insertPayment({ agreementId: id, paidOn: input.paidOn, amount: input.amount, userId: auth.userId });
        await audit.record(auth, 'dividend_payment', row.id, 'create', null, snapshotOf('dividend_payment', row), { regionCode: a.villageCode });
        return { id: row.id };
      });
    },

    /** 应贷尽贷, 户贷户用 share and agreements missing papers, for a region as of a day. */
    async creditReport(auth: Auth, q: CreditReportQuery): Promise<CreditReportAnswer> {
      requirePermission(auth, 'funds.read');
      const prefix = prefixOf(auth, q.region);
      const asOf = q.asOf ?? today();
      const code = prefix ? prefix.padEnd(12, '0') : null;
      const stats = await deps.statistics(auth, { region: code ?? undefined, asOf });
      const poorHouseholds = stats.byStatus.filter((s) => isPoor(s.status)).reduce((n, s) => n + s.households, 0);
      const r = creditReport({
        poorHouseholds,
        poorWithLoan: await repo.householdsWithLoan(prefix, CREDIT_ELIGIBLE_STATUSES, asOf),
        loans: await repo.creditFacts(prefix, asOf),
        agreements: await repo.agreementFacts(prefix, asOf),
        asOf,
      });
      return { region: stats.region ? { code: stats.region.code, name: stats.region.name } : null, asOf, ...r, basis: [SEED_004, CREDIT_RULES.coverage, CREDIT_RULES.ownUse, CREDIT_RULES.papers] };
    },
  };
}
export type MutualAidService = ReturnType<typeof makeMutualAidService>;
