/**
 * Browser test of the accounts (issue 9): the administrator resets a user's password on the users page (a password they
 * type), then the user signs in with it in another browser and is held on the change-password form until they have
 * set their own; after that the application opens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, clickUntilClosed, expectText, skipBrowser, WAIT, withPage } from './support';

const USER = { username: 'reset.web', password: 'First-pass-2020', displayName: '重置测试员' };
const RESET = 'Reset-in-web-2020';
const OWN = 'My-own-pass-2020';

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe.skipIf(skipBrowser)('accounts in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('an administrator resets a password; the user signs in and is made to change it', { timeout: 180_000 }, async () => {
    const server = suite.server();

    await withPage(suite.browser(), 'accounts-admin', async (page, pageErrors) => {
      await page.goto(`${server.url}/users`);
      await page.waitForURL(/\/login/);
      await login(page, server.adminUsername, server.adminPassword);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const api = page.request;
      const orgs = (await (await api.get(`${server.url}/api/orgs`)).json()) as { items: Array<{ id: number; parentId: number | null }> };
      const root = orgs.items.find((o) => o.parentId === null)!;
      const created = await api.post(`${server.url}/api/users`, { data: { ...USER, role: 'org_admin', orgId: root.id } });
      expect(created.status(), await created.text()).toBe(201);

      await page.goto(`${server.url}/users`);
      const row = page.getByRole('row').filter({ hasText: USER.username });
      await row.getByRole('button', { name: '重置密码' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '重置密码：' }).filter({ visible: true });
      // A click during the dialog's opening animation may be lost: choose 指定新密码 until its field shows.
      const typed = dialog.getByLabel('新密码', { exact: true });
      await expect
        .poll(async () => {
          if (!(await typed.isVisible())) await dialog.getByText('指定新密码').click({ timeout: 2_000 }).catch(() => undefined);
          return typed.isVisible();
        }, WAIT)
        .toBe(true);
      await typed.fill('password');
      await dialog.getByRole('button', { name: '重置密码' }).click();
      await expectText(dialog, '密码过于常见');
      await dialog.getByLabel('新密码', { exact: true }).fill(RESET);
      await dialog.getByRole('button', { name: '重置密码' }).click();
      await expectText(dialog, '密码已重置');
      await clickUntilClosed(page, dialog, /完\s*成/);
      await expectText(row, '待修改密码');
      expect(pageErrors).toEqual([]);
    });

    await withPage(suite.browser(), 'accounts-user', async (page, pageErrors) => {
      await page.goto(`${server.url}/login`);
      await login(page, USER.username, USER.password);
      await expectText(page.getByTestId('login-error'), '用户名或密码错误');
      await login(page, USER.username, RESET);
      const forced = page.getByTestId('forced-password-change');
      await expectText(forced, '修改密码后才能继续使用');
      await forced.getByLabel('当前密码').fill(RESET);
      await forced.getByLabel('新密码', { exact: true }).fill(OWN);
      await forced.getByLabel('确认新密码').fill(OWN);
      await forced.getByRole('button', { name: '修改密码' }).click();
      await expect.poll(() => forced.count(), WAIT).toBe(0);
      await expectText(page.getByTestId('current-user'), USER.displayName);
      expect(pageErrors).toEqual([]);
    });
  });
  // Issue 11: “Administrators can define further roles from the permission list in the UI.”
  it('an administrator defines a role from the permission checkboxes, then deletes it after confirming', { timeout: 180_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'roles-admin', async (page, pageErrors) => {
      await page.goto(`${server.url}/roles`);
      await page.waitForURL(/\/login/);
      await login(page, server.adminUsername, server.adminPassword);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.getByRole('menuitem', { name: '角色管理' }).click();
      await expectText(page.locator('main, .ant-layout-content').first(), '乡镇审核员');
      await page.getByRole('button', { name: '新建角色' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '新建角色' }).filter({ visible: true });
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      await expectText(drawer, '请至少选择一项权限');
      await drawer.getByLabel('角色名称').fill('台账查阅员');
      await drawer.getByLabel('查看台账事项与汇总').check();
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      await expect.poll(() => drawer.count(), WAIT).toBe(0);
      const row = page.getByRole('row').filter({ hasText: '台账查阅员' });
      await expectText(row, '1 项');
      await row.getByRole('button', { name: /删\s*除/ }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
      await expect.poll(() => row.count(), WAIT).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });
});
