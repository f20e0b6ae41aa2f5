import { parseTable } from '../../src/server/http/upload-parse';

/** The rows of a roster workbook read back by the importers' reader: its first sheet, header row 3, one row per person. */
export async function rosterRows(body: Buffer): Promise<{ title: string; header: string[]; rows: string[][] }> {
  const t = await parseTable(new Uint8Array(body), { maxRows: 10_000 });
  const sheet = t.sheets[0]!;
  return { title: sheet.rows[0]!.cells[0]!, header: sheet.rows.find((r) => r.row === 3)!.cells, rows: sheet.rows.filter((r) => r.row > 3 && /^\d+$/.test(r.cells[0] ?? '')).map((r) => r.cells) };
}
