/**
 * Browser test per main role against the demo data (issue 11: “A browser test per main role (村级信息员, 乡镇审核员,
 * 县级扶贫办业务员, 帮扶责任人, 考核员, 政协委员): log in, see the workbench with the right to-do items for the demo data,
 * open one, act on it, and see it leave the list”). One server with the demo data set of a fresh start serves all six;
 * each role signs in with its demo account, reads its to-do's count on the workbench, follows the to-do's link, acts
 * on one record in the page a clerk would use, and finds the count one lower on the workbench. Which record is found
 * through the API with the role's own session (what the linked list shows); the act itself is done in the UI.
 */
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HelperList, MissingVisitList, WithoutHelperList } from '../../src/contract/pairing';
import type { Procedure, ProcedureItem } from '../../src/contract/procedures';
import type { TodoKey, Workbench } from '../../src/contract/workbench';
import { DEMO_USERNAMES } from '../../src/server/demo';
import { browserSuite, expectText, pick, skipBrowser, WAIT, withPage, type TestServer } from './support';

const TIMEOUT = { timeout: 240_000 };

async function signIn(page: Page, server: TestServer, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(server.demoPassword ?? '');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

async function json<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The to-do's count as the workbench answers it (the page shows the same, checked in `seeTodo`). */
async function countOf(page: Page, server: TestServer, key: TodoKey): Promise<number> {
  const w = await json<Workbench>(page.request, `${server.url}/api/workbench`);
  const todo = w.todos.find((t) => t.key === key);
  expect(todo, `to-do ${key} on the workbench`).toBeDefined();
  return todo!.count;
}

/** On the workbench: the to-do with its label and a count above 0; returns the count. */
async function seeTodo(page: Page, server: TestServer, key: TodoKey, label: string): Promise<number> {
  await page.goto(`${server.url}/`);
  const item = page.getByTestId(`todo-${key}`);
  await expectText(item, label);
  const n = await countOf(page, server, key);
  expect(n, `${key} waiting`).toBeGreaterThan(0);
  await expectText(item, String(n));
  return n;
}

/** Back on the workbench: the to-do counts one record fewer. */
async function seeItLeave(page: Page, server: TestServer, key: TodoKey, before: number): Promise<void> {
  await page.goto(`${server.url}/`);
  await expect.poll(() => countOf(page, server, key), WAIT).toBe(before - 1);
  await expectText(page.getByTestId(`todo-${key}`), String(before - 1));
}

/** Follows the to-do's link to the page that lists its records. */
async function openTodo(page: Page, key: TodoKey, path: RegExp): Promise<void> {
  await page.getByTestId(`todo-${key}`).getByRole('link').click();
  await page.waitForURL((u) => path.test(u.pathname + u.search));
}

/**
 * A procedure waiting at the user's level whose open step needs no record and whose next step is another level's:
 * passing it moves it off the user's list.
 */
async function passableProcedure(page: Page, server: TestServer): Promise<Procedure> {
  return findProcedure(page, server, 'steps', (open, next, level) => open.level === level && open.requires.length === 0 && next.level !== level);
}

/** A procedure of the `waiting` list whose open and next steps are as `fits` wants. */
async function findProcedure(page: Page, server: TestServer, waiting: 'steps' | 'assemblies', fits: (open: Step, next: Step, level: string) => boolean): Promise<Procedure> {
  const list = await json<{ items: ProcedureItem[] }>(page.request, `${server.url}/api/procedures?waiting=${waiting}&page=1&pageSize=50`);
  for (const item of list.items) {
    const p = await json<Procedure>(page.request, `${server.url}/api/procedures/${item.id}`);
    const open = p.definition.steps[p.currentStep];
    const next = p.definition.steps[p.currentStep + 1];
    if (open && next && fits(open, next, p.userLevel)) return p;
  }
  throw new Error(`no procedure of the ${waiting} list as the test needs it`);
}
type Step = Procedure['definition']['steps'][number];

async function passStep(page: Page, server: TestServer, p: Procedure, fill?: (form: Locator) => Promise<void>): Promise<void> {
  await page.goto(`${server.url}/procedures/${p.id}`);
  const current = page.getByTestId('current-step');
  await expectText(current, `第 ${p.currentStep + 1} 步`);
  const form = page.locator('form#procedure-step');
  await fill?.(form);
  // A click while the page settles may be lost: click until the step moves on (the button is disabled while a request runs).
  await expect
    .poll(async () => {
      if (!(await current.innerText()).includes(`第 ${p.currentStep + 1} 步`)) return 'passed';
      await form.getByRole('button', { name: /通过本步/ }).click({ timeout: 2_000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      return (await current.innerText()).includes(`第 ${p.currentStep + 1} 步`) ? 'waiting' : 'passed';
    }, WAIT)
    .toBe('passed');
}

describe.skipIf(skipBrowser)('each main role’s workbench against the demo data', () => {
  const suite = browserSuite();

  // Seed 004: “村两委民主评议” — the village's assembly; the village's steps all stay at the village, so it is the
  // assembly that leaves its list of assemblies to record (the next step is a confirmation).
  it('村级信息员 records a 村两委民主评议 and passes the step, and it leaves the assemblies to record', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-village', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.village_clerk);
      await expectText(page.getByTestId('todo-procedureSteps'), '待本级办理的程序步骤');
      const before = await seeTodo(page, server, 'assemblies', '待录入评议');
      await openTodo(page, 'assemblies', /^\/procedures\?waiting=assemblies/);
      const p = await findProcedure(page, server, 'assemblies', (open, next) => open.requires.includes('assembly') && !open.requires.includes('notice') && !next.requires.includes('assembly'));
      await passStep(page, server, p, async (form) => {
        await form.getByLabel('应到代表人数').fill('30');
        await form.getByLabel('实到人数').fill('24');
        await form.getByLabel('同意票').fill('20');
        await form.getByLabel('反对票').fill('4');
        await expectText(page.getByTestId('quorum-hint'), '会议有效');
      });
      await seeItLeave(page, server, 'assemblies', before);
      expect(pageErrors).toEqual([]);
    });
  });

  it('乡镇审核员 passes a step waiting at the township, and it leaves the township’s list', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-township', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.township_reviewer);
      const before = await seeTodo(page, server, 'procedureSteps', '待本级办理的程序步骤');
      await openTodo(page, 'procedureSteps', /^\/procedures\?waiting=steps/);
      const p = await passableProcedure(page, server);
      await passStep(page, server, p);
      await seeItLeave(page, server, 'procedureSteps', before);
      expect(pageErrors).toEqual([]);
    });
  });

  it('县级扶贫办业务员 gives a household without a helper its 帮扶责任人, and it leaves the list', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-county', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.county_clerk);
      const before = await seeTodo(page, server, 'withoutHelper', '无帮扶责任人的贫困户');
      await openTodo(page, 'withoutHelper', /^\/pairing\/gaps/);
      const gaps = await json<WithoutHelperList>(page.request, `${server.url}/api/pairing/households-without-helper?page=1&pageSize=1`);
      const householdId = gaps.items[0]!.householdId;
      // A helper with room (seed 004: “每名帮扶联系人所联系的贫困家庭一般不超过3户”).
      const helpers = await json<HelperList>(page.request, `${server.url}/api/pairing/helpers?page=1&pageSize=100`);
      const helper = helpers.items.find((h) => h.households < 3 && h.level !== '村')!;
      expect(helper, 'a helper with room').toBeDefined();
      await page.goto(`${server.url}/registry/households/${householdId}`);
      const panel = page.getByTestId('household-helpers');
      await expectText(panel, '该户尚无帮扶责任人');
      await pick(page, panel.locator('#assign-helper_helperId'), helper.name, helper.name);
      await expectText(page.locator('form#assign-helper'), helper.name);
      await panel.getByRole('button', { name: /确定帮扶责任人/ }).click();
      await expectText(panel.getByTestId('household-helper-list'), helper.name);
      await seeItLeave(page, server, 'withoutHelper', before);
      expect(pageErrors).toEqual([]);
    });
  });

  it('帮扶责任人 records a visit to an exited household not visited this half-year, and it leaves the list', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-helper', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.helper);
      const before = await seeTodo(page, server, 'missingVisits', '本半年未回访的脱贫户');
      await openTodo(page, 'missingVisits', /^\/pairing\/gaps/);
      const missing = await json<MissingVisitList>(page.request, `${server.url}/api/pairing/visits/missing?page=1&pageSize=1`);
      const householdId = missing.items[0]!.householdId;
      await page.goto(`${server.url}/registry/households/${householdId}`);
      const panel = page.getByTestId('household-helpers');
      await panel.getByLabel('走访内容').fill('上门回访，了解务工和产业收入情况（浏览器测试）');
      await panel.getByRole('button', { name: /保存走访记录/ }).click();
      await expectText(panel.getByTestId('household-visits'), '上门回访，了解务工和产业收入情况');
      await seeItLeave(page, server, 'missingVisits', before);
      expect(pageErrors).toEqual([]);
    });
  });

  it('考核员 enters a score in the round naming them, and one score fewer is due', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-assessor', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.assessor);
      const before = await seeTodo(page, server, 'scores', '待评分项');
      await openTodo(page, 'scores', /^\/assessment/);
      const rounds = await json<Array<{ id: number; state: string }>>(page.request, `${server.url}/api/assessment/rounds`);
      const round = rounds.find((r) => r.state === 'open')!;
      await page.goto(`${server.url}/assessment/rounds/${round.id}`);
      // The first empty cell of the grid (this scheme grades each indicator: 好 / 较好 / 一般 / 较差).
      const cells = page.locator('[data-testid^="cell-"]');
      await cells.first().waitFor({ state: 'visible' });
      const texts = await cells.allInnerTexts();
      const empty = texts.findIndex((x) => x.includes('等次'));
      expect(empty, 'an empty score cell').toBeGreaterThanOrEqual(0);
      await pick(page, cells.nth(empty).locator('.ant-select'), '', '好');
      await expect.poll(() => cells.nth(empty).innerText(), WAIT).not.toContain('等次');
      await page.getByRole('button', { name: /保存评分/ }).click();
      await expectText(page.locator('.ant-message'), '已保存 1 项评分');
      await seeItLeave(page, server, 'scores', before);
      expect(pageErrors).toEqual([]);
    });
  });

  it('政协委员 records this year’s entry, and the reminder leaves the list', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'role-member', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.member);
      const before = await seeTodo(page, server, 'memberEntries', '本年度尚未录入本人参与的事项');
      await openTodo(page, 'memberEntries', /^\/ledger\/new/);
      const form = page.locator('form').filter({ has: page.getByLabel('具体内容') });
      await pick(page, form.getByLabel('大类'), '富民产业', '富民产业');
      await pick(page, form.getByLabel('小类'), '种植', '种植');
      await form.getByLabel('填写其他对象').check();
      await form.getByLabel('帮扶对象', { exact: true }).fill('三河村马铃薯种植户');
      await form.getByLabel('具体内容').fill('为马铃薯种植户讲解脱毒种薯种植技术（浏览器测试录入）');
      await form.getByLabel('受益人数').fill('20');
      await form.getByLabel('本事项不属于委员职务履职').check();
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/ledger\/\d+$/);
      await expectText(page.getByTestId('entry-detail'), '吉克阿呷');
      await seeItLeave(page, server, 'memberEntries', before);
      expect(pageErrors).toEqual([]);
    });
  });
});
