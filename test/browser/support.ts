/**
 * What every browser test shares: the built UI, the server under test, and Debian's chromium driven by
 * playwright-core (never `npx playwright install`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestServer } from '../support/server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = path.join(ROOT, 'test-results');

/** A developer without chromium may skip the browser tests locally (TAIZHANG_SKIP_BROWSER=1); CI never does. */
export const skipBrowser = process.env.TAIZHANG_SKIP_BROWSER === '1' && process.env.CI !== 'true';

/** Newest modification time of the web sources, to tell whether dist/web is stale. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const st = statSync(path.join(dir, name));
    if (st.isFile()) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

/** Builds the UI into dist/web unless a build newer than every source file is already there. */
export function ensureWebBuild(): void {
  const index = path.join(ROOT, 'dist/web/index.html');
  const sourcesChanged = Math.max(newestSource(path.join(ROOT, 'src/web')), statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

export const WAIT = { timeout: 20_000, interval: 200 };

/** Waits until the element's text contains `text` (playwright-core has no `expect`; vitest's expect.poll retries). */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.innerText().catch(() => ''), WAIT).toContain(text);
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The server under test: by default a fresh one from test/support; with TAIZHANG_TEST_URL (and
 * TAIZHANG_TEST_ADMIN_PASSWORD, TAIZHANG_TEST_DEMO_PASSWORD for the demo accounts) an already running one, e.g. `npx vite`
 * in front of a development server.
 */
export async function serverUnderTest(options: { now?: () => Date; demo?: boolean } = {}): Promise<TestServer> {
  const url = process.env.TAIZHANG_TEST_URL;
  if (!url) {
    ensureWebBuild();
    return startTestServer(options);
  }
  return {
    url: url.replace(/\/$/, ''),
    adminUsername: process.env.TAIZHANG_TEST_ADMIN_USER ?? 'admin',
    adminPassword: process.env.TAIZHANG_TEST_ADMIN_PASSWORD ?? '',
    demoPassword: process.env.TAIZHANG_TEST_DEMO_PASSWORD,
    close: async () => {},
  };
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with “apt-get install -y chromium”`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The server and browser of a suite: started before its tests, stopped after them; `now`: the server's clock;
 * `demo: false`: an empty database instead of the demo data set (every test that does not use the demo: loading it
 * takes seconds of the run).
 */
export function browserSuite(options: { now?: () => Date; demo?: boolean } = {}): { server: () => TestServer; browser: () => Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serverUnderTest(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const must = <T>(v: T | undefined): T => {
    if (!v) throw new Error('browser test set-up failed');
    return v;
  };
  return { server: () => must(server), browser: () => must(browser) };
}

/** A phone in portrait (issue 12: the field pages must work at 360–414 px): 390 × 844. */
export const PHONE = { width: 390, height: 844 };

export interface PageOptions {
  /** A 390 × 844 touch phone instead of a 1440 × 1000 desktop. */
  phone?: boolean;
  /** Browser permissions granted to the page (e.g. 'camera'). */
  permissions?: string[];
}

/**
 * Runs `fn` on a fresh page (Chinese locale, desktop size unless `options.phone`) that records page errors; on failure saves a screenshot to
 * test-results/<name>-browser-failure.png for a person to look at.
 */
export async function withPage(browser: Browser, name: string, fn: (page: Page, pageErrors: string[]) => Promise<void>, options: PageOptions = {}): Promise<void> {
  const phone = options.phone ? { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1440, height: 1000 } };
  const context = await browser.newContext({ ...phone, locale: 'zh-CN', permissions: options.permissions ?? [] });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // A script, style or request the Content-Security-Policy blocked counts as a page error too.
  page.on('console', (m) => void (m.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(m.text()) && pageErrors.push(m.text())));
  try {
    await fn(page, pageErrors);
  } catch (error) {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, `${name}-browser-failure.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Clicks a dialog's button until the dialog closes: a click during antd's opening animation may be lost. `dialog`
 * matches visible dialogs only, so a closed one counts 0; a click that did land closes it before the next try.
 */
export async function clickUntilClosed(page: Page, dialog: Locator, name: RegExp): Promise<void> {
  await expect
    .poll(async () => {
      if ((await dialog.count()) === 0) return 'closed';
      await dialog.getByRole('button', { name }).click({ timeout: 2_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      return (await dialog.count()) === 0 ? 'closed' : 'open';
    }, WAIT)
    .toBe('closed');
}

/**
 * Opens an antd Select (its input) and picks the option whose text contains `text`, typing `search` first. On a loaded
 * machine a click during the dropdown's slide-in lands on the option that was under the pointer a moment before (CI
 * once chose 乡级 for 村级), so the click waits until the option stands where it stood 50 ms before.
 */
export async function pick(page: Page, select: Locator, search: string, text: string): Promise<void> {
  await select.click();
  if (search) await select.fill(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor({ state: 'visible', timeout: WAIT.timeout });
  let box = await option.boundingBox();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const next = await option.boundingBox();
    if (box && next && box.x === next.x && box.y === next.y) break;
    box = next;
  }
  await option.click();
}
