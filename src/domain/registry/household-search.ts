import { idNumberPattern } from './id-number';

/**
 * How the text of the household search is looked for (issue 13: “ID-number search (whole or part) through an index,
 * name search through pg_trgm … bounded to a town or village”). Each part is one indexed look-up:
 * - `whole`: an 18-character ID number, through the unique index on persons.id_number;
 * - `idPattern`: a part of one (`idNumberPattern`: 6–17 characters for a role that sees numbers, the last 4 for a
 *   masked one), through the trigram index on the numbers;
 * - `name` / `number`: a LIKE pattern on the members' names / the household number (a text of printable ASCII
 *   only: numbers are codes such as `YX0001`). A trigram index answers a part of
 *   3 characters or more anywhere in the registry; a text of 1–2 characters has no trigram of its own, so it is looked
 *   for inside the region only (`bounded`: the households of a town or village, or a 帮扶责任人's own) — above a town
 *   a 2-character name is looked for as the start of a name (the padded trigrams of `张三%` are indexed), and a
 *   1-character text not at all. `notice` says which of these held, in the user's words.
 */
export interface HouseholdTextSearch {
  whole: string | null;
  idPattern: string | null;
  name: { pattern: string; bounded: boolean } | null;
  number: { pattern: string; bounded: boolean } | null;
  notice: string | null;
}

/** Trigrams need 3 characters of the text itself (padding only helps at the start or end of the value). */
export const TRIGRAM_CHARACTERS = 3;

/** `text` as a literal inside a LIKE pattern (the user's `%`, `_` and `\` match themselves). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const ID_NUMBER = /^\d{17}[\dX]$/;
const DIGITS_ONLY = /^[\dX]+$/;
/** A household number is a code of printable ASCII (`YX0001`, `0001`): a name is not looked for among them. */
const CODE = /^[\x21-\x7e]+$/;

/**
 * The look-ups for a search text, or null for no text. `fullView`: the user may see whole ID numbers; `bounded`: the
 * search is inside a town or a village (or a 帮扶责任人's own households), where a short text may be looked for in every
 * household.
 */
export function householdTextSearch(text: string, fullView: boolean, bounded: boolean): HouseholdTextSearch | null {
  const t = text.trim();
  if (!t) return null;
  const upper = t.toUpperCase();
  const whole = ID_NUMBER.test(upper) ? upper : null;
  const idPattern = idNumberPattern(t, fullView);
  const chars = [...t].length;
  const literal = likeLiteral(t);
  const anywhere = `%${literal}%`;
  const long = chars >= TRIGRAM_CHARACTERS;
  // A name has a character that is not a digit (or the X of an ID number).
  const mayBeName = !DIGITS_ONLY.test(upper);
  let notice: string | null = null;

  let name: HouseholdTextSearch['name'] = null;
  if (mayBeName) {
    if (long || bounded) name = { pattern: anywhere, bounded: !long };
    else if (chars === 2) {
      name = { pattern: `${literal}%`, bounded: false };
      notice = `不足 3 个字时，乡镇以上只查找以“${t}”开头的姓名；要查找姓名中的字或户编号的一部分，请先选择乡镇或村`;
    } else notice = `按一个字查找姓名或户编号须先选择乡镇或村（一个字在全县以上无法走索引查找）`;
  }
  let number: HouseholdTextSearch['number'] = null;
  if (!whole && CODE.test(t)) {
    if (long || bounded) number = { pattern: anywhere, bounded: !long };
    else notice ??= `不足 3 个字符的户编号须先选择乡镇或村再查找`;
  }
  return { whole, idPattern, name, number, notice };
}
