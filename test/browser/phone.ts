/**
 * Checks of a page at phone size (issue 12: “no sideways scroll at 360–414 px”), for any browser test that opens a
 * page with `withPage(…, { phone: true })`.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE, WAIT } from './support';

/** Waits until the page has stopped loading: no request under way, no antd spinner turning. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), WAIT).toBe(0);
}

/**
 * The page does not scroll sideways: neither the document's nor the body's scroll width exceeds the screen's. On
 * failure the message names the elements that stand out past the right edge (not counting those inside a box that
 * scrolls or clips by itself, such as a table's).
 */
export async function expectNoSideScroll(page: Page, width: number = PHONE.width): Promise<void> {
  const m = await page.evaluate((w) => {
    const sticking: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= w + 0.5) continue;
      let clipped = false;
      for (let p = el.parentElement; p && !clipped; p = p.parentElement) clipped = getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5;
      if (!clipped) sticking.push(`<${el.tagName.toLowerCase()} class="${String(el.getAttribute('class') ?? '').slice(0, 80)}"> right edge ${Math.round(box.right)}`);
    }
    return { document: document.documentElement.scrollWidth, body: document.body.scrollWidth, sticking: sticking.slice(0, 8) };
  }, width);
  const why = `${page.url()} scrolls sideways; wider than ${width} px: ${m.sticking.join('; ')}`;
  expect(m.document, why).toBeLessThanOrEqual(width);
  expect(m.body, why).toBeLessThanOrEqual(width);
}
