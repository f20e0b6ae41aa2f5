import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, halfOf, isoDate, isoDateTime, isRealDate, startOfDay, yearOf, ZONE } from './dates';

describe('the Beijing date of an instant, whatever the host zone', () => {
  it('the tests run on a host in UTC (so the 00:00–08:00 window differs from the host date)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(/^(UTC|Etc\/UTC)$/);
    expect(ZONE).toBe('Asia/Shanghai');
  });

  it.each([
    // instant (UTC)                 Beijing date   year  half  Beijing wall clock
    ['2020-12-31T15:59:59Z', '2020-12-31', 2020, 2, '2020-12-31 23:59'],
    ['2020-12-31T16:00:00Z', '2021-01-01', 2021, 1, '2021-01-01 00:00'],
    ['2020-12-31T16:30:00Z', '2021-01-01', 2021, 1, '2021-01-01 00:30'],
    ['2020-12-31T17:00:00Z', '2021-01-01', 2021, 1, '2021-01-01 01:00'],
    ['2020-12-31T23:59:59Z', '2021-01-01', 2021, 1, '2021-01-01 07:59'],
    ['2021-01-01T00:00:00Z', '2021-01-01', 2021, 1, '2021-01-01 08:00'],
    ['2021-06-30T15:59:59Z', '2021-06-30', 2021, 1, '2021-06-30 23:59'],
    ['2021-06-30T16:00:00Z', '2021-07-01', 2021, 2, '2021-07-01 00:00'],
    ['2020-02-28T16:00:00Z', '2020-02-29', 2020, 1, '2020-02-29 00:00'],
    ['2020-06-30T02:00:00Z', '2020-06-30', 2020, 1, '2020-06-30 10:00'],
  ])('%s is %s in Beijing (year %i, half %i, %s)', (instant, date, year, half, wall) => {
    const at = new Date(instant);
    expect(isoDate(at)).toBe(date);
    expect(yearOf(at)).toBe(year);
    expect(halfOf(isoDate(at))).toBe(half);
    expect(isoDateTime(at)).toBe(wall);
  });

  it('an invalid instant is an error, not a date', () => {
    expect(() => isoDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it.each([
    ['2021-01-01', '2020-12-31T16:00:00.000Z'],
    ['2021-07-01', '2021-06-30T16:00:00.000Z'],
    ['2020-02-29', '2020-02-28T16:00:00.000Z'],
  ])('the Beijing day %s begins at %s', (day, instant) => {
    expect(startOfDay(day).toISOString()).toBe(instant);
    expect(isoDate(startOfDay(day))).toBe(day);
    expect(isoDate(new Date(startOfDay(day).getTime() - 1))).toBe(addDays(day, -1));
  });
});

describe('arithmetic on YYYY-MM-DD dates', () => {
  it.each([
    ['2020-02-25', 7, '2020-03-03'],
    ['2019-02-25', 7, '2019-03-04'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2021-01-01', -1, '2020-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2020-06-30', 0, '2020-06-30'],
    ['0050-01-01', 1, '0050-01-02'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2020-01-01', '2020-12-31', 365],
    ['2019-01-01', '2019-12-31', 364],
    ['2020-07-01', '2020-06-30', -1],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('isRealDate', () => {
  // Seed 004 names 2017-09-31 as an error; V8's Date.parse accepts it (as 2017-10-01), so no check may rely on it.
  it.each([
    ['2016-02-29', true],
    ['2020-02-29', true],
    ['2017-09-30', true],
    ['2000-02-29', true],
    ['2017-09-31', false],
    ['2017-02-29', false],
    ['1900-02-29', false],
    ['2020-13-01', false],
    ['2020-00-10', false],
    ['2020-01-00', false],
    ['2020-1-1', false],
    ['2020-01-01T00:00:00Z', false],
    [' 2020-01-01', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (value, ok) => {
    expect(isRealDate(value)).toBe(ok);
  });
});
