/**
 * Browser test of 帮扶责任人 (issue 4): the helper form refuses a village-level cadre at its field (seed 004: “乡镇以上党政
 * 机关、事业单位在编干部”); on a household's page the panel 帮扶责任人与走访 offers helpers with their counts, a helper at
 * the limit greyed out (“每名帮扶联系人所联系的贫困家庭一般不超过3户”), assigns one, replaces them with a dated note
 * (“在后面备注从何时调整更换”), and records a visit with its signature file (“帮扶成效签字”).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIResponse, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { browserSuite, expectText, pick, RESULTS, skipBrowser, WAIT, withPage } from './support';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('signature')]);

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `pairing-${name}.png`), fullPage: true });
}

describe.skipIf(skipBrowser)('helper pairing in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('refuses a village cadre, assigns and replaces a helper, records a visit with its signature', { timeout: 240_000 }, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'pairing', async (page, pageErrors) => {
      await page.goto(`${server.url}/pairing`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => u.pathname.startsWith('/pairing'));

      // --- the form refuses a village-level cadre at 单位层级 ---------------------------------------------------------
      await page.getByTestId('helper-new').click();
      const drawer = page.locator('.ant-drawer-body');
      await drawer.getByLabel('姓名').fill('村支书');
      await pick(page, drawer.locator('#helper_level'), '', '村级');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await expectText(drawer.locator('.ant-form-item').filter({ has: page.locator('#helper_level') }), '村级干部不能担任帮扶责任人');
      await snap(page, 'village-cadre');
      await page.locator('.ant-drawer-close').click();

      // --- set-up through the API: two helpers, one already holding 3 households, and a household without one -------
      const api = page.request;
      const json = async <T,>(request: Promise<APIResponse>): Promise<T> => {
        const res = await request;
        expect(res.status(), await res.text()).toBeLessThan(300);
        return (await res.json()) as T;
      };
      const helper = (name: string) =>
        json<{ id: number }>(api.post(`${server.url}/api/pairing/helpers`, { data: { name, unit: '新城镇人民政府', kind: 'cadre', level: '乡', post: '干部', regionCode: '513431100000' } }));
      const household = (number: string, head: string, seq: string) =>
        json<{ id: number }>(api.post(`${server.url}/api/registry/households`, { data: householdBody(XINCHENG_VILLAGE, number, [member(head, idNumber('19800101', seq), '户主')]) }));
      const full = await helper('满额干部');
      const first = await helper('甲干部');
      const second = await helper('乙干部');
      for (const [n, seq] of [['PR-1', '911'], ['PR-2', '921'], ['PR-3', '931']] as const) {
        const h = await household(n, `户主${n}`, seq);
        await json(api.post(`${server.url}/api/pairing/households/${h.id}/assignments`, { data: { helperId: full.id } }));
      }
      const target = await household('PR-9', '阿苦帮扶', '991');

      await page.goto(`${server.url}/pairing?q=干部`);
      const list = page.getByTestId('helper-list');
      await expectText(list.locator('tr').filter({ hasText: '满额干部' }), '3 / 3');

      // --- the household's panel: no helper yet; the helper at the limit cannot be chosen ----------------------------
      await page.goto(`${server.url}/registry/households/${target.id}`);
      const panel = page.getByTestId('household-helpers');
      await expectText(panel, '该户尚无帮扶责任人');
      const helperSelect = panel.locator('#assign-helper_helperId');
      await helperSelect.click();
      await helperSelect.fill('满额');
      const fullOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '满额干部' });
      await expect.poll(() => fullOption.getAttribute('aria-disabled').catch(() => null), WAIT).toBe('true');
      await page.keyboard.press('Escape');
      await pick(page, helperSelect, '甲干部', '甲干部');
      await expectText(page.locator('form#assign-helper'), '甲干部');
      await panel.locator('#assign-helper_fromOn').fill('2020-01-01');
      await panel.getByRole('button', { name: /确定帮扶责任人/ }).click();
      await expectText(panel.getByTestId('household-helper-list'), '甲干部');
      await expectText(panel.getByTestId('helper-notes'), '自 2020-01-01 起由甲干部担任帮扶责任人');

      // --- replace 甲 by 乙 with a reason: the note says who took over from whom, and from when -----------------------
      await panel.getByTestId('household-helper-list').getByRole('button', { name: /更\s*换/ }).click();
      const modal = page.locator('.ant-modal').filter({ has: page.locator('form#replace-helper') });
      await pick(page, modal.locator('#replace-helper_helperId'), '乙', '乙干部');
      await modal.getByLabel('更换原因').fill('原帮扶责任人工作调动');
      await modal.getByRole('button', { name: /更\s*换/ }).click();
      await expectText(panel.getByTestId('helper-notes'), '起由乙干部接替甲干部');
      await expectText(panel.getByTestId('helper-notes'), '原帮扶责任人工作调动');
      await expectText(panel.getByTestId('household-helper-list'), '乙干部');

      // --- a visit by the helper, then its signature file -------------------------------------------------------------
      await panel.getByLabel('走访内容').fill('上门走访，了解务工情况，宣讲政策');
      await panel.getByRole('button', { name: /保存走访记录/ }).click();
      const visits = panel.getByTestId('household-visits');
      await expectText(visits, '上门走访，了解务工情况');
      await expectText(visits, '乙干部');
      const visitRow = visits.locator('tbody tr').filter({ hasText: '上门走访' });
      await visitRow.locator('input[type=file]').setInputFiles({ name: '帮扶成效签字.png', mimeType: 'image/png', buffer: PNG });
      await expectText(visits, '帮扶成效签字.png');
      await snap(page, 'household-panel');

      // --- the other pages of the menu entry open and list what they find ---------------------------------------------
      await household('PR-8', '阿苦无帮', '981');
      await page.goto(`${server.url}/pairing/gaps`);
      await expectText(page.getByTestId('without-helper'), '户编号 PR-8（户主 阿苦无帮）');
      await expectText(page.locator('.ant-card').filter({ has: page.getByTestId('missing-visits') }), '半年内未上门回访的脱贫户');
      await page.getByText('领导联系村与帮扶村', { exact: true }).first().click();
      await page.waitForURL(/\/pairing\/leader-villages$/);
      await page.getByTestId('leader-villages').waitFor();

      expect(first.id).not.toBe(second.id);
      expect(pageErrors).toEqual([]);
    });
  });
});
