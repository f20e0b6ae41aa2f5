import { describe, expect, it } from 'vitest';
import { helperLimitProblem, type HeldHousehold } from './helper-limit';

const held = (n: number): HeldHousehold[] => Array.from({ length: n }, (_, i) => ({ householdId: i + 1, label: `000${i + 1} 户` }));

// Seed 004: “每名帮扶联系人所联系的贫困家庭一般不超过3户”; “每人帮扶联系贫困家庭不超过3户”.
describe('helperLimitProblem', () => {
  it.each([
    [0, 3, null],
    [1, 3, null],
    [2, 3, null], // the third household is allowed: 不超过3户 includes 3
    [3, 3, '帮扶责任人“王干部”已联系 3 户（0001 户、0002 户、0003 户），每名帮扶责任人联系的贫困户不超过 3 户，请先办理更换或结束帮扶'],
    [4, 3, '帮扶责任人“王干部”已联系 4 户（0001 户、0002 户、0003 户、0004 户），每名帮扶责任人联系的贫困户不超过 3 户，请先办理更换或结束帮扶'],
    [1, 2, null], // the limit is a parameter
    [2, 2, '帮扶责任人“王干部”已联系 2 户（0001 户、0002 户），每名帮扶责任人联系的贫困户不超过 2 户，请先办理更换或结束帮扶'],
  ])('holding %i with limit %i → %s', (n, limit, problem) => {
    expect(helperLimitProblem('王干部', held(n), limit)).toBe(problem);
  });
});
