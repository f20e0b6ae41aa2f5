/** Small wording helpers shared by the printed lists and notices: dates and sums as the paper forms write them. */
import type { Html } from './html';
import { html } from './html';

/** `2020-06-30` → `2020年6月30日` (blank for none). */
export function chineseDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** Integer yuan with thousands separators: 13,201 元. */
export function yuanText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : `${n.toLocaleString('en-US')} 元`;
}

/** The title block every list shares: the heading, then the place and what the list counts. */
export function listHeading(title: string, left: string, right: string): Html {
  return html`<h1>${title}</h1><div class="meta"><span>${left}</span><span>${right}</span></div>`;
}

/** 制表 line at the foot of a list: who prints, when, and the blank signature lines the archive keeps. */
export function listFooter(printedOn: string): Html {
  return html`<div class="meta foot"><span>填表人：<span class="signature-line"></span></span><span>审核人：<span class="signature-line"></span></span><span>制表日期：${chineseDate(printedOn)}</span></div>`;
}

export const LIST_CSS = `
.foot { margin-top: 5mm; }
td.members { white-space: normal; }
td.blank { min-width: 22mm; }
.note { font-size: 9pt; color: #333; margin: 2mm 0; }
thead { display: table-header-group; }
`;

/**
 * A village's name as the lists and notices write it: the region table names a village by its committee
 * (俄尔古取村村民委员会, XX社区居民委员会), the forms by the village (俄尔古取村, XX社区).
 */
export function villageShortName(name: string): string {
  return name.replace(/(村民|居民)委员会$/, '') || name;
}

/** The village's committee that posts its notices: 俄尔古取村 → 俄尔古取村村民委员会, XX社区 → XX社区居民委员会. */
export function villageCommittee(shortName: string): string {
  return /委员会$/.test(shortName) ? shortName : `${shortName}${shortName.endsWith('社区') ? '居民' : '村民'}委员会`;
}
