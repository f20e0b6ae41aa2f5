import ExcelJS from 'exceljs';
import { AppError, type FieldError } from '../../domain/shared/errors';
import { checkDataRows, parseWithLimit, yieldToEventLoop, type UploadLimit } from './upload';
import { addNotesSheet, columnLetter, HEADER_FILL } from './xlsx';

/**
 * The simple one-sheet imports (issue 11: “bulk import of users, members and helpers from .xlsx (template, all or
 * nothing, errors by row and column)”): a template with a header row, a hint row and a 代码表 sheet whose columns feed
 * the data validation lists, and the reader of a filled template. Data start at row 3, as in the ledger template.
 */

export const FIRST_DATA_ROW = 3;

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  width: number;
  /** The grey second row: what to write. */
  hint: string;
  /** The 代码表 column whose values this column picks from (a drop-down in Excel; other values are still read). */
  list?: string;
}

export interface ImportSheetSpec<K extends string = string> {
  /** The data sheet's name (导入 sheet of the template). */
  sheet: string;
  /** What a row is, in the refusal (“未写入任何用户”). */
  what: string;
  columns: ReadonlyArray<ImportColumn<K>>;
}

/** A filled data row: its 1-based number in the sheet and its cells by column key (trimmed text, '' when blank). */
export interface SheetRow<K extends string = string> {
  row: number;
  cells: Record<K, string>;
}

/** A row's error with its row, column letter and the column's header as label: `第 3 行 C 列（角色）：…`. */
export function cellError<K extends string>(spec: ImportSheetSpec<K>, row: number, key: K | string, message: string): FieldError {
  const i = spec.columns.findIndex((c) => c.key === key);
  const col = spec.columns[i];
  return { field: col?.key ?? key, label: col?.header ?? key, message, row, column: i >= 0 ? columnLetter(i) : '' };
}

/** A service's field error (its own field names) placed on a row, in the column `columnOf` gives for its field. */
export function placeError<K extends string>(spec: ImportSheetSpec<K>, row: number, e: FieldError, columnOf: Partial<Record<string, K>> = {}): FieldError {
  const key = columnOf[e.field] ?? e.field;
  const placed = cellError(spec, row, key, e.message);
  return placed.column ? placed : { ...e, row, column: '' };
}

/** How one error reads on its own: 第 3 行 C 列（角色）：没有这个角色. */
export function describeCellError(e: FieldError): string {
  return `第 ${e.row ?? '?'} 行${e.column ? ` ${e.column} 列` : ''}（${e.label}）：${e.message}`;
}

/** The refusal of a whole file: every error, nothing written. */
export function importRefused(spec: Pick<ImportSheetSpec, 'what'>, errors: FieldError[]): AppError {
  const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return new AppError('VALIDATION', `导入失败：共 ${sorted.length} 处错误，未写入任何${spec.what}。${sorted[0] ? describeCellError(sorted[0]) : ''}`, { fields: sorted });
}

/**
 * The template: the data sheet (header, hint row, frozen), its drop-downs from the 代码表 sheet (`lists`, one column per
 * list), and the 填报说明 sheet (`notes`, the first line its title).
 */
export async function buildImportTemplate<K extends string>(spec: ImportSheetSpec<K>, lists: Record<string, readonly string[]>, notes: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '精准扶贫工作平台';
  const sheet = wb.addWorksheet(spec.sheet);
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.addRow(spec.columns.map((c) => c.hint)).font = { italic: true, color: { argb: 'FF808080' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  // Every column is text: a 用户名 of digits or a phone number stays as typed.
  spec.columns.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = '@'));

  const names = Object.keys(lists);
  const codes = wb.addWorksheet('代码表');
  codes.columns = names.map((n) => ({ header: n, key: n, width: 30 }));
  codes.getRow(1).font = { bold: true };
  names.forEach((n, i) => lists[n]!.forEach((v, j) => (codes.getRow(j + 2).getCell(i + 1).value = v)));
  spec.columns.forEach((c, i) => {
    const at = c.list ? names.indexOf(c.list) : -1;
    if (at < 0 || lists[c.list!]!.length === 0) return;
    const letter = columnLetter(at);
    const range = `'代码表'!$${letter}$2:$${letter}$${lists[c.list!]!.length + 1}`;
    for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + 500; row++)
      sheet.getCell(`${columnLetter(i)}${row}`).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [range] };
  });
  addNotesSheet(wb, notes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows of the other sheets (代码表, 填报说明) the parse worker may read besides the data rows. */
const OTHER_SHEET_ROWS = 20_000;

/**
 * The data rows of a filled template, read in the parse worker within `limit`: the header must be the template's (a
 * file error otherwise), the hint row and blank rows are skipped, more data rows than the limit are refused.
 */
export async function readImportSheet<K extends string>(bytes: Uint8Array, limit: UploadLimit, spec: ImportSheetSpec<K>): Promise<Array<SheetRow<K>>> {
  const fileError = (message: string) => new AppError('VALIDATION', `${limit.label}：${message}`, { fields: [{ field: 'file', label: limit.label, message }] });
  const table = await parseWithLimit(limit, bytes, {
    unreadable: '无法读取文件：请上传由导入模板填写的 .xlsx 文件',
    headerRows: FIRST_DATA_ROW - 1 + OTHER_SHEET_ROWS,
    maxColumns: spec.columns.length,
  });
  const sheet = table.sheets.find((s) => s.name === spec.sheet) ?? table.sheets[0];
  if (!sheet) throw fileError('文件中没有工作表');
  const first = sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : [];
  const wrong = spec.columns.filter((c, i) => (first[i] ?? '') !== c.header);
  if (wrong.length) throw fileError(`表头与导入模板不一致：缺少或错位的列为 ${wrong.map((c) => `“${c.header}”`).join('、')}，请下载最新模板`);
  const hints = spec.columns.map((c) => c.hint);
  const rows: Array<SheetRow<K>> = [];
  for (const line of sheet.rows) {
    if (line.row < FIRST_DATA_ROW - 1) continue;
    const texts = spec.columns.map((_, i) => (line.cells[i] ?? '').trim());
    if (texts.every((t) => t === '')) continue;
    if (line.row === FIRST_DATA_ROW - 1 && texts.every((t, i) => t === hints[i])) continue;
    if (line.row < FIRST_DATA_ROW) continue;
    checkDataRows(limit, rows.length + 1);
    if (rows.length % 1000 === 999) await yieldToEventLoop();
    rows.push({ row: line.row, cells: Object.fromEntries(spec.columns.map((c, i) => [c.key, texts[i]!])) as Record<K, string> });
  }
  if (rows.length === 0) throw fileError(`文件中没有可导入的${spec.what}（请从“${spec.sheet}”表第 ${FIRST_DATA_ROW} 行起填写）`);
  return rows;
}

/**
 * The office a cell names, among the offices in the importer's scope: by its 编号 (digits) or its full name. A name
 * two offices share must be given by 编号. Offices outside the scope are never named in the message.
 */
export function officeOfCell<O extends { id: number; name: string }>(offices: readonly O[], cell: string): { office: O } | { problem: string } {
  const text = officeCellText(cell).trim();
  if (!text) return { problem: '请填写单位（全称或编号）' };
  if (/^\d+$/.test(text)) {
    const byId = offices.find((o) => o.id === Number(text));
    return byId ? { office: byId } : { problem: `单位编号 ${text} 不存在或不在您的管辖范围内` };
  }
  const named = offices.filter((o) => o.name === text);
  if (named.length === 1) return { office: named[0]! };
  if (named.length > 1) return { problem: `有 ${named.length} 个单位名为“${text}”，请填写单位编号（见代码表）` };
  return { problem: `单位“${text}”不存在或不在您的管辖范围内` };
}

/** How an office appears in a template's 代码表: `名称（编号 12）`, read back by `officeOfCell` through `officeCellText`. */
export const officeListEntry = (o: { id: number; name: string }) => `${o.name}（编号 ${o.id}）`;

/** A cell as the 代码表 entry or as typed: `某单位（编号 12）` → `12`. */
export function officeCellText(cell: string): string {
  const m = /（编号 (\d+)）$/.exec(cell.trim());
  return m ? m[1]! : cell;
}
