/**
 * Browser test of the audit page (issue 9): an administrator opens 审计日志 from the menu, sees a change before → after
 * with who and when, filters by record kind, and checks the hash chain.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

describe.skipIf(skipBrowser)('audit page in the browser', () => {
  const suite = browserSuite();

  it('lists changes before → after, filters them and checks the chain', { timeout: 240_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'audit', async (page, pageErrors) => {
      await page.goto(`${server.url}/ledger`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => u.pathname.startsWith('/ledger'));

      // A change to look at: a body renamed through the API, as the signed-in administrator.
      const orgs = (await (await page.request.get(`${server.url}/api/orgs`)).json()) as { items: Array<{ id: number; name: string; version: number; parentId: number | null }> };
      const body = orgs.items.find((o) => o.parentId !== null)!;
      const renamed = await page.request.patch(`${server.url}/api/orgs/${body.id}`, { data: { name: `${body.name}（更名）`, version: body.version } });
      expect(renamed.status()).toBe(200);

      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await page.waitForURL((u) => u.pathname === '/audit');
      const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await expectText(firstRow, '单位名称');
      await expectText(firstRow, `${body.name} → ${body.name}（更名）`);
      await expectText(firstRow, '系统管理员');

      await page.locator('.ant-form-item').filter({ hasText: '操作' }).locator('.ant-select').first().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '新增' }).first().click();
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(async () => (await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()).every((t) => t.includes('新增')), WAIT).toBe(true);

      await page.getByRole('button', { name: /校验哈希链/ }).click();
      await expectText(page.getByTestId('audit-verify'), '审计日志完整');
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'audit-page.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    });
  });
});
