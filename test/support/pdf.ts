/** Reading generated PDFs back with Debian's poppler-utils (installed by scripts/test-deps.sh): text and page count. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Buffer | Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'tz-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  try {
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, in reading order (`pdftotext -layout`); whitespace runs kept, so match words, not lines. */
export function pdfText(pdf: Buffer | Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }));
}

/** `pdfinfo`'s fields: Pages, Page size (e.g. "595.92 x 842.88 pts (A4)"), … */
export function pdfInfo(pdf: Buffer | Uint8Array): { pages: number; pageSize: string; raw: string } {
  const raw = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(raw)?.[1] ?? NaN);
  const pageSize = /^Page size:\s+(.+)$/m.exec(raw)?.[1]?.trim() ?? '';
  return { pages, pageSize, raw };
}

/** Text with all whitespace removed: pdftotext may put spaces or line breaks between CJK characters of one cell. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
