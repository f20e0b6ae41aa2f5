import { describe, expect, it } from 'vitest';
import { allPages } from './pages';

/** A list of `total` numbers served page by page, recording the pages asked. */
function list(total: number) {
  const asked: number[] = [];
  const page = async (n: number, size: number) => {
    asked.push(n);
    const from = (n - 1) * size;
    return { items: Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i), total };
  };
  return { asked, page };
}

async function read(total: number, size: number, max?: number) {
  const l = list(total);
  const rows: number[] = [];
  for await (const b of allPages(l.page, size, max)) rows.push(...b);
  return { rows: rows.length, asked: l.asked };
}

describe('every page of a list, for an export', () => {
  it.each([
    ['an empty list: one page asked', 0, 10, undefined, 0, [1]],
    ['a list that fills its last page exactly', 20, 10, undefined, 20, [1, 2]],
    ['a list ending inside a page', 25, 10, undefined, 25, [1, 2, 3]],
    ['a list longer than the most an export holds', 100, 10, 30, 30, [1, 2, 3]],
  ])('reads %s', async (_what, total, size, max, rows, asked) => {
    expect(await read(total, size, max)).toEqual({ rows, asked });
  });
});
