import { checkIdNumber } from '../registry/id-number';
import type { FieldError } from '../shared/errors';
import { columnLetter, type ListColumns } from './columns';

/** One data row of a department's list as read from the file: its 1-based row number in the file and its cells. */
export interface ListRowInput {
  row: number;
  cells: readonly string[];
  /** Columns whose cell was stored as a number by the spreadsheet (an 18-digit ID number loses its last digits). */
  numeric?: readonly number[];
}

/** A row as kept: the evidence a comparison hit points to. */
export interface ListRow {
  rowNo: number;
  idNumber: string;
  name: string;
  detail: string;
}

export const MAX_NAME = 50;
export const MAX_DETAIL = 1000;

/** An ID number as departments' files write it: blanks, a leading apostrophe, full-width digits and a small x tidied. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000'‘’`]/g, '')
    .toUpperCase();
}

/**
 * Reads one row of a department's list (seed 004, “一比对”: 先将新识别贫困人口姓名、身份证号信息汇总 … 与 … 行业部门数据比对):
 * the ID number must pass the GB 11643 check, or the row is refused with its row, column and reason — a comparison
 * on a wrong number would accuse the wrong person or miss the right one. Blank rows give null.
 */
export function readListRow(input: ListRowInput, headers: readonly string[], columns: ListColumns, now: Date): { row: ListRow } | { errors: FieldError[] } | null {
  const cells = input.cells.map((c) => (c ?? '').trim());
  if (cells.every((c) => c === '')) return null;
  const errors: FieldError[] = [];
  const at = (col: number, field: string, fallback: string, message: string) =>
    errors.push({ field, label: headers[col]?.trim() || fallback, message, row: input.row, column: columnLetter(col) });

  const raw = cells[columns.id] ?? '';
  const id = normaliseIdNumber(raw);
  if (id === '') at(columns.id, 'idNumber', '身份证号', '身份证号为空');
  else if (input.numeric?.includes(columns.id) && !checkIdNumber(id, now).ok)
    at(columns.id, 'idNumber', '身份证号', `单元格为数值格式，号码已失真（表格软件只保留 15 位有效数字）：请把该列设为文本格式后重新导出（现为“${raw}”）`);
  else if (/^\d{15}$/.test(id)) at(columns.id, 'idNumber', '身份证号', '为 15 位旧身份证号，请换算为 18 位公民身份号码');
  else {
    const check = checkIdNumber(id, now);
    if (!check.ok) at(columns.id, 'idNumber', '身份证号', `${check.message}（“${raw}”）`);
  }
  const name = columns.name === null ? '' : (cells[columns.name] ?? '');
  if (columns.name !== null && name.length > MAX_NAME) at(columns.name, 'name', '姓名', `不能超过 ${MAX_NAME} 个字（现有 ${name.length} 个），请确认所选的姓名列`);
  if (errors.length) return { errors };

  let detail: string;
  if (columns.detail !== null) detail = cells[columns.detail] ?? '';
  else {
    const parts: string[] = [];
    cells.forEach((c, i) => {
      if (c === '' || i === columns.id || i === columns.name) return;
      const h = headers[i]?.trim();
      parts.push(h ? `${h}：${c}` : c);
    });
    detail = parts.join('；');
  }
  if (detail.length > MAX_DETAIL) detail = `${detail.slice(0, MAX_DETAIL - 1)}…`;
  return { row: { rowNo: input.row, idNumber: id, name, detail } };
}
