/**
 * HTML for printed forms. `html` is a tagged template that escapes every interpolated value unless it is `raw(…)` or
 * another `html` result (or an array of them), so a household's name can never become markup. `printDocument` wraps a
 * body in the page set-up every form shares: A4 portrait unless said, the CJK font installed by scripts/test-deps.sh
 * (Debian fonts-noto-cjk), no menu, no buttons — paper only.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written by the program itself (a CSS block, an SVG it drew, a data: URL of a QR code) — never user text. */
export function raw(markup: string): Html {
  return new Html(markup);
}

export type PaperSize = 'A4' | 'A3';

export interface PrintPage {
  title: string;
  paper?: PaperSize;
  landscape?: boolean;
  /** The form's own CSS (after the shared rules). */
  css?: string;
  body: Html;
}

/** Rules every printed form shares; a form adds its own. `.sheet` breaks to a new page after itself (batch printing). */
const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; line-height: 1.45; }
.sheet { page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.1em; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; border-left: 3pt solid #000; padding-left: 2mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: middle; word-break: break-all; }
th { font-weight: 600; background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.center { text-align: center; }
.muted { color: #444; font-size: 9pt; }
.meta { display: flex; justify-content: space-between; gap: 4mm; font-size: 10pt; margin-bottom: 2mm; }
.signature-line { display: inline-block; min-width: 32mm; border-bottom: 0.6pt solid #000; height: 8mm; vertical-align: bottom; }
.signature-image { height: 14mm; max-width: 45mm; object-fit: contain; vertical-align: bottom; }
`;

export function printDocument(page: PrintPage): string {
  const paper = page.paper ?? 'A4';
  const size = `${paper} ${page.landscape ? 'landscape' : 'portrait'}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>
<style>@page { size: ${size}; margin: 14mm 12mm; }${BASE_CSS}${page.css ?? ''}</style></head><body>${page.body.value}</body></html>`;
}
