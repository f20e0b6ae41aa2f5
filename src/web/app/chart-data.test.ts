import { describe, expect, it } from 'vitest';
import { barText, barValue, NO_BAR } from './chart-data';

describe('barValue', () => {
  it('draws no bar for a zero, a missing or a non-finite value', () => {
    expect(barValue(0)).toBe(NO_BAR);
    expect(barValue(null)).toBe(NO_BAR);
    expect(barValue(undefined)).toBe(NO_BAR);
    expect(barValue(Number.NaN)).toBe(NO_BAR);
  });
  it('keeps every other number, negatives included', () => {
    expect(barValue(3)).toBe(3);
    expect(barValue(0.0001)).toBe(0.0001);
    expect(barValue(-2)).toBe(-2);
  });
});

describe('barText', () => {
  it('reads a left-out bar as 0 in the given format', () => {
    expect(barText(NO_BAR)).toBe('0');
    expect(barText(NO_BAR, (n) => n.toFixed(4))).toBe('0.0000');
    expect(barText(12.5, (n) => n.toFixed(1))).toBe('12.5');
  });
});
