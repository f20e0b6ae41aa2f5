import { describe, expect, it } from 'vitest';
import { yearsOverlap } from './years-overlap';

// Seed 000: “1件事……只录入1次……跨年度事项只录入1次。”
describe('yearsOverlap', () => {
  it.each([
    [{ startYear: 2018, endYear: null }, { startYear: 2018, endYear: null }, true],
    [{ startYear: 2018, endYear: null }, { startYear: 2019, endYear: null }, false],
    [{ startYear: 2018, endYear: 2020 }, { startYear: 2020, endYear: null }, true],
    [{ startYear: 2018, endYear: 2020 }, { startYear: 2021, endYear: 2022 }, false],
    [{ startYear: 2019, endYear: null }, { startYear: 2017, endYear: 2019 }, true],
    [{ startYear: 2016, endYear: 2017 }, { startYear: 2018, endYear: 2019 }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(yearsOverlap(a, b)).toBe(expected);
    expect(yearsOverlap(b, a)).toBe(expected);
  });
});
