import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../registry/id-number';
import { readListRow } from './list-row';

const now = new Date('2020-06-30T00:00:00Z');
const id = (first17: string) => first17 + checkCharacter(first17);
const GOOD = id('51343119800101001');
const X_ID = '11010519491231002X';
const headers = ['序号', '车主', '公民身份号码', '号牌号码', '车辆类型'];
const cols = { id: 2, name: 1, detail: null };

// Seed 004, “一比对”: 先将新识别贫困人口姓名、身份证号信息汇总 … 与 … 行业部门数据比对 — every row's ID number must pass the
// GB 11643 check, or the row is reported by row and column (a wrong number accuses the wrong person or misses one).
describe('readListRow', () => {
  it.each([
    ['a good row: other cells joined as the detail', ['1', '张三', GOOD, '川W12345', '小型轿车'], undefined, { rowNo: 7, idNumber: GOOD, name: '张三', detail: '序号：1；号牌号码：川W12345；车辆类型：小型轿车' }],
    ['a small x, blanks and a leading apostrophe tidied', ['', '李四', ` '${X_ID.toLowerCase()} `, '', ''], undefined, { rowNo: 7, idNumber: X_ID, name: '李四', detail: '' }],
    ['full-width digits', ['', '王五', GOOD.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), '', ''], undefined, { rowNo: 7, idNumber: GOOD, name: '王五', detail: '' }],
  ])('%s', (_what, cells, numeric, row) => {
    expect(readListRow({ row: 7, cells, numeric }, headers, cols, now)).toEqual({ row });
  });

  it('takes the chosen detail column instead of all other cells', () => {
    expect(readListRow({ row: 3, cells: ['1', '张三', GOOD, '川W12345', '小型轿车'] }, headers, { id: 2, name: 1, detail: 3 }, now)).toEqual({
      row: { rowNo: 3, idNumber: GOOD, name: '张三', detail: '川W12345' },
    });
  });

  it('gives null for a blank row', () => {
    expect(readListRow({ row: 9, cells: ['', ' ', ''] }, headers, cols, now)).toBeNull();
  });

  it.each([
    ['an empty ID', ['1', '张三', '', '川W1', ''], undefined, 'C', '身份证号为空'],
    ['a wrong check character', ['1', '张三', GOOD.slice(0, 17) + (GOOD.endsWith('1') ? '2' : '1'), '', ''], undefined, 'C', `校验位错误（GB 11643），请核对号码（“${GOOD.slice(0, 17) + (GOOD.endsWith('1') ? '2' : '1')}”）`],
    ['an impossible birth date', ['1', '张三', id('51343119801301001'), '', ''], undefined, 'C', `出生日期无效（“${id('51343119801301001')}”）`],
    ['an old 15-digit number', ['1', '张三', '513431800101001', '', ''], undefined, 'C', '为 15 位旧身份证号，请换算为 18 位公民身份号码'],
    ['a number mangled by a numeric cell', ['1', '张三', '513431198001010000', '', ''], [2], 'C', '单元格为数值格式，号码已失真（表格软件只保留 15 位有效数字）：请把该列设为文本格式后重新导出（现为“513431198001010000”）'],
  ])('refuses %s, naming row and column', (_what, cells, numeric, column, message) => {
    expect(readListRow({ row: 12, cells, numeric }, headers, cols, now)).toEqual({ errors: [{ field: 'idNumber', label: '公民身份号码', message, row: 12, column }] });
  });

  it('refuses a name longer than 50 characters (a company name column chosen by mistake)', () => {
    const r = readListRow({ row: 4, cells: ['1', '某'.repeat(51), GOOD, '', ''] }, headers, cols, now);
    expect(r).toEqual({ errors: [{ field: 'name', label: '车主', message: '不能超过 50 个字（现有 51 个），请确认所选的姓名列', row: 4, column: 'B' }] });
  });
});
