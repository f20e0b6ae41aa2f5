import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/contract/registry/change-requests';
import type { Workbench } from '../../src/contract/workbench';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';
import { CHENGBEI_VILLAGE, householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { householdCols, personCols, rosterWith } from '../support/roster';
import { multipart } from '../support/xlsx';

const VILLAGE = XINCHENG_VILLAGE;
const HEAD = idNumber('19800101', '011');
const SPOUSE = idNumber('19820202', '022');
const CHILD = idNumber('20100303', '033');
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

/**
 * 户情变更审批 — issue 11: “a registry change proposed by a village clerk waits for the township's approval (the
 * household shows the pending change with before → after; approve, return with a reason, or reject), configurable
 * per kind of change”, and “API tests: a village clerk's change waits, is approved by the township and applied with
 * its trace”. Seed 004 names the steps: “村级对已确定的贫困户进行入户信息采集，填写贫困户登记表，并录入系统”, then
 * “村级评议公示、乡镇审核、县级备案”.
 */
describe.each(dbKinds())('change requests on %s', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let reviewer: Client;
  let otherClerk: Client;
  let otherReviewer: Client;
  let householdId: number;
  let otherHousehold: number;
  let countyOrg: Awaited<ReturnType<TestApp['org']>>;

  const get = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const householdOf = (id = householdId) => get(t.admin, `/api/registry/households/${id}`);
  const propose = async (c: Client, payload: Record<string, unknown>, id = householdId): Promise<ChangeRequest> => {
    const res = await c.patch(`/api/registry/households/${id}`, payload);
    expect(res.statusCode, res.body).toBe(202);
    return res.json();
  };
  const act = (c: Client, id: number, action: string, payload?: unknown) => c.post(`/api/registry/change-requests/${id}/${action}`, payload);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const county = (countyOrg = await t.org('昭觉县扶贫开发领导小组办公室', { kind: '扶贫办', regionCode: '513431000000' }));
    const town = await t.org('新城镇双联扶贫工作站', { parent: county, kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431100000' });
    const village = await t.org('俄尔古取村村两委', { parent: town, kind: '村两委', level: '村', regionCode: VILLAGE });
    const town2 = await t.org('城北镇双联扶贫工作站', { parent: county, kind: '乡镇扶贫工作站', level: '乡', regionCode: '513431101000' });
    const village2 = await t.org('城北镇某村村两委', { parent: town2, kind: '村两委', level: '村', regionCode: CHENGBEI_VILLAGE });
    clerk = await t.user(village, 'cunji', 'village_clerk');
    reviewer = await t.user(town, 'xiangzhen', 'township_reviewer');
    otherClerk = await t.user(village2, 'cunji2', 'village_clerk');
    otherReviewer = await t.user(town2, 'xiangzhen2', 'township_reviewer');
    const h = await t.admin.post('/api/registry/households', householdBody(VILLAGE, '0001', [member('吉克阿呷', HEAD, '户主'), member('吉克阿妹', SPOUSE, '配偶')]));
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().id;
    const h2 = await t.admin.post('/api/registry/households', householdBody(CHENGBEI_VILLAGE, '0001', [member('阿说阿果', idNumber('19810101', '044'), '户主')]));
    expect(h2.statusCode, h2.body).toBe(201);
    otherHousehold = h2.json().id;
  });
  afterAll(async () => t?.close());

  it("keeps a village clerk's change waiting, unapplied, until the township reviewer approves it; then applies it with its trace", async () => {
    const before = await householdOf();
    const request = await propose(clerk, { version: before.version, mainCause: '缺资金', housingSafe: false, reason: '经入户核实，缺少发展资金' });
    expect(request).toMatchObject({ state: 'pending', stateLabel: '待审批', kinds: ['facts'], proposedByName: 'cunji', householdNumber: '0001', head: '吉克阿呷', mayDecide: false, mayWithdraw: true, stale: false });
    // Before → after, field by field, in the words the user reads.
    expect(request.changes).toEqual([
      { field: 'mainCause', label: '主要致贫原因', before: '缺技术', after: '缺资金' },
      { field: 'housingSafe', label: '住房安全', before: true, after: false },
    ]);
    // Nothing applied.
    const unchanged = await householdOf();
    expect([unchanged.mainCause, unchanged.housingSafe, unchanged.version]).toEqual(['缺技术', true, before.version]);

    // The township sees it waiting, with the decision offered; the workbench counts it.
    const pending = await get(reviewer, '/api/registry/change-requests?state=pending');
    expect(pending.items.map((x: ChangeRequest) => x.id)).toContain(request.id);
    expect(pending.items.find((x: ChangeRequest) => x.id === request.id).mayDecide).toBe(true);
    const workbench: Workbench = await get(reviewer, '/api/workbench');
    expect(workbench.todos.find((x) => x.key === 'changeRequests')).toMatchObject({ label: '待审批的户情变更', count: pending.total, link: '/registry/change-requests' });
    // Nobody approves their own proposal; a clerk cannot approve at all.
    expect((await act(clerk, request.id, 'approve')).statusCode).toBe(403);

    const approved = await act(reviewer, request.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedByName: 'xiangzhen', mayDecide: false });
    expect(approved.json().events.map((e: { action: string; userName: string }) => [e.action, e.userName])).toEqual([
      ['propose', 'cunji'],
      ['approve', 'xiangzhen'],
    ]);

    const after = await householdOf();
    expect([after.mainCause, after.housingSafe, after.version]).toEqual(['缺资金', false, before.version + 1]);
    // The household's history: the main cause's change is a dated row by the approver, naming who proposed it.
    const last = after.history.at(-1);
    expect(last.userName).toBe('xiangzhen');
    expect(last.reason).toBe(`经入户核实，缺少发展资金（cunji 提出，xiangzhen 批准，变更申请 ${request.id}）`);
    // The audit log: the household's update by the approver; the request proposed by the clerk, approved by the reviewer.
    const householdAudit = await get(t.admin, `/api/audit?entity=household&entityId=${householdId}`);
    expect(householdAudit.items[0]).toMatchObject({ action: 'update', userName: 'xiangzhen' });
    const requestAudit = await get(t.admin, `/api/audit?entity=change_request&entityId=${request.id}`);
    expect(requestAudit.items.map((x: { action: string; userName: string }) => [x.action, x.userName]).reverse()).toEqual([
      ['create', 'cunji'],
      ['update', 'xiangzhen'],
    ]);
    // Decided once: a second decision is refused.
    expect((await act(reviewer, request.id, 'reject', { reason: '再驳回' })).statusCode).toBe(409);
  });

  it('lets the reviewer return a change with a reason, and the clerk edit and resubmit it; members and income wait too', async () => {
    const h = await householdOf();
    // Member add: the members wait (家庭成员（增、改、删）).
    const persons = h.persons.map(({ id: _id, householdId: _h, sex: _s, birthDate: _b, ...p }: Record<string, unknown>) => p);
    const members = await propose(clerk, { version: h.version, persons: [...persons, member('吉克小妹', CHILD, '之女', { labour: '无劳动力', workMonths: 0, workIncome: 0, schooling: '在校' })], reason: '新生儿落户' });
    expect(members.kinds).toEqual(['members']);
    expect(members.changes.map((c) => c.label)).toContain('第 3 位成员（新增）');
    // A role without idNumbers.view reads the ID numbers masked (leader).
    const leader = await t.user(countyOrg, 'lingdao', 'leader');
    const seen = await get(leader, `/api/registry/change-requests/${members.id}`);
    expect(JSON.stringify(seen.changes)).toContain(masked(CHILD));
    expect(JSON.stringify(seen.changes)).not.toContain(CHILD);

    // Income waits as well; the reviewer returns it with a reason.
    const income = await clerk.request({ method: 'PUT', url: `/api/registry/households/${householdId}/incomes/2019`, payload: { wages: 18000, subsidies: 1200 } });
    expect(income.statusCode, income.body).toBe(202);
    const incomeRequest: ChangeRequest = income.json();
    expect([incomeRequest.kindLabel, incomeRequest.year]).toEqual(['2019 年家庭收入', 2019]);
    expect((await householdOf()).incomes).toEqual([]);
    expect((await act(reviewer, incomeRequest.id, 'return', { reason: ' ' })).statusCode).toBe(400);
    const returned = await act(reviewer, incomeRequest.id, 'return', { reason: '工资性收入与务工证明不符，请核实' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', decisionReason: '工资性收入与务工证明不符，请核实', mayDecide: false });
    // The proposer sees it returned, may resubmit; the workbench lists it for them.
    const mine = await get(clerk, `/api/registry/change-requests/${incomeRequest.id}`);
    expect([mine.mayResubmit, mine.mayWithdraw]).toEqual([true, true]);
    const clerkWorkbench: Workbench = await get(clerk, '/api/workbench');
    expect(clerkWorkbench.todos.find((x) => x.key === 'returnedChanges')?.count).toBe(1);
    // Returned, it cannot be approved; another clerk cannot resubmit it.
    expect((await act(reviewer, incomeRequest.id, 'approve')).statusCode).toBe(409);
    expect((await act(otherClerk, incomeRequest.id, 'resubmit', {})).statusCode).toBe(404);

    const resubmitted = await act(clerk, incomeRequest.id, 'resubmit', { income: { wages: 15000, subsidies: 1200 } });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().state).toBe('pending');
    expect(resubmitted.json().changes.find((c: { field: string }) => c.field === 'wages')).toMatchObject({ before: null, after: 15000 });
    expect(resubmitted.json().events.map((e: { action: string }) => e.action)).toEqual(['propose', 'return', 'resubmit']);

    for (const id of [members.id, incomeRequest.id]) expect((await act(reviewer, id, 'approve')).statusCode).toBe(200);
    const after = await householdOf();
    expect(after.persons.map((p: { name: string }) => p.name)).toEqual(['吉克阿呷', '吉克阿妹', '吉克小妹']);
    expect(after.incomes[0].items).toMatchObject({ year: 2019, wages: 15000, subsidies: 1200 });
    expect(after.history.at(-1).reason).toContain(`cunji 提出，xiangzhen 批准，变更申请 ${members.id}`);
    // A change of a year already recorded: before → after item by item, applied on approval.
    const correction = await clerk.request({ method: 'PUT', url: `/api/registry/households/${householdId}/incomes/2019`, payload: { wages: 16000, subsidies: 1200 } });
    expect(correction.statusCode, correction.body).toBe(202);
    expect(correction.json().changes).toEqual([{ field: 'wages', label: '工资性收入', before: 15000, after: 16000 }]);
    expect(correction.json().stale).toBe(false);
    expect((await act(reviewer, correction.json().id, 'approve')).statusCode).toBe(200);
    expect((await householdOf()).incomes[0].items.wages).toBe(16000);
  });

  it('lets the reviewer reject a change, which is then never applied', async () => {
    const h = await householdOf();
    const request = await propose(clerk, { version: h.version, attribute: '低保贫困户' });
    expect((await act(reviewer, request.id, 'reject', {})).statusCode).toBe(400);
    const rejected = await act(reviewer, request.id, 'reject', { reason: '未见低保证明材料' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', stateLabel: '已驳回', decisionReason: '未见低保证明材料' });
    expect((await act(reviewer, request.id, 'approve')).statusCode).toBe(409);
    expect((await act(clerk, request.id, 'withdraw')).statusCode).toBe(409);
    expect((await householdOf()).attribute).toBe('一般贫困户');
  });

  it('fails the approval of a change whose household changed since (409, still pending, shown stale) until it is returned and resubmitted', async () => {
    const h = await householdOf();
    const request = await propose(clerk, { version: h.version, clothingSecure: false });
    // One open change per household: a second waits for the first.
    const second = await clerk.patch(`/api/registry/households/${householdId}`, { version: h.version, foodSecure: false });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe(`该户已有一项待审批的同类变更（编号 ${request.id}），请等待乡镇审核，或撤回后再提交`);
    // The township edits the household directly (a user holding changes.approve applies as before).
    const direct = await reviewer.patch(`/api/registry/households/${householdId}`, { version: h.version, number: '0001A' });
    expect(direct.statusCode, direct.body).toBe(200);

    const stale = await act(reviewer, request.id, 'approve');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该户信息在提出变更后已被他人修改，本变更未生效；请退回提出人，按最新内容核对后重新提交');
    const still = await get(reviewer, `/api/registry/change-requests/${request.id}`);
    expect([still.state, still.stale]).toEqual(['pending', true]);
    expect((await householdOf()).clothingSecure).toBe(true);

    expect((await act(reviewer, request.id, 'return', { reason: '户编号已调整，请按最新内容重新提交' })).statusCode).toBe(200);
    // Resubmitted as it was: still against the old version, refused; against the household as now loaded, accepted.
    expect((await act(clerk, request.id, 'resubmit', {})).statusCode).toBe(409);
    const now = await householdOf();
    const again = await act(clerk, request.id, 'resubmit', { household: { version: now.version, clothingSecure: false } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ state: 'pending', stale: false });
    expect((await act(reviewer, request.id, 'approve')).statusCode).toBe(200);
    expect((await householdOf()).clothingSecure).toBe(false);
  });

  it("hides a village's requests from another village and township (404), and refuses a clerk's decision (403)", async () => {
    const h = await householdOf();
    const request = await propose(clerk, { version: h.version, secondaryCauses: ['缺劳力'] });
    expect((await otherClerk.get(`/api/registry/change-requests/${request.id}`)).statusCode).toBe(404);
    expect((await otherReviewer.get(`/api/registry/change-requests/${request.id}`)).statusCode).toBe(404);
    const listed = await get(otherReviewer, '/api/registry/change-requests');
    expect(listed.items.map((x: ChangeRequest) => x.id)).not.toContain(request.id);
    expect(JSON.stringify(listed)).not.toContain('吉克阿呷');
    const decided = await act(otherReviewer, request.id, 'approve');
    expect(decided.statusCode).toBe(404);
    expect(decided.body).not.toContain('吉克阿呷');
    expect((await act(otherReviewer, request.id, 'reject', { reason: '越权' })).statusCode).toBe(404);
    expect((await act(otherClerk, request.id, 'approve')).statusCode).toBe(403);
    expect((await act(otherClerk, request.id, 'withdraw')).statusCode).toBe(404);
    // Its own clerk lists it; the reviewer of another township cannot propose for this household either.
    expect((await get(clerk, '/api/registry/change-requests?mine=true')).items.map((x: ChangeRequest) => x.id)).toContain(request.id);
    expect((await otherClerk.patch(`/api/registry/households/${householdId}`, { version: h.version, mainCause: '因病' })).statusCode).toBe(403);

    // The proposer withdraws it; then another change of the household may be proposed.
    const withdrawn = await act(clerk, request.id, 'withdraw');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await act(reviewer, request.id, 'approve')).statusCode).toBe(409);
  });

  it("applies the clerk's change directly once the township switches the rule off for that kind, and only in its own township", async () => {
    const rules = await get(clerk, '/api/registry/change-requests/rules');
    expect(rules.items.map((x: { kind: string; required: boolean; setFor: unknown }) => [x.kind, x.required, x.setFor])).toEqual([
      ['facts', true, null],
      ['members', true, null],
      ['income', true, null],
    ]);
    expect((await clerk.request({ method: 'PUT', url: '/api/registry/change-requests/rules', payload: { items: [{ kind: 'facts', required: false }] } })).statusCode).toBe(403);
    const set = await reviewer.request({ method: 'PUT', url: '/api/registry/change-requests/rules', payload: { items: [{ kind: 'facts', required: false }] } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items[0]).toMatchObject({ kind: 'facts', required: false, setFor: { regionPrefix: '513431100', regionName: '新城镇' } });
    // Another township's village is outside the reviewer's region.
    expect((await reviewer.request({ method: 'PUT', url: '/api/registry/change-requests/rules', payload: { region: CHENGBEI_VILLAGE, items: [{ kind: 'facts', required: false }] } })).statusCode).toBe(403);

    const h = await householdOf();
    const direct = await clerk.patch(`/api/registry/households/${householdId}`, { version: h.version, mainCause: '因病' });
    expect(direct.statusCode, direct.body).toBe(200);
    expect(direct.json().mainCause).toBe('因病');
    expect((await householdOf()).mainCause).toBe('因病');
    // Members still wait in this township; facts still wait in the other township.
    const now = await householdOf();
    const persons = now.persons.map(({ id: _id, householdId: _h, sex: _s, birthDate: _b, ...p }: Record<string, unknown>) => p);
    await propose(clerk, { version: now.version, persons: persons.slice(0, 2) });
    const other = await t.admin.get(`/api/registry/households/${otherHousehold}`);
    await propose(otherClerk, { version: other.json().version, mainCause: '因病' }, otherHousehold);
  });

  // Issue 11: “a registry change proposed by a village clerk waits for the township's approval”; a roster import is no way
  // round it: a registered household the file would change is refused, by row, and nothing of the file is written.
  it("refuses a village clerk's roster import that would change a registered household's members, naming the row; the township's import goes through", async () => {
    const head = idNumber('19750505', '088');
    const created = await t.admin.post('/api/registry/households', householdBody(VILLAGE, '0088', [member('曲比阿果', head, '户主')]));
    expect(created.statusCode, created.body).toBe(201);
    const before = created.json();
    const cols = householdCols('0088', { 村级区划代码: VILLAGE });
    const file = await rosterWith([
      { ...cols, ...personCols('曲比阿果', head, '户主') },
      { ...cols, ...personCols('曲比新成员', idNumber('20000101', '089'), '之子') },
      { ...householdCols('0077', { 村级区划代码: VILLAGE }), ...personCols('新户户主', idNumber('19850505', '077'), '户主') },
    ]);
    const refused = await clerk.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(file) });
    expect(refused.statusCode, refused.body).toBe(400);
    const error = refused.json().error;
    expect(error.message, JSON.stringify(error.fields)).toContain('须经乡镇审核');
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0]).toMatchObject({ row: 3, field: 'number' });
    expect(error.fields[0].message).toContain('家庭成员');
    expect((await householdOf(before.id)).version).toBe(before.version);
    expect((await t.admin.get('/api/registry/households?q=新户户主')).json().total).toBe(0);
    // The township reviewer may approve such changes, so their import of the same file applies it.
    const applied = await reviewer.request({ method: 'POST', url: '/api/registry/roster/import', ...multipart(file) });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ created: 1, updated: 1 });
    expect((await householdOf(before.id)).persons).toHaveLength(2);
  });
});
