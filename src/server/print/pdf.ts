/**
 * PDF from the print forms' HTML with headless Chromium (Debian's `chromium`, driven by playwright-core).
 *
 * Why Chromium rather than pdfmake or @react-pdf/renderer: the forms are tables with merged cells, long Chinese text that
 * wraps, page breaks inside long tables and repeated headers — a browser's layout engine does all of it, and the same
 * HTML is what a person sees; pdfkit-based libraries would need every line measured by hand and a CJK font subset
 * embedded by the program (Noto Sans CJK is a 16–20 MB OTF collection that their font engines handle poorly). Chromium
 * embeds only the glyphs used. The cost: the server needs `chromium` and `fonts-noto-cjk` installed (scripts/test-deps.sh
 * installs both; CHROMIUM_PATH overrides the path), and one browser process (~100 MB) is kept while forms are printed.
 *
 * One browser is started on first use and kept; each render gets its own context, at most `concurrency` at a time; the
 * browser is closed after `idleMs` without work and on `close()`.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../domain/shared/errors';
import type { PaperSize } from './html';

export interface PdfOptions {
  paper?: PaperSize;
  landscape?: boolean;
}

export interface PdfRenderer {
  render(html: string, options?: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function makePdfRenderer(options: { executablePath?: string; concurrency?: number; idleMs?: number } = {}): PdfRenderer {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  const concurrency = options.concurrency ?? 2;
  const idleMs = options.idleMs ?? 60_000;
  let browser: Promise<Browser> | undefined;
  let running = 0;
  const waiting: (() => void)[] = [];
  let idle: NodeJS.Timeout | undefined;

  const launch = (): Promise<Browser> => {
    if (!browser) {
      if (!existsSync(executablePath)) {
        throw new AppError('CONFLICT', '服务器未安装 Chromium 浏览器，无法生成 PDF（请管理员安装 chromium 和 fonts-noto-cjk）');
      }
      browser = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: ARGS }));
      browser.catch(() => (browser = undefined));
    }
    return browser;
  };

  const shutdown = async (): Promise<void> => {
    const b = browser;
    browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  };

  const acquire = async (): Promise<void> => {
    if (idle) clearTimeout(idle);
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) return next();
    running -= 1;
    if (running === 0) {
      idle = setTimeout(() => void shutdown(), idleMs);
      idle.unref();
    }
  };

  return {
    async render(html, { paper = 'A4', landscape = false } = {}) {
      await acquire();
      try {
        const b = await launch();
        const context = await b.newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(600_000);
          await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
          return await page.pdf({ format: paper, landscape, printBackground: true, preferCSSPageSize: true });
        } finally {
          await context.close();
        }
      } finally {
        release();
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      await shutdown();
    },
  };
}
