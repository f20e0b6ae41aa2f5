import ExcelJS from 'exceljs';
import { columnLetter, detectColumns, findHeaderRow } from '../../domain/compare/columns';
import type { ListRowInput } from '../../domain/compare/list-row';
import { cellText } from '../http/xlsx';

/**
 * Reading a department's list: an .xlsx workbook or a CSV file, in UTF-8 (with or without BOM), GBK/GB18030 (what
 * Excel on a Chinese Windows writes as “CSV”) or UTF-16. The header row is found (titles above it are skipped); the
 * rows below it are returned with their row number in the file, as the department will look them up.
 */
export class ListFileError extends Error {}

export type EncodingChoice = 'auto' | 'utf-8' | 'gbk';
export type Encoding = 'utf-8' | 'gbk' | 'utf-16le';

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

/** Decodes a CSV file's bytes: a BOM decides; otherwise strict UTF-8, and GBK (GB18030) when that fails. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (choice === 'gbk') return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (choice === 'utf-8') throw new ListFileError('文件不是 UTF-8 编码：请选择“GBK”编码，或在表格软件中另存为“CSV UTF-8”后重新上传');
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  }
}

/** The delimiter of a CSV text: the most frequent of comma, tab and semicolon in its first line (outside quotes). */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Parses CSV text (RFC 4180: quoted fields with "" for a quote and line breaks inside quotes; CRLF or LF) into
 * records. Excel's ="…" form (used to keep long numbers as text) is unwrapped.
 */
export function parseCsv(text: string, delimiter = delimiterOf(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    record.push(!wasQuoted && /^="[^"]*"$/.test(field) ? field.slice(2, -1) : field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\n') endRecord();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (field !== '' || record.length > 0 || wasQuoted) endRecord();
  return records;
}

function fromRecords(format: 'csv', records: string[][], encoding: Encoding): ListTable {
  const at = findHeaderRow(records);
  const headers = (records[at] ?? []).map((h) => h.trim());
  const rows: ListRowInput[] = [];
  for (let i = at + 1; i < records.length; i++) rows.push({ row: i + 1, cells: records[i]! });
  return { format, encoding, headerRow: at + 1, headers, rows };
}

async function readXlsx(buffer: Buffer): Promise<ListTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ListFileError('无法读取文件：请上传 .xlsx 工作簿或 .csv 文件（旧版 .xls 请先另存为 .xlsx）');
  }
  if (wb.worksheets.length === 0) throw new ListFileError('文件中没有工作表');
  // The first sheet with an ID-number header; the first sheet otherwise.
  let chosen: { sheet: ExcelJS.Worksheet; texts: string[][]; numeric: number[][]; at: number } | null = null;
  for (const sheet of wb.worksheets) {
    const texts: string[][] = [];
    const numeric: number[][] = [];
    const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
    const height = sheet.actualRowCount > 0 ? sheet.rowCount : 0;
    for (let n = 1; n <= height; n++) {
      const row = sheet.getRow(n);
      const cells: string[] = [];
      const nums: number[] = [];
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value;
        if (typeof v === 'number') nums.push(c - 1);
        cells.push(cellText(v));
      }
      texts.push(cells);
      numeric.push(nums);
    }
    const at = findHeaderRow(texts);
    const found = detectColumns(texts[at] ?? []).id !== null;
    if (!chosen || found) chosen = { sheet, texts, numeric, at };
    if (found) break;
  }
  const { sheet, texts, numeric, at } = chosen!;
  const rows: ListRowInput[] = [];
  for (let i = at + 1; i < texts.length; i++) rows.push({ row: i + 1, cells: texts[i]!, ...(numeric[i]!.length ? { numeric: numeric[i] } : {}) });
  return { format: 'xlsx', sheet: sheet.name, headerRow: at + 1, headers: (texts[at] ?? []).map((h) => h.trim()), rows };
}

/** Reads an uploaded list: .xlsx by its content (a zip), anything else as CSV text. */
export async function readListFile(buffer: Buffer, choice: EncodingChoice = 'auto'): Promise<ListTable> {
  if (buffer.length === 0) throw new ListFileError('文件为空');
  const zip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (zip) return readXlsx(buffer);
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf) throw new ListFileError('不支持旧版 .xls 文件：请在表格软件中另存为 .xlsx 或 .csv 后重新上传');
  const { text, encoding } = decodeText(buffer, choice);
  return fromRecords('csv', parseCsv(text), encoding);
}

/** The columns as the user picks them: letter and header. */
export function headerOptions(headers: string[]): Array<{ letter: string; header: string }> {
  return headers.map((header, i) => ({ letter: columnLetter(i), header }));
}
