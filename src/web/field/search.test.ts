import { describe, expect, it } from 'vitest';
import type { Household } from '../../contract/registry/households';
import { compareFacts } from './facts';
import { matchesHousehold } from './search';

// Issue 12: “find a household (by name, part of an ID number, or household number)” — offline, in the downloaded ones.
const household = {
  number: '513431-0001',
  persons: [
    { name: '吉克石一', idNumber: '513431198001011234' },
    { name: '吉克阿呷', idNumber: '5134**********002X' },
  ],
} as unknown as Pick<Household, 'number' | 'persons'>;

describe('matchesHousehold', () => {
  it.each([
    ['吉克', true],
    ['阿呷', true],
    ['0101123', true],
    ['002x', true],
    ['0001', true],
    ['513431-00', true],
    ['王', false],
    ['9999', false],
    // Masked digits are not on the phone: they match nothing.
    ['5134199', false],
    ['', true],
  ])('%s → %s', (term, hit) => {
    expect(matchesHousehold(household, term)).toBe(hit);
  });
});

describe('compareFacts', () => {
  it('lists each label once and marks what changed', () => {
    expect(compareFacts({ 状态: '未脱贫', 家庭人口: '4人' }, { 状态: '已脱贫', 家庭人口: '4人', 户属性: '一般贫困户' })).toEqual([
      { label: '状态', before: '未脱贫', now: '已脱贫', changed: true },
      { label: '家庭人口', before: '4人', now: '4人', changed: false },
      { label: '户属性', before: '—', now: '一般贫困户', changed: true },
    ]);
  });
});
