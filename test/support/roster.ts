import ExcelJS from 'exceljs';
import { buildRosterTemplate } from '../../src/server/registry/roster';
import { XINCHENG_VILLAGE } from './registry';

/** A roster row by the template's header names. */
export type RosterCells = Record<string, string | number>;

/** The real roster template with rows filled in by header name (data from row 3, as users fill it). */
export async function rosterWith(rows: RosterCells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildRosterTemplate()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('花名册')!;
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

/** A household's columns (its first row) in 俄尔古取村 unless told otherwise. */
export const householdCols = (number: string, over: RosterCells = {}): RosterCells => ({
  村级区划代码: XINCHENG_VILLAGE,
  户编号: number,
  贫困户属性: '一般贫困户',
  识别年度: 2015,
  主要致贫原因: '缺技术',
  次要致贫原因: '缺资金、因病',
  住房安全: '是',
  饮水安全: '是',
  吃穿不愁: '是',
  ...over,
});

/** A person's columns: a working adult insured for basic medical and serious illness. */
export const personCols = (name: string, idNumber: string, relation: string, over: RosterCells = {}): RosterCells => ({
  姓名: name,
  身份证号: idNumber,
  与户主关系: relation,
  劳动能力: '普通劳动力',
  务工月数: 6,
  务工地点: '昭觉县城',
  务工收入: 9000,
  基本医保: '是',
  大病保险: '是',
  养老保险: '否',
  ...over,
});
