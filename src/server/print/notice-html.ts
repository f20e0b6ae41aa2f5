/** A 公示 / 公告 as a printed sheet (A4 portrait): the text of `noticeDoc`, laid out as a notice posted on a wall. */
import { html, printDocument } from './html';
import { chineseDate } from './list-format';
import type { NoticeDoc } from './notice-text';

const CSS = `
h1 { font-size: 20pt; margin-bottom: 6mm; }
p.text { text-indent: 2em; font-size: 12pt; line-height: 1.8; margin: 0 0 3mm; }
table.notice td { font-size: 10pt; }
.supervision { margin-top: 5mm; font-size: 11pt; }
.issuer { margin-top: 10mm; text-align: right; font-size: 12pt; line-height: 2; }
`;

export function noticeHtml(n: NoticeDoc): string {
  const body = html`<section class="sheet">
<h1>${n.title}</h1>
${n.paragraphs.map((p) => html`<p class="text">${p}</p>`)}
<table class="notice">
<thead><tr>${n.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
<tbody>${n.rows.length ? n.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</td>`)}</tr>`) : html`<tr><td colspan="${n.columns.length}" class="center">（无）</td></tr>`}</tbody>
</table>
<p class="supervision">${n.supervision}</p>
<div class="issuer">${n.issuer}<br>${chineseDate(n.issuedOn)}</div>
</section>`;
  return printDocument({ title: n.title, css: CSS, body });
}
