import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Permission } from '../../domain/auth/permissions';
import {
  capitalEntry,
  capitalInput,
  committeeInput,
  committeeSeat,
  creditLoanInput,
  creditLoanPage,
  creditQuery,
  creditReport,
  creditReportQuery,
  creditRepaymentInput,
  dividendInput,
  dividendPage,
  dividendPaymentInput,
  dividendQuery,
  dividendUpdate,
  expenseEntry,
  expenseInput,
  fundDetail,
  fundInput,
  fundLedger,
  fundMember,
  fundPage,
  fundQuery,
  ledgerQuery,
  loanInput,
  loanItem,
  loanPage,
  loansQuery,
  memberInput,
  repaymentInput,
  type JournalLine,
  type LedgerSheet,
} from '../../contract/mutual-aid';
import { idParams } from '../../contract/zod';
import { authOf, type Auth } from '../auth/access';
import { routeOptions } from '../http/route';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import type { Services } from '../services';

const created = z.object({ id: z.number() });
const versioned = z.object({ id: z.number(), version: z.number() });

/** The 运行台账 of a year as a sheet: a row per month and the year's row. */
const SHEET_COLUMNS: ReadonlyArray<ExportColumn<LedgerSheet>> = [
  { header: '期间', width: 10, cell: (s) => s.period },
  { header: '期初库存现金（元）', width: 16, cell: (s) => s.openingCash },
  { header: '资本金入账（元）', width: 14, cell: (s) => s.capitalIn },
  { header: '借出笔数', width: 9, cell: (s) => s.loansCount },
  { header: '借出本金（元）', width: 14, cell: (s) => s.loansOut },
  { header: '收回本金（元）', width: 14, cell: (s) => s.principalBack },
  { header: '收取占用费（元）', width: 14, cell: (s) => s.feeIn },
  { header: '其他支出（元）', width: 12, cell: (s) => s.expenses },
  { header: '期末库存现金（元）', width: 16, cell: (s) => s.closingCash },
  { header: '期末资本金（元）', width: 14, cell: (s) => s.capital },
  { header: '累计占用费（元）', width: 14, cell: (s) => s.feeReceived },
  { header: '累计其他支出（元）', width: 14, cell: (s) => s.expensesTotal },
  { header: '期末借款余额（元）', width: 16, cell: (s) => s.outstanding },
  { header: '逾期笔数', width: 9, cell: (s) => s.overdueCount },
  { header: '逾期金额（元）', width: 14, cell: (s) => s.overdueAmount },
  { header: '账实平衡', width: 9, cell: (s) => (s.balanced ? '平衡' : '不平衡') },
];

/** A month's 运行台账 as a sheet: the opening line, the month's events with the cash after each, the closing line. */
const JOURNAL_COLUMNS: ReadonlyArray<ExportColumn<JournalLine>> = [
  { header: '日期', width: 12, cell: (l) => l.on },
  { header: '类别', width: 10, cell: (l) => l.kind },
  { header: '摘要', width: 40, cell: (l) => l.summary },
  { header: '收入（元）', width: 12, cell: (l) => l.cashIn || null },
  { header: '支出（元）', width: 12, cell: (l) => l.cashOut || null },
  { header: '库存现金（元）', width: 14, cell: (l) => l.cash },
];

/** 村级扶贫互助资金 (seed 001) and 扶贫小额信贷 / 入股分红 (seed 004): issue 14. */
export async function mutualAidRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.mutualAid;
  const doc = routeOptions(['mutual-aid']);

  r.get('/api/mutual-aid/funds', doc.ok('村级互助资金列表（本地区及下级）', fundPage, { querystring: fundQuery, access: 'funds.read' }), async (req) => svc.funds(authOf(req), req.query));
  r.post('/api/mutual-aid/funds', doc.created('设立村级互助资金（每村一个）', fundDetail, { body: fundInput, access: 'mutualAid.manage' }), async (req) => svc.createFund(authOf(req), req.body));
  r.get('/api/mutual-aid/funds/:id', doc.ok('村级互助资金：资本金、成员户、管理委员会、库存现金与借款余额', fundDetail, { params: idParams, access: 'funds.read' }), async (req) => svc.fund(authOf(req), req.params.id));
  /** A write about one record (`:id`, a fund or a loan): the body's schema, what it answers, and the service's call. */
  const event = <B extends ZodType>(on: typeof doc, path: string, summary: string, answer: ZodType, body: B, access: Permission, run: (auth: Auth, id: number, input: z.output<B>) => Promise<unknown>) =>
    r.post(path, on.created(summary, answer, { params: idParams, body, access }), async (req) => (await run(authOf(req), req.params.id, req.body as z.output<B>)) as never);

  event(doc, '/api/mutual-aid/funds/:id/members', '登记成员户（本村农户；建档立卡户须关联）', fundMember, memberInput, 'mutualAid.manage', svc.addMember);
  event(doc, '/api/mutual-aid/funds/:id/committee', '登记管理委员会成员（理事长、监事长、会计、出纳等）', committeeSeat, committeeInput, 'mutualAid.manage', svc.addSeat);
  event(doc, '/api/mutual-aid/funds/:id/capital', '资本金入账（财政扶持资金、社会捐赠、成员入股、其他）', capitalEntry, capitalInput, 'mutualAid.manage', svc.addCapital);
  event(doc, '/api/mutual-aid/funds/:id/expenses', '登记其他支出', expenseEntry, expenseInput, 'mutualAid.manage', svc.addExpense);
  event(doc, '/api/mutual-aid/funds/:id/loans', '向成员户借款（不超过库存现金）', loanItem, loanInput, 'mutualAid.manage', svc.addLoan);
  event(doc, '/api/mutual-aid/loans/:id/repayments', '还款（本金和占用费分列）', loanItem, repaymentInput, 'mutualAid.manage', svc.addRepayment);
  r.get('/api/mutual-aid/funds/:id/loans', doc.ok('互助资金借款（最新在前；state 未还清、逾期、已还清）', loanPage, { params: idParams, querystring: loansQuery, access: 'funds.read' }), async (req) =>
    svc.loans(authOf(req), req.params.id, req.query),
  );
  r.get('/api/mutual-aid/funds/:id/ledger', doc.ok('运行台账（某年各月及全年，或某月及其流水）', fundLedger, { params: idParams, querystring: ledgerQuery, access: 'funds.read' }), async (req) =>
    svc.ledger(authOf(req), req.params.id, req.query),
  );
  r.get('/api/mutual-aid/funds/:id/ledger.xlsx', doc.file('导出运行台账', '运行台账（.xlsx）：某年各月及全年，或某月流水', { params: idParams, querystring: ledgerQuery, access: 'funds.read' }), async (req, reply) => {
    const l = await svc.ledger(authOf(req), req.params.id, req.query);
    const title = `${l.fund.name}运行台账${l.year}年${l.month ? `${l.month}月` : ''}`;
    if (l.month === null)
      return sendTableExport(req, reply, services.audit, { fileName: `${title}.xlsx`, sheet: `${l.year}年`, columns: SHEET_COLUMNS, what: '村级互助资金运行台账导出' }, async function* () {
        yield [...l.sheets, { ...l.total, period: `${l.year}年合计` }];
      });
    const t = l.total;
    const lines: JournalLine[] = [
      { on: t.from, kind: '期初', summary: '上月结转', cashIn: 0, cashOut: 0, cash: t.openingCash },
      ...l.journal,
      { on: t.to, kind: '期末', summary: `本月合计；借款余额 ${t.outstanding} 元，逾期 ${t.overdueCount} 笔 ${t.overdueAmount} 元`, cashIn: t.capitalIn + t.principalBack + t.feeIn, cashOut: t.loansOut + t.expenses, cash: t.closingCash },
    ];
    return sendTableExport(req, reply, services.audit, { fileName: `${title}.xlsx`, sheet: `${l.year}年${l.month}月`, columns: JOURNAL_COLUMNS, what: '村级互助资金运行台账导出' }, async function* () {
      yield lines;
    });
  });

  const credit = routeOptions(['credit']);
  r.get('/api/credit/loans', credit.ok('扶贫小额信贷（本地区；可按户、状态、使用方式）', creditLoanPage, { querystring: creditQuery, access: 'funds.read' }), async (req) => svc.creditLoans(authOf(req), req.query));
  r.post('/api/credit/loans', credit.created('登记扶贫小额信贷（户贷户用或户贷企用）', created, { body: creditLoanInput, access: 'projects.declare' }), async (req) => svc.createCreditLoan(authOf(req), req.body));
  event(credit, '/api/credit/loans/:id/repayments', '登记扶贫小额信贷还款', created, creditRepaymentInput, 'projects.declare', svc.addCreditRepayment);
  r.get('/api/credit/dividends', credit.ok('入股分红（本地区；missing=true 缺分红协议或股权证）', dividendPage, { querystring: dividendQuery, access: 'funds.read' }), async (req) => svc.dividends(authOf(req), req.query));
  r.post('/api/credit/dividends', credit.created('登记贫困户入股（企业或合作社、股数、分红协议、股权证）', versioned, { body: dividendInput, access: 'projects.declare' }), async (req) => svc.createDividend(authOf(req), req.body));
  r.patch('/api/credit/dividends/:id', credit.ok('补录分红协议或股权证编号', versioned, { params: idParams, body: dividendUpdate, access: 'projects.declare' }), async (req) =>
    svc.updateDividend(authOf(req), req.params.id, req.body),
  );
  event(credit, '/api/credit/dividends/:id/payments', '登记分红', created, dividendPaymentInput, 'projects.declare', svc.addDividendPayment);
  r.get('/api/credit/report', credit.ok('应贷尽贷、户贷户用占比、缺分红协议或股权证（某地区，截至某日）', creditReport, { querystring: creditReportQuery, access: 'funds.read' }), async (req) =>
    svc.creditReport(authOf(req), req.query),
  );
}
