/**
 * Browser test of the household exit procedure (issue 4): a county office's user, a 2020 poverty line and a household
 * whose 2020 income meets the exit rules are set up through the API; in the browser the user starts 启动脱贫程序 on the
 * household page and passes every step on the procedure page — an assembly without quorum is refused at its field
 * first, then one with quorum passes; the confirmation; two notices (each started on or after the day its step opened, then
 * the server's clock moved on past its days, and the user signs in again); the township and county steps — uploads one evidence file, reaches 已办结, opens the printable
 * 脱贫光荣证 and sees the household 已脱贫.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../../src/domain/shared/dates';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from '../support/registry';
import { browserSuite, clickUntilClosed, expectText, RESULTS, skipBrowser, WAIT, withPage } from './support';

const COUNTY = '513431000000'; // 昭觉县
const HEAD = '吉克光荣';
const USER = { username: 'county-exit', password: 'county-pass-123' };

/** The server's clock: the real one moved on by `shift` days (a notice passes only days after its step opened). */
let shift = 0;
const serverNow = () => new Date(Date.now() + shift * 86_400_000);

/** The date `days` before the server's today, as the server counts today (in Beijing). */
function daysAgo(days: number): string {
  return addDays(isoDate(serverNow()), -days);
}

/** Picks an option of an antd Select (opened by a click), retrying while the modal around it is still animating. */
async function chooseOption(page: Page, field: Locator, text: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect
    .poll(async () => {
      await field.click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).filter({ visible: true }).last().click({ timeout: 2_000 }).catch(() => undefined);
      return select.innerText();
    }, WAIT)
    .toContain(text);
}


async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `procedure-exit-${name}.png`), fullPage: true });
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe.skipIf(skipBrowser)('household exit procedure in the browser', () => {
  const suite = browserSuite({ now: serverNow, demo: false });

  it('walks a household through every step to its 脱贫光荣证', { timeout: 240_000 }, async () => {
    const server = suite.server();

    await withPage(suite.browser(), 'procedure-exit', async (page, pageErrors) => {
      // --- set-up through the API, as the administrator -------------------------------------------------------------
      await page.goto(`${server.url}/registry`);
      await page.waitForURL(/\/login/);
      await login(page, server.adminUsername, server.adminPassword);
      const api = page.request;
      const orgs = (await (await api.get(`${server.url}/api/orgs`)).json()) as { items: Array<{ id: number; parentId: number | null }> };
      const root = orgs.items.find((o) => o.parentId === null);
      expect(root).toBeDefined();
      const org = await api.post(`${server.url}/api/orgs`, { data: { parentId: root!.id, name: '昭觉县扶贫开发领导小组办公室', kind: '扶贫办', level: '县', regionCode: COUNTY } });
      expect(org.status(), await org.text()).toBe(201);
      const user = await api.post(`${server.url}/api/users`, {
        data: { ...USER, displayName: '县扶贫办阿说', role: 'org_admin', orgId: ((await org.json()) as { id: number }).id },
      });
      expect(user.status(), await user.text()).toBe(201);
      const line = await api.put(`${server.url}/api/registry/poverty-lines`, { data: { year: 2020, scope: 'national', yuan: 3747, source: '2020 年国家扶贫标准（浏览器测试）' } });
      expect(line.status(), await line.text()).toBe(200);
      // 俄尔古取村, one working adult, secure and insured: with 9,000 元 in 2020 it meets the exit rules.
      const created = await api.post(`${server.url}/api/registry/households`, {
        data: householdBody(XINCHENG_VILLAGE, 'PE-0001', [member(HEAD, idNumber('19800315', '771'), '户主', { workIncome: 9000 })]),
      });
      expect(created.status(), await created.text()).toBe(201);
      const householdId = ((await created.json()) as { id: number }).id;
      const income = await api.put(`${server.url}/api/registry/households/${householdId}/incomes/2020`, { data: { wages: 9000 } });
      expect(income.status(), await income.text()).toBe(200);

      // --- the county user opens the household and starts the exit -------------------------------------------------
      await page.context().clearCookies();
      await page.goto(`${server.url}/registry/households/${householdId}`);
      await page.waitForURL(/\/login/);
      await login(page, USER.username, USER.password);
      await page.waitForURL(new RegExp(`/registry/households/${householdId}$`));
      await expectText(page.getByTestId('household-title'), HEAD);
      await expectText(page.getByTestId('household-status'), '未脱贫');
      await expectText(page.getByTestId('verdict-exit-result'), '达到脱贫标准');
      // The direct status form is the system administrator's data correction only.
      expect(await page.locator('form#household-status').count()).toBe(0);

      await page.getByTestId('household-procedures').getByRole('button', { name: /启动脱贫程序/ }).click();
      const confirm = page.locator('.ant-modal-confirm').filter({ visible: true });
      await expectText(confirm, '颁发脱贫光荣证');
      await expectText(confirm, '脱贫年度：2020 年');
      await clickUntilClosed(page, confirm, /启\s*动/);
      await page.waitForURL(/\/procedures\/\d+$/);
      const procedureUrl = page.url();
      /** The days of a notice pass: the server's clock moves on, its session ends (7 days), the user signs in again. */
      const later = async (days: number) => {
        shift += days;
        await page.goto(procedureUrl);
        await page.waitForURL(/\/login/);
        await login(page, USER.username, USER.password);
        await page.waitForURL(/\/procedures\/\d+$/);
      };
      await expectText(page.getByTestId('procedure-state'), '办理中');
      const current = page.getByTestId('current-step');
      const form = page.locator('form#procedure-step');
      const pass = () => form.getByRole('button', { name: /通过本步/ }).click();
      const field = (label: string) => form.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) });

      // 1 村两委民主评议: 19 of 30 present is no quorum — refused at 实到人数; 21 present passes.
      await expectText(current, '第 1 步：村两委民主评议');
      await form.getByLabel('应到代表人数').fill('30');
      await form.getByLabel('实到人数').fill('19');
      await form.getByLabel('同意票').fill('13');
      await form.getByLabel('反对票').fill('6');
      await expectText(page.getByTestId('quorum-hint'), '不足应到 30 人的三分之二（至少 20 人）');
      await pass();
      await expectText(field('实到人数'), '实到 19 人，不足应到 30 人的三分之二，会议不能召开，评议无效');
      await expectText(page.getByTestId('step-error'), '本步未通过');
      await snap(page, 'no-quorum');
      await form.getByLabel('实到人数').fill('21');
      await form.getByLabel('同意票').fill('15');
      await expectText(page.getByTestId('quorum-hint'), '会议有效');
      // A click right after the refused one may land while the form is still settling: click until the step moves on
      // (the button is disabled while a request is under way, so a step is never passed twice).
      await expect
        .poll(async () => {
          if ((await current.innerText()).includes('第 2 步')) return 'passed';
          await pass().catch(() => undefined);
          await page.waitForTimeout(500);
          return (await current.innerText()).includes('第 2 步') ? 'passed' : 'waiting';
        }, WAIT)
        .toBe('passed');

      // 2 核实、拟退出户认可: who confirmed.
      await expectText(current, '第 2 步：村两委和驻村工作队核实、拟退出户认可');
      await form.getByLabel('确认人').fill(`${HEAD}（户主）`);
      await pass();

      // 3 村内公示: started today (the step opened today) it is not yet over; seven days later it is. One evidence file.
      await expectText(current, '第 3 步：村内公示');
      await form.getByLabel('公示开始日期').fill(daysAgo(0));
      await expectText(page.getByTestId('notice-hint'), '方可通过本步（还需 7 天）');
      await later(7);
      await expectText(current, '第 3 步：村内公示');
      await form.getByLabel('公示开始日期').fill(daysAgo(7));
      await expectText(page.getByTestId('notice-hint'), '已期满');
      await page.locator('input[type="file"]').setInputFiles({ name: '村内公示照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
      await expectText(page.getByTestId('procedure-evidence'), '村内公示照片.png');
      await expectText(page.getByTestId('procedure-evidence'), '第 3 步 村内公示');
      await pass();

      // 4 乡镇审核并公示: the township sends it back to the verification first (an earlier step and a reason, confirmed);
      // steps 2 and 3 are done again (the village notice posted anew), then the township's notice passes after its days.
      await expectText(current, '第 4 步：乡镇审核并公示');
      await form.getByRole('button', { name: /退\s*回/ }).click();
      const back = page.locator('.ant-modal').filter({ has: page.locator('form#procedure-return') });
      await chooseOption(page, back.getByLabel('退回到'), '第 2 步');
      await back.getByLabel('退回原因').fill('务工收入证明不全，退回重新核实');
      await clickUntilClosed(page, back.filter({ visible: true }), /确认退回/);
      await expectText(current, '第 2 步：村两委和驻村工作队核实、拟退出户认可');
      const steps = page.getByTestId('procedure-steps');
      await expectText(steps, '退回 1 次');
      await expectText(steps, '退回至第 2 步：务工收入证明不全，退回重新核实');
      await expectText(steps, '曾通过，因退回需重新办理');
      await snap(page, 'returned');
      await form.getByLabel('确认人').fill(`${HEAD}（户主）`);
      await pass();
      await expectText(current, '第 3 步：村内公示');
      await later(7);
      await expectText(current, '第 3 步：村内公示');
      await form.getByLabel('公示开始日期').fill(daysAgo(7));
      await pass();
      await expectText(current, '第 4 步：乡镇审核并公示');
      await later(8);
      await expectText(current, '第 4 步：乡镇审核并公示');
      await form.getByLabel('公示开始日期').fill(daysAgo(8));
      await pass();

      // 5–6 乡镇审定公告, 县级备案标注: nothing to record.
      await expectText(current, '第 5 步：乡镇审定公告');
      await form.getByLabel('办理意见（可不填）').fill('经审定，同意退出');
      await pass();
      await expectText(current, '第 6 步：县级备案标注');
      await pass();

      // 7 颁发脱贫光荣证: the last step asks first, then closes the procedure and changes the registry.
      await expectText(current, '第 7 步：颁发脱贫光荣证');
      await pass();
      await expectText(confirm, '该户状态将变更为“已脱贫”');
      await clickUntilClosed(page, confirm, /确认办结/);
      await expectText(page.getByTestId('procedure-state'), '已办结');
      await expectText(page.getByTestId('procedure-done'), '已颁发脱贫光荣证');

      const events = page.getByTestId('procedure-events');
      await expectText(events, '应到 30 人，实到 21 人；同意 15 票，反对 6 票');
      await expectText(events, `确认人：${HEAD}（户主）`);
      await expectText(events, `公示：${daysAgo(15)} 至 ${daysAgo(9)}，无异议`);
      await expectText(events, '办理意见：经审定，同意退出');
      await expectText(events, '退回至第 2 步“村两委和驻村工作队核实、拟退出户认可”，原因：务工收入证明不全，退回重新核实');
      await expectText(events, '县扶贫办阿说（单位管理员，县级）');
      await expect.poll(() => page.getByTestId('procedure-steps').locator('.ant-steps-item-finish').count(), WAIT).toBe(7);
      await snap(page, 'completed');

      // The certificate, printable.
      await page.getByRole('button', { name: /打印脱贫光荣证/ }).click();
      await page.waitForURL(/\/procedures\/\d+\/certificate$/);
      const certificate = page.getByTestId('certificate');
      await expectText(certificate, '脱贫光荣证');
      await expect.poll(() => page.getByTestId('certificate-no').innerText(), WAIT).toMatch(/编号：513431-2020-\d{5}/);
      await expectText(page.getByTestId('certificate-text'), `户主 ${HEAD}`);
      await expectText(page.getByTestId('certificate-text'), '于 2020 年实现脱贫，特发此证');
      await expectText(page.getByTestId('certificate-issuer'), '昭觉县扶贫开发领导小组');
      // 打印 opens the one-page PDF of the certificate (issue 12: “脱贫光荣证 (one page, centred)”).
      const print = page.getByTestId('certificate-print');
      await print.waitFor({ state: 'visible' });
      expect(await print.getAttribute('href')).toMatch(/\/api\/print\/procedures\/\d+\/certificate\.pdf$/);
      await snap(page, 'certificate');

      // The household is 已脱贫 (2020), and lists the procedure.
      await page.goto(`${server.url}/registry/households/${householdId}`);
      await expectText(page.getByTestId('household-status'), '已脱贫');
      await expectText(page.getByTestId('household-status'), '2020');
      await expectText(page.getByTestId('household-procedure-list'), '已办结');
      await expectText(page.getByTestId('household-history'), '贫困户脱贫程序办结');
      await snap(page, 'household');

      expect(pageErrors).toEqual([]);
    });
  });
});
