import { Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { cellText } from './xlsx';

/**
 * Reading an uploaded table, row by row, with a limit: the part of an upload that runs in the parse worker
 * (`upload-worker.ts`), kept free of server state so that it can also be called directly (tests, the command line).
 * An .xlsx file is read with ExcelJS's streaming `WorkbookReader` (never the whole workbook in memory), a CSV file with a
 * record-by-record parser; both stop as soon as the file has more rows than allowed.
 */

/** One non-empty row: its 1-based number in the sheet, its cells as trimmed text, the columns stored as numbers. */
export interface TableRow {
  row: number;
  cells: string[];
  /** 0-based columns whose cell was a number in the spreadsheet (text of a CSV is never numeric). */
  numeric?: number[];
}

export interface TableSheet {
  name: string;
  rows: TableRow[];
}

export interface ParsedTable {
  format: 'xlsx' | 'csv';
  /** The CSV text's encoding. */
  encoding?: Encoding;
  /** Sheets in the workbook's tab order (one unnamed sheet for CSV). */
  sheets: TableSheet[];
}

export type EncodingChoice = 'auto' | 'utf-8' | 'gbk';
export type Encoding = 'utf-8' | 'gbk' | 'utf-16le';

export interface ParseOptions {
  /** Non-empty rows allowed in the whole file (all sheets together); one more and reading stops. */
  maxRows: number;
  /** Cells read per row (columns beyond are ignored; a template has a few dozen). */
  maxColumns?: number;
  /** CSV accepted besides .xlsx (department lists). */
  csv?: boolean;
  encoding?: EncodingChoice;
}

/** A file problem the user can act on (the caller adds which upload it was). */
export class TableFileError extends Error {}

/** More rows than `limit`: reading stopped there. */
export class RowLimitError extends Error {
  constructor(readonly limit: number) {
    super(`rows beyond ${limit}`);
  }
}

const DEFAULT_MAX_COLUMNS = 256;

/** Reads an uploaded table: .xlsx by its content (a zip), CSV otherwise when allowed. */
export async function parseTable(bytes: Uint8Array, options: ParseOptions): Promise<ParsedTable> {
  if (bytes.length === 0) throw new TableFileError('文件为空');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return parseXlsx(bytes, options);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new TableFileError('不支持旧版 .xls 文件：请在表格软件中另存为 .xlsx' + (options.csv ? ' 或 .csv' : '') + ' 后重新上传');
  if (!options.csv) throw new TableFileError('无法读取文件：请上传 .xlsx 文件');
  const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
  const records = parseCsv(text, undefined, options.maxRows);
  const rows: TableRow[] = [];
  const width = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: cells.length > width ? cells.slice(0, width) : cells });
  });
  return { format: 'csv', encoding, sheets: [{ name: '', rows }] };
}

/** Bytes an .xlsx file may inflate to, all its parts together (a 20 MB zip of repeated rows can hold gigabytes). */
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip file from its central directory (random access: the bytes are all in memory). */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new TableFileError(BAD_XLSX);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new TableFileError(BAD_XLSX);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content as a stream, inflated piece by piece; the file's total inflated bytes are capped. */
function entryStream(buf: Buffer, e: ZipEntry, budget: { left: number }): Readable {
  const local = e.localOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new TableFileError(BAD_XLSX);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  const source = Readable.from([data]);
  if (e.method !== 0 && e.method !== 8) throw new TableFileError(BAD_XLSX);
  const inflated = e.method === 0 ? source : source.pipe(createInflateRaw());
  const counted = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      budget.left -= chunk.length;
      if (budget.left < 0) cb(new TableFileError('文件解压后过大，无法读取，请分批导入'));
      else cb(null, chunk);
    },
  });
  inflated.on('error', (err) => counted.destroy(err));
  // Decoded here, across chunk boundaries: ExcelJS decodes each chunk on its own, splitting characters of 3 bytes.
  return inflated.pipe(counted).setEncoding('utf8');
}

const BAD_XLSX = '无法读取文件：文件不是有效的 .xlsx 工作簿（旧版 .xls 请先另存为 .xlsx）';

/** What ExcelJS's WorkbookReader does inside: driven here part by part, in the order the reading needs. */
interface ReaderInternals {
  model?: { sheets?: Array<{ name: string; rId: string; id: number }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/**
 * The sheets of an .xlsx file, read with ExcelJS's streaming reader. Its own `read` takes the parts in the zip's order
 * and, when a worksheet comes before the shared strings (as Excel writes them), first copies the whole sheet to a
 * temporary file; since the bytes are in memory, the parts are taken here in the order needed instead — relations,
 * workbook, styles, shared strings, then each sheet in tab order — so that reading can stop at the row limit.
 */
async function parseXlsx(bytes: Uint8Array, options: ParseOptions): Promise<ParsedTable> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const entries = zipEntries(buf);
  const budget = { left: MAX_INFLATED_BYTES };
  const part = (name: string) => {
    const e = entries.get(name);
    return e ? entryStream(buf, e, budget) : null;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as ReaderInternals;
  const sheets: TableSheet[] = [];
  let count = 0;
  try {
    const rels = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!rels || !workbook) throw new TableFileError(BAD_XLSX);
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const styles = part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const shared = part('xl/sharedStrings.xml');
    if (shared) for await (const _ of reader._parseSharedStrings(shared));
    else (reader as unknown as { sharedStrings: unknown[] }).sharedStrings = [];
    for (const s of reader.model?.sheets ?? []) {
      const target = reader.workbookRels?.find((r) => r.Id === s.rId)?.Target;
      if (!target) continue;
      const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const stream = part(name);
      const m = /sheet(\d+)\.xml$/.exec(name);
      if (!stream || !m) continue;
      const ws = [...reader._parseWorksheet(stream, m[1]!)][0]?.value;
      if (!ws) continue;
      const sheet: TableSheet = { name: s.name, rows: [] };
      sheets.push(sheet);
      for await (const row of ws) {
        const cells: string[] = [];
        const numeric: number[] = [];
        const values = row.values as ExcelJS.CellValue[];
        const width = Math.min(values.length - 1, maxColumns);
        let any = false;
        for (let c = 1; c <= width; c++) {
          const v = values[c];
          if (typeof v === 'number' || (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number')) numeric.push(c - 1);
          const t = cellText(v ?? null);
          if (t !== '') any = true;
          cells.push(t);
        }
        if (!any) continue;
        if (++count > options.maxRows) {
          stream.destroy();
          throw new RowLimitError(options.maxRows);
        }
        sheet.rows.push({ row: row.number, cells, ...(numeric.length ? { numeric } : {}) });
      }
    }
  } catch (err) {
    if (err instanceof RowLimitError || err instanceof TableFileError) throw err;
    throw new TableFileError(BAD_XLSX);
  }
  if (sheets.length === 0) throw new TableFileError('文件中没有工作表');
  return { format: 'xlsx', sheets };
}

/** Decodes a CSV file's bytes: a BOM decides; otherwise strict UTF-8, and GBK (GB18030) when that fails. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (choice === 'gbk') return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (choice === 'utf-8') throw new TableFileError('文件不是 UTF-8 编码：请选择“GBK”编码，或在表格软件中另存为“CSV UTF-8”后重新上传');
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
 * records. Excel's ="…" form (used to keep long numbers as text) is unwrapped. With `maxRows`, more non-empty records
 * than that throw a RowLimitError as soon as the next one starts.
 */
export function parseCsv(text: string, delimiter = delimiterOf(text), maxRows = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let nonEmpty = 0;
  const endField = () => {
    record.push(!wasQuoted && /^="[^"]*"$/.test(field) ? field.slice(2, -1) : field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (record.some((c) => c.trim() !== '') && ++nonEmpty > maxRows) throw new RowLimitError(maxRows);
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
