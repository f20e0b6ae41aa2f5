/**
 * 考核对象 from a pasted list or from the region tree (issue 11: “考核对象 cannot be picked from the region tree or
 * pasted”). A pasted list is what a clerk copies out of Excel or a notice: one unit per line, the name first, then
 * optionally its kind (地级市, 县（市、区）… or 市/县 for short) and its system code, separated by a tab, a comma or
 * spaces. The kinds and the unit fields are the contract's.
 */
import { roundUnitInput, type CreateRoundInput } from '../../contract/assessment/rounds';
import type { RegionChild } from '../../contract/regions';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../domain/assessment/labels';

/** A unit as the new-round form holds it: the request's unit without its code (given in order), of a known kind. */
export type UnitDraft = Omit<CreateRoundInput['units'][number], 'unitKey' | 'kind'> & { kind: UnitKind };

export interface PasteResult {
  units: UnitDraft[];
  /** Lines that could not be read, with their 1-based line number and why. */
  problems: Array<{ line: number; message: string }>;
}

const SHORT_KINDS: Record<string, UnitKind> = { 市: 'city', 州: 'city', 地级市: 'city', 县: 'county', 区: 'county', 县级: 'county', 单位: 'department', 部门: 'department', 政协: 'org', 委员: 'member' };

function kindOf(word: string): UnitKind | undefined {
  const w = word.trim();
  if ((UNIT_KINDS as readonly string[]).includes(w)) return w as UnitKind;
  const byLabel = UNIT_KINDS.find((k) => UNIT_KIND_LABELS[k] === w);
  return byLabel ?? SHORT_KINDS[w];
}

/** Reads a pasted list; lines with no name are skipped, a kind that is not known is reported with its line. */
export function parseUnitList(text: string, defaultKind: UnitKind): PasteResult {
  const units: UnitDraft[] = [];
  const problems: PasteResult['problems'] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const cells = raw.split(/\t|,|，|\s{2,}|\s+(?=\d{6,}$)/).map((c) => c.trim()).filter(Boolean);
    if (cells.length === 0) return;
    const [name, ...rest] = cells as [string, ...string[]];
    let kind: UnitKind = defaultKind;
    let ref: string | undefined;
    for (const cell of rest) {
      if (/^\d{6,12}$/.test(cell)) ref = cell;
      else {
        const k = kindOf(cell);
        if (!k) {
          problems.push({ line: i + 1, message: `第 ${i + 1} 行：“${cell}”不是考核对象类别（${UNIT_KINDS.map((x) => UNIT_KIND_LABELS[x]).join('、')}）` });
          return;
        }
        kind = k;
      }
    }
    const checked = roundUnitInput.shape.name.safeParse(name);
    if (!checked.success) {
      problems.push({ line: i + 1, message: `第 ${i + 1} 行：名称${checked.error.issues[0]?.message ?? '不符合要求'}` });
      return;
    }
    if (seen.has(name)) {
      problems.push({ line: i + 1, message: `第 ${i + 1} 行：“${name}”重复` });
      return;
    }
    seen.add(name);
    units.push({ name, kind, ...(ref ? { ref } : {}) });
  });
  return { units, problems };
}

/** The units of a region's children: a province's cities are 地级市, a city's counties 县（市、区）; the code is the ref. */
export function unitsOfRegions(children: RegionChild[]): UnitDraft[] {
  return children.map((c) => ({ name: c.name, kind: c.level <= 2 ? 'city' : 'county', ref: c.code }));
}
