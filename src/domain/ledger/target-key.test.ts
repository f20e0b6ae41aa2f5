import { describe, expect, it } from 'vitest';
import { targetKey } from './target-key';

// Seed 000: “1件事（包括结对帮扶的1个村或1户贫困户）只录入1次” — the same target written twice is one target.
describe('targetKey', () => {
  it.each([
    [{ kind: 'region', regionCode: '513431100201' }, 'R:513431100201'],
    [{ kind: 'text', text: '  扶贫日 捐款 ' }, 'T:扶贫日捐款'],
    [{ kind: 'text', text: '张三户（ＡＢ村）' }, 'T:张三户(ab村)'],
  ] as const)('%j → %s', (target, key) => {
    expect(targetKey(target)).toBe(key);
  });
});
