import { describe, expect, it } from 'vitest';
import type { RuleObject } from 'antd/es/form';
import { negativeListRule } from './negativeListRule';

const check = (text: unknown) => (negativeListRule as RuleObject).validator!({} as RuleObject, text, () => undefined);

describe('negativeListRule', () => {
  // Seed 004: “负面清单：不得用于行政事业单位基本支出、交通工具及通讯设备……修建楼堂馆所……”
  it('refuses a text that names a 负面清单 clause, with the clause', async () => {
    await expect(check('购置公务用车一辆')).rejects.toThrow('不得用于交通工具及通讯设备');
    await expect(check('修建村委会办公楼')).rejects.toThrow('不得用于修建楼堂馆所');
  });
  it('lets a use of the 正面清单 pass, and an empty field (its own rule asks for it)', async () => {
    await expect(check('硬化村组道路 3 公里')).resolves.toBeUndefined();
    await expect(check('')).resolves.toBeUndefined();
    await expect(check(undefined)).resolves.toBeUndefined();
  });
});
