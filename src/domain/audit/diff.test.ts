import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';
import { fieldLabelsOf } from './labels';

// DESIGN: “every change to a record keeps who, when, before and after”, read with the field's Chinese name.
describe('diffSnapshots', () => {
  const labels = fieldLabelsOf('household');
  it.each([
    ['a field changed', { number: '0001' }, { number: '0009' }, [{ field: 'number', label: '户编号', before: '0001', after: '0009' }]],
    ['nothing changed (key order does not matter)', { number: '1', secondaryCauses: ['缺资金'] }, { secondaryCauses: ['缺资金'], number: '1' }, []],
    ['a record created', null, { number: '0001' }, [{ field: 'number', label: '户编号', before: null, after: '0001' }]],
    ['a record deleted', { number: '0001' }, null, [{ field: 'number', label: '户编号', before: '0001', after: null }]],
    [
      'a person’s name and ID number, item by item',
      { persons: [{ name: '张三', idNumber: 'A' }, { name: '李四', idNumber: 'B' }] },
      { persons: [{ name: '张叁', idNumber: 'C' }, { name: '李四', idNumber: 'B' }] },
      [
        { field: 'persons.0.name', label: '第 1 位成员姓名', before: '张三', after: '张叁' },
        { field: 'persons.0.idNumber', label: '第 1 位成员身份证号', before: 'A', after: 'C' },
      ],
    ],
    [
      'a person added',
      { persons: [{ name: '张三' }] },
      { persons: [{ name: '张三' }, { name: '张小三' }] },
      [{ field: 'persons.1', label: '第 2 位成员（新增）', before: null, after: { name: '张小三' } }],
    ],
    ['in the order of the labels', { mainCause: '缺技术', number: '1' }, { number: '2', mainCause: '缺资金' }, [
      { field: 'number', label: '户编号', before: '1', after: '2' },
      { field: 'mainCause', label: '主要致贫原因', before: '缺技术', after: '缺资金' },
    ]],
    ['a field without a label keeps its name', { extra: 1 }, { extra: 2 }, [{ field: 'extra', label: 'extra', before: 1, after: 2 }]],
  ] as const)('%s', (_what, before, after, expected) => {
    expect(diffSnapshots(before as never, after as never, labels)).toEqual(expected);
  });
});
