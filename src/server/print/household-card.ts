/**
 * 明白卡: a card-sized summary of one household for the household's wall — who they are, why poor, this year's
 * per-capita net income against the line, who helps them and how to reach them — with a QR code that opens the
 * household's page. Four cards to an A4 portrait page (2 × 2, cut along the dashed lines). A pure function: the QR code
 * comes drawn (an SVG the service made with `qrcode`), with the address it encodes.
 */
import { html, raw, type Html } from './html';
import { currentHelpers, headOf, lineText, placeOf, yuan, type HouseholdSheet } from './household-sheet';

export interface CardData {
  sheet: HouseholdSheet;
  /** The household page's address the QR code opens. */
  url: string;
  /** The QR code as an SVG element (drawn by the program, never user text). */
  qrSvg: string;
}

export const CARD_CSS = `
.cards { display: grid; grid-template-columns: 93mm 93mm; grid-auto-rows: 134mm; }
.card-cell { border: 0.4pt dashed #888; padding: 3mm; overflow: hidden; }
.card { border: 1.2pt solid #c00000; height: 100%; padding: 3mm; display: flex; flex-direction: column; font-size: 9.5pt; }
.card h3 { margin: 0 0 2mm; text-align: center; color: #c00000; font-size: 14pt; letter-spacing: 0.2em; }
.card table { font-size: 9pt; }
.card th { width: 26%; text-align: left; white-space: nowrap; }
.card th, .card td { padding: 0.8mm 1.2mm; }
.card .qr { display: flex; align-items: center; gap: 3mm; margin-top: auto; font-size: 8.5pt; }
.card .qr svg { width: 26mm; height: 26mm; flex: none; }
.card .url { word-break: break-all; color: #333; }
`;

export function cardHtml(c: CardData): Html {
  const h = c.sheet.household;
  const head = headOf(h);
  const latest = c.sheet.incomes.at(-1);
  const helpers = currentHelpers(c.sheet);
  return html`<div class="card">
<h3>精准扶贫明白卡</h3>
<table>
<tr><th>户主</th><td>${head?.name ?? '—'}（${h.persons.length} 人）</td></tr>
<tr><th>所在村</th><td>${placeOf(h)}</td></tr>
<tr><th>户编号</th><td>${h.number}</td></tr>
<tr><th>属性</th><td>${h.attribute}，${h.status}${h.status === '已脱贫' && h.statusYear ? `（${h.statusYear} 年）` : ''}</td></tr>
<tr><th>致贫原因</th><td>${h.mainCause}${h.secondaryCauses.length ? `（次要：${h.secondaryCauses.join('、')}）` : ''}</td></tr>
<tr><th>人均纯收入</th><td>${latest ? html`${latest.year} 年 <b>${yuan(latest.result.perCapita)}</b>；${lineText(latest)}` : '尚未填写收入'}</td></tr>
<tr><th>帮扶责任人</th><td>${
    c.sheet.pairing
      ? helpers.length
        ? helpers.map((a, i) => html`${i ? html`<br>` : ''}${a.helperName}（${a.unit}${a.post ? `，${a.post}` : ''}）${a.phone ? html`<br>电话：${a.phone}` : ''}`)
        : '尚未确定'
      : '—'
  }</td></tr>
</table>
<div class="qr">${raw(c.qrSvg)}<div>扫码查看本户扶贫手册<br><span class="url">${c.url}</span></div></div>
</div>`;
}

/** Cards four to a page; each page a `.sheet`. */
export function cardsHtml(cards: readonly CardData[]): Html {
  const pages: Html[] = [];
  for (let i = 0; i < cards.length; i += 4) {
    pages.push(html`<section class="sheet cards">${cards.slice(i, i + 4).map((c) => html`<div class="card-cell">${cardHtml(c)}</div>`)}</section>`);
  }
  return html`${pages}`;
}
