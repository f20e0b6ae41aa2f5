import { describe, expect, it } from 'vitest';
import { householdTextSearch, likeLiteral } from './household-search';

// Issue 13: “ID-number search (whole or part) through an index, name search through pg_trgm … bounded to a town or
// village … — say so in the UI”.
describe('householdTextSearch', () => {
  it.each([
    // text, fullView, bounded → whole, idPattern, name, number, notice?
    ['513431198805061210', true, false, '513431198805061210', null, null, null, false],
    ['51343119880506121x', false, false, '51343119880506121X', null, null, null, false],
    ['5134311988', true, false, null, '%5134311988%', null, { pattern: '%5134311988%', bounded: false }, false],
    ['5134311988', false, false, null, null, null, { pattern: '%5134311988%', bounded: false }, false],
    ['1210', false, false, null, '%1210', null, { pattern: '%1210%', bounded: false }, false],
    ['吉克贝呷', true, false, null, null, { pattern: '%吉克贝呷%', bounded: false }, null, false],
    ['贝呷', true, false, null, null, { pattern: '贝呷%', bounded: false }, null, true],
    ['贝呷', true, true, null, null, { pattern: '%贝呷%', bounded: true }, null, false],
    ['吉', true, false, null, null, null, null, true],
    ['吉', true, true, null, null, { pattern: '%吉%', bounded: true }, null, false],
    ['7', true, true, null, null, null, { pattern: '%7%', bounded: true }, false],
    ['12', true, false, null, null, null, null, true],
    ['YX0001', true, false, null, null, { pattern: '%YX0001%', bounded: false }, { pattern: '%YX0001%', bounded: false }, false],
    ['50%', true, false, null, null, { pattern: '%50\\%%', bounded: false }, { pattern: '%50\\%%', bounded: false }, false],
  ])('%s (full view %s, in a town %s)', (text, fullView, bounded, whole, idPattern, name, number, notice) => {
    const s = householdTextSearch(text, fullView, bounded);
    expect(s).toMatchObject({ whole, idPattern, name, number });
    expect(s?.notice !== null).toBe(notice);
  });

  it('no text, no search', () => {
    expect(householdTextSearch('  ', true, false)).toBeNull();
  });

  it('names why a short name is not looked for everywhere, in Chinese', () => {
    expect(householdTextSearch('吉', true, false)?.notice).toContain('须先选择乡镇或村');
    expect(householdTextSearch('贝呷', true, false)?.notice).toContain('开头的姓名');
  });

  it.each([
    ['a%b_c\\d', 'a\\%b\\_c\\\\d'],
    ['王小明', '王小明'],
  ])('likeLiteral(%s)', (text, literal) => {
    expect(likeLiteral(text)).toBe(literal);
  });
});
