/**
 * 脱贫光荣证 (issued by the county's 扶贫开发领导小组 when a household's exit procedure completes): exactly one A4 page,
 * landscape as the certificate is laid out, its frame centred on the page with a fixed size inside the printable area
 * (so that no browser's rounding can push it onto a second page). A pure function: the certificate in, HTML out.
 */
import type { Certificate } from '../../contract/procedures';
import { html, type Html } from './html';
import { villageName } from './household-sheet';

/** The page has no margin of its own: the frame (277 × 190 mm) sits 10 mm inside the 297 × 210 mm sheet. */
export const CERTIFICATE_CSS = `
@page { size: A4 landscape; margin: 0; }
html, body { width: 297mm; height: 210mm; overflow: hidden; }
.certificate-page { width: 297mm; height: 209mm; display: flex; align-items: center; justify-content: center; }
.certificate { width: 277mm; height: 188mm; border: 2.2mm solid #c00000; padding: 3mm; background: #fffdf7; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.certificate .inner { height: 100%; border: 0.7mm solid #c00000; padding: 12mm 24mm 10mm; display: flex; flex-direction: column; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
.certificate .no { text-align: right; font-size: 11pt; color: #555; }
.certificate h1 { color: #c00000; font-size: 44pt; letter-spacing: 0.35em; margin: 6mm 0 12mm; text-indent: 0.35em; }
.certificate .text { font-size: 19pt; line-height: 2; text-indent: 2em; margin: 0; flex: 1; }
.certificate .issuer { align-self: flex-end; text-align: center; font-size: 17pt; line-height: 1.9; }
`;

/** `2020-12-31` as 2020 年 12 月 31 日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

export function certificateHtml(c: Certificate): Html {
  return html`<div class="certificate-page"><div class="certificate"><div class="inner">
<div class="no">编号：${c.certificateNo}</div>
<h1>脱贫光荣证</h1>
<p class="text">${villageName(c.village)}${c.head}户（户主 ${c.head}，家庭人口 ${c.persons} 人）经民主评议、公示公告，于 ${c.year} 年实现脱贫，特发此证。</p>
<div class="issuer"><div>${c.issuer}</div><div>（盖章）</div><div>${chineseDate(c.issuedOn)}</div></div>
</div></div></div>`;
}
