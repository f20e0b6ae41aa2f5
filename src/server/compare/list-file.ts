import { columnLetter, detectColumns } from '../../domain/compare/columns';
import type { ListRowInput } from '../../domain/compare/list-row';
import { checkDataRows, parseWithLimit, UPLOAD_LIMITS, type UploadLimit } from '../http/upload';
import type { Encoding, EncodingChoice, ParsedTable, TableSheet } from '../http/upload-parse';

export { decodeText, parseCsv } from '../http/upload-parse';
export type { Encoding, EncodingChoice } from '../http/upload-parse';

/**
 * Reading a department's list: an .xlsx workbook or a CSV file, in UTF-8 (with or without BOM), GBK/GB18030 (what
 * Excel on a Chinese Windows writes as “CSV”) or UTF-16. The header row is found (titles above it are skipped); the
 * rows below it are returned with their row number in the file, as the department will look them up.
 */
export class ListFileError extends Error {}


export interface ListTable {
  /** The sheet read (xlsx) or the encoding found (csv). */
  format: 'xlsx' | 'csv';
  sheet?: string;
  encoding?: Encoding;
  /** 1-based row number of the header row in the file. */
  headerRow: number;
  headers: string[];
  rows: ListRowInput[];
}

/**
 * The list as the importer takes it, from the rows the reader gave: the first sheet with an ID-number header among its
 * first 10 rows (the first sheet otherwise), the header row, and the rows below it padded to the sheet's width.
 */
export function listTableOf(t: ParsedTable): ListTable {
  let chosen: { sheet: TableSheet; at: number } | null = null;
  for (const sheet of t.sheets) {
    const first: string[][] = [];
    for (const r of sheet.rows) if (r.row <= 10) first[r.row - 1] = r.cells;
    let at = -1;
    for (let i = 0; i < first.length; i++) if (first[i] && detectColumns(first[i]!).id !== null) {
      at = i + 1;
      break;
    }
    const found = at !== -1;
    if (!found) at = sheet.rows[0]?.row ?? 1;
    if (!chosen || found) chosen = { sheet, at };
    if (found) break;
  }
  if (!chosen) throw new ListFileError('文件中没有工作表');
  const { sheet, at } = chosen;
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const pad = (cells: string[]) => (cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells);
  const header = sheet.rows.find((r) => r.row === at);
  const rows: ListRowInput[] = [];
  for (const r of sheet.rows) if (r.row > at) rows.push({ row: r.row, cells: t.format === 'xlsx' ? pad(r.cells) : r.cells, ...(r.numeric ? { numeric: r.numeric } : {}) });
  return {
    format: t.format,
    ...(t.format === 'xlsx' ? { sheet: sheet.name } : { encoding: t.encoding }),
    headerRow: at,
    headers: (header ? (t.format === 'xlsx' ? pad(header.cells) : header.cells) : []).map((h) => h.trim()),
    rows,
  };
}

/** Rows above a list's header the reader allows besides the data rows (a title, notes). */
const LIST_HEADER_ROWS = 10;

/**
 * Reads an uploaded list in the parse worker: .xlsx by its content (a zip), anything else as CSV text; more rows than
 * the limit (部门名单最多 500,000 行) or a file that cannot be read is a 400 naming it.
 */
export async function readListFile(buffer: Uint8Array, choice: EncodingChoice = 'auto', limit: UploadLimit = UPLOAD_LIMITS.list): Promise<ListTable> {
  const table = listTableOf(await parseWithLimit(limit, buffer, { unreadable: '无法读取文件：请上传 .xlsx 工作簿或 .csv 文件（旧版 .xls 请先另存为 .xlsx）', headerRows: LIST_HEADER_ROWS, csv: true, encoding: choice }));
  checkDataRows(limit, table.rows.length);
  return table;
}

/** The columns as the user picks them: letter and header. */
export function headerOptions(headers: string[]): Array<{ letter: string; header: string }> {
  return headers.map((header, i) => ({ letter: columnLetter(i), header }));
}
