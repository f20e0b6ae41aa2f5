/**
 * Browser test of 部门比对 (一比对, issue 4): a household of two is set up through the API; the user imports a GBK CSV
 * vehicle list (the ID column found by its header below a title), runs a comparison over the registry, finds the spouse
 * (not the head) under the household with the list's row as evidence, records the village assembly's decision 不属实,
 * sees the household's status unchanged, and deletes the list after confirming.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../support/gbk';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { browserSuite, clickUntilClosed, expectText, pick, RESULTS, skipBrowser, WAIT, withPage } from './support';

const HEAD = '吉克比对';
const SPOUSE = '阿说比对';

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `compare-${name}.png`), fullPage: true });
}

describe.skipIf(skipBrowser)('cross-department comparison in the browser', () => {
  // Its own records on an empty database: the demo's households, lists and checks would be counted with them.
  const suite = browserSuite({ demo: false });

  it('imports a list, compares, and records the assembly’s decision without touching the household', { timeout: 240_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'compare', async (page, pageErrors) => {
      await page.goto(`${server.url}/compare`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));

      const api = page.request;
      const spouseId = idNumber('19850505', '882');
      const created = await api.post(`${server.url}/api/registry/households`, {
        data: householdBody(XINCHENG_VILLAGE, 'CMP-0001', [member(HEAD, idNumber('19830303', '871'), '户主'), member(SPOUSE, spouseId, '配偶')]),
      });
      expect(created.status(), await created.text()).toBe(201);
      const household = (await created.json()) as { id: number; status: string; version: number };

      // --- import a GBK CSV: a title line, then the headers; the ID column is found -----------------------------------
      await page.goto(`${server.url}/compare`);
      await page.getByRole('button', { name: /导入部门名单/ }).click();
      await page.waitForURL(/\/compare\/lists\/import$/);
      const csv = encodeGbk(`昭觉县机动车登记名单\r\n序号,号牌号码,机动车所有人,公民身份号码,车辆类型\r\n1,川W54321,${SPOUSE},${spouseId},小型轿车\r\n2,川W00001,王某,${idNumber('19700101', '013', '110105')},货车\r\n`);
      await page.locator('input[type=file]').setInputFiles({ name: '机动车登记.csv', mimeType: 'text/csv', buffer: csv });
      await page.getByRole('button', { name: /读取文件/ }).click();
      const preview = page.getByTestId('list-preview');
      await expectText(preview, '共 2 行数据');
      await expectText(preview, 'CSV，编码 GBK');
      await expectText(preview, '已自动找到身份证号列（D 列）');
      await pick(page, page.getByLabel('部门'), '', '车辆——');
      await snap(page, 'import');
      await page.getByRole('button', { name: /开始导入/ }).click();
      await expectText(page.getByTestId('list-import-result'), '写入 2 行');

      // --- run a comparison over the registry with that list -----------------------------------------------------------
      await page.getByRole('button', { name: /运行比对/ }).click();
      await page.waitForURL(/tab=run/);
      await page.getByTestId('run-lists').getByText('机动车登记').click();
      await page.getByRole('button', { name: /开始比对/ }).click();
      await page.waitForURL(/\/compare\/runs\/\d+$/);
      await expectText(page.getByTestId('run-summary'), '机动车登记');
      await expectText(page.getByTestId('run-villages'), '俄尔古取村');
      const card = page.getByTestId('hit-household').filter({ hasText: 'CMP-0001' });
      await expectText(card, `户主 ${HEAD}`);
      await expectText(card, SPOUSE);
      await expectText(card, '配偶');
      await expectText(card, '川W54321');
      await expectText(card.getByTestId('hit-decision'), '待评议');
      await snap(page, 'run');

      // --- the village assembly's decision -------------------------------------------------------------------------------
      await card.getByRole('button', { name: /评议/ }).click();
      const dialog = page.getByRole('dialog');
      await expectText(dialog, '第 3 行');
      await dialog.getByRole('button', { name: /记录评议结果/ }).click();
      await expectText(dialog, '请选择“属实”或“不属实”');
      await expectText(dialog, '俄尔古取村');
      await dialog.getByLabel('不属实').check();
      await expectText(dialog, '保留其贫困户（申请）资格');
      await dialog.getByLabel('评议情况').fill('入户核实：该车登记在同名他人名下。村民代表大会评议不属实。');
      await snap(page, 'decision');
      await dialog.getByRole('button', { name: /记录评议结果/ }).click();
      await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
      await expectText(card.getByTestId('hit-decision'), '不属实');

      const after = (await (await api.get(`${server.url}/api/registry/households/${household.id}`)).json()) as { status: string; version: number; persons: unknown[] };
      expect(after).toMatchObject({ status: household.status, version: household.version });
      expect(after.persons).toHaveLength(2);

      // --- delete the list after confirming -------------------------------------------------------------------------------
      await page.goto(`${server.url}/compare?tab=lists`);
      const row = page.getByTestId('compare-lists').locator('tr').filter({ hasText: '机动车登记' });
      await expectText(row, '车辆');
      await snap(page, 'lists');
      await row.getByRole('button', { name: /删除/ }).click();
      await expectText(page.getByRole('dialog'), '已有的比对线索保留其证据');
      await clickUntilClosed(page, page.getByRole('dialog').filter({ visible: true }), /删\s*除/);
      await expect.poll(() => row.count(), WAIT).toBe(0);

      expect(pageErrors).toEqual([]);
    });
  });
});
