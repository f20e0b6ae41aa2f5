import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkDataRows, parseWithLimit, UPLOAD_LIMITS, yieldToEventLoop, type UploadLimit } from '../http/upload';
import { addNotesSheet, columnLetter, HEADER_FILL, writeTableXlsx, type ExportColumn } from '../http/xlsx';
import { CODEBOOK, findSubTypeByNames } from '../../domain/ledger/codebook';
import { FUND_KEYS, FUND_LABELS, labelOf } from '../../domain/ledger/fields';
import { sanitizeCell } from '../../domain/ledger/sanitize-cell';
import type { RawEntry } from '../../domain/ledger/validate-entry';
import type { FieldError } from '../../domain/shared/errors';
import type { Entry } from '../../contract/ledger';
import type { Summary } from '../../contract/ledger-summary';
import type { ImportRow } from './service';

/** The import template's columns, in order: header, the API field it fills, width, a hint for the second row. */
export const TEMPLATE_COLUMNS = [
  { header: '填报单位', field: 'orgId', width: 22, hint: '单位全称；空白为导入时选择的单位' },
  { header: '大类', field: 'categoryName', width: 12, hint: '见“代码表”，如 富民产业' },
  { header: '小类', field: 'subtypeName', width: 14, hint: '见“代码表”，如 种植' },
  { header: '件（个、户）数', field: 'count', width: 12, hint: '空白为 1；结对帮扶每村每户 1 行' },
  { header: '帮扶对象·村级区划代码', field: 'target.regionCode', width: 22, hint: '12 位代码（结对帮扶贫困村必填）' },
  { header: '帮扶对象·其他', field: 'target.text', width: 22, hint: '无区划代码时填写对象名称' },
  { header: '具体内容', field: 'content', width: 40, hint: '完整、简要概述帮扶事项' },
  ...FUND_KEYS.map((k) => ({ header: `${FUND_LABELS[k]}（万元）`, field: `funds.${k}`, width: 14, hint: '万元，最多 4 位小数' })),
  { header: '受益人数', field: 'beneficiaries', width: 10, hint: '可量化的受益群众人数' },
  { header: '深度贫困县标注', field: 'deepPoverty', width: 14, hint: '是 / 否；空白按对象所在县自动判断' },
  { header: '开始年度', field: 'startYear', width: 10, hint: '如 2019' },
  { header: '结束年度', field: 'endYear', width: 10, hint: '跨年度事项填写' },
  { header: '结对帮扶文号', field: 'documentNumber', width: 20, hint: '结对帮扶必填' },
  { header: '参与委员', field: 'memberIds', width: 20, hint: '姓名，多人用“、”分隔' },
  { header: '非职务履职确认', field: 'notOfficialDuty', width: 14, hint: '填“是”：本事项不属于委员职务履职' },
] as const;

const FIRST_DATA_ROW = 3;

export const COLUMN_LETTERS: Record<string, string> = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.field, columnLetter(i)]));
// Errors about the whole target or the sub-type point at the columns the user filled.
COLUMN_LETTERS.target = COLUMN_LETTERS['target.regionCode']!;
COLUMN_LETTERS.subtypeCode = COLUMN_LETTERS.subtypeName!;
COLUMN_LETTERS.funds = COLUMN_LETTERS['funds.donation']!;

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '台账';
  const sheet = wb.addWorksheet('事项');
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.hint)).font = { italic: true, color: { argb: 'FF808080' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const categoryList = `"${CODEBOOK.map((c) => c.name).join(',')}"`;
  const subtypeNames = [...new Set(CODEBOOK.flatMap((c) => c.subtypes.map((s) => s.name)))];
  for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + 1000; row++) {
    sheet.getCell(`${COLUMN_LETTERS.categoryName}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [categoryList] };
    sheet.getCell(`${COLUMN_LETTERS.subtypeName}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${subtypeNames.join(',')}"`],
    };
    sheet.getCell(`${COLUMN_LETTERS.deepPoverty}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    sheet.getCell(`${COLUMN_LETTERS.notOfficialDuty}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是"'] };
  }

  const codes = wb.addWorksheet('代码表');
  codes.columns = [
    { header: '大类', key: 'c', width: 12 },
    { header: '小类', key: 's', width: 14 },
    { header: '计数单位', key: 'u', width: 10 },
    { header: '指标解释', key: 'e', width: 100 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const c of CODEBOOK) for (const s of c.subtypes) codes.addRow({ c: c.name, s: s.name, u: s.unit, e: s.explanation });

  addNotesSheet(wb, [
    '全省政协系统“我为扶贫攻坚做件事”活动电子台账 —— 导入说明',
    '1. 从“事项”表第 3 行起每行填写 1 件事；第 2 行为填写提示，导入时忽略。',
    '2. 1件事（包括结对帮扶的1个村或1户贫困户）只录入1次；1件事的中间过程填入“具体内容”。',
    '3. 同一帮扶事项的具体内容、金额、受益人数等有变化的在该事项中修改，跨年度事项只录入1次（填写开始年度和结束年度）。',
    '4. 政协委员职务履职的事项不录入（如职能部门、企（事）业单位领导履行本职工作行为）；每行须在“非职务履职确认”填“是”。',
    '5. 资金单位为万元，最多 4 位小数，不能为负数。',
    '6. 结对帮扶须填写党委政府、组织、统战、扶贫等单位（部门）明确联系帮扶的发文文号；结对帮扶贫困村须填写村级区划代码。',
    '7. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportContext {
  defaultOrgId: number;
  /** Bodies the user may write to, by name. */
  orgIdByName: Map<string, number>;
  /** Member ids by name within a body's reach; unknown names are reported. */
  resolveMembers: (orgId: number, names: string[]) => Promise<{ ids: number[]; unknown: string[] }>;
}

/**
 * Parses the template's 事项 sheet into rows for `importEntries`, with the errors only the sheet can see. The file is
 * read in the parse worker (streamed, at most `limit.maxRows` entries); resolving the rows yields to the event loop
 * between batches.
 */
export async function parseImport(buffer: Uint8Array, ctx: ImportContext, limit: UploadLimit = UPLOAD_LIMITS.ledger): Promise<ImportRow[]> {
  // Besides the entries: the header and hint rows, the 代码表 and 填报说明 sheets of the template.
  const table = await parseWithLimit(limit, buffer, { unreadable: '无法读取文件：请上传由导入模板填写的 .xlsx 文件', headerRows: FIRST_DATA_ROW - 1 + 100, maxColumns: TEMPLATE_COLUMNS.length });
  const sheet = table.sheets.find((s) => s.name === '事项') ?? table.sheets[0];
  if (!sheet) throw new ImportFileError('文件中没有工作表');
  const first = sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : [];
  const headers = TEMPLATE_COLUMNS.map((_, i) => first[i] ?? '');
  const missing = TEMPLATE_COLUMNS.filter((c, i) => headers[i] !== c.header);
  if (missing.length) throw new ImportFileError(`表头与导入模板不一致：缺少或错位的列为 ${missing.map((c) => `“${c.header}”`).join('、')}，请下载最新模板`);

  const index = new Map<string, number>(TEMPLATE_COLUMNS.map((c, i) => [c.field, i]));
  const rows: ImportRow[] = [];
  let seen = 0;
  for (const line of sheet.rows) {
    const n = line.row;
    if (n < FIRST_DATA_ROW) continue;
    if (++seen % 1000 === 0) await yieldToEventLoop();
    const numeric = new Set(line.numeric ?? []);
    const text = (field: string) => line.cells[index.get(field)!] ?? '';
    // A number as the spreadsheet stored it (the text of a number reads back as the same number), text otherwise.
    const get = (field: string): string | number | null => {
      const t = text(field);
      if (t === '') return null;
      return numeric.has(index.get(field)!) ? Number(t) : t;
    };
    if (TEMPLATE_COLUMNS.every((c) => text(c.field) === '')) continue;
    checkDataRows(limit, rows.length + 1);
    const errors: FieldError[] = [];
    const fail = (field: string, message: string) => errors.push({ field, label: labelOf(field), message });

    let orgId = ctx.defaultOrgId;
    const orgName = text('orgId');
    if (orgName) {
      const id = ctx.orgIdByName.get(orgName);
      if (id === undefined) fail('orgId', `单位“${orgName}”不存在或不在您的管辖范围内`);
      else orgId = id;
    }
    const categoryName = text('categoryName');
    const subtypeName = text('subtypeName');
    const sub = findSubTypeByNames(categoryName, subtypeName);
    if (!categoryName) fail('categoryName', '请填写大类');
    else if (!CODEBOOK.some((c) => c.name === categoryName)) fail('categoryName', `“${categoryName}”不是台账规定的大类`);
    else if (!subtypeName) fail('subtypeName', '请填写小类');
    else if (!sub) fail('subtypeName', `“${subtypeName}”不是“${categoryName}”下的小类`);

    const regionCode = text('target.regionCode');
    const targetText = text('target.text');
    const deep = text('deepPoverty');
    if (deep && deep !== '是' && deep !== '否') fail('deepPoverty', '应填“是”“否”或空白');
    const confirm = text('notOfficialDuty');
    const names = text('memberIds')
      .split(/[、,，;；\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    let memberIds: number[] = [];
    if (names.length) {
      const found = await ctx.resolveMembers(orgId, names);
      if (found.unknown.length) fail('memberIds', `找不到委员：${found.unknown.join('、')}`);
      memberIds = found.ids;
    }
    const raw: RawEntry = {
      orgId,
      memberIds,
      subtypeCode: sub?.code ?? '',
      count: get('count'),
      target: regionCode ? { kind: 'region', regionCode } : targetText ? { kind: 'text', text: targetText } : null,
      content: text('content'),
      funds: Object.fromEntries(FUND_KEYS.map((k) => [k, get(`funds.${k}`)])),
      beneficiaries: get('beneficiaries'),
      deepPoverty: deep === '是' ? true : deep === '否' ? false : null,
      startYear: get('startYear'),
      endYear: get('endYear'),
      documentNumber: text('documentNumber') || null,
      notOfficialDuty: confirm === '是',
    };
    rows.push({ row: n, raw, columns: COLUMN_LETTERS, errors });
  }
  return rows;
}

export class ImportFileError extends Error {}

/** 万元 with four decimals, as entered. */
const MONEY = '0.0000';

/** The ledger's export: every field of an entry under the label the forms give it (labelOf), and who wrote it when. */
const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Entry>> = [
  { header: '事项编号', width: 10, cell: (e) => e.id },
  { header: labelOf('orgId'), width: 22, cell: (e) => e.orgName },
  { header: labelOf('categoryName'), width: 12, cell: (e) => e.categoryName },
  { header: labelOf('subtypeName'), width: 14, cell: (e) => e.subtypeName },
  { header: labelOf('count'), width: 12, cell: (e) => e.count },
  { header: '单位', width: 6, cell: (e) => e.unit },
  { header: labelOf('target'), width: 30, cell: (e) => e.target.label },
  { header: '村级区划代码', width: 16, cell: (e) => e.target.regionCode },
  { header: labelOf('content'), width: 40, cell: (e) => e.content },
  ...FUND_KEYS.map((k) => ({ header: labelOf(`funds.${k}`), width: 14, cell: (e: Entry) => Number(e.funds[k]), numFmt: MONEY })),
  { header: '资金合计（万元）', width: 14, cell: (e) => Number(e.fundsTotal), numFmt: MONEY },
  { header: labelOf('beneficiaries'), width: 10, cell: (e) => e.beneficiaries },
  { header: '深度贫困县', width: 10, cell: (e) => (e.deepPoverty ? '是' : '否') },
  { header: labelOf('startYear'), width: 10, cell: (e) => e.startYear },
  { header: labelOf('endYear'), width: 10, cell: (e) => e.endYear },
  { header: labelOf('documentNumber'), width: 20, cell: (e) => e.documentNumber },
  { header: labelOf('memberIds'), width: 20, cell: (e) => e.members.map((m) => m.name).join('、') },
  { header: '录入人', width: 12, cell: (e) => e.createdBy.name },
  { header: '最后修改', width: 20, cell: (e) => e.updatedAt.replace('T', ' ').slice(0, 19) },
];

/** Streams the filtered ledger as .xlsx (one sheet, 台账; its header row not frozen). */
export function writeEntriesXlsx(out: Writable, batches: AsyncIterable<Entry[]>): Promise<number> {
  return writeTableXlsx(out, '台账', EXPORT_COLUMNS, batches, { freezeHeader: false });
}

/** The totals table (汇总表) as .xlsx: one sheet for all entries, one for the deep-poverty subset. */
export async function buildSummaryXlsx(summary: Summary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const headers = ['大类', '小类', '件数', '村（个）', '户', ...FUND_KEYS.map((k) => `${FUND_LABELS[k]}（万元）`), '资金合计（万元）', '受益人数'];
  const line = (a: string, b: string, f: Summary['all']['total']) => [
    sanitizeCell(a),
    sanitizeCell(b),
    f.entries,
    f.villages,
    f.households,
    ...FUND_KEYS.map((k) => Number(f.funds[k])),
    Number(f.fundsTotal),
    f.beneficiaries,
  ];
  const years = summary.yearFrom === summary.yearTo ? `${summary.yearFrom}年` : `${summary.yearFrom}—${summary.yearTo}年`;
  for (const [title, totals] of [
    ['汇总', summary.all],
    ['深度贫困县', summary.deepPoverty],
  ] as const) {
    const sheet = wb.addWorksheet(title);
    sheet.addRow([`${sanitizeCell(summary.org.name)} “我为扶贫攻坚做件事”活动台账${title === '汇总' ? '汇总表' : '汇总表（45个深度贫困县）'}（${years}）`]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, headers.length);
    const head = sheet.addRow(headers);
    head.font = { bold: true };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    for (const c of totals.categories) {
      sheet.addRow(line(c.name, '小计', c)).font = { bold: true };
      for (const s of c.subtypes) sheet.addRow(line('', `${s.name}（${s.unit}）`, s));
    }
    sheet.addRow(line('合计', '', totals.total)).font = { bold: true };
    sheet.columns.forEach((col, i) => {
      col.width = i < 2 ? 14 : 13;
      if (i >= 5 && i <= 10) col.numFmt = '0.0000';
    });
    if (title === '汇总') {
      sheet.addRow([]);
      sheet.addRow(['委员参与情况', '委员数', summary.participation.members, '参与委员数', summary.participation.active, '参与率', `${(summary.participation.rate * 100).toFixed(1)}%`]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
