/**
 * Browser test of the assessment (issue 5: “A browser test enters scores for a small round and sees grades and
 * explanations”): a round of the shipped Anhua CPPCC 2018 scheme (one indicator of 30 points, three one-vote vetoes)
 * over three bodies is made through the API; in the browser the administrator enters the points in the grid, marks a
 * veto fact for one body, computes, and sees each body's grade, rank and explanation, and the veto listed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

const VETO = '没有开展扶贫下乡活动的县直委员组';

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `assessment-${name}.png`), fullPage: true });
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe.skipIf(skipBrowser)('assessment round in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('enters scores in the grid, marks a veto, and sees grades and explanations', { timeout: 180_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'assessment', async (page, pageErrors) => {
      await page.goto(`${server.url}/assessment`);
      await page.waitForURL(/\/login/);
      await login(page, server.adminUsername, server.adminPassword);

      // --- 新建考核轮次: 考核对象 pasted from Excel (issue 11: “考核对象 cannot be picked from the region tree or pasted”) --
      await page.getByRole('button', { name: /新建考核轮次/ }).click();
      const newRound = page.locator('.ant-modal').filter({ has: page.getByTestId('units-paste') });
      await newRound.getByTestId('units-paste').click();
      const paste = page.locator('.ant-modal').filter({ hasText: '粘贴考核对象名单' });
      await paste.getByLabel('考核对象名单').fill('汕头市\n汕尾市\t地级市\t440500');
      await paste.getByRole('button', { name: /添加 2 个/ }).click();
      const unitNames = () => newRound.locator('input[placeholder^="名称"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      await expect.poll(unitNames, WAIT).toEqual(['汕头市', '汕尾市']);
      await newRound.getByRole('button', { name: /取\s*消/ }).click();

      // --- set-up through the API: a round of the Anhua 2018 scheme over three bodies ---------------------------------
      const api = page.request;
      const schemes = (await (await api.get(`${server.url}/api/assessment/schemes`)).json()) as Array<{ id: number; code: string }>;
      const anhua = schemes.find((s) => s.code === 'anhua-cppcc-2018');
      expect(anhua).toBeDefined();
      const created = await api.post(`${server.url}/api/assessment/rounds`, {
        data: {
          schemeId: anhua!.id,
          name: '2018年度政协系统脱贫攻坚专项行动考核',
          year: 2018,
          units: [
            { unitKey: 'u1', name: '委员甲', kind: 'member' },
            { unitKey: 'u2', name: '县直委员组乙', kind: 'org' },
            { unitKey: 'u3', name: '乡镇联工委丙', kind: 'org' },
          ],
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const roundId = ((await created.json()) as { id: number }).id;

      // --- the round appears in the list; the grid takes the points --------------------------------------------------
      await page.goto(`${server.url}/assessment`);
      await page.getByRole('link', { name: '2018年度政协系统脱贫攻坚专项行动考核' }).click();
      await page.waitForURL(new RegExp(`/assessment/rounds/${roundId}`));
      await expectText(page.locator('body'), '考核对象');
      const cell = (unit: string) => page.getByTestId(`cell-${unit}-participation`).locator('input');
      await cell('u1').fill('27');
      await cell('u2').fill('30');
      await cell('u3').fill('18');
      await page.getByRole('button', { name: /保存评分/ }).click();
      await expectText(page.locator('.ant-message'), '已保存 3 项评分');
      await snap(page, 'grid');

      // --- 县直委员组乙 did no village visit: one-vote veto -------------------------------------------------------------
      await page.getByRole('tab', { name: '认定事项与加减分' }).click();
      const group = page.getByTestId('unit-u2');
      await group.getByText(VETO, { exact: true }).click();
      await group.getByRole('button', { name: /保\s*存/ }).click();
      await expectText(page.locator('.ant-message'), '已保存县直委员组乙的认定事项与加减分');

      // --- 计算结果 ----------------------------------------------------------------------------------------------------
      await page.getByRole('tab', { name: /计算结果/ }).click();
      const results = page.getByTestId('results');
      await expectText(results, '委员甲');
      const row = (name: string) => results.locator('tr.ant-table-row').filter({ hasText: name });
      await expectText(row('委员甲'), '好');
      await expectText(row('委员甲'), '综合得分：2018年政协系统绩效考核 90 × 100% = 90.00');
      await expectText(row('委员甲'), '按得分 90.00 评为好');
      await expectText(row('乡镇联工委丙'), '按得分 60.00 评为一般');
      await expectText(row('县直委员组乙'), `${VETO} → 对于没有开展扶贫下乡活动的县直委员组,实行一票否决：好 → 较差`);
      await expect.poll(() => row('县直委员组乙').locator('td').nth(3).innerText(), WAIT).toBe('较差');
      // Rank: by grade, then score — the vetoed group is last although it scored 100.
      await expect.poll(() => results.locator('tr.ant-table-row td:nth-child(3)').allInnerTexts(), WAIT).toEqual(['委员甲', '乡镇联工委丙', '县直委员组乙']);
      await expectText(page.locator('body'), `一票否决：县直委员组乙（${VETO}）`);
      await expect.poll(() => page.getByRole('img', { name: '等次分布' }).count(), WAIT).toBe(1);
      await expect.poll(() => page.getByRole('img', { name: '排名' }).count(), WAIT).toBe(1);
      await snap(page, 'results');
      expect(pageErrors).toEqual([]);
    });
  });
});
