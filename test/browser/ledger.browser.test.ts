/**
 * Browser test of the ledger UI: log in, record one 事项 through the form, and find it counted on the 汇总 page.
 * Runs the whole server (API + the built UI from dist/web) on a fresh database with the demo data, and drives
 * Debian's chromium through playwright-core (never `npx playwright install`).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { yearOf } from '../../src/domain/shared/dates';
import { browserSuite, expectText, skipBrowser, WAIT, withPage } from './support';

const BODY = '昭觉县政协';

/** 万元 with 4 decimals as integer yuan, so sums are exact. */
function yuan(wan: string): number {
  const m = /^(\d+)\.(\d{4})$/.exec(wan.trim());
  if (!m) throw new Error(`not a 万元 amount: “${wan}”`);
  return Number(m[1]) * 10000 + Number(m[2]);
}

async function chooseTreeOption(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  await field.fill(title);
  await page.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).filter({ visible: true }).first().click();
}

async function chooseOption(page: Page, field: Locator, label: string): Promise<void> {
  await field.click();
  await field.fill(label);
  await page.locator(`.ant-select-item-option[title="${label}"]`).filter({ visible: true }).first().click();
}

interface RowFigures {
  entries: number;
  personal: number;
  fundsTotal: number;
}

async function readCategoryRow(page: Page, tableTestId: string, categoryCode: string): Promise<RowFigures> {
  const row = page.getByTestId(tableTestId).locator(`tr[data-row-key="cat-${categoryCode}"]`);
  await row.waitFor({ state: 'visible' });
  const cell = async (col: string) => (await row.locator(`[data-col="${col}"]`).innerText()).trim();
  return {
    entries: Number(await cell('entries')),
    personal: yuan(await cell('personal')),
    fundsTotal: yuan(await cell('fundsTotal')),
  };
}

/** Opens the totals page for the body and year, and waits until the figures are for that body. */
async function openSummary(page: Page, baseUrl: string, year: number): Promise<void> {
  await page.goto(`${baseUrl}/summary`);
  const form = page.locator('form#summary-query');
  await chooseTreeOption(page, form.getByLabel('填报单位'), BODY);
  await form.getByLabel('起始年度').fill(String(year));
  await form.getByLabel('截止年度').fill(String(year));
  await form.getByRole('button', { name: /统\s*计/ }).click();
  await expectText(page.getByTestId('summary-caption'), `${BODY}（含下级）${year} 年度`);
  await page.getByTestId('totals-all').waitFor({ state: 'visible' });
}

describe.skipIf(skipBrowser)('ledger in the browser', () => {
  const suite = browserSuite();

  it('records an entry through the form and finds it counted on the totals page', { timeout: 180_000 }, async () => {
    const server = suite.server();
    const year = yearOf(new Date());

    await withPage(suite.browser(), 'ledger', async (page, pageErrors) => {
      // Log in as the administrator; the header shows who is logged in.
      await page.goto(`${server.url}/ledger`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/ledger$/);
      await expectText(page.getByTestId('current-user'), '退出登录');

      // The totals before.
      await openSummary(page, server.url, year);
      const before = await readCategoryRow(page, 'totals-all', '02');
      await page.getByRole('tab', { name: '深度贫困县' }).click();
      const deepBefore = await readCategoryRow(page, 'totals-deep', '02');

      // Record one 富民产业 · 种植 entry in a village of 昭觉县 (a listed deep-poverty county).
      await page.goto(`${server.url}/ledger/new`);
      const form = page.locator('form#entry');
      await chooseTreeOption(page, form.getByLabel('填报单位'), BODY);
      await chooseOption(page, form.getByLabel('大类'), '富民产业');
      await chooseOption(page, form.getByLabel('小类'), '种植');
      await expectText(page.getByTestId('subtype-explanation'), '投资、技术支持等帮助贫困地区、贫困人口发展种植业。');
      expect(await form.getByLabel('件（个、户）数').inputValue()).toBe('1');

      await form.getByLabel('从行政区划选择（村）').check();
      await form.getByLabel('帮扶对象（村）').click();
      const menus = page.locator('.ant-cascader-menus').filter({ visible: true });
      await menus.locator('.ant-cascader-menu').nth(0).locator('.ant-cascader-menu-item', { hasText: '四川省' }).click();
      await menus.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: '凉山彝族自治州' }).click();
      await menus.locator('.ant-cascader-menu').nth(2).locator('.ant-cascader-menu-item', { hasText: '昭觉县' }).click();
      await menus.locator('.ant-cascader-menu').nth(3).locator('.ant-cascader-menu-item').first().click();
      await menus.locator('.ant-cascader-menu').nth(4).locator('.ant-cascader-menu-item').first().click();
      // The deep-poverty flag is proposed from the village's county.
      await expect.poll(() => form.getByRole('switch', { name: '深度贫困县事项' }).isChecked(), WAIT).toBe(true);

      await form.getByLabel('具体内容').fill('为贫困户提供花椒种苗，组织种植技术培训两次（浏览器测试录入）');
      await form.getByLabel('个人资金（万元）').fill('1.5');
      await form.getByLabel('受益人数').fill('12');
      await expectText(page.getByTestId('funds-total'), '1.5000');
      await form.getByLabel('本事项不属于委员职务履职').check();
      await form.getByRole('button', { name: /保\s*存/ }).click();

      await page.waitForURL(/\/ledger\/\d+$/);
      const detail = page.getByTestId('entry-detail');
      await expectText(detail, BODY);
      await expectText(detail, '1.5000');
      await page.getByRole('heading', { name: /富民产业 · 种植/ }).waitFor({ state: 'visible' });

      // Issue 11: “at 1440 px the ledger list hides its money columns behind a sideways scroll” — the list fits the
      // 1440 px window (support.ts), its money columns in view, long texts cut with the whole text in a tooltip.
      await page.goto(`${server.url}/ledger`);
      const table = page.locator('.ant-table-content').first();
      await table.locator('tr.ant-table-row').first().waitFor({ state: 'visible' });
      const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const header of ['资金合计（万元）', '受益人数']) {
        const box = await page.getByRole('columnheader', { name: header }).boundingBox();
        const tableBox = await table.boundingBox();
        expect(box && tableBox && box.x + box.width <= tableBox.x + tableBox.width + 1, header).toBe(true);
      }

      // The totals after: one more 件 under 富民产业 and 1.5 万元 more 个人资金, in all entries and the deep-poverty subset.
      await openSummary(page, server.url, year);
      const after = await readCategoryRow(page, 'totals-all', '02');
      expect(after.entries).toBe(before.entries + 1);
      expect(after.personal - before.personal).toBe(15_000);
      expect(after.fundsTotal - before.fundsTotal).toBe(15_000);
      await page.getByRole('tab', { name: '深度贫困县' }).click();
      const deepAfter = await readCategoryRow(page, 'totals-deep', '02');
      expect(deepAfter.entries).toBe(deepBefore.entries + 1);
      expect(deepAfter.personal - deepBefore.personal).toBe(15_000);

      expect(pageErrors).toEqual([]);
    });
  });
});
