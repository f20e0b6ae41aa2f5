/**
 * Browser test of 帮扶措施 and 脱贫规划 (issue 15). On a household's page a measure is added through the form and listed
 * with its 五个一批 and 工程; one under 社会保障兜底一批 brings the refusal of the 稳定脱贫 mark; the 脱贫时限 and 脱贫计划
 * are saved; a measure is deleted after its confirmation. On the 脱贫规划 page a township's plan of a year is saved and
 * read against the actual exits (seed 001: “全乡脱贫规划(包括年度脱贫村、脱贫人口、年末人均纯收入等)”). At 390 px neither
 * page scrolls sideways.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIResponse, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { expectNoSideScroll, settled } from './phone';
import { browserSuite, clickUntilClosed, expectText, pick, RESULTS, skipBrowser, WAIT, withPage, type TestServer } from './support';

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `measures-${name}.png`), fullPage: true });
}

async function signIn(page: Page, server: TestServer, next: string): Promise<void> {
  await page.goto(`${server.url}${next}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(server.adminUsername);
  await page.getByLabel('密码').fill(server.adminPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname.startsWith(next));
}

/** Picks 新城镇 in the page's region picker (its search box). */
async function pickTownship(page: Page): Promise<void> {
  await pick(page, page.getByLabel('搜索行政区划'), '新城镇', '新城镇（乡镇）');
}

describe.skipIf(skipBrowser)('measures and plans in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('adds a measure with its 五个一批, saves the household plan, deletes a measure; saves a township plan and reads it against the actual', { timeout: 240_000 }, async () => {
    const server = suite.server();
    let householdId = 0;
    await withPage(suite.browser(), 'measures', async (page, pageErrors) => {
      await signIn(page, server, '/measures/plans');

      // --- set-up through the API: a household that exited in 2019 ------------------------------------------------------
      const api = page.request;
      const json = async <T,>(request: Promise<APIResponse>): Promise<T> => {
        const res = await request;
        expect(res.status(), await res.text()).toBeLessThan(300);
        return (await res.json()) as T;
      };
      const h = await json<{ id: number }>(api.post(`${server.url}/api/registry/households`, { data: householdBody(XINCHENG_VILLAGE, 'MS-1', [member('吉克措施', idNumber('19810203', '931'), '户主')]) }));
      householdId = h.id;
      await json(api.put(`${server.url}/api/registry/households/${h.id}/incomes/2019`, { data: { wages: 30000, business: 2000, businessCosts: 500 } }));
      const before = await json<{ version: number }>(api.get(`${server.url}/api/registry/households/${h.id}`));
      await json(api.post(`${server.url}/api/registry/households/${h.id}/status`, { data: { status: '已脱贫', year: 2019, effectiveOn: '2019-12-20', reason: '测试', version: before.version } }));

      // --- the household's page: add a measure through the form -----------------------------------------------------------
      await page.goto(`${server.url}/registry/households/${h.id}`);
      const card = page.getByTestId('household-measures');
      await expectText(card, '尚无帮扶措施');
      await card.getByTestId('measure-add').click();
      const modal = page.locator('.ant-modal:visible').filter({ has: page.locator('form#measure') });
      await modal.waitFor();
      // Nothing chosen: the form names the field.
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expectText(modal, '请选择措施类别');
      await pick(page, modal.locator('#measure_kind'), '产业', '产业扶持/特色种养');
      await modal.getByText('已实施', { exact: true }).click();
      await modal.locator('#measure_on').fill('2019-04-01');
      await modal.locator('#measure_unit').fill('县农业农村局');
      await modal.locator('#measure_cost').fill('3000');
      await modal.locator('#measure_note').fill('养殖西门塔尔牛 2 头');
      await clickUntilClosed(page, modal, /保\s*存/);
      const list = card.getByTestId('measure-list');
      const row = list.locator('tbody tr').filter({ hasText: '产业扶持/特色种养' });
      await expectText(row, '发展生产脱贫一批');
      await expectText(row, '产业脱贫工程');
      await expectText(row, '县农业农村局');
      await expectText(row, '3,000 元');
      await expectText(card.getByTestId('measure-batches'), '发展生产脱贫一批');

      // A server refusal is shown in Chinese naming the field: no responsible helper nor unit.
      await card.getByTestId('measure-add').click();
      await modal.waitFor();
      await pick(page, modal.locator('#measure_kind'), '低保', '低保兜底');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expectText(modal, '请选择该户的帮扶责任人或填写责任单位');
      await modal.locator('#measure_unit').fill('县民政局');
      await clickUntilClosed(page, modal, /保\s*存/);
      await expectText(list.locator('tbody tr').filter({ hasText: '低保兜底' }), '社会保障兜底一批');
      await expectText(card.getByTestId('stable-mark-refusal'), '不得标注为稳定脱贫户');

      // --- 脱贫时限 and 脱贫计划 ----------------------------------------------------------------------------------------------
      await card.getByTestId('household-plan-edit').click();
      const planModal = page.locator('.ant-modal:visible').filter({ has: page.locator('form#household-plan') });
      await planModal.waitFor();
      await planModal.locator('#household-plan_targetYear').fill('2019');
      await planModal.locator('#household-plan_plan').fill('发展养牛，户主外出务工，年内脱贫');
      await clickUntilClosed(page, planModal, /保\s*存/);
      await expectText(card.getByTestId('household-plan'), '2019 年');
      await expectText(card.getByTestId('household-plan'), '发展养牛，户主外出务工');

      // --- delete after the confirmation: the refusal goes with the 兜底 measure ------------------------------------------
      await list.getByRole('button', { name: '删除低保兜底' }).click();
      const confirm = page.locator('.ant-modal-confirm:visible');
      await expectText(confirm, '删除帮扶措施“低保兜底”？');
      await clickUntilClosed(page, confirm, /删\s*除/);
      await expect.poll(() => list.locator('tbody tr').filter({ hasText: '低保兜底' }).count(), WAIT).toBe(0);
      await expect.poll(() => card.getByTestId('stable-mark-refusal').count(), WAIT).toBe(0);
      await snap(page, 'household');

      // --- the 脱贫规划 page: the township's plan of 2019 against what happened ---------------------------------------------
      await page.goto(`${server.url}/measures/plans`);
      await expectText(page.getByTestId('plans-note'), '《精准扶贫政策资料包·精准扶贫资料汇编》');
      await pickTownship(page);
      const table = page.getByTestId('plans-table');
      const y2019 = table.locator('tbody tr').filter({ hasText: '2019' }).first();
      await expectText(y2019, '实际 1 户');
      await y2019.getByRole('button', { name: '填写2019年规划' }).click();
      const planYear = page.locator('.ant-modal:visible').filter({ has: page.locator('form#region-plan') });
      await planYear.waitFor();
      await planYear.locator('#region-plan_plannedHouseholds').fill('2');
      await planYear.locator('#region-plan_plannedPersons').fill('5');
      await planYear.locator('#region-plan_plannedVillageExits').fill('1');
      await planYear.locator('#region-plan_plannedPerCapita').fill('4000');
      await clickUntilClosed(page, planYear, /保\s*存/);
      await expectText(y2019, '计划 2 户');
      await expectText(y2019, '计划 5 人');
      await expectText(y2019, '实际 1 人');
      await expectText(y2019, '计划 4,000 元');
      await expectText(y2019, '实际 31,500 元');
      // The chart says the same (its label for screen readers).
      await expect.poll(() => page.getByRole('img', { name: /脱贫规划图/ }).getAttribute('aria-label'), WAIT).toContain('2019年计划5人实际1人');

      // Saved again with the version: a second edit is accepted too.
      await y2019.getByRole('button', { name: '填写2019年规划' }).click();
      await planYear.waitFor();
      await planYear.locator('#region-plan_plannedPersons').fill('6');
      await clickUntilClosed(page, planYear, /保\s*存/);
      await expectText(y2019, '计划 6 人');
      await snap(page, 'plans');
      expect(pageErrors).toEqual([]);
    });

    // --- at 390 px: neither page scrolls sideways -------------------------------------------------------------------------
    await withPage(
      suite.browser(),
      'measures-phone',
      async (page, pageErrors) => {
        await signIn(page, server, `/registry/households/${householdId}`);
        await expectText(page.getByTestId('measure-list'), '产业扶持/特色种养');
        await settled(page);
        await expectNoSideScroll(page);
        mkdirSync(RESULTS, { recursive: true });
        await page.getByTestId('household-measures').screenshot({ path: path.join(RESULTS, 'measures-card-phone.png') });
        await page.goto(`${server.url}/measures/plans`);
        await page.getByTestId('plans-note').waitFor();
        await expectNoSideScroll(page);
        await pickTownship(page);
        await expectText(page.getByTestId('plans-table'), '计划 2 户');
        await settled(page);
        await expectNoSideScroll(page);
        await snap(page, 'plans-phone');
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });
});
