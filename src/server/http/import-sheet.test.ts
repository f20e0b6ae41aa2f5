import { describe, expect, it } from 'vitest';
import { cellError, describeCellError, importRefused, officeOfCell, placeError, type ImportSheetSpec } from './import-sheet';

/** Issue 11: an import's errors name the row and the column (“errors by row and column”). */
const spec: ImportSheetSpec<'username' | 'org' | 'role'> = {
  sheet: '用户',
  what: '用户',
  columns: [
    { key: 'username', header: '用户名', width: 10, hint: '' },
    { key: 'org', header: '单位', width: 10, hint: '' },
    { key: 'role', header: '角色', width: 10, hint: '' },
  ],
};

describe('import sheet errors', () => {
  it('places an error on its row and column, with the column header as label', () => {
    expect(cellError(spec, 3, 'role', '没有这个角色')).toEqual({ field: 'role', label: '角色', message: '没有这个角色', row: 3, column: 'C' });
    expect(describeCellError(cellError(spec, 3, 'role', '没有这个角色'))).toBe('第 3 行 C 列（角色）：没有这个角色');
  });

  it("places a service's field error in the column its field maps to, and keeps an unmapped one on its row", () => {
    expect(placeError(spec, 7, { field: 'orgId', label: '所属单位', message: 'x' }, { orgId: 'org' })).toMatchObject({ row: 7, column: 'B', label: '单位' });
    expect(placeError(spec, 7, { field: 'other', label: '其他', message: 'x' })).toEqual({ field: 'other', label: '其他', message: 'x', row: 7, column: '' });
  });

  it('refuses a whole file with every error sorted by row, the first one in the message', () => {
    const e = importRefused(spec, [cellError(spec, 9, 'org', 'b'), cellError(spec, 4, 'username', 'a')]);
    expect(e.message).toBe('导入失败：共 2 处错误，未写入任何用户。第 4 行 A 列（用户名）：a');
    expect(e.details.fields!.map((f) => f.row)).toEqual([4, 9]);
  });
});

describe('officeOfCell', () => {
  const offices = [
    { id: 4, name: '昭觉县扶贫办' },
    { id: 5, name: '村委会' },
    { id: 6, name: '村委会' },
  ];
  it.each([
    ['昭觉县扶贫办', 4],
    ['4', 4],
    ['昭觉县扶贫办（编号 4）', 4],
    ['村委会（编号 6）', 6],
  ])('finds %s', (cell, id) => {
    expect(officeOfCell(offices, cell)).toEqual({ office: offices.find((o) => o.id === id) });
  });
  it.each([
    ['', '请填写单位（全称或编号）'],
    ['村委会', '有 2 个单位名为“村委会”，请填写单位编号（见代码表）'],
    ['99', '单位编号 99 不存在或不在您的管辖范围内'],
    ['美姑县扶贫办', '单位“美姑县扶贫办”不存在或不在您的管辖范围内'],
  ])('refuses %j', (cell, problem) => {
    expect(officeOfCell(offices, cell)).toEqual({ problem });
  });
});
