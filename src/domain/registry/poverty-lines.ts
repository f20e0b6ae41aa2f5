import { citeWords } from '../shared/sources';
import { NATIONAL_LINES } from './national-poverty-line';

/** Poverty lines as data: year × scope, in yuan of per-capita net income per year. */
export const LINE_SCOPES = ['national', 'provincial', 'municipal'] as const;
export type LineScope = (typeof LINE_SCOPES)[number];

export const SCOPE_LABELS: Record<LineScope, string> = { national: '国家标准', provincial: '省标', municipal: '市标' };

export interface PovertyLine {
  year: number;
  scope: LineScope;
  /** Region the line applies to (province or city code prefix); empty for the national line. */
  regionPrefix: string;
  yuan: number;
  source: string;
}

/**
 * Shipped defaults, each with its source. Seed 004: “(2017年省标3300元、市标4200元)”, and the identification rule
 * “新识别贫困户必须以人均纯收入低于3300元为基本依据”. The national line is “2010年不变价2300元” in each year's prices
 * (national-poverty-line.ts, from 国家统计局's monitoring report; the seeds do not give it).
 */
export const DEFAULT_LINES: PovertyLine[] = [
  ...NATIONAL_LINES,
  { year: 2017, scope: 'provincial', regionPrefix: '34', yuan: 3300, source: citeWords('maanshan2017', '“2017年省标3300元”') },
  { year: 2017, scope: 'municipal', regionPrefix: '3405', yuan: 4200, source: citeWords('maanshan2017', '“市标4200元”') },
];

/**
 * The line that applies to a household: the most local scope defined for its region and year
 * (municipal, then provincial, then national). Undefined when no line is known for that year.
 */
export function applicableLine(lines: readonly PovertyLine[], year: number, regionCode: string): PovertyLine | undefined {
  const order: LineScope[] = ['municipal', 'provincial', 'national'];
  for (const scope of order) {
    const found = lines.find((l) => l.year === year && l.scope === scope && regionCode.startsWith(l.regionPrefix));
    if (found) return found;
  }
  return undefined;
}
