import { describe, expect, it } from 'vitest';
import { html, printDocument, raw } from './html';

describe('print html', () => {
  it('escapes interpolated text and keeps raw and nested markup', () => {
    const name = '<script>alert("张")</script>';
    const row = html`<td>${name}</td>`;
    expect(html`<tr>${row}${[html`<td>${1}</td>`, null, false]}${raw('<td>x</td>')}</tr>`.value).toBe(
      '<tr><td>&lt;script&gt;alert(&quot;张&quot;)&lt;/script&gt;</td><td>1</td><td>x</td></tr>',
    );
  });

  it('sets the paper of the page, A4 portrait unless said', () => {
    expect(printDocument({ title: 'a', body: html`x` })).toContain('size: A4 portrait');
    expect(printDocument({ title: 'a', paper: 'A3', landscape: true, body: html`x` })).toContain('size: A3 landscape');
  });
});
