import { describe, expect, it } from 'vitest';
import { prefixEnd, underPrefix } from './prefix';

describe('prefixEnd', () => {
  it.each([
    ['5101', '5102'],
    ['5199', '52'],
    ['510199', '5102'],
    ['1', '2'],
    ['9', null],
    ['99', null],
    ['', null],
  ])('%s → %s', (prefix, end) => expect(prefixEnd(prefix)).toBe(end));

  it('every code under the prefix lies in [prefix, end) and the next one does not', () => {
    for (const p of ['51', '5134', '513431', '5134311']) {
      const end = prefixEnd(p)!;
      const inside = p.padEnd(12, '9');
      expect(inside >= p && inside < end).toBe(true);
      expect(end.padEnd(12, '0') < end).toBe(false);
    }
  });

  it('refuses what is not a code prefix (it would go into SQL)', () => {
    expect(() => underPrefix(undefined as never, "51' or 1=1")).toThrow();
  });
});
