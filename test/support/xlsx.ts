import ExcelJS from 'exceljs';
import { buildTemplate } from '../../src/server/ledger/excel';

/** A template (.xlsx) with rows filled in by header name on one sheet (data from row 3, as users fill it). */
export async function fillTemplate(template: Buffer, sheetName: string, rows: Array<Record<string, string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(sheetName)!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const col = headers.indexOf(header);
      if (col < 1) throw new Error(`no column ${header}`);
      sheet.getRow(3 + i).getCell(col).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The real ledger import template with rows filled in by header name. */
export async function templateWith(rows: Array<Record<string, string | number>>): Promise<Buffer> {
  return fillTemplate(await buildTemplate(), '事项', rows);
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipart(file: Buffer, name = 'import.xlsx'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----taizhang-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function readSheet(payload: Buffer, sheetName: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(sheetName)!;
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}
