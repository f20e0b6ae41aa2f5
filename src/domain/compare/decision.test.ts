import { describe, expect, it } from 'vitest';
import { checkDecision } from './decision';

// Seed 004: “将问题线索重新提交村民代表大会评议，真正把决策权交给群众”; “比对结果 … 并以村民评议结果为最终依据” — a hit is
// decided by the village assembly, 属实 or 不属实, with what it found written down.
describe('checkDecision', () => {
  it.each([
    ['属实 with the outcome', { decision: '属实', outcome: '2020-07-02 村民代表大会评议：该车为营运货车，家庭收入已稳定超过标准，同意按程序清退' }],
    ['不属实 with the outcome', { decision: '不属实', outcome: '经入户核实，车辆登记在同名他人名下，评议不属实' }],
  ])('accepts %s', (_what, input) => {
    expect(checkDecision(input)).toEqual([]);
  });

  it.each([
    ['no decision', { outcome: '已评议' }, ['decision']],
    ['a decision that is not 属实 or 不属实 (no blanket rule such as “有车不准”)', { decision: '清退', outcome: '有车' }, ['decision']],
    ['no outcome', { decision: '属实', outcome: '  ' }, ['outcome']],
    ['an outcome over 1000 characters', { decision: '不属实', outcome: '评'.repeat(1001) }, ['outcome']],
    ['nothing at all', {}, ['decision', 'outcome']],
  ])('refuses %s', (_what, input, fields) => {
    expect(checkDecision(input).map((e) => e.field)).toEqual(fields);
  });
});
