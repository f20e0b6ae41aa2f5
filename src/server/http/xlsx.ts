import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sanitizeCell } from '../../domain/ledger/sanitize-cell';
import { authOf, maySeeIdNumbers, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';

/** Spreadsheet helpers shared by every import and export. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The headers of an .xlsx download named `name` (RFC 5987), with `export.xlsx` as the ASCII fallback name. */
export function xlsxHeaders(name: string): Record<string, string> {
  return { 'content-type': XLSX_MIME, 'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}` };
}

/** Answers with a built workbook as a download named `name`. */
export function sendXlsx(reply: FastifyReply, name: string, content: Buffer | Uint8Array): FastifyReply {
  return reply.headers(xlsxHeaders(name)).send(content);
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** 0 → A, 25 → Z, 26 → AA: the one written for the compare lists' columns. */
export { columnLetter } from '../../domain/compare/columns';

/** A cell's value as trimmed text, whatever ExcelJS made of it (rich text, hyperlink, formula result, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

/** An export cell: text neutralised against formula injection, numbers as they are. */
export function safeCell(v: string | number | null): string | number | null {
  return typeof v === 'string' ? sanitizeCell(v) : v;
}

/** The 填报说明 sheet of a template: a bold title line and numbered rules. */
export function addNotesSheet(wb: ExcelJS.Workbook, lines: string[]): void {
  const notes = wb.addWorksheet('填报说明');
  notes.getColumn(1).width = 120;
  lines.forEach((t, i) => {
    const row = notes.addRow([t]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
}

/**
 * Answers with an .xlsx streamed from `batches`. The first batch is read before the headers go out, so that a scope error
 * still gets a proper status; `done(rows)` runs once every row is read, before the workbook is closed (DESIGN: exports
 * of personal data recorded).
 */
export async function streamBatchesXlsx<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  headers: Record<string, string>,
  batches: AsyncGenerator<T[]>,
  write: (out: Writable, rows: AsyncIterable<T[]>) => Promise<unknown>,
  done: (rows: number) => Promise<void>,
): Promise<FastifyReply> {
  const first = await batches.next();
  const out = new PassThrough();
  reply.headers(headers).send(out);
  async function* all() {
    let rows = 0;
    if (!first.done) {
      rows += first.value.length;
      yield first.value;
    }
    for await (const b of batches) {
      rows += b.length;
      yield b;
    }
    await done(rows);
  }
  write(out, all()).catch((err: unknown) => {
    req.log.error(err);
    out.destroy(err as Error);
  });
  return reply;
}

/** A column of a list export: its header, width, the cell of a row, and a number format (money: `0.0000`). */
export interface ExportColumn<T> {
  header: string;
  width: number;
  cell: (row: T) => string | number | null;
  numFmt?: string;
}

/**
 * Writes a list as one sheet, streamed batch by batch (rows are committed as they are written, so memory stays
 * bounded): the header row bold and frozen (unless `freezeHeader` is false), text cells neutralised against formula
 * injection. For the list pages' 导出 (a list exports what it shows, every page of it) and the ledger's export.
 */
export async function writeTableXlsx<T>(
  out: Writable,
  sheetName: string,
  columns: ReadonlyArray<ExportColumn<T>>,
  batches: AsyncIterable<T[]>,
  { freezeHeader = true }: { freezeHeader?: boolean } = {},
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet(sheetName, freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : undefined);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      sheet.addRow(columns.map((c) => safeCell(c.cell(r)))).commit();
      n++;
    }
  }
  sheet.commit();
  await wb.commit();
  return n;
}

/** A list page's 导出: downloaded as `fileName`, one sheet `sheet` of `columns`, recorded as `what`. */
export interface TableExport<T> {
  fileName: string;
  sheet: string;
  columns: ReadonlyArray<ExportColumn<T>>;
  what: string;
  /** The list holds ID numbers: the record says whether they were masked for the caller. */
  idNumbers?: boolean;
}

/**
 * Answers a list's 导出 for the caller: every row `rows` finds, streamed as one sheet (`writeTableXlsx`), and the export
 * recorded in the audit log once every row is read (DESIGN: exports of personal data recorded).
 */
export function sendTableExport<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  audit: Pick<AuditService, 'event'>,
  table: TableExport<T>,
  rows: (auth: Auth) => AsyncGenerator<T[]>,
): Promise<FastifyReply> {
  const auth = authOf(req);
  return streamBatchesXlsx(req, reply, xlsxHeaders(table.fileName), rows(auth), (out, batches) => writeTableXlsx(out, table.sheet, table.columns, batches), (n) =>
    audit.event(auth, 'export', { what: table.what, rows: n, ...(table.idNumbers ? { masked: !maySeeIdNumbers(auth) } : {}) }),
  );
}
