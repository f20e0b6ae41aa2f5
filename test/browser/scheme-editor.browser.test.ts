/**
 * Browser test of the scheme editor (issue 5: “Administrators can copy and edit a scheme”): the administrator copies
 * the shipped Guangdong 2019 aided-city scheme, opens 修改方案, sets the weights to 50/30/20 and one indicator to the
 * median method with 取系统数据 建档立卡：当年脱贫人数, saves, and sees the scheme page show both; then weights summing to
 * 90 are refused with weightProblems' message (the rule the server applies too), and a save over someone else's save
 * is answered with 重新载入.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `scheme-editor-${name}.png`), fullPage: true });
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Picks an option of an antd Select (opened by a click) until the select shows it. */
async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await expect
    .poll(async () => {
      await select.click();
      await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).filter({ visible: true }).last().click();
      return select.innerText();
    }, WAIT)
    .toContain(label);
}

describe.skipIf(skipBrowser)('editing a scheme copy in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('copies the aided-city scheme, edits weights and a system source, and refuses weights summing to 90', { timeout: 180_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'scheme-editor', async (page, pageErrors) => {
      await page.goto(`${server.url}/assessment`);
      await page.waitForURL(/\/login/);
      await login(page, server.adminUsername, server.adminPassword);

      const api = page.request;
      const schemes = (await (await api.get(`${server.url}/api/assessment/schemes`)).json()) as Array<{ id: number; code: string }>;
      const aided = schemes.find((s) => s.code === 'guangdong-2019-aided');
      expect(aided).toBeDefined();

      // --- a shipped scheme has no 修改方案; its copy has ---------------------------------------------------------------
      await page.goto(`${server.url}/assessment/schemes/${aided!.id}`);
      const copyButton = page.getByRole('button', { name: /复制方案/ });
      await copyButton.waitFor();
      expect(await page.getByRole('button', { name: /修改方案/ }).count()).toBe(0);
      // Issue 11: “grade definitions are listed out of order” — best first, as 附件 1-1 lists them (stored as jsonb, the
      // record's keys come back sorted 好, 一般, 较好, 较差).
      const gradeCard = page.locator('.ant-card').filter({ hasText: '等次评价标准与结果运用' });
      await expect.poll(() => gradeCard.locator('.ant-descriptions-item-label').allInnerTexts(), WAIT).toEqual(['好', '较好', '一般', '较差']);
      await copyButton.click();
      await page.waitForURL((u) => /\/assessment\/schemes\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${aided!.id}`));
      const copyId = Number(new URL(page.url()).pathname.split('/').pop());
      await expectText(page.locator('body'), '副本');

      // --- weights 50 / 30 / 20, an indicator graded by the median of 当年脱贫人数 ------------------------------------
      await page.getByRole('button', { name: /修改方案/ }).click();
      const editor = page.getByTestId('scheme-editor');
      await editor.waitFor();
      await page.getByLabel('交叉考核权重').fill('50');
      await page.getByLabel('第三方评估权重').fill('30');
      await page.getByLabel('日常工作情况权重').fill('20');
      await expectText(page.getByTestId('weight-sum'), '合计 100%');

      const indicator = page.getByTestId('indicator-real_reduction');
      await chooseOption(page, indicator.getByTestId('scoring-real_reduction'), '中位法（与中位数比较）');
      await chooseOption(page, indicator.getByTestId('system-real_reduction'), '建档立卡：当年脱贫人数');
      await indicator.getByLabel('计量单位').fill('人');
      await snap(page, 'editor');
      await editor.getByRole('button', { name: /保存方案/ }).first().click();

      await expectText(page.locator('.ant-message'), '已保存');
      await expectText(page.locator('body'), '交叉考核 50%、第三方评估 30%、日常工作情况 20%');
      const row = page.locator('tr.ant-table-row').filter({ hasText: '实际减贫人口的真实情况' });
      await expectText(row, '取系统数据：建档立卡：当年脱贫人数');
      await expectText(row, '中位法：填报数值（人）');
      await snap(page, 'saved');

      // --- weights summing to 90 are refused: the live sum and weightProblems' message -------------------------------
      await page.getByRole('button', { name: /修改方案/ }).click();
      await editor.waitFor();
      await page.getByLabel('日常工作情况权重').fill('10');
      await expectText(page.getByTestId('weight-sum'), '合计 90%，各考核方式权重之和应为 100%');
      await editor.getByRole('button', { name: /保存方案/ }).first().click();
      await expectText(page.getByTestId('scheme-problems'), '各考核方式权重之和应为 100%，现为 90%');
      await snap(page, 'refused');

      // --- someone else saves first: the stale save offers 重新载入 ----------------------------------------------------
      const current = (await (await api.get(`${server.url}/api/assessment/schemes/${copyId}`)).json()) as { version: number; scheme: unknown; consequences: unknown };
      const other = await api.put(`${server.url}/api/assessment/schemes/${copyId}`, { data: { scheme: { ...(current.scheme as object), consequences: current.consequences }, version: current.version } });
      expect(other.status(), await other.text()).toBe(200);
      await page.getByLabel('日常工作情况权重').fill('20');
      await editor.getByRole('button', { name: /保存方案/ }).first().click();
      const conflict = page.getByTestId('scheme-conflict');
      await expectText(conflict, '该方案已被他人修改，请刷新后重试');
      await conflict.getByRole('button', { name: /重新载入/ }).click();
      await expect.poll(() => page.getByTestId('scheme-conflict').count(), WAIT).toBe(0);
      await expect.poll(() => page.getByLabel('日常工作情况权重').inputValue(), WAIT).toBe('20');
      await editor.getByRole('button', { name: /保存方案/ }).first().click();
      await expectText(page.locator('.ant-message'), '已保存');
      expect(pageErrors).toEqual([]);
    });
  });
});
