/**
 * Browser test of 修改贫困户: a household created through the API is opened, 编辑 opens the drawer; a change made by
 * someone else meanwhile is refused as stale and reloaded; the main cause is changed, a member is added (first refused on
 * that member's field, then accepted) with a reason, and the household page shows the new facts, the new member and a
 * status-history line about the members; removing a member asks for confirmation first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { yearOf } from '../../src/domain/shared/dates';
import { checkCharacter } from '../../src/domain/registry/id-number';
import { browserSuite, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

const VILLAGE = '513431100200'; // 昭觉县新城镇俄尔古取村
const NUMBER = 'ED-0001';

/** A valid 18-digit ID number (GB 11643 check character) from a 6-digit area, a birth date and a sequence. */
function idNumber(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** Picks an option of an antd Select (not searchable: opened by a click) in the dropdown open now, until it shows. */
async function chooseOption(page: Page, field: Locator, label: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect
    .poll(async () => {
      await field.click();
      const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
      // The list is virtual: opened at the current value, an option far above it is not rendered until scrolled to.
      // (evaluateAll: a short list has no virtual holder, and `evaluate` would wait its whole timeout for one.)
      await open.locator('.rc-virtual-list-holder').evaluateAll((els) => els.forEach((el) => (el.scrollTop = 0)));
      await open.locator(`.ant-select-item-option[title="${label}"]`).filter({ visible: true }).last().click({ timeout: 5_000 });
      return select.innerText();
    }, WAIT)
    .toContain(label);
}

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `household-edit-${name}.png`), fullPage: true });
}

describe.skipIf(skipBrowser)('editing a household in the browser', () => {
  const suite = browserSuite({ demo: false });

  it('changes the facts and the members, refuses a stale version and confirms a removal', { timeout: 240_000 }, async () => {
    const server = suite.server();
    const year = yearOf(new Date());

    await withPage(suite.browser(), 'household-edit', async (page, pageErrors) => {
      await page.goto(`${server.url}/registry`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(server.adminUsername);
      await page.getByLabel('密码').fill(server.adminPassword);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/registry$/);

      // A household of two working-age adults, created through the API with the session just opened.
      const created = await page.request.post(`${server.url}/api/registry/households`, {
        data: {
          villageCode: VILLAGE,
          number: NUMBER,
          attribute: '一般贫困户',
          identifiedYear: 2016,
          mainCause: '缺技术',
          secondaryCauses: ['缺资金'],
          housingSafe: true,
          drinkingWaterSafe: false,
          foodSecure: true,
          clothingSecure: true,
          persons: [
            { name: '阿都编辑', idNumber: idNumber('513431', '19790214', '611'), relation: '户主', labour: '普通劳动力' },
            { name: '吉伍编辑', idNumber: idNumber('513431', '19810920', '622'), relation: '配偶', labour: '普通劳动力' },
          ],
        },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: number; version: number };

      await page.goto(`${server.url}/registry/households/${id}`);
      await expectText(page.getByTestId('household-title'), '阿都编辑');
      await expectText(page.getByTestId('household-facts'), '缺技术');
      await page.getByRole('button', { name: /编\s*辑/ }).click();
      const form = page.locator('form#household-edit');
      await form.waitFor({ state: 'visible' });
      await expectText(form.getByTestId('person-1'), '吉伍编辑');

      // Someone else changes the household meanwhile: saving is refused as stale, and 重新载入 shows their change.
      const current = (await (await page.request.get(`${server.url}/api/registry/households/${id}`)).json()) as { version: number };
      const other = await page.request.patch(`${server.url}/api/registry/households/${id}`, { data: { version: current.version, drinkingWaterSafe: true } });
      expect(other.status()).toBe(200);
      await chooseOption(page, form.getByLabel('主要致贫原因'), '因学');
      await form.getByRole('button', { name: /保存修改/ }).click();
      const stale = page.getByTestId('household-stale');
      await expectText(stale, '该户信息已被他人修改');
      await snap(page, 'stale');
      await stale.getByRole('button', { name: /重新载入/ }).click();
      await stale.waitFor({ state: 'detached' });
      await expect.poll(() => form.getByRole('switch', { name: '饮水安全' }).getAttribute('aria-checked'), WAIT).toBe('true');
      await expectText(form, '缺技术');

      // The main cause changes; removing a member asks first (cancelled here).
      await chooseOption(page, form.getByLabel('主要致贫原因'), '因病');
      await form.getByTestId('person-1').getByRole('button', { name: /删\s*除/ }).click();
      const confirm = page.locator('.ant-modal-confirm').filter({ visible: true });
      await expectText(confirm, '确认删除第 2 位成员“吉伍编辑”？');
      await confirm.getByRole('button', { name: /取\s*消/ }).click();
      await confirm.waitFor({ state: 'hidden' });
      await expectText(form.getByTestId('person-1'), '吉伍编辑');

      // A child of six declared as labour: the server refuses it on that member's field.
      await form.getByRole('button', { name: /添加成员/ }).click();
      const child = form.getByTestId('person-2');
      await child.getByLabel('姓名').fill('阿都小编');
      await child.getByLabel('身份证号').fill(idNumber('513431', `${year - 6}0410`, '633'));
      await chooseOption(page, child.getByLabel('劳动能力'), '普通劳动力');
      await form.getByLabel('变更原因').fill('子女随父母落户本村');
      await form.getByRole('button', { name: /保存修改/ }).click();
      await expectText(child, '应为无劳动力');
      await page.getByTestId('household-errors').waitFor({ state: 'visible' });
      await snap(page, 'field-error');
      await chooseOption(page, child.getByLabel('劳动能力'), '无劳动力');
      await form.getByRole('button', { name: /保存修改/ }).click();
      await form.waitFor({ state: 'detached' });

      // The household page shows the new facts, the new member and the history line with the reason.
      await expectText(page.getByTestId('household-facts'), '因病');
      await expectText(page.getByTestId('household-facts'), '3 人');
      await expectText(page.getByTestId('household-members'), '阿都小编');
      const history = page.getByTestId('household-history');
      await expectText(history, '子女随父母落户本村');
      await expectText(history, '3 人');
      await snap(page, 'saved');

      // Removing the child, confirmed this time: the history records the change with the default reason.
      await page.getByRole('button', { name: /编\s*辑/ }).click();
      await form.waitFor({ state: 'visible' });
      await form.getByTestId('person-2').getByRole('button', { name: /删\s*除/ }).click();
      await confirm.getByRole('button', { name: /删\s*除/ }).click();
      await form.getByTestId('person-2').waitFor({ state: 'detached' });
      await form.getByRole('button', { name: /保存修改/ }).click();
      await form.waitFor({ state: 'detached' });
      await expectText(history, '家庭成员由 3 人变更为 2 人');
      await expect.poll(() => page.getByTestId('household-members').innerText(), WAIT).not.toContain('阿都小编');
      await expectText(page.getByTestId('household-facts'), '2 人');

      expect(pageErrors).toEqual([]);
    });
  });
});
