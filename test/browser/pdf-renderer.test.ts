/** The PDF path of the printed forms (issue 12): headless Chromium renders the forms' HTML; read back with poppler. */
import { afterAll, describe, expect, it } from 'vitest';
import { html, printDocument } from '../../src/server/print/html';
import { makePdfRenderer } from '../../src/server/print/pdf';
import { compact, pdfInfo, pdfText } from '../support/pdf';
import { skipBrowser } from './support';

describe.skipIf(skipBrowser)('pdf renderer', () => {
  const pdf = makePdfRenderer({ idleMs: 1_000 });
  afterAll(() => pdf.close());

  it('renders Chinese text on A4 portrait and A3 landscape, one page per sheet', async () => {
    const sheet = (n: number) => html`<section class="sheet"><h1>贫困户登记表</h1><table><tr><th>户主姓名</th><td>张${n}</td></tr></table></section>`;
    const a4 = await pdf.render(printDocument({ title: '登记表', body: html`${[sheet(1), sheet(2)]}` }));
    expect(compact(pdfText(a4))).toContain('贫困户登记表户主姓名张1');
    const info = pdfInfo(a4);
    expect(info.pages).toBe(2);
    expect(info.pageSize).toContain('A4');
    const a3 = await pdf.render(printDocument({ title: '一览表', paper: 'A3', landscape: true, body: sheet(3) }), { paper: 'A3', landscape: true });
    const a3Info = pdfInfo(a3);
    expect(a3Info.pages).toBe(1);
    // A3 landscape: 1190.55 x 841.89 pts.
    const [w, h] = a3Info.pageSize.split(' x ').map((s) => parseFloat(s));
    expect(w).toBeGreaterThan(1180);
    expect(h).toBeLessThan(850);
  });
});
