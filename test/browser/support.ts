/**
 * What every browser test shares: the built UI, the server under test, and Debian's chromium driven by
 * playwright-core (never `npx playwright install`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { expect } from 'vitest';
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
 * TAIZHANG_TEST_ADMIN_PASSWORD) an already running one, e.g. `npx vite` in front of a development server.
 */
export async function serverUnderTest(): Promise<TestServer> {
  const url = process.env.TAIZHANG_TEST_URL;
  if (!url) {
    ensureWebBuild();
    return startTestServer();
  }
  return {
    url: url.replace(/\/$/, ''),
    adminUsername: process.env.TAIZHANG_TEST_ADMIN_USER ?? 'admin',
    adminPassword: process.env.TAIZHANG_TEST_ADMIN_PASSWORD ?? '',
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
