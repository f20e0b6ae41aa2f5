import { Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkDataRows, parseWithLimit, UPLOAD_LIMITS, yieldToEventLoop, type UploadLimit } from '../http/upload';
import { addNotesSheet, cellText, columnLetter, HEADER_FILL, safeCell } from '../http/xlsx';
import { sanitizeCell } from '../../domain/ledger/sanitize-cell';
import { CAUSES } from '../../domain/registry/causes';
import { LABOUR_KINDS } from '../../domain/registry/labour';
import { ATTRIBUTES, HEALTH, RELATIONS, SCHOOLING, type PersonInput } from '../../domain/registry/validate-household';
import { AppError, type FieldError } from '../../domain/shared/errors';

/**
 * The roster (花名册) of the registry: ONE ROW PER PERSON. Rows are grouped into households by (村级区划代码, 户编号);
 * the household columns (贫困户属性 … 吃穿不愁) are read from the household's first row and may be left blank, or
 * repeated identically, on its other rows.
 */
export const ROSTER_COLUMNS = [
  { header: '所在村', field: 'villageName', width: 26, hint: '从下拉列表选择（乡镇/村，见“村名对照”表）；填了所在村可不填代码' },
  { header: '村级区划代码', field: 'villageCode', width: 15, hint: '12 位村级区划代码；已选所在村可留空' },
  { header: '户编号', field: 'number', width: 10, hint: '本村内唯一；同一户各成员填同一户编号' },
  { header: '贫困户属性', field: 'attribute', width: 14, hint: ATTRIBUTES.join(' / ') },
  { header: '识别年度', field: 'identifiedYear', width: 9, hint: '如 2014' },
  { header: '主要致贫原因', field: 'mainCause', width: 12, hint: '仅 1 个，如 缺技术' },
  { header: '次要致贫原因', field: 'secondaryCauses', width: 16, hint: '不超过 2 个，用“、”分隔' },
  { header: '住房安全', field: 'housingSafe', width: 8, hint: '是 / 否' },
  { header: '饮水安全', field: 'drinkingWaterSafe', width: 8, hint: '是 / 否' },
  { header: '吃穿不愁', field: 'foodClothingSecure', width: 8, hint: '是 / 否' },
  { header: '姓名', field: 'name', width: 10, hint: '成员姓名' },
  { header: '身份证号', field: 'idNumber', width: 20, hint: '18 位公民身份号码' },
  { header: '与户主关系', field: 'relation', width: 10, hint: '每户有且只有 1 名户主' },
  { header: '在校情况', field: 'schooling', width: 9, hint: `${SCHOOLING.join(' / ')}；空白为已毕业` },
  { header: '因贫辍学', field: 'dropoutForPoverty', width: 8, hint: '是 / 否' },
  { header: '健康状况', field: 'health', width: 10, hint: `${HEALTH.join(' / ')}；空白为健康` },
  { header: '残疾等级', field: 'disabilityGrade', width: 8, hint: '残疾人填 1–4' },
  { header: '劳动能力', field: 'labour', width: 10, hint: LABOUR_KINDS.join(' / ') },
  { header: '技能证书', field: 'hasQualification', width: 8, hint: '是 / 否' },
  { header: '务工月数', field: 'workMonths', width: 8, hint: '0–12' },
  { header: '务工地点', field: 'workPlace', width: 14, hint: '如 昭觉县城' },
  { header: '务工收入', field: 'workIncome', width: 10, hint: '元，整数' },
  { header: '基本医保', field: 'medicalInsured', width: 8, hint: '是 / 否' },
  { header: '大病保险', field: 'seriousIllnessInsured', width: 8, hint: '是 / 否' },
  { header: '养老保险', field: 'pensionInsured', width: 8, hint: '是 / 否' },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['field'];

/** Column letters by field (and by the API field names the domain checks use). */
export const ROSTER_LETTERS: Record<string, string> = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.field, columnLetter(i)]));
ROSTER_LETTERS.foodSecure = ROSTER_LETTERS.foodClothingSecure!;
ROSTER_LETTERS.clothingSecure = ROSTER_LETTERS.foodClothingSecure!;
ROSTER_LETTERS.persons = ROSTER_LETTERS.relation!;

export const ROSTER_LABELS: Record<string, string> = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.header]));

/**
 * One person row of the roster, as `importRoster` takes it. Household fields left blank are `undefined` (the
 * household's first row supplies them); `errors` are what the sheet parser already found (e.g. “abc” as a year).
 */
export interface RosterRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** 所在村 as chosen from the template's list (乡镇/村), or a village's own name; the import resolves it to a code. */
  villageName?: string;
  villageCode: string;
  number: string;
  attribute?: string;
  identifiedYear?: number;
  mainCause?: string;
  secondaryCauses?: string[];
  housingSafe?: boolean;
  drinkingWaterSafe?: boolean;
  foodClothingSecure?: boolean;
  person: PersonInput;
  errors?: FieldError[];
}

export class RosterFileError extends Error {}

const SHEET = '花名册';
const FIRST_DATA_ROW = 3;
const YES_NO = new Set<string>(['housingSafe', 'drinkingWaterSafe', 'foodClothingSecure', 'dropoutForPoverty', 'hasQualification', 'medicalInsured', 'seriousIllnessInsured', 'pensionInsured']);

/** A village of the template's lookup sheet (村名对照): its code and the label the 所在村 list offers (乡镇/村). */
export interface TemplateVillage {
  code: string;
  label: string;
}

/** The label of a village in the template's list and in the import: 乡镇/村. */
export const villageLabel = (township: string, name: string) => (township ? `${township}/${name}` : name);

/** The most villages the 所在村 list offers (a city's); a wider scope fills in codes. */
export const TEMPLATE_VILLAGE_LIMIT = 5000;
const LOOKUP_SHEET = '村名对照';

/**
 * The roster template; with `villages` (those of the user's scope) a 村名对照 sheet lists them and 所在村 offers them as
 * a drop-down, so a clerk picks the village instead of typing its 12-digit code (issue 11).
 */
export async function buildRosterTemplate(villages: readonly TemplateVillage[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '台账';
  const sheet = wb.addWorksheet(SHEET);
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.hint)).font = { italic: true, color: { argb: 'FF808080' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const lists: Record<string, readonly string[]> = {
    attribute: ATTRIBUTES,
    mainCause: CAUSES,
    relation: RELATIONS,
    schooling: SCHOOLING,
    health: HEALTH,
    labour: LABOUR_KINDS,
  };
  if (villages.length) {
    const lookup = wb.addWorksheet(LOOKUP_SHEET);
    lookup.columns = [
      { header: '所在村（乡镇/村）', key: 'label', width: 36 },
      { header: '村级区划代码', key: 'code', width: 16, style: { numFmt: '@' } },
    ];
    lookup.getRow(1).font = { bold: true };
    for (const v of villages) lookup.addRow({ label: v.label, code: v.code });
  }
  const villageList = villages.length ? `'${LOOKUP_SHEET}'!$A$2:$A$${villages.length + 1}` : null;
  for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + 1000; row++) {
    if (villageList)
      sheet.getCell(`${ROSTER_LETTERS.villageName}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [villageList], showErrorMessage: true, errorTitle: '所在村', error: '请从列表中选择本辖区的村' };
    for (const [field, values] of Object.entries(lists))
      sheet.getCell(`${ROSTER_LETTERS[field]}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    for (const field of YES_NO) sheet.getCell(`${ROSTER_LETTERS[field]}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  addNotesSheet(wb, [
    '建档立卡贫困户花名册 —— 导入说明',
    '1. 从“花名册”表第 3 行起每行填写 1 名家庭成员；第 2 行为填写提示，导入时忽略。',
    '2. 同一户的成员填写相同的“所在村”（或“村级区划代码”）和“户编号”；户的信息（贫困户属性至吃穿不愁）填在该户第 1 行，其他行可留空或填写相同内容。',
    '3. 每户须有且只有 1 名户主；一人只能属于一户：身份证号在文件中不能重复，也不能已在系统中的其他户。',
    `4. 主要致贫原因仅 1 个，次要致贫原因与主要致贫原因不重复且不超过 2 个，用“、”分隔；标准致贫原因：${CAUSES.join('、')}。`,
    '5. “所在村”从下拉列表选择（列表见“村名对照”表，为您管辖范围内的村）；也可不选所在村，直接填写 12 位村级区划代码（第 5 级）。两项都填时须一致。',
    '6. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
    '7. 重复导入同一文件不会重复建档：同村同户编号的户按文件更新，内容相同的户保持不变；成员人数变化时记入状态历史。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Parses the 花名册 sheet into rows for `importRoster`, with the errors only the sheet can see (是/否, numbers). The file
 * is read in the parse worker (streamed, at most `limit.maxRows` persons: 花名册最多 100,000 行); turning its rows into
 * persons yields to the event loop between batches.
 */
export async function parseRoster(buffer: Uint8Array, limit: UploadLimit = UPLOAD_LIMITS.roster): Promise<RosterRow[]> {
  // Besides the persons: the header and hint rows, and the template's 填报说明 sheet.
  const table = await parseWithLimit(limit, buffer, { unreadable: '无法读取文件：请上传由花名册模板填写的 .xlsx 或 .csv 文件', headerRows: FIRST_DATA_ROW - 1 + 20, maxColumns: ROSTER_COLUMNS.length, csv: true, encoding: 'utf-8' });
  const sheet = table.sheets.find((s) => s.name === SHEET) ?? table.sheets[0];
  if (!sheet) throw new RosterFileError('文件中没有工作表');
  checkRosterHeader(sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : []);

  const rows: RosterRow[] = [];
  let converted = 0;
  for (const line of sheet.rows) {
    const n = line.row;
    if (n < 2) continue;
    if (++converted % 5000 === 0) await yieldToEventLoop();
    const row = rosterRowOf(n, line.cells);
    if (!row) continue;
    checkDataRows(limit, rows.length + 1);
    rows.push(row);
  }
  return rows;
}

/** The header row must be the template's (same columns, same order); otherwise a clear error naming the columns. */
export function checkRosterHeader(first: readonly string[]): void {
  const headers = ROSTER_COLUMNS.map((_, i) => (first[i] ?? '').trim());
  const missing = ROSTER_COLUMNS.filter((c, i) => headers[i] !== c.header);
  if (missing.length) throw new RosterFileError(`表头与花名册模板不一致：缺少或错位的列为 ${missing.map((c) => `“${c.header}”`).join('、')}，请下载最新模板`);
}

const FIELD_INDEX = new Map<string, number>(ROSTER_COLUMNS.map((c, i) => [c.field, i]));
const COLUMN_COUNT = ROSTER_COLUMNS.length;
const HINT = ROSTER_COLUMNS[0].hint;
const col = (field: RosterField) => FIELD_INDEX.get(field)!;
const C = {
  villageName: col('villageName'),
  villageCode: col('villageCode'),
  number: col('number'),
  attribute: col('attribute'),
  identifiedYear: col('identifiedYear'),
  mainCause: col('mainCause'),
  secondaryCauses: col('secondaryCauses'),
  housingSafe: col('housingSafe'),
  drinkingWaterSafe: col('drinkingWaterSafe'),
  foodClothingSecure: col('foodClothingSecure'),
  name: col('name'),
  idNumber: col('idNumber'),
  relation: col('relation'),
  schooling: col('schooling'),
  dropoutForPoverty: col('dropoutForPoverty'),
  health: col('health'),
  disabilityGrade: col('disabilityGrade'),
  labour: col('labour'),
  hasQualification: col('hasQualification'),
  workMonths: col('workMonths'),
  workPlace: col('workPlace'),
  workIncome: col('workIncome'),
  medicalInsured: col('medicalInsured'),
  seriousIllnessInsured: col('seriousIllnessInsured'),
  pensionInsured: col('pensionInsured'),
} as const;

/** A cell as the import reads it: trimmed, and a leading apostrophe before = + - @ (how exports neutralise them) dropped. */
function cellOf(cells: readonly string[], i: number): string {
  const raw = cells[i];
  if (raw === undefined || raw === '') return '';
  const t = raw.trim();
  if (t.length > 1 && t.charCodeAt(0) === 39) {
    const c = t.charCodeAt(1);
    if (c === 61 || c === 43 || c === 45 || c === 64) return t.slice(1); // = + - @
  }
  return t;
}

function fail(errors: FieldError[], field: RosterField, message: string): void {
  errors.push({ field, label: ROSTER_LABELS[field]!, message });
}

function yesNo(texts: readonly string[], field: RosterField, errors: FieldError[]): boolean | undefined {
  const t = texts[FIELD_INDEX.get(field)!]!;
  if (t === '') return undefined;
  if (t === '是') return true;
  if (t === '否') return false;
  fail(errors, field, `应填“是”或“否”，不能是“${t}”`);
  return undefined;
}

function int(texts: readonly string[], field: RosterField, errors: FieldError[]): number | undefined {
  const given = texts[FIELD_INDEX.get(field)!]!;
  const t = given.includes(',') ? given.replace(/,/g, '') : given;
  if (t === '') return undefined;
  const v = Number(t);
  if (!Number.isFinite(v) || !Number.isInteger(v)) {
    fail(errors, field, `应为整数，不能是“${given}”`);
    return undefined;
  }
  return v;
}

/**
 * One line of the sheet (row `n`, its cells in the template's column order) as a roster row, with the errors only the
 * sheet can see (是/否, numbers); null for an empty line or the template's hint row. (No closures per row: a national
 * file has millions of them.)
 */
export function rosterRowOf(n: number, cells: readonly string[]): RosterRow | null {
  const texts: string[] = new Array<string>(COLUMN_COUNT);
  let empty = true;
  for (let i = 0; i < COLUMN_COUNT; i++) {
    const t = cellOf(cells, i);
    texts[i] = t;
    if (t !== '') empty = false;
  }
  if (empty) return null;
  if (texts[0] === HINT) return null; // the template's hint row
  const errors: FieldError[] = [];
  // In the order of the fields below, so that a row's errors keep their order.
  const identifiedYear = int(texts, 'identifiedYear', errors);
  const housingSafe = yesNo(texts, 'housingSafe', errors);
  const drinkingWaterSafe = yesNo(texts, 'drinkingWaterSafe', errors);
  const foodClothingSecure = yesNo(texts, 'foodClothingSecure', errors);
  const dropoutForPoverty = yesNo(texts, 'dropoutForPoverty', errors);
  const disabilityGrade = int(texts, 'disabilityGrade', errors) ?? null;
  const hasQualification = yesNo(texts, 'hasQualification', errors);
  const workMonths = int(texts, 'workMonths', errors);
  const workIncome = int(texts, 'workIncome', errors);
  const medicalInsured = yesNo(texts, 'medicalInsured', errors);
  const seriousIllnessInsured = yesNo(texts, 'seriousIllnessInsured', errors);
  const pensionInsured = yesNo(texts, 'pensionInsured', errors);
  const secondary = texts[C.secondaryCauses]!;
  return {
    row: n,
    villageName: texts[C.villageName] || undefined,
    villageCode: texts[C.villageCode]!,
    number: texts[C.number]!,
    attribute: texts[C.attribute] || undefined,
    identifiedYear,
    mainCause: texts[C.mainCause] || undefined,
    secondaryCauses: secondary
      ? secondary
          .split(/[、,，;；\s]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    housingSafe,
    drinkingWaterSafe,
    foodClothingSecure,
    person: {
      name: texts[C.name]!,
      idNumber: texts[C.idNumber]!,
      relation: texts[C.relation]!,
      schooling: texts[C.schooling] || undefined,
      dropoutForPoverty,
      health: texts[C.health] || undefined,
      disabilityGrade,
      labour: texts[C.labour]!,
      hasQualification,
      workMonths,
      workPlace: texts[C.workPlace] || undefined,
      workIncome,
      medicalInsured,
      seriousIllnessInsured,
      pensionInsured,
    },
    errors,
  };
}

// --- national-size files, streamed ----------------------------------------------------------------------------------

/** Bytes of the file read so far (for progress), as a streamed reader counts them. */
export interface ReadCounter {
  bytes: number;
}

/** Excel's ="…" form (a long number kept as text) unwrapped. */
const unwrap = (f: string) => (f.length >= 3 && f.startsWith('="') && f.endsWith('"') ? f.slice(2, -1) : f);

/**
 * CSV records from a stream of text pieces (RFC 4180: quotes, "" inside them, line breaks inside quotes; CRLF, LF or
 * CR; comma as the template's CSV has it), a piece's complete records at a time: memory holds a piece, not the file.
 * Excel's ="…" form (long numbers kept as text) is unwrapped. A line without quotes (nearly every line of a roster)
 * is split whole; a line with a quote is read character by character.
 */
export async function* csvRecordPieces(pieces: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let rest = '';
  for await (const piece of pieces) {
    const text = rest ? rest + piece : piece;
    const out: string[][] = [];
    const end = scanRecords(text, out, false);
    rest = text.slice(end);
    if (out.length) yield out;
  }
  if (rest) {
    const out: string[][] = [];
    scanRecords(rest, out, true);
    if (out.length) yield out;
  }
}

/** The records of `text` pushed to `out`; returns where the first incomplete one starts (all of it when `last`). */
function scanRecords(text: string, out: string[][], last: boolean): number {
  let pos = 0;
  const n = text.length;
  // The next quote and CR at or after `pos` (n: none), looked for again only once passed: each is found once a piece.
  let q = -1;
  let cr = -1;
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? n : nl;
    if (nl === -1 && !last) return pos; // the line goes on in the next piece
    if (q < pos) q = text.indexOf('"', pos) === -1 ? n : text.indexOf('"', pos);
    if (cr < pos) cr = text.indexOf('\r', pos) === -1 ? n : text.indexOf('\r', pos);
    if (q >= lineEnd && (cr >= lineEnd || cr === lineEnd - 1)) {
      // The common line: no quote, no line break but its own (LF or CRLF).
      const stop = cr === lineEnd - 1 ? cr : lineEnd;
      out.push(text.slice(pos, stop).split(','));
      pos = nl === -1 ? n : nl + 1;
      continue;
    }
    const r = quotedRecord(text, pos, last);
    if (!r) return pos;
    if (r.record.length) out.push(r.record); // empty only for a lone opening quote at the very end
    pos = r.next;
  }
  return pos;
}

/**
 * One record from `pos`, character by character (quotes, "" inside them, line breaks inside quotes, a lone CR):
 * null when it does not end inside `text` (unless `last`: then the text's end ends it).
 */
function quotedRecord(text: string, pos: number, last: boolean): { record: string[]; next: number } | null {
  const record: string[] = [];
  let field = '';
  let start = pos;
  let quoted = false;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 34) continue;
      field += text.slice(start, i);
      if (i + 1 >= text.length && !last) return null; // a closing quote, or the first of "": the next piece tells
      if (text.charCodeAt(i + 1) === 34) {
        field += '"';
        i++;
        start = i + 1;
        continue;
      }
      quoted = false;
      start = i + 1;
      continue;
    }
    if (c === 34 && field === '' && start === i) {
      quoted = true;
      start = i + 1;
    } else if (c === 44) {
      record.push(unwrap(field + text.slice(start, i)));
      field = '';
      start = i + 1;
    } else if (c === 10 || c === 13) {
      record.push(unwrap(field + text.slice(start, i)));
      if (c === 13) {
        if (i + 1 >= text.length && !last) return null; // CR LF split across pieces: wait for the next one
        if (text.charCodeAt(i + 1) === 10) i++;
      }
      return { record, next: i + 1 };
    }
  }
  if (!last) return null;
  field += text.slice(start);
  if (field !== '' || record.length) record.push(unwrap(field));
  return { record, next: text.length };
}

/** CSV records one at a time (see `csvRecordPieces`). */
export async function* csvRecords(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  for await (const list of csvRecordPieces(pieces)) yield* list;
}

/** UTF-8 text of a byte stream (a BOM dropped); a byte sequence that is not UTF-8 is a clear error. */
async function* utf8Pieces(bytes: AsyncIterable<Buffer>, counter: ReadCounter): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    for await (const b of bytes) {
      counter.bytes += b.length;
      yield decoder.decode(b, { stream: true });
    }
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError) throw new RosterFileError('文件不是 UTF-8 编码：请在表格软件中另存为“CSV UTF-8”后重新上传');
    throw err;
  }
}

/** The rows of a CSV roster (UTF-8, the template's headers on line 1): one at a time. */
async function* csvRosterRows(bytes: AsyncIterable<Buffer>, counter: ReadCounter): AsyncGenerator<RosterRow> {
  let n = 0;
  for await (const list of csvRecordPieces(utf8Pieces(bytes, counter)))
    for (const cells of list) {
      n++;
      if (n === 1) {
        checkRosterHeader(cells);
        continue;
      }
      const row = rosterRowOf(n, cells);
      if (row) yield row;
    }
  if (n === 0) throw new RosterFileError('文件为空');
}

/**
 * The rows of an .xlsx roster read with ExcelJS's streaming reader (never the whole workbook): its first sheet (the
 * template's 花名册). A sheet stored before its shared strings is first copied to a temporary file
 * by ExcelJS (as Excel writes them), so memory holds the shared strings and one row.
 */
async function* xlsxRosterRows(bytes: AsyncIterable<Buffer>, counter: ReadCounter): AsyncGenerator<RosterRow> {
  const counted = Readable.from(
    (async function* () {
      for await (const b of bytes) {
        counter.bytes += b.length;
        yield b;
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sheets = 0;
  let read = false;
  try {
    for await (const ws of reader) {
      sheets++;
      // The template's 花名册 is its first sheet; the others (填报说明, 村名对照) are passed over.
      if (read) {
        for await (const _ of ws);
        continue;
      }
      let header = false;
      for await (const line of ws) {
        const values = line.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c <= ROSTER_COLUMNS.length; c++) cells.push(cellText(values[c] ?? null));
        if (!header) {
          if (line.number !== 1) throw new RosterFileError('表头与花名册模板不一致：第 1 行应为模板的表头，请下载最新模板');
          checkRosterHeader(cells);
          header = true;
          continue;
        }
        const row = rosterRowOf(line.number, cells);
        if (row) yield row;
      }
      read = true;
    }
  } catch (err) {
    if (err instanceof RosterFileError || err instanceof AppError) throw err;
    throw new RosterFileError('无法读取文件：文件不是有效的 .xlsx 工作簿（旧版 .xls 请先另存为 .xlsx）');
  }
  if (sheets === 0) throw new RosterFileError('文件中没有工作表');
}

/** A roster file's format from its first bytes: a zip is an .xlsx workbook, anything else is read as CSV. */
export function rosterFormat(head: Uint8Array): 'xlsx' | 'csv' | 'xls' {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf) return 'xls';
  return 'csv';
}

/**
 * A national-size roster, streamed: the rows of a CSV (UTF-8, BOM tolerated, the template's headers) or an .xlsx file,
 * one at a time, so a file of millions of persons is read with memory flat in its size. `counter.bytes` follows the
 * bytes read (the job's progress).
 */
export function streamRoster(bytes: AsyncIterable<Buffer>, format: 'xlsx' | 'csv', counter: ReadCounter = { bytes: 0 }): AsyncGenerator<RosterRow> {
  return format === 'xlsx' ? xlsxRosterRows(bytes, counter) : csvRosterRows(bytes, counter);
}

/** A household's facts as the roster holds them (one set per household, repeated on each of its persons' rows). */
export interface RosterHouseholdFacts {
  villageCode: string;
  number: string;
  attribute: string;
  identifiedYear: number;
  mainCause: string;
  secondaryCauses: string[];
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
  foodSecure: boolean;
  clothingSecure: boolean;
}

/** One roster row of the export: a person with the household's facts. */
export interface RosterExportRow extends RosterHouseholdFacts {
  villageName: string;
  townshipName: string;
  status: string;
  statusYear: number | null;
  name: string;
  idNumber: string;
  relation: string;
  schooling: string;
  dropoutForPoverty: boolean;
  health: string;
  disabilityGrade: number | null;
  labour: string;
  hasQualification: boolean;
  workMonths: number;
  workPlace: string;
  workIncome: number;
  medicalInsured: boolean;
  seriousIllnessInsured: boolean;
  pensionInsured: boolean;
}

const yn = (b: boolean) => (b ? '是' : '否');

/** The template's columns in the template's order (so that an unmasked export can be imported again), then extras. */
function exportLine(r: RosterExportRow): Array<string | number | null> {
  return [
    villageLabel(r.townshipName, r.villageName),
    r.villageCode,
    r.number,
    r.attribute,
    r.identifiedYear,
    r.mainCause,
    r.secondaryCauses.join('、'),
    yn(r.housingSafe),
    yn(r.drinkingWaterSafe),
    yn(r.foodSecure && r.clothingSecure),
    r.name,
    r.idNumber,
    r.relation,
    r.schooling,
    yn(r.dropoutForPoverty),
    r.health,
    r.disabilityGrade,
    r.labour,
    yn(r.hasQualification),
    r.workMonths,
    r.workPlace,
    r.workIncome,
    yn(r.medicalInsured),
    yn(r.seriousIllnessInsured),
    yn(r.pensionInsured),
    r.status,
    r.statusYear,
  ].map(safeCell);
}

/** Streams the roster as .xlsx: rows are committed as they are written, so memory stays bounded. */
export async function writeRosterXlsx(out: Writable, batches: AsyncIterable<RosterExportRow[]>): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet(SHEET);
  sheet.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    { header: '户状态', width: 8 },
    { header: '状态年度', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      sheet.addRow(exportLine(r)).commit();
      n++;
    }
  }
  sheet.commit();
  await wb.commit();
  return n;
}

export interface OverviewHousehold {
  number: string;
  attribute: string;
  mainCause: string;
  secondaryCauses: string[];
  status: string;
  statusYear: number | null;
  members: Array<{ name: string; relation: string; idNumber: string; sex: string; birthDate: string; labour: string; health: string }>;
  /** The household's helpers today (帮扶责任人, as pairing records them), e.g. `张三（县农业局）`. */
  helpers: string[];
}

/**
 * Seed 001: the village's 贫困户精准扶贫一览表 — 家庭构成、贫困成因、帮扶措施、帮扶项目、帮扶责任人、脱贫时限. 帮扶责任人 are
 * the helpers pairing records for the household today; the registry records no measures or projects yet: those two
 * columns are left empty, with a note saying so.
 */
export async function buildVillageOverviewXlsx(village: { code: string; fullName: string }, list: OverviewHousehold[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '台账';
  const sheet = wb.addWorksheet('一览表');
  const headers = ['序号', '户编号', '户主姓名', '户主身份证号', '贫困户属性', '家庭人口', '家庭构成', '主要致贫原因', '次要致贫原因', '帮扶措施', '帮扶项目', '帮扶责任人', '当前状态', '脱贫时限'];
  sheet.addRow([`${sanitizeCell(village.fullName)}（${village.code}）贫困户精准扶贫一览表`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow(['注：帮扶措施、帮扶项目在建档立卡中尚未登记，本表留空，请按实际填写；帮扶责任人为导出当日的帮扶责任人；脱贫时限取该户的脱贫年度（未脱贫户为空）。']).font = {
    italic: true,
    color: { argb: 'FF808080' },
  };
  sheet.mergeCells(2, 1, 2, headers.length);
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  list.forEach((h, i) => {
    const headPerson = h.members.find((m) => m.relation === '户主') ?? h.members[0];
    const composition = h.members.map((m) => `${m.name}（${m.relation}，${m.sex}，${m.birthDate.slice(0, 4)}年生，${m.labour}，${m.health}）`).join('；');
    sheet.addRow(
      [
        i + 1,
        h.number,
        headPerson?.name ?? '',
        headPerson?.idNumber ?? '',
        h.attribute,
        h.members.length,
        composition,
        h.mainCause,
        h.secondaryCauses.join('、'),
        '',
        '',
        h.helpers.join('、'),
        h.status,
        h.statusYear !== null && h.status !== '未脱贫' && h.status !== '返贫' ? `${h.statusYear}年` : '',
      ].map(safeCell),
    );
  });
  const widths = [6, 10, 10, 20, 14, 8, 60, 12, 16, 20, 20, 14, 10, 10];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
