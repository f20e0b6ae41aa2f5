import { describe, expect, it } from 'vitest';
import { parseUnitList, unitsOfRegions } from './unit-list';

/** Issue 11: “考核对象 cannot be picked from the region tree or pasted” — a list copied out of Excel or a notice. */
describe('a pasted list of 考核对象', () => {
  it.each([
    ['names only, the default kind', '汕头市\n汕尾市\n', [{ name: '汕头市', kind: 'city' }, { name: '汕尾市', kind: 'city' }]],
    ['Excel cells: name, kind label, code', '昭觉县\t县（市、区）\t513431\n美姑县\t县\t513436', [
      { name: '昭觉县', kind: 'county', ref: '513431' },
      { name: '美姑县', kind: 'county', ref: '513436' },
    ]],
    ['commas and a blank line', '省农业农村厅，单位\n\n省教育厅,省直单位', [
      { name: '省农业农村厅', kind: 'department' },
      { name: '省教育厅', kind: 'department' },
    ]],
    ['a name then its code after a space', '凉山彝族自治州 513400000000', [{ name: '凉山彝族自治州', kind: 'city', ref: '513400000000' }]],
  ])('reads %s', (_what, text, units) => {
    expect(parseUnitList(text, 'city')).toEqual({ units, problems: [] });
  });

  it.each([
    ['an unknown kind', '汕头市\t乡镇', '第 1 行：“乡镇”不是考核对象类别'],
    ['a name twice', '汕头市\n汕头市', '第 2 行：“汕头市”重复'],
  ])('names the line of %s', (_what, text, message) => {
    const r = parseUnitList(text, 'city');
    expect(r.problems.map((p) => p.message).join('；')).toContain(message);
  });
});

describe('考核对象 from the region tree', () => {
  it('takes a province’s cities as 地级市 and a city’s counties as 县（市、区）, the code as the unit’s ref', () => {
    expect(
      unitsOfRegions([
        { code: '513400000000', name: '凉山彝族自治州', level: 2, hasChildren: true, deepPoverty: false },
        { code: '513431000000', name: '昭觉县', level: 3, hasChildren: true, deepPoverty: true },
      ]),
    ).toEqual([
      { name: '凉山彝族自治州', kind: 'city', ref: '513400000000' },
      { name: '昭觉县', kind: 'county', ref: '513431000000' },
    ]);
  });
});
