import { describe, expect, it } from 'vitest';
import { proposeDeepPoverty } from './deep-poverty';

// Seed 000: “在45个深度贫困县参与活动的政协委员，在填报……事项时进行标注。”
const counties = new Set(['513431', '513227']); // 昭觉县, 小金县
describe('proposeDeepPoverty', () => {
  it.each([
    ['513431100201', true],
    ['513227000000', true],
    ['510104001001', false],
    [null, false],
    ['51', false],
  ])('%s → %s', (code, expected) => {
    expect(proposeDeepPoverty(code, counties)).toBe(expected);
  });
});
