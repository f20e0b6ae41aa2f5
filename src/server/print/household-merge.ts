/**
 * Joining PDFs rendered one chunk at a time (a village's handbooks): poppler's `pdfunite` (Debian poppler-utils, which
 * scripts/test-deps.sh installs beside chromium). Rendering a few hundred households as one HTML document keeps all of
 * its pages laid out in Chromium at once (about 1.5 GB for 300 handbooks); chunks bound that to one chunk's pages. When
 * `pdfunite` is not installed the caller renders the whole document at once instead.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PDFUNITE = process.env.PDFUNITE_PATH ?? '/usr/bin/pdfunite';

export const canMergePdfs = (): boolean => existsSync(PDFUNITE);

/** A temporary folder the chunks are written to as they are rendered, joined into one PDF at the end. */
export async function pdfChunks() {
  const dir = await mkdtemp(path.join(tmpdir(), 'tz-print-'));
  const files: string[] = [];
  return {
    async add(pdf: Buffer): Promise<void> {
      const file = path.join(dir, `${String(files.length).padStart(5, '0')}.pdf`);
      await writeFile(file, pdf);
      files.push(file);
    },
    async join(): Promise<Buffer> {
      if (files.length === 1) return readFile(files[0]!);
      const out = path.join(dir, 'all.pdf');
      await new Promise<void>((resolve, reject) => execFile(PDFUNITE, [...files, out], (err) => (err ? reject(err) : resolve())));
      return readFile(out);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
