/**
 * The field app offline at a phone's size (issue 12: “a helper logs in, finds a household by part of its ID number,
 * records a visit with a photo and a signature while the browser is offline, goes back online, and the visit is on
 * the server exactly once; a second test shows a conflict instead of overwriting” and “No page used in the field
 * scrolls sideways at 390 px”). The demo's 帮扶责任人 (demo_helper) works on their own households.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HouseholdPairing, MissingVisitList } from '../../src/contract/pairing';
import type { Page as ListPage } from '../../src/contract/page';
import type { Procedure, ProcedureItem } from '../../src/contract/procedures';
import type { Household, HouseholdHit } from '../../src/contract/registry/households';
import { DEMO_USERNAMES } from '../../src/server/demo';
import { browserSuite, expectText, PHONE, RESULTS, skipBrowser, WAIT, withPage, type TestServer } from './support';

const TIMEOUT = { timeout: 240_000 };

async function json<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

async function signIn(page: Page, server: TestServer, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/** A screenshot for a person to look at (test-results/field-<name>.png). */
async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `field-${name}.png`), fullPage: true });
}

/** Nothing on the page is wider than the phone. */
async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(300);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where}: scrollWidth`).toBeLessThanOrEqual(PHONE.width);
}

/** Opens /field as the demo helper, waits for the service worker, downloads the households onto the phone. */
async function openAndDownload(page: Page, server: TestServer, username: string = DEMO_USERNAMES.helper): Promise<void> {
  await signIn(page, server, username, server.demoPassword ?? '');
  await page.goto(`${server.url}/field`);
  await expectText(page.getByTestId('field-downloaded-at'), '尚未下载到手机');
  // The worker has precached the app (so the pages open with no network).
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).active), WAIT).toBe(true);
  await page.getByRole('button', { name: /下载到手机/ }).click();
  await expectText(page.getByTestId('field-downloaded-at'), '上次下载');
  await noSidewaysScroll(page, '/field');
}

/** A photo bigger than 1600 px (scaled down on the phone), as a PNG from the page's own canvas. */
async function photo(page: Page): Promise<Buffer> {
  const data = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2000;
    c.height = 1000;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#2e7d32';
    ctx.fillRect(0, 0, 2000, 1000);
    ctx.fillStyle = '#fff';
    ctx.fillRect(400, 200, 600, 400);
    return c.toDataURL('image/png');
  });
  return Buffer.from(data.split(',')[1]!, 'base64');
}

async function sign(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(testId);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + 40 + (i % 2) * 50, { steps: 2 });
  await page.mouse.up();
  await expectText(page.getByText(/已签字/).first(), '已签字');
}

/** The form of 记录走访, filled: what was done, optionally a photo, both signatures. */
async function pngInput(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: await photo(page) });
  await expect.poll(() => page.getByTestId(`${testId}-thumbs`).locator('img').count(), WAIT).toBe(1);
}

async function recordVisit(page: Page, content: string, withPhoto: boolean): Promise<void> {
  await page.getByRole('button', { name: '记录走访' }).click();
  await page.getByLabel('走访内容').waitFor();
  await page.getByLabel('走访内容').fill(content);
  if (withPhoto) {
    await pngInput(page, 'field-photos');
  }
  await sign(page, 'field-sign-household');
  await sign(page, 'field-sign-helper');
  await noSidewaysScroll(page, 'visit form');
  await snap(page, 'visit-form');
  await page.getByRole('button', { name: /保存走访/ }).click();
  await page.getByTestId('field-household-head').waitFor();
}

function visitsWith(p: HouseholdPairing, content: string) {
  return p.visits.filter((v) => v.content === content);
}

/** The household's head and the last four characters of the head's ID number (a part the helper's phone holds). */
async function householdOf(page: Page, server: TestServer, id: number): Promise<{ head: string; idPart: string; version: number }> {
  const h = await json<Household>(page.request, `${server.url}/api/registry/households/${id}`);
  const head = h.persons.find((p) => p.relation === '户主') ?? h.persons[0]!;
  return { head: head.name, idPart: head.idNumber.slice(-4), version: h.version };
}

describe.skipIf(skipBrowser)('field app offline (issue 12)', () => {
  const { server, browser } = browserSuite();

  it('records a visit offline with a photo and two signatures; online it is sent exactly once, even when an answer is lost', TIMEOUT, async () => {
    const s = server();
    await withPage(
      browser(),
      'field-offline-visit',
      async (page, pageErrors) => {
        // The installable app: its manifest and worker served with their types.
        const manifest = await page.request.get(`${s.url}/manifest.webmanifest`);
        expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
        expect(await manifest.json()).toMatchObject({ name: '精准扶贫工作平台', short_name: '扶贫台账', theme_color: '#b71c1c' });
        expect((await page.request.get(`${s.url}/sw.js`)).headers()['content-type']).toMatch(/^(application|text)\/javascript/);
        await openAndDownload(page, s);
        // The household due for its half-year visit (one of the helper's own in the demo).
        const due = await json<MissingVisitList>(page.request, `${s.url}/api/pairing/visits/missing?pageSize=50`);
        const mine = await json<ListPage<HouseholdHit>>(page.request, `${s.url}/api/registry/households?pageSize=50`);
        const target = mine.items.find((h) => due.items.some((d) => d.householdId === h.id)) ?? mine.items[0]!;
        const { head, idPart } = await householdOf(page, s, target.id);
        await expectText(page.getByTestId('field-households'), '本半年待走访');
        await expect(page.getByTestId('field-due').innerText()).resolves.toContain('未上门回访');

        // Found by part of an ID number.
        await page.getByLabel('查找贫困户').fill(idPart);
        await expect.poll(() => page.getByTestId('field-household').count(), WAIT).toBe(1);
        await expectText(page.getByTestId('field-household'), head);
        await snap(page, 'search');

        // No network: the app still opens (the service worker), from the phone's data.
        await page.context().setOffline(true);
        await page.reload();
        await expectText(page.getByTestId('field-network'), '离线');
        await page.getByLabel('查找贫困户').fill(idPart);
        await page.getByTestId('field-household').click();
        await expectText(page.getByTestId('field-household-head'), head);
        await expectText(page.locator('main'), '手机上的数据');
        await noSidewaysScroll(page, 'household');
        await snap(page, 'household-offline');

        const content = `离线走访 ${Date.now()}：核实务工收入，宣讲产业奖补政策`;
        await recordVisit(page, content, true);
        await expectText(page.getByTestId('field-badge'), '待上传 1');
        const before = await page.evaluate(async (id) => (await fetch(`/api/pairing/households/${id}`).catch(() => null))?.status ?? 0, target.id);
        expect(before, 'offline: no request reaches the server').toBe(0);

        await page.getByTestId('field-badge').click();
        await expectText(page.getByTestId('field-outbox-summary'), '1 条记录尚未上传');
        await noSidewaysScroll(page, 'outbox');

        // Back online — and the first answer to the visit is lost after the server recorded it.
        let lost = 0;
        await page.context().route('**/api/pairing/households/*/visits', async (route) => {
          if (lost++ > 0) return route.continue();
          const res = await route.fetch();
          expect(res.status()).toBe(201);
          await route.abort('connectionreset');
        });
        await page.context().setOffline(false);
        await expect.poll(() => lost, WAIT).toBeGreaterThanOrEqual(1);
        // Sent again (the same key) by 立即上传, answered from what the server kept: one visit.
        await expect
          .poll(async () => {
            const state = await page.getByTestId('field-outbox-item').getAttribute('data-state');
            if (state !== 'sent') await page.getByRole('button', { name: /立即上传/ }).click({ timeout: 2_000 }).catch(() => undefined);
            return state;
          }, { ...WAIT, timeout: 60_000 })
          .toBe('sent');
        await expectText(page.getByTestId('field-badge'), '无待上传');
        expect(lost, 'the visit was sent twice').toBeGreaterThanOrEqual(2);

        const pairing = await json<HouseholdPairing>(page.request, `${s.url}/api/pairing/households/${target.id}`);
        const recorded = visitsWith(pairing, content);
        expect(recorded, 'the visit is on the server exactly once').toHaveLength(1);
        const kinds = recorded[0]!.attachments.map((a) => a.kind).sort();
        expect(kinds).toEqual(['helper', 'household', 'photo']);
        // The photo went as a JPEG scaled down on the phone, the signatures as PNG.
        const photoFile = recorded[0]!.attachments.find((a) => a.kind === 'photo')!;
        expect(photoFile.mime).toBe('image/jpeg');
        const bytes = await (await page.request.get(`${s.url}/api/pairing/signatures/${photoFile.id}`)).body();
        expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
        expect(recorded[0]!.attachments.filter((a) => a.mime === 'image/png')).toHaveLength(2);

        // The household's page shows the visit from the server now.
        await page.goto(`${s.url}/field/households/${target.id}`);
        await expectText(page.getByTestId('field-visits'), content.slice(0, 12));
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });

  it('shows a conflict when the household changed on the server meanwhile, writes nothing, and 仍然提交 writes it once', TIMEOUT, async () => {
    const s = server();
    const b: Browser = browser();
    await withPage(
      b,
      'field-offline-conflict',
      async (page, pageErrors) => {
        await openAndDownload(page, s);
        const mine = await json<ListPage<HouseholdHit>>(page.request, `${s.url}/api/registry/households?pageSize=50`);
        const target = mine.items[mine.items.length - 1]!;
        const { head, version } = await householdOf(page, s, target.id);

        // The county office changes the household meanwhile (the phone has the version before).
        const county = await b.newContext();
        try {
          const login = await county.request.post(`${s.url}/api/auth/login`, { data: { username: DEMO_USERNAMES.county_clerk, password: s.demoPassword } });
          expect(login.status(), await login.text()).toBe(200);
          const current = await json<Household>(county.request, `${s.url}/api/registry/households/${target.id}`);
          expect(current.version).toBe(version);
          const patched = await county.request.patch(`${s.url}/api/registry/households/${target.id}`, { data: { version, drinkingWaterSafe: !current.drinkingWaterSafe } });
          expect(patched.status(), await patched.text()).toBe(200);
        } finally {
          await county.close();
        }

        await page.context().setOffline(true);
        await page.getByLabel('查找贫困户').fill(head);
        await page.getByTestId('field-household').first().click();
        await expectText(page.getByTestId('field-household-head'), head);
        const content = `冲突走访 ${Date.now()}：了解饮水情况`;
        await recordVisit(page, content, false);
        await expectText(page.getByTestId('field-badge'), '待上传 1');

        await page.getByTestId('field-badge').click();
        await page.context().setOffline(false);
        const item = page.getByTestId('field-outbox-item');
        await expect.poll(() => item.getAttribute('data-state'), WAIT).toBe('conflict');
        await expectText(page.getByTestId('field-conflict'), '走访尚未写入');
        // What the phone had beside the server's record now: 饮水安全 changed.
        await expectText(page.getByTestId('field-conflict-compare'), '饮水安全');
        await expectText(page.getByTestId('field-badge'), '待上传 1');
        await noSidewaysScroll(page, 'outbox with a conflict');
        await snap(page, 'conflict');
        expect(visitsWith(await json<HouseholdPairing>(page.request, `${s.url}/api/pairing/households/${target.id}`), content), 'nothing written').toHaveLength(0);

        await page.getByRole('button', { name: /仍然提交/ }).click();
        await expect.poll(() => item.getAttribute('data-state'), WAIT).toBe('sent');
        await expectText(page.getByTestId('field-badge'), '无待上传');
        const after = visitsWith(await json<HouseholdPairing>(page.request, `${s.url}/api/pairing/households/${target.id}`), content);
        expect(after).toHaveLength(1);
        expect(after[0]!.attachments).toHaveLength(2);
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });

  it('a village clerk photographs the open step’s evidence offline; online it is uploaded to that step once', TIMEOUT, async () => {
    const s = server();
    await withPage(
      browser(),
      'field-offline-evidence',
      async (page, pageErrors) => {
        await openAndDownload(page, s, DEMO_USERNAMES.village_clerk);
        const running = await json<ListPage<ProcedureItem>>(page.request, `${s.url}/api/procedures?state=running&pageSize=100`);
        const mine = await json<ListPage<HouseholdHit>>(page.request, `${s.url}/api/registry/households?pageSize=200`);
        const item = running.items.find((p) => p.householdId !== null && mine.items.some((h) => h.id === p.householdId));
        expect(item, 'a running procedure on a household of the demo village').toBeDefined();
        const before = await json<Procedure>(page.request, `${s.url}/api/procedures/${item!.id}`);
        const onStep = (p: Procedure) => p.attachments.filter((a) => a.stepIndex === before.currentStep).length;
        const number = mine.items.find((h) => h.id === item!.householdId)!.number;

        await page.context().setOffline(true);
        await page.getByLabel('查找贫困户').fill(number);
        await page.getByTestId('field-household').first().click();
        await page.getByRole('button', { name: '程序佐证' }).click();
        await expectText(page.locator('main'), before.definition.steps[before.currentStep]!.name);
        await pngInput(page, 'field-evidence-photos');
        await noSidewaysScroll(page, 'evidence');
        await snap(page, 'evidence');
        await page.getByRole('button', { name: /保存佐证材料/ }).click();
        await page.getByTestId('field-household-head').waitFor();
        await expectText(page.getByTestId('field-badge'), '待上传 1');

        await page.context().setOffline(false);
        await expectText(page.getByTestId('field-badge'), '无待上传');
        const after = await json<Procedure>(page.request, `${s.url}/api/procedures/${item!.id}`);
        expect(onStep(after)).toBe(onStep(before) + 1);
        expect(after.version).toBe(before.version);
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });
});
