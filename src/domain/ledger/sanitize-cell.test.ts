import { describe, expect, it } from 'vitest';
import { sanitizeCell } from './sanitize-cell';

// Issue 2: exports neutralise “cells that begin with = + - @”.
describe('sanitizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['捐资助学', '捐资助学'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(sanitizeCell(input)).toBe(output);
  });
});
