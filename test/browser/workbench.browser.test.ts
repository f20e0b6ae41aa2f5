/**
 * Browser test of 工作台 (issue 11: “Workbench (工作台) as the home page of every role”): signing in without a page to
 * return to lands on /, which shows the to-dos with their counts (a household without a helper, set up through the
 * API, counts under 无帮扶责任人的贫困户) and the registry's figures; the to-do links to the page listing its records.
 * At a phone's width (390 px) the cards fit the screen.
 */
import { describe, expect, it } from 'vitest';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { browserSuite, expectText, skipBrowser, withPage } from './support';

describe.skipIf(skipBrowser)('workbench in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('lands on the workbench after sign-in, counts a to-do and follows its link', { timeout: 240_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'workbench', async (page, pageErrors) => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => u.pathname === '/');

      const created = await page.request.post(`${server.url}/api/registry/households`, {
        data: householdBody(XINCHENG_VILLAGE, '0901', [member('工作台户主', idNumber('19700101', '951'), '户主')]),
      });
      expect(created.status()).toBe(201);
      const total = (await (await page.request.get(`${server.url}/api/pairing/households-without-helper?pageSize=1`)).json()).total as number;
      expect(total).toBeGreaterThan(0);

      await page.reload();
      await expectText(page.getByRole('heading', { level: 3 }), '工作台');
      const todo = page.getByTestId('todo-withoutHelper');
      await expectText(todo, '无帮扶责任人的贫困户');
      await expectText(todo, String(total));
      await expectText(page.getByTestId('workbench-registry'), '贫困户');
      await expect.poll(() => page.getByRole('img', { name: '按状态统计的贫困户户数图' }).count()).toBe(1);

      await page.setViewportSize({ width: 390, height: 844 });
      // The workbench's cards fit the phone's width (the header above is the layout's, not this page's).
      for (const id of ['workbench-todos', 'workbench-registry'])
        await expect.poll(() => page.getByTestId(id).evaluate((e) => Math.round(e.getBoundingClientRect().right) <= window.innerWidth), { message: id }).toBe(true);

      await todo.getByRole('link').click();
      await page.waitForURL((u) => u.pathname === '/pairing/gaps');
      expect(pageErrors).toEqual([]);
    });
  });
});
