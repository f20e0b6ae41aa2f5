/**
 * The field pages on a phone (issue 12: “today at 390 px pages are 539–788 px wide, the header wraps one character
 * per line, the menu stays open over the content … the visit form is 8,700 px down the household page”). With the
 * demo data, a 村级信息员 and a 帮扶责任人 sign in on a 390 × 844 touch phone and open each page they use in the field:
 * no page scrolls sideways, the header stays one line, the menu is a drawer that closes once an entry is chosen, and
 * on a household's page the visit form (and a visit's signature upload) is near the top and on the screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HelperList } from '../../src/contract/pairing';
import type { ProcedureItem } from '../../src/contract/procedures';
import type { HouseholdHit } from '../../src/contract/registry/households';
import type { HouseholdPairing } from '../../src/contract/pairing';
import { DEMO_USERNAMES } from '../../src/server/demo';
import { expectNoSideScroll, settled } from './phone';
import { browserSuite, PHONE, skipBrowser, WAIT, withPage, type TestServer } from './support';

const TIMEOUT = { timeout: 240_000 };

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

async function signIn(page: Page, server: TestServer, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await settled(page);
  await expectNoSideScroll(page, page.viewportSize()?.width);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(server.demoPassword ?? '');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/** The header is one line: no taller than antd's 64 px, the platform's name on one line of text. */
async function expectOneLineHeader(page: Page): Promise<void> {
  const header = await page.getByTestId('app-header').boundingBox();
  expect(header?.height).toBeLessThanOrEqual(64);
  expect(header?.width).toBeLessThanOrEqual(PHONE.width);
  const name = await page.getByTestId('app-header').getByText('精准扶贫工作平台', { exact: true }).boundingBox();
  expect(name?.height, 'the platform name wraps').toBeLessThan(30);
}

/** Opens `path`, waits for `ready` to show and the page to settle, and checks it does not scroll sideways. */
async function open(page: Page, server: TestServer, path: string, ready: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByTestId(ready).first().waitFor({ state: 'visible' });
  await settled(page);
  await expectNoSideScroll(page);
  await expectOneLineHeader(page);
}

/** The menu is a drawer: closed at first, opened by the header's button, closed again once an entry is chosen. */
async function useMenuDrawer(page: Page, entry: string, path: RegExp): Promise<void> {
  const drawer = page.locator('.ant-drawer-content-wrapper:visible');
  expect(await page.getByTestId('side-menu').count(), 'no side menu on a phone').toBe(0);
  await expect.poll(() => drawer.count(), WAIT).toBe(0);
  await page.getByTestId('menu-button').click();
  await drawer.waitFor({ state: 'visible' });
  const box = await drawer.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await drawer.getByRole('menuitem', { name: entry }).click();
  await page.waitForURL((u) => path.test(u.pathname));
  await expect.poll(() => drawer.count(), WAIT).toBe(0);
  await expectNoSideScroll(page);
}

/**
 * A household's page: no sideways scroll, the visit form near the top (not thousands of px down), and where the
 * household has visits, a signature upload on the screen's width.
 */
async function openHousehold(page: Page, server: TestServer, households: HouseholdHit[]): Promise<void> {
  // A household with a visit if one of the first has any (its signature upload must be reachable).
  let chosen = households[0]!;
  for (const h of households.slice(0, 10)) {
    const pairing = await json<HouseholdPairing>(page, `${server.url}/api/pairing/households/${h.id}`);
    if (pairing.visits.length > 0) {
      chosen = h;
      break;
    }
  }
  await open(page, server, `/registry/households/${chosen.id}`, 'household-title');
  const form = page.getByTestId('visit-form');
  await form.waitFor({ state: 'visible' });
  const top = await form.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top, 'the visit form is near the top of the household').toBeLessThan(1_500);
  const upload = page.locator('[data-testid^="signature-upload-"]').first();
  if ((await upload.count()) > 0) {
    await upload.scrollIntoViewIfNeeded();
    const box = await upload.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'the signature upload is on the screen').toBe(true);
  }
}

/**
 * Printed from the browser (issue 12: “printing from the browser prints menus and buttons”): the header, the menu,
 * buttons, fields and forms are hidden and the page's content takes the whole width.
 */
async function expectPrintable(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.getByTestId('app-header').isVisible(), 'the header prints').toBe(false);
    expect(await page.locator('.ant-btn:visible, .ant-input:visible, .ant-select:visible, .ant-form:visible, .ant-layout-sider:visible').count(), 'buttons or fields print').toBe(0);
    const content = await page.locator('.app-page').boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(content && Math.round(content.x)).toBe(0);
    expect(content && Math.round(content.width)).toBe(width);
    expect(await page.getByTestId('household-title').isVisible()).toBe(true);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe.skipIf(skipBrowser)('the field pages on a phone', () => {
  const suite = browserSuite();

  it('村级信息员: workbench, search, household, procedures, village, pairing and account fit a 390 px screen', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(
      suite.browser(),
      'phone-village',
      async (page, pageErrors) => {
        await signIn(page, server, DEMO_USERNAMES.village_clerk);
        await open(page, server, '/', 'workbench-todos');
        await useMenuDrawer(page, '查找贫困户', /^\/registry\/search$/);

        const households = (await json<{ items: HouseholdHit[] }>(page, `${server.url}/api/registry/households?page=1&pageSize=20`)).items;
        expect(households.length).toBeGreaterThan(0);
        const first = households[0]!;
        await open(page, server, `/registry/search?q=${encodeURIComponent(first.head ?? first.number)}`, 'registry-search-results');
        await expect.poll(() => page.getByTestId('registry-search-results').locator('tbody tr.ant-table-row').count(), WAIT).toBeGreaterThan(0);
        await expectNoSideScroll(page);
        await openHousehold(page, server, households);

        const procedures = (await json<{ items: ProcedureItem[] }>(page, `${server.url}/api/procedures?page=1&pageSize=5`)).items;
        expect(procedures.length).toBeGreaterThan(0);
        await open(page, server, '/procedures', 'procedures-export');
        await open(page, server, `/procedures/${procedures[0]!.id}`, 'procedure-facts');
        await open(page, server, `/registry/villages/${first.villageCode}`, 'village-figures');

        const helpers = (await json<HelperList>(page, `${server.url}/api/pairing/helpers?page=1&pageSize=5`)).items;
        await open(page, server, '/pairing', 'helper-list');
        if (helpers[0]) await open(page, server, `/pairing/helpers/${helpers[0].id}`, 'helper-title');
        await open(page, server, '/pairing/gaps', 'app-header');
        // issue 15: measures — the 脱贫规划 page
        await open(page, server, '/measures/plans', 'plans-note');
        await open(page, server, '/account', 'app-header');
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });

  it('帮扶责任人: workbench, search, own household with the visit form at the top, pairing pages and account fit a 390 px screen', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(
      suite.browser(),
      'phone-helper',
      async (page, pageErrors) => {
        await signIn(page, server, DEMO_USERNAMES.helper);
        await open(page, server, '/', 'workbench-todos');
        await useMenuDrawer(page, '帮扶责任人', /^\/pairing$/);

        const households = (await json<{ items: HouseholdHit[] }>(page, `${server.url}/api/registry/households?page=1&pageSize=20`)).items;
        expect(households.length).toBeGreaterThan(0);
        await open(page, server, `/registry/search?q=${encodeURIComponent(households[0]!.head ?? households[0]!.number)}`, 'registry-search-results');
        await expect.poll(() => page.getByTestId('registry-search-results').locator('tbody tr.ant-table-row').count(), WAIT).toBeGreaterThan(0);
        await openHousehold(page, server, households);
        await expectPrintable(page);
        await open(page, server, `/registry/villages/${households[0]!.villageCode}`, 'village-figures');

        const helpers = (await json<HelperList>(page, `${server.url}/api/pairing/helpers?page=1&pageSize=5`)).items;
        expect(helpers.length).toBeGreaterThan(0);
        await open(page, server, '/pairing', 'helper-list');
        await open(page, server, `/pairing/helpers/${helpers[0]!.id}`, 'helper-title');
        await open(page, server, '/pairing/gaps', 'app-header');
        await open(page, server, '/account', 'app-header');
        expect(pageErrors).toEqual([]);
      },
      { phone: true },
    );
  });

  it('prints a household page from a desktop browser without the header, menu or buttons, the content full width', TIMEOUT, async () => {
    const server = suite.server();
    await withPage(suite.browser(), 'print-desktop', async (page, pageErrors) => {
      await signIn(page, server, DEMO_USERNAMES.village_clerk);
      const households = (await json<{ items: HouseholdHit[] }>(page, `${server.url}/api/registry/households?page=1&pageSize=1`)).items;
      await page.goto(`${server.url}/registry/households/${households[0]!.id}`);
      await page.getByTestId('household-title').waitFor({ state: 'visible' });
      await settled(page);
      expect(await page.getByTestId('side-menu').isVisible()).toBe(true);
      await expectPrintable(page);
      expect(pageErrors).toEqual([]);
    });
  });
});
