/**
 * Browser test of 数据质量检查 (issue 4): two households of one township are set up through the API — neither has a
 * helper, and the second's 扶贫手册 was recorded with a family size other than the registry's. On /quality with the
 * township in the URL the user runs 立即检查, sees the run time, the half-year and the counts (red when above 0) and the
 * bar chart, drills into 贫困户无帮扶责任人, finds the household and follows the link to its page; there the
 * 扶贫手册核对（三个一致）panel refuses a check dated tomorrow at its field, saves it dated today, and the next run counts
 * that household under 扶贫手册与系统数据不一致 as well.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, halfOf, isoDate, yearOf } from '../../src/domain/shared/dates';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { browserSuite, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

const TOWNSHIP = '513431100000'; // 昭觉县新城镇
const NO_HELPER = '阿苦无帮';
const MISMATCH = '吉克手册';

/** The date `days` from today, as the server counts today (in Beijing). */
function dayFrom(days: number): string {
  return addDays(isoDate(new Date()), days);
}

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `quality-${name}.png`), fullPage: true });
}

/** The count shown for a check in the counts table. */
function countOf(page: Page, key: string) {
  return page.getByTestId('quality-counts').locator(`tr[data-row-key="${key}"]`).getByTestId('quality-count');
}

async function runChecks(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/quality/runs') && r.request().method() === 'POST');
  await page.getByTestId('quality-run-now').click();
  expect((await answered).status()).toBe(200);
}

describe.skipIf(skipBrowser)('data-quality checks in the browser', () => {
  // Its own records on an empty database: the demo's households, lists and checks would be counted with them.
  const suite = browserSuite({ demo: false });

  it('runs the checks of a township, drills into one and records a handbook check', { timeout: 240_000 }, async () => {
    const server = suite.server();
    const year = yearOf(new Date());
    const half = halfOf(isoDate(new Date())) === 1 ? '上半年' : '下半年';

    await withPage(suite.browser(), 'quality', async (page, pageErrors) => {
      await page.goto(`${server.url}/quality?region=${TOWNSHIP}`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));

      // --- set-up through the API: two households without a helper, the second with a handbook of 3 persons --------
      const api = page.request;
      const ids: number[] = [];
      for (const [number, head, seq] of [
        ['QA-0001', NO_HELPER, '811'],
        ['QA-0002', MISMATCH, '821'],
      ] as const) {
        const res = await api.post(`${server.url}/api/registry/households`, { data: householdBody(XINCHENG_VILLAGE, number, [member(head, idNumber('19800101', seq), '户主')]) });
        expect(res.status(), await res.text()).toBe(201);
        ids.push(((await res.json()) as { id: number }).id);
      }
      const [noHelperId, mismatchId] = ids;
      const handbook = await api.post(`${server.url}/api/quality/households/${mismatchId}/handbook`, { data: { year: year - 1, persons: 3, perCapita: 4000, helperNames: [] } });
      expect(handbook.status(), await handbook.text()).toBe(201);

      // --- the page keeps the township from the URL; nothing has been checked there yet -------------------------------
      await page.goto(`${server.url}/quality?region=${TOWNSHIP}`);
      const caption = page.getByTestId('quality-run');
      await expectText(caption, '新城镇');
      await expectText(caption, '尚未检查');

      await runChecks(page);
      await expectText(page.getByTestId('quality-half-year'), `${year} 年${half}`);
      await expect.poll(() => page.getByTestId('quality-run-time').innerText(), WAIT).toMatch(new RegExp(`^${year}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
      await expect.poll(() => countOf(page, 'no_helper').innerText(), WAIT).toBe('2');
      await expect.poll(() => countOf(page, 'handbook_mismatch').innerText(), WAIT).toBe('1');
      await expect.poll(() => countOf(page, 'invalid_id').innerText(), WAIT).toBe('0');
      expect(await countOf(page, 'no_helper').getAttribute('class')).toContain('ant-typography-danger');
      expect(await countOf(page, 'invalid_id').getAttribute('class')).not.toContain('ant-typography-danger');
      await expectText(page.getByTestId('quality-counts'), '确保每个贫困户至少有一名帮扶责任人');
      await page.getByRole('img', { name: '各项数据质量检查发现的记录数柱状图' }).waitFor({ state: 'visible' });
      await snap(page, 'counts');

      // --- drill into 贫困户无帮扶责任人: both households, each linked to its page ---------------------------------
      await page.getByTestId('quality-counts').getByRole('button', { name: '贫困户无帮扶责任人' }).click();
      await page.waitForURL(/check=no_helper/);
      const findings = page.getByTestId('quality-findings');
      await expectText(findings, NO_HELPER);
      await expectText(findings, MISMATCH);
      await expectText(page.locator('.ant-drawer-body'), '共 2 条');
      const row = findings.locator('tr').filter({ hasText: NO_HELPER });
      await expectText(row, 'QA-0001');
      // Issue 11: “codes appear where names belong (quality details …)” — the village's name, not its 12-digit code.
      const village = (await (await api.get(`${server.url}/api/regions/${XINCHENG_VILLAGE}`)).json()) as { name: string };
      await expectText(row, village.name);
      expect(await row.innerText()).not.toContain(XINCHENG_VILLAGE);
      await snap(page, 'findings');
      await row.getByRole('link', { name: '打开扶贫手册' }).click();
      await page.waitForURL(new RegExp(`/registry/households/${noHelperId}$`));
      await expectText(page.getByTestId('household-title'), NO_HELPER);

      // --- 扶贫手册核对: a check dated tomorrow is refused at 核对日期, then saved dated today ------------------------
      const panel = page.getByTestId('handbook-panel');
      await expectText(panel.getByTestId('handbook-checks'), '尚未核对');
      await panel.getByLabel('手册家庭人口').fill('1');
      await panel.getByLabel('手册人均纯收入').fill('5200');
      const helpers = panel.getByLabel('手册帮扶责任人');
      await helpers.fill('王干部');
      await helpers.press('Enter');
      await expectText(panel.locator('.ant-select'), '王干部');
      await panel.getByLabel('核对日期').fill(dayFrom(1));
      await panel.getByRole('button', { name: /保存核对结果/ }).click();
      const dateItem = panel.locator('.ant-form-item').filter({ has: page.locator('input#handbook-check_checkedOn') });
      await expectText(dateItem, '应为不晚于今天的日期');
      await snap(page, 'handbook-error');
      await panel.getByLabel('核对日期').fill(dayFrom(0));
      await panel.getByRole('button', { name: /保存核对结果/ }).click();
      const saved = panel.getByTestId('handbook-checks').locator('tbody tr').filter({ hasText: dayFrom(0) });
      await expectText(saved, '王干部');
      await expectText(saved, '5,200');
      await expect.poll(() => dateItem.innerText(), WAIT).not.toContain('应为不晚于今天的日期');
      await snap(page, 'handbook-saved');

      // No income of that year in the registry: the next run counts this household as not matching its handbook.
      await page.goto(`${server.url}/quality?region=${TOWNSHIP}`);
      await expect.poll(() => countOf(page, 'handbook_mismatch').innerText(), WAIT).toBe('1');
      await runChecks(page);
      await expect.poll(() => countOf(page, 'handbook_mismatch').innerText(), WAIT).toBe('2');
      await page.getByTestId('quality-counts').getByRole('button', { name: '扶贫手册与系统数据不一致' }).click();
      await expectText(page.getByTestId('quality-findings'), `系统无 ${year - 1} 年收入`);

      expect(pageErrors).toEqual([]);
    });
  });
});
