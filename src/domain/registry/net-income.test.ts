import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIncome } from './income';
import { netIncomeOf, type NetIncomeItem } from './net-income';

const item = fc.integer({ min: 0, max: 1_000_000 });
const items = fc.record<Record<NetIncomeItem, number>>({
  wages: item,
  business: item,
  property: item,
  subsidies: item,
  minimumLiving: item,
  extremePoverty: item,
  pension: item,
  ecological: item,
  otherTransfer: item,
  businessCosts: item,
});

// Seed 004 “贫困户收入计算”: “纯收入=年收入-生产经营性支出”; the terms the SQL is built from are those computeIncome adds.
describe('netIncomeOf', () => {
  it('agrees with computeIncome on any stored items', () => {
    fc.assert(
      fc.property(items, item, item, (i, illnessCosts, schoolingCosts) => {
        const { otherTransfer, subsidies, minimumLiving, extremePoverty, pension, ecological, ...rest } = i;
        const computed = computeIncome({
          ...rest,
          transfer: { subsidies, minimumLiving, extremePoverty, pension, ecological, other: otherTransfer },
          illnessCosts,
          schoolingCosts,
          householdSize: 3,
        });
        expect(netIncomeOf(i)).toBe(computed.netIncome);
      }),
    );
  });

  it.each([
    [{ wages: 9000, business: 3000, property: 0, subsidies: 500, minimumLiving: 1200, extremePoverty: 0, pension: 1300, ecological: 201, otherTransfer: 0, businessCosts: 2000 }, 13201],
    [{ wages: 0, business: 0, property: 0, subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, otherTransfer: 0, businessCosts: 800 }, -800],
  ])('%j → %i', (i, net) => expect(netIncomeOf(i)).toBe(net));
});
