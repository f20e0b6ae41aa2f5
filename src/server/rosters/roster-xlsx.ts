/**
 * The 花名册 of seed 001 as workbooks (issue 15): one worksheet per roster sheet (a township's: one per village), a title
 * and summary row, then one row per person with the household's cells repeated (so the sheet sorts and filters), and
 * the kind's own columns after them. The data is the print's (`rosterData`), its ID numbers already masked for the role.
 */
import ExcelJS from 'exceljs';
import { HEADER_FILL, safeCell } from '../http/xlsx';
import type { RosterPrint } from '../print/list-rosters';

export const ROSTER_XLSX_HEADERS = ['序号', '户编号', '户主姓名', '家庭人口', '姓名', '与户主关系', '性别', '身份证号', '出生日期', '贫困户属性'] as const;

/** A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '花名册';
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}${i}`;
  return name;
}

export async function rosterXlsx(sheets: RosterPrint[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const r of sheets) {
    const ws = wb.addWorksheet(sheetName(wb, r.village.name));
    const persons = r.households.reduce((n, h) => n + h.members.length, 0);
    ws.addRow([safeCell(r.title)]).font = { bold: true, size: 14 };
    ws.addRow([safeCell(`${r.village.fullName}（村代码 ${r.village.code}）  ${r.summary || `共 ${r.households.length} 户 ${persons} 人`}`)]);
    const header = ws.addRow([...ROSTER_XLSX_HEADERS, ...r.columns]);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = HEADER_FILL));
    r.households.forEach((h, i) => {
      const head = h.members.find((m) => m.relation === '户主') ?? h.members[0];
      const own = [i + 1, h.number, head?.name ?? '', h.members.length];
      const members = h.members.length ? h.members : [null];
      for (const m of members) {
        ws.addRow([...own, ...(m ? [m.name, m.relation, m.sex, m.idNumber, m.birthDate] : ['', '', '', '', '']), h.attribute, ...h.extra].map((v) => safeCell(v)));
      }
    });
    if (r.note) ws.addRow([safeCell(r.note)]);
    ws.getColumn(8).width = 22;
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
