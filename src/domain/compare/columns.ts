/**
 * Which columns of a department's list hold the ID number, the name and the detail. Departments send their own
 * layouts (车辆登记, 不动产登记, 企业登记 …), so the columns are found by their headers — or chosen by the user.
 */

/** Headers of an ID-number column, best first (a header equal to one wins over one containing it). */
export const ID_HEADERS = ['公民身份号码', '身份证号码', '身份证号', '公民身份证号', '居民身份证号码', '身份证件号码', '证件号码', '证件号', '身份号码', '身份证'] as const;
/** Headers of a person's name column, best first. */
export const NAME_HEADERS = ['姓名', '户主姓名', '人员姓名', '车主姓名', '车主', '机动车所有人', '所有人', '权利人', '购房人', '买受人', '法定代表人', '法人代表', '投资人', '股东', '死者姓名', '名字'] as const;

/** A header as compared: no blanks, full-width letters and parentheses folded, parenthesised notes dropped. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[*＊:：]/g, '')
    .toLowerCase();
}

/** The best column for the given header words: equal to a word beats containing it; earlier words beat later ones. */
function best(headers: readonly string[], words: readonly string[], except: number | null = null): number | null {
  let found: number | null = null;
  let score = -1;
  headers.forEach((raw, i) => {
    if (i === except) return;
    const h = normaliseHeader(raw);
    if (!h) return;
    words.forEach((w, rank) => {
      const s = h === w ? 2 * words.length - rank : h.includes(w) ? words.length - rank : -1;
      if (s > score) {
        score = s;
        found = i;
      }
    });
  });
  return found;
}

export interface ListColumns {
  /** 0-based index of the ID-number column. */
  id: number;
  /** The name column, if any. */
  name: number | null;
  /** The detail column; null: every other non-empty cell is joined as the detail (“表头：值；…”). */
  detail: number | null;
}

/** The columns found from the headers (ID number, name); the detail is left to “all other cells”. */
export function detectColumns(headers: readonly string[]): { id: number | null; name: number | null; detail: null } {
  const id = best(headers, ID_HEADERS);
  return { id, name: best(headers, NAME_HEADERS, id), detail: null };
}

/**
 * The row holding the headers: departments' sheets often start with a title (“××县2017年机动车登记名单”) and a date
 * line. The first of the first `scan` rows in which an ID-number header is found; the first non-empty row otherwise.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], scan = 10): number {
  const limit = Math.min(rows.length, scan);
  for (let i = 0; i < limit; i++) if (detectColumns(rows[i]!).id !== null) return i;
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  return first === -1 ? 0 : first;
}

/** 0 → A, 25 → Z, 26 → AA: how the user sees a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26; null for anything that is not a column letter. */
export function columnIndex(letter: string): number | null {
  const l = letter.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(l)) return null;
  let n = 0;
  for (const c of l) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
