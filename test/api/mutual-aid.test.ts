import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import type { CreditReportAnswer, FundDetail, FundLedger, LoanItem } from '../../src/contract/mutual-aid';
import { MUTUAL_AID_RULES } from '../../src/domain/funds/mutual-aid';
import { CREDIT_RULES } from '../../src/domain/funds/credit';

const errorOf = (res: LightMyRequestResponse) => res.json().error as { code: string; message: string; fields?: Array<{ field: string; message: string }> };
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).fields ?? []).map((f) => f.field);

async function sheetRows(res: LightMyRequestResponse): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

// Seed 001: “村级扶贫互助资金组织机构、管理制度”, “村级互助资金管理章程、运行台账”; the township “指导参与村级扶贫互助资金的运行和管理”.
// Seed 004: “扶贫小额信贷发展不平衡，资金使用效率不高，未实现应贷尽贷。户贷户用占比不高，贫困户入股企业的分红协议、股权证等资料不完善”.
describe.each(dbKinds())('mutual-aid and credit API on %s', (kind) => {
  let t: TestApp;
  let village: Client;
  let town: Client;
  let county: Client;
  let foreign: Client;
  let leader: Client;
  const hh: number[] = [];
  let otherVillageHousehold: number;
  let fund: FundDetail;
  const memberIds: number[] = [];
  const loans: LoanItem[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const countyOrg = await t.org('昭觉县扶贫办', { kind: '扶贫办', regionCode: '513431000000' });
    county = await t.user(countyOrg, 'ma-county', 'county_clerk');
    const townOrg = await t.org('新城镇扶贫工作站', { parent: countyOrg, kind: '扶贫办', level: '乡', regionCode: '513431100000' });
    town = await t.user(townOrg, 'ma-town', 'township_reviewer');
    village = await t.user(await t.org('新城村村委会', { parent: townOrg, kind: '村两委', level: '村', regionCode: XINCHENG_VILLAGE }), 'ma-village', 'village_clerk');
    leader = await t.user(countyOrg, 'ma-leader', 'leader');
    foreign = await t.user(await t.org('美姑县扶贫办', { kind: '扶贫办', regionCode: '513436000000' }), 'ma-foreign', 'county_clerk');
    for (let i = 1; i <= 3; i++) {
      const res = await village.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, `MA0${i}`, [member(`互助户主${i}`, idNumber('19800101', `31${i}`), '户主')]));
      expect(res.statusCode, res.body).toBe(201);
      hh.push(res.json().id);
    }
    const other = await county.post('/api/registry/households', householdBody(CHENGBEI_VILLAGE, 'MA09', [member('城北户主', idNumber('19800101', '319'), '户主')]));
    expect(other.statusCode, other.body).toBe(201);
    otherVillageHousehold = other.json().id;
  });
  afterAll(async () => t?.close());

  it('a village sets up its fund (one per village), with members and committee', async () => {
    const res = await village.post('/api/mutual-aid/funds', { name: '新城村扶贫互助资金', villageCode: XINCHENG_VILLAGE, establishedOn: '2019-01-01', maxLoan: 50000, charter: '新城村互助资金管理章程', rules: '借款须经理事会审议' });
    expect(res.statusCode, res.body).toBe(201);
    fund = res.json();
    expect(fund.basis[0]).toContain('村级扶贫互助资金组织机构、管理制度');
    const again = await town.post('/api/mutual-aid/funds', { name: '重复', villageCode: XINCHENG_VILLAGE, establishedOn: '2019-01-01' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['villageCode']);
    // The village clerk cannot set one up for another village, nor the county clerk at all (no mutualAid.manage).
    expect(fieldsOf(await village.post('/api/mutual-aid/funds', { name: '越权', villageCode: CHENGBEI_VILLAGE, establishedOn: '2019-01-01' }))).toEqual(['villageCode']);
    expect((await county.post('/api/mutual-aid/funds', { name: '县', villageCode: CHENGBEI_VILLAGE, establishedOn: '2019-01-01' })).statusCode).toBe(403);

    for (const householdId of [hh[0], hh[1]]) {
      const m = await village.post(`/api/mutual-aid/funds/${fund.id}/members`, { householdId, joinedOn: '2019-01-01' });
      expect(m.statusCode, m.body).toBe(201);
      expect(m.json()).toMatchObject({ householdId, poor: true });
      memberIds.push(m.json().id);
    }
    const plain = await village.post(`/api/mutual-aid/funds/${fund.id}/members`, { name: '非贫困户甲', joinedOn: '2019-01-01' });
    expect(plain.json()).toMatchObject({ householdId: null, poor: false, name: '非贫困户甲' });
    memberIds.push(plain.json().id);
    // Refusals named by field: a 贫困户 must be linked; a household of another village; one already a member.
    expect(fieldsOf(await village.post(`/api/mutual-aid/funds/${fund.id}/members`, { name: '乙', poor: true, joinedOn: '2019-01-01' }))).toEqual(['poor']);
    const outside = await town.post(`/api/mutual-aid/funds/${fund.id}/members`, { householdId: otherVillageHousehold, joinedOn: '2019-01-01' });
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside)).toEqual(['householdId']);
    expect(fieldsOf(await village.post(`/api/mutual-aid/funds/${fund.id}/members`, { householdId: hh[0], joinedOn: '2019-01-01' }))).toEqual(['householdId']);

    expect((await village.post(`/api/mutual-aid/funds/${fund.id}/committee`, { name: '阿力', role: '理事长', fromOn: '2019-01-01' })).statusCode).toBe(201);
    expect((await village.post(`/api/mutual-aid/funds/${fund.id}/committee`, { name: '吉木', role: '会计', fromOn: '2019-01-01' })).statusCode).toBe(201);
    const both = await village.post(`/api/mutual-aid/funds/${fund.id}/committee`, { name: '吉木', role: '出纳', fromOn: '2019-01-01' });
    expect(both.statusCode).toBe(400);
    expect(errorOf(both).fields).toEqual([expect.objectContaining({ field: 'name', message: `${MUTUAL_AID_RULES.accountant}：“吉木”已任会计` })]);
    expect(fieldsOf(await village.post(`/api/mutual-aid/funds/${fund.id}/committee`, { name: '某', role: '会长', fromOn: '2019-01-01' }))).toEqual(['role']);
  });

  it('capital, loans and repayments are recorded through the rules; refusals name the field', async () => {
    const cap = (source: string, amount: number, receivedOn: string) => village.post(`/api/mutual-aid/funds/${fund.id}/capital`, { source, amount, receivedOn });
    expect((await cap('财政扶持资金', 100000, '2019-01-05')).statusCode).toBe(201);
    expect((await cap('成员入股', 20000, '2019-01-10')).statusCode).toBe(201);
    expect(fieldsOf(await cap('银行贷款', 1000, '2019-01-10'))).toEqual(['source']);
    expect(fieldsOf(await cap('社会捐赠', 0, '2019-01-10'))).toEqual(['amount']);

    const lend = (body: Record<string, unknown>) => village.post(`/api/mutual-aid/funds/${fund.id}/loans`, { memberId: memberIds[0], loanedOn: '2019-02-01', amount: 50000, termMonths: 6, purpose: '养殖西门塔尔牛', feeKind: 'rate', feeRate: 6, ...body });
    const l1 = await lend({});
    expect(l1.statusCode, l1.body).toBe(201);
    // Recorded after the fact: today (2020-06-30) the loan is already past its term.
    expect(l1.json()).toMatchObject({ dueOn: '2019-08-01', feeDue: 1800, outstanding: 50000, state: '逾期' });
    loans.push(l1.json());
    const l2 = await lend({ memberId: memberIds[1], loanedOn: '2019-03-01', amount: 30000, termMonths: 12, feeKind: 'fixed', feeFixed: 500, feeRate: undefined, purpose: '种植苦荞' });
    expect(l2.statusCode, l2.body).toBe(201);
    loans.push(l2.json());

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ memberId: memberIds[2], amount: 40001, loanedOn: '2019-03-01' }, 'amount', `${MUTUAL_AID_RULES.cash}（可借 40000 元）`],
      [{ memberId: memberIds[2], amount: 50001, loanedOn: '2019-03-01' }, 'amount', `${MUTUAL_AID_RULES.maxLoan}（50000 元）`],
      [{ memberId: memberIds[0], amount: 1000, loanedOn: '2019-03-01' }, 'memberId', MUTUAL_AID_RULES.oneLoan],
      [{ memberId: 999999, amount: 1000 }, 'memberId', MUTUAL_AID_RULES.memberOnly],
      [{ memberId: memberIds[2], amount: 1000, termMonths: 13 }, 'termMonths', MUTUAL_AID_RULES.term],
      [{ memberId: memberIds[2], amount: 1000, feeRate: undefined }, 'feeRate', '按月费率收取占用费时必填（‰）'],
    ];
    for (const [body, field, message] of cases) {
      const res = await lend(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).fields, JSON.stringify(body)).toEqual([expect.objectContaining({ field, message })]);
    }

    const repay = (loanId: number, repaidOn: string, principal: number, fee: number) => village.post(`/api/mutual-aid/loans/${loanId}/repayments`, { repaidOn, principal, fee });
    expect((await repay(loans[0]!.id, '2019-05-01', 20000, 900)).statusCode).toBe(201);
    const over = await repay(loans[0]!.id, '2019-07-15', 30001, 900);
    expect(errorOf(over).fields).toEqual([expect.objectContaining({ field: 'principal', message: `${MUTUAL_AID_RULES.repayment}（未还本金 30000 元）` })]);
    const settled = await repay(loans[0]!.id, '2019-07-15', 30000, 900);
    expect(settled.json()).toMatchObject({ outstanding: 0, state: '已还清', feeReceived: 1800 });
    expect((await repay(loans[1]!.id, '2019-09-01', 10000, 0)).statusCode).toBe(201);
    expect(fieldsOf(await repay(loans[1]!.id, '2019-02-01', 100, 0))).toEqual(['repaidOn']);
    expect((await village.post(`/api/mutual-aid/funds/${fund.id}/expenses`, { spentOn: '2019-12-20', amount: 200, purpose: '账簿印刷' })).statusCode).toBe(201);
    // The township guides the fund and may record in it (seed 001: “指导参与村级扶贫互助资金的运行和管理”).
    expect((await town.post(`/api/mutual-aid/funds/${fund.id}/capital`, { source: '社会捐赠', amount: 1000, receivedOn: '2020-01-02' })).statusCode).toBe(201);
    // Who may only read cannot record.
    expect((await leader.post(`/api/mutual-aid/funds/${fund.id}/capital`, { source: '社会捐赠', amount: 1000, receivedOn: '2020-01-02' })).statusCode).toBe(403);
  });

  it('the ledger reads back balanced: months chain, the year closes on the identity, overdue counted', async () => {
    const res = await county.get(`/api/mutual-aid/funds/${fund.id}/ledger?year=2019`);
    expect(res.statusCode, res.body).toBe(200);
    const l: FundLedger = res.json();
    expect(l.sheets).toHaveLength(12);
    let opening = 0;
    for (const s of l.sheets) {
      expect(s.openingCash, s.period).toBe(opening);
      expect(s.balanced, s.period).toBe(true);
      expect(s.closingCash, s.period).toBe(s.capital + s.feeReceived - s.expensesTotal - s.outstanding);
      opening = s.closingCash;
    }
    // 120 000 capital + 1 800 fee − 200 expenses − 20 000 outstanding = 101 600.
    expect(l.total).toMatchObject({ openingCash: 0, capitalIn: 120000, loansOut: 80000, loansCount: 2, principalBack: 60000, feeIn: 1800, expenses: 200, closingCash: 101600, outstanding: 20000, overdueCount: 0, balanced: true });
    const may = (await county.get(`/api/mutual-aid/funds/${fund.id}/ledger?year=2019&month=5`)).json() as FundLedger;
    expect(may.journal).toEqual([{ on: '2019-05-01', kind: '还款', summary: '互助户主1还本金 20000 元、占用费 900 元', cashIn: 20900, cashOut: 0, cash: 60900 }]);

    // Today (2020-06-30) the second loan is past its term (due 2020-03-01) with 20 000 outstanding.
    const detail = (await village.get(`/api/mutual-aid/funds/${fund.id}`)).json() as FundDetail;
    expect(detail.position).toMatchObject({ capital: 121000, cash: 102600, outstanding: 20000, overdueCount: 1, overdueAmount: 20000, balanced: true });
    expect(detail.position.capitalBySource).toMatchObject({ 财政扶持资金: 100000, 成员入股: 20000, 社会捐赠: 1000 });
    expect(detail.committee.map((s) => s.role)).toEqual(['理事长', '会计']);
    const overdue = (await county.get(`/api/mutual-aid/funds/${fund.id}/loans?state=逾期`)).json();
    expect(overdue).toMatchObject({ total: 1, items: [{ id: loans[1]!.id, outstanding: 20000, overdue: true }] });
    const list = (await county.get('/api/mutual-aid/funds')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: fund.id, members: 3, capital: 121000, cash: 102600, outstanding: 20000, overdueCount: 1 })]);
    // After the due day, the borrower may not borrow again.
    const again = await village.post(`/api/mutual-aid/funds/${fund.id}/loans`, { memberId: memberIds[1], loanedOn: '2020-06-01', amount: 1000, termMonths: 3, purpose: '再借', feeKind: 'rate', feeRate: 5 });
    expect(errorOf(again).fields).toEqual([expect.objectContaining({ field: 'memberId', message: MUTUAL_AID_RULES.overdueBorrower })]);
  });

  it('exports the 运行台账 of a year and of a month as .xlsx', async () => {
    const year = await county.get(`/api/mutual-aid/funds/${fund.id}/ledger.xlsx?year=2019`);
    expect(year.statusCode).toBe(200);
    const rows = await sheetRows(year);
    expect(rows[0]!.slice(0, 2)).toEqual(['期间', '期初库存现金（元）']);
    expect(rows).toHaveLength(14);
    expect(rows[13]!.slice(0, 2)).toEqual(['2019年合计', 0]);
    expect(rows[13]![8]).toBe(101600);
    const month = await county.get(`/api/mutual-aid/funds/${fund.id}/ledger.xlsx?year=2019&month=7`);
    const lines = await sheetRows(month);
    expect(lines.map((r) => r[1])).toEqual(['类别', '期初', '还款', '期末']);
    expect(lines.at(-1)![5]).toBe(91800);
  });

  it('another county sees nothing of the fund', async () => {
    for (const url of [`/api/mutual-aid/funds/${fund.id}`, `/api/mutual-aid/funds/${fund.id}/loans`, `/api/mutual-aid/funds/${fund.id}/ledger?year=2019`, `/api/mutual-aid/funds/${fund.id}/ledger.xlsx?year=2019`]) {
      const res = await foreign.get(url);
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('新城');
    }
    expect((await foreign.get('/api/mutual-aid/funds')).json().items).toEqual([]);
    expect([403, 404]).toContain((await foreign.get(`/api/mutual-aid/funds?region=513431`)).statusCode);
    const lend = await foreign.post(`/api/mutual-aid/funds/${fund.id}/loans`, { memberId: memberIds[2], loanedOn: '2020-06-01', amount: 1000, termMonths: 3, purpose: '越权', feeKind: 'rate', feeRate: 5 });
    expect(lend.statusCode).toBe(403);
    expect([403, 404]).toContain((await town.post(`/api/mutual-aid/loans/999999/repayments`, { repaidOn: '2020-01-01', principal: 1, fee: 0 })).statusCode);
  });

  it('扶贫小额信贷 and 入股分红: 应贷尽贷, 户贷户用 share and missing papers', async () => {
    const borrow = (body: Record<string, unknown>) => village.post('/api/credit/loans', { householdId: hh[0], bank: '昭觉县农村信用合作联社', amount: 50000, loanedOn: '2017-03-01', termMonths: 36, rate: 4.35, use: '户贷户用', ...body });
    const c1 = await borrow({});
    expect(c1.statusCode, c1.body).toBe(201);
    expect(fieldsOf(await borrow({ householdId: hh[1], use: '户贷企用' }))).toEqual(['enterprise']);
    expect(fieldsOf(await borrow({ termMonths: 37 }))).toEqual(['termMonths']);
    expect(fieldsOf(await borrow({ householdId: otherVillageHousehold }))).toEqual(['householdId']);
    const c2 = await borrow({ householdId: hh[1], use: '户贷企用', enterprise: '昭觉县某养殖专业合作社', loanedOn: '2019-01-10' });
    expect(c2.statusCode).toBe(201);
    expect((await village.post(`/api/credit/loans/${c1.json().id}/repayments`, { repaidOn: '2018-03-01', principal: 10000, interest: 2175 })).statusCode).toBe(201);
    const over = await village.post(`/api/credit/loans/${c1.json().id}/repayments`, { repaidOn: '2018-03-02', principal: 40001, interest: 0 });
    expect(errorOf(over).fields).toEqual([expect.objectContaining({ field: 'principal', message: `${CREDIT_RULES.repayment}（未还本金 40000 元）` })]);

    const listed = (await county.get(`/api/credit/loans?householdId=${hh[0]}`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ head: '互助户主1', householdNumber: 'MA01', principalRepaid: 10000, interestPaid: 2175, outstanding: 40000, state: '逾期', rate: 4.35 })]);
    expect((await county.get('/api/credit/loans?state=未到期')).json().total).toBe(1);

    const share = await village.post('/api/credit/dividends', { householdId: hh[2], enterprise: '昭觉县某养殖专业合作社', shares: 10, amount: 5000, signedOn: '2018-05-01', agreementNo: 'FH-001' });
    expect(share.statusCode, share.body).toBe(201);
    expect((await village.post('/api/credit/dividends', { householdId: hh[2], enterprise: '昭觉县某养殖专业合作社', shares: 1, amount: 1, signedOn: '2018-05-01' })).statusCode).toBe(409);
    expect((await village.post(`/api/credit/dividends/${share.json().id}/payments`, { paidOn: '2019-12-31', amount: 600 })).statusCode).toBe(201);
    expect(fieldsOf(await village.post(`/api/credit/dividends/${share.json().id}/payments`, { paidOn: '2018-01-01', amount: 600 }))).toEqual(['paidOn']);
    expect((await county.get('/api/credit/dividends?missing=true')).json().items).toEqual([expect.objectContaining({ missing: ['股权证'], dividendsPaid: 600 })]);

    // The county: 4 poor households (3 of 新城村, 1 of 城北村), 2 with a loan; the village: 2 of its 3.
    const report = (await county.get('/api/credit/report?region=513431')).json() as CreditReportAnswer;
    expect(((await county.get(`/api/credit/report?region=${XINCHENG_VILLAGE}`)).json() as CreditReportAnswer).coverage).toBe(66.67);
    expect(report).toMatchObject({ poorHouseholds: 4, poorWithLoan: 2, coverage: 50, loans: 2, ownUseLoans: 1, ownUseShare: 50, agreements: 1, agreementsMissingPapers: 1, dividendsPaid: 600 });
    expect(report.basis[0]).toContain('未实现应贷尽贷');

    const patched = await village.patch(`/api/credit/dividends/${share.json().id}`, { certificateNo: 'GQ-001', version: share.json().version });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await village.patch(`/api/credit/dividends/${share.json().id}`, { certificateNo: 'GQ-002', version: share.json().version })).statusCode).toBe(409);
    expect(((await county.get('/api/credit/report')).json() as CreditReportAnswer).agreementsMissingPapers).toBe(0);

    // Another county: nothing listed, the report of this county refused, writes refused.
    expect((await foreign.get('/api/credit/loans')).json().items).toEqual([]);
    expect((await foreign.get('/api/credit/dividends')).json().items).toEqual([]);
    expect((await foreign.get('/api/credit/report?region=513431')).statusCode).toBe(403);
    const f1 = await foreign.post(`/api/credit/loans/${c1.json().id}/repayments`, { repaidOn: '2018-03-01', principal: 1, interest: 0 });
    expect(f1.statusCode).toBe(403);
    expect(f1.body).not.toContain('互助户主');
    expect(fieldsOf(await foreign.post('/api/credit/loans', { householdId: hh[0], bank: '越权', amount: 1, loanedOn: '2019-01-01', termMonths: 3, rate: 4, use: '户贷户用' }))).toEqual(['householdId']);
  });

  it('every write is in the audit log', async () => {
    const res = await t.admin.get('/api/audit?entity=mutual_aid_loan');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(2);
  });
});
