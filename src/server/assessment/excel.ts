/**
 * The score grid and the results as .xlsx (issue 5: “also as .xlsx download/upload with row-level validation”; “Results
 * exported as .xlsx in the seed's table layout”). Parsing collects every error with its row and column; the service
 * writes nothing when there is one.
 */
import ExcelJS from 'exceljs';
import { cellHint, checkEntry, entryFromText } from '../../domain/assessment/entry';
import type { Entry, UnitResult } from '../../domain/assessment/round';
import { indicators, type Scheme } from '../../domain/assessment/scheme';
import type { FieldError } from '../../domain/shared/errors';
import { parseWithLimit, UPLOAD_LIMITS, type UploadLimit } from '../http/upload';
import { addNotesSheet, columnLetter, HEADER_FILL, safeCell } from '../http/xlsx';

const FIRST_ROW = 3;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export const sheetName = (label: string) => label.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

function entryText(e: Entry | undefined): string | number | null {
  if (!e) return null;
  if ('grade' in e && !('done' in e)) return e.grade;
  if ('points' in e) return e.points;
  if ('value' in e) return e.value;
  if ('done' in e) return e.done ? (e.grade ?? '完成') : '未完成';
  return null;
}

export async function buildGridXlsx(roundName: string, scheme: Scheme, units: Array<{ unitKey: string; name: string }>, scores: Array<{ unitKey: string; methodKey: string; indicatorKey: string; entry: unknown }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const all = indicators(scheme);
  const byCell = new Map(scores.map((s) => [`${s.unitKey}|${s.methodKey}|${s.indicatorKey}`, s.entry as Entry]));
  for (const m of scheme.methods) {
    const ws = wb.addWorksheet(sheetName(m.label));
    ws.addRow(['代码', '考核对象', ...all.map((i) => i.name)]);
    ws.addRow(['填写说明', '', ...all.map((i) => cellHint(scheme, i))]);
    for (const u of units) ws.addRow([u.unitKey, safeCell(u.name), ...all.map((i) => safeCell(entryText(byCell.get(`${u.unitKey}|${m.key}|${i.key}`))))]);
    for (const r of [1, 2]) {
      ws.getRow(r).font = { bold: r === 1 };
      ws.getRow(r).eachCell((c) => (c.fill = HEADER_FILL));
    }
    ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    ws.getColumn(2).width = 16;
    all.forEach((_, n) => (ws.getColumn(n + 3).width = 16));
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  }
  addNotesSheet(wb, [
    `${roundName}：评分表`,
    `1. 每个考核方式一个工作表（${scheme.methods.map((m) => `${m.label} ${m.weight}%`).join('、')}）；每行一个考核对象，每列一项考核指标。`,
    '2. 不要修改第 1、2 行和“代码”列；空白单元格表示不修改该项。',
    `3. 评定等次的指标填写 ${scheme.scale.join('、')} 之一；打分的指标填写 0 至满分之间的数；中位法指标填写数值；完成情况填写“完成”“未完成”或完成的等次。`,
    '4. 上传时逐行校验，有一处错误则全部不写入，错误列出工作表、行号和列号。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedGrid {
  entries: Array<{ unitKey: string; methodKey: string; indicatorKey: string; entry: unknown }>;
  errors: FieldError[];
}

/**
 * Reads a filled grid: the file in the parse worker (streamed, at most `limit.maxRows` rows over all sheets), every cell
 * checked with its sheet, row and column.
 */
export async function parseGridXlsx(buffer: Uint8Array, scheme: Scheme, units: Array<{ unitKey: string; name: string }>, limit: UploadLimit = UPLOAD_LIMITS.grid): Promise<ParsedGrid> {
  const errors: FieldError[] = [];
  // Besides the units: two header rows per method sheet and the 填报说明 sheet.
  const table = await parseWithLimit(limit, buffer, { unreadable: '无法读取，请上传从本系统下载的 .xlsx 评分表', headerRows: 2 * scheme.methods.length + 20 });
  const all = indicators(scheme);
  const unitByKey = new Map(units.map((u) => [u.unitKey, u]));
  const entries: ParsedGrid['entries'] = [];
  let sheets = 0;
  for (const m of scheme.methods) {
    const ws = table.sheets.find((s) => s.name === sheetName(m.label));
    if (!ws) continue;
    sheets++;
    const at = (row: number, col: number, label: string, message: string) => errors.push({ field: `${ws.name}!${columnLetter(col - 1)}${row}`, label: `工作表“${ws.name}”第 ${row} 行 ${columnLetter(col - 1)} 列${label}`, message, row, column: columnLetter(col - 1) });
    const header = ws.rows[0]?.row === 1 ? ws.rows[0].cells : [];
    let headerOk = true;
    all.forEach((i, n) => {
      const got = header[n + 2] ?? '';
      if (got !== i.name) {
        headerOk = false;
        at(1, n + 3, '', `表头应为“${i.name}”${got ? `，现为“${got}”` : ''}；请使用本轮下载的评分表`);
      }
    });
    if (!headerOk) continue;
    const seen = new Set<string>();
    for (const line of ws.rows) {
      const r = line.row;
      if (r < FIRST_ROW) continue;
      const key = line.cells[0] ?? '';
      const cells = all.map((_, n) => line.cells[n + 2] ?? '');
      if (!key && cells.every((c) => c === '')) continue;
      const u = unitByKey.get(key);
      if (!u) {
        at(r, 1, '', key ? `本轮没有代码为“${key}”的考核对象` : '缺少考核对象代码');
        continue;
      }
      if (seen.has(key)) {
        at(r, 1, `（${u.name}）`, '同一考核对象出现了两行');
        continue;
      }
      seen.add(key);
      all.forEach((i, n) => {
        const entry = entryFromText(i, cells[n]!);
        if (entry === undefined) return;
        const c = checkEntry(scheme, i, entry);
        if (!c.ok) at(r, n + 3, `（${u.name}“${i.name}”，${m.label}）`, c.message);
        else entries.push({ unitKey: u.unitKey, methodKey: m.key, indicatorKey: i.key, entry: c.entry });
      });
    }
  }
  if (sheets === 0) errors.push({ field: 'file', label: '导入文件', message: `没有找到考核方式的工作表（${scheme.methods.map((m) => sheetName(m.label)).join('、')}）` });
  return { entries, errors };
}

/**
 * The results: a summary sheet (排名, 考核对象, 等次, 综合得分, method scores, 说明), then one sheet per unit in the
 * layout of the seed's indicator tables — 考核内容 | 考核指标 | 数据来源 | 考评等次 (one column per grade) — with the
 * methods that gave each grade written in its column.
 */
export async function buildResultsXlsx(roundName: string, scheme: Scheme, results: Array<Omit<UnitResult, 'unit'> & { unitKey: string; name: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('综合评价结果');
  sum.addRow([`${roundName} 综合评价结果`]).font = { bold: true, size: 14 };
  const head = sum.addRow(['排名', '考核对象', '等次', '综合得分', ...scheme.methods.map((m) => `${m.label}（${m.weight}%）`), '按得分等次', '说明']);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  const sorted = [...results].sort((a, b) => a.rank - b.rank);
  for (const r of sorted) {
    const row = sum.addRow([r.rank, safeCell(r.name), r.grade, r.adjusted, ...scheme.methods.map((m) => r.methods.find((x) => x.key === m.key)?.score ?? null), r.scoreGrade, safeCell(r.explanation.join('\n'))]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sum.getColumn(2).width = 16;
  sum.getColumn(scheme.methods.length + 6).width = 80;

  const used = new Set<string>(['综合评价结果']);
  for (const r of sorted) {
    let name = sheetName(r.name);
    for (let n = 2; used.has(name); n++) name = sheetName(`${r.name}_${n}`);
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([`${r.name}：${scheme.name}考核指标表（综合评价：${r.grade}，综合得分 ${r.adjusted.toFixed(2)}，排名 ${r.rank}）`]).font = { bold: true };
    const h1 = ws.addRow(['考核内容', '考核指标', '数据来源', '考评等次', ...scheme.scale.slice(1).map(() => '')]);
    const h2 = ws.addRow(['', '', '', ...scheme.scale]);
    ws.mergeCells(2, 4, 2, 3 + scheme.scale.length);
    for (const c of [1, 2, 3]) ws.mergeCells(2, c, 3, c);
    for (const h of [h1, h2]) {
      h.font = { bold: true };
      h.alignment = { horizontal: 'center', vertical: 'middle' };
      h.eachCell((c) => (c.fill = HEADER_FILL));
    }
    for (const c of scheme.contents) {
      const start = ws.rowCount + 1;
      for (const i of c.indicators) {
        const byGrade = scheme.scale.map((g) =>
          r.methods
            .filter((m) => m.indicators.find((x) => x.indicator === i.key)?.grade === g)
            .map((m) => m.label)
            .join('、'),
        );
        ws.addRow([c.name, safeCell(i.name), safeCell(i.source), ...byGrade]).alignment = { wrapText: true, vertical: 'top' };
      }
      if (c.indicators.length > 1) ws.mergeCells(start, 1, ws.rowCount, 1);
    }
    ws.addRow([]);
    for (const line of r.explanation) ws.addRow([safeCell(line)]);
    ws.getColumn(1).width = 14;
    ws.getColumn(2).width = 40;
    ws.getColumn(3).width = 30;
    scheme.scale.forEach((_, n) => (ws.getColumn(n + 4).width = 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
