import { describe, expect, it } from 'vitest';
import { applicableLine, DEFAULT_LINES, type PovertyLine } from './poverty-lines';

const lines: PovertyLine[] = [...DEFAULT_LINES, { year: 2017, scope: 'national', regionPrefix: '', yuan: 2952, source: 'test' }];

// Seed 004: “2017年省标3300元、市标4200元”
describe('applicableLine', () => {
  it.each([
    ['340500000000', 2017, 4200], // 马鞍山市: the 市标
    ['340100000000', 2017, 3300], // elsewhere in the province: the 省标
    ['510000000000', 2017, 2952], // another province: the national line
  ])('%s in %i → %i 元', (region, year, yuan) => {
    expect(applicableLine(lines, year, region)?.yuan).toBe(yuan);
  });

  it('knows no line for a year without one', () => {
    expect(applicableLine(lines, 2030, '340500000000')).toBeUndefined();
  });
});
