/**
 * What one household contributes to the registry's statistics, and when (issue 3: “any figure can be asked ‘as of’ a
 * past date and reproduces what was true then”).
 *
 * A household's history is a timeline of snapshots (status, size, attribute, main cause, members by labour ability),
 * each valid from its effective date until the next. Its contribution to a statistic is a function of the snapshot in
 * force; the maintained statistics store the *changes* of that function at each effective date, so a figure as of a
 * date is the sum of the changes up to it. Every write computes the household's contributions before and after and
 * stores the difference; a rebuild recomputes them all. One definition serves the maintained rollup, the direct count
 * of a town or village and the rebuild.
 */
import { LABOUR_KINDS, type LabourKind } from './labour';

export type LabourCounts = Record<LabourKind, number>;

export interface Snapshot {
  effectiveOn: string;
  status: string;
  /** The exit year for 已脱贫. */
  year: number | null;
  persons: number;
  attribute: string;
  mainCause: string;
  labour: LabourCounts;
}

/** A household's net income (纯收入) of a year. */
export interface IncomeNet {
  year: number;
  net: number;
}

export const DIMENSIONS = ['status', 'attribute', 'cause', 'labour', 'income', 'exit', 'identified'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A figure's value: households, persons and (income) the sum of per-capita net income in thousandths of a yuan. */
export interface Figure {
  dim: Dimension;
  key: string;
  households: number;
  persons: number;
  amount: number;
}
export interface Change extends Figure {
  on: string;
}

export function labourCounts(members: Array<{ labour: string }>): LabourCounts {
  const counts = Object.fromEntries(LABOUR_KINDS.map((k) => [k, 0])) as LabourCounts;
  for (const m of members) if (m.labour in counts) counts[m.labour as LabourKind]++;
  return counts;
}

/** Per-capita net income in thousandths of a yuan (a sum of them divided by the households is the mean). */
export const perCapitaMilli = (net: number, persons: number) => Math.round((net * 1000) / persons);

/** The figures a household contributes while a snapshot is in force. */
export function figuresOf(s: Snapshot, incomes: IncomeNet[]): Figure[] {
  const out: Figure[] = [
    { dim: 'status', key: s.status, households: 1, persons: s.persons, amount: 0 },
    { dim: 'attribute', key: s.attribute, households: 1, persons: s.persons, amount: 0 },
    { dim: 'cause', key: s.mainCause, households: 1, persons: s.persons, amount: 0 },
  ];
  for (const k of LABOUR_KINDS) if (s.labour[k] > 0) out.push({ dim: 'labour', key: k, households: 0, persons: s.labour[k], amount: 0 });
  // 家庭年人均纯收入=纯收入/户人口数 (seed 004): a household of no persons has none.
  if (s.persons > 0) for (const i of incomes) out.push({ dim: 'income', key: String(i.year), households: 1, persons: s.persons, amount: perCapitaMilli(i.net, s.persons) });
  return out;
}

const keyOf = (c: { on?: string; dim: string; key: string }) => `${c.on ?? ''}|${c.dim}|${c.key}`;

/** Adds `sign × list` into `into`, merging equal (date, dimension, key). */
export function accumulate(into: Map<string, Change>, list: Change[], sign = 1): Map<string, Change> {
  for (const c of list) {
    const k = keyOf(c);
    const t = into.get(k);
    if (t) {
      t.households += sign * c.households;
      t.persons += sign * c.persons;
      t.amount += sign * c.amount;
    } else into.set(k, { on: c.on, dim: c.dim, key: c.key, households: sign * c.households || 0, persons: sign * c.persons || 0, amount: sign * c.amount || 0 });
  }
  return into;
}

const nonZero = (c: Figure) => c.households !== 0 || c.persons !== 0 || c.amount !== 0;

/**
 * The date the figures that are not “as of” a date are kept on (before any household's): the households identified
 * (建档立卡) in a year, with their persons as registered now (a report's 当年识别).
 */
export const UNDATED = '1900-01-01';

/** When a household was identified (its `identified_year`) and how many persons it has now. */
export interface Identified {
  year: number;
  persons: number;
}

/**
 * The figure a household gives to the households identified in its year: one household, its persons as registered
 * now, kept on `UNDATED`. Without `identified` (a household just created, as the roster import writes it), its first
 * snapshot is its identification — status 未脱贫, year the identified year, its persons — as both ways of creating a
 * household write it (建档立卡识别).
 */
export function identifiedChange(snapshots: Snapshot[], identified?: Identified | null): Change[] {
  const first = snapshots[0];
  const i = identified ?? (first && first.status === '未脱贫' && first.year !== null ? { year: first.year, persons: snapshots.at(-1)!.persons } : null);
  return i ? [{ on: UNDATED, dim: 'identified', key: String(i.year), households: 1, persons: i.persons, amount: 0 }] : [];
}

/**
 * The dated changes a household's timeline contributes: the figures of its first snapshot on its date, then at each
 * later snapshot the difference from the one before, and one exit event (dimension exit, key = year) the first time it
 * is 已脱贫 for a year; and (undated) its identification (`identifiedChange`). Snapshots in timeline order (effective
 * date, then the order written).
 */
export function householdChanges(snapshots: Snapshot[], incomes: IncomeNet[], identified?: Identified | null): Change[] {
  // Most households (every one a roster import creates) have one snapshot: its figures on its date.
  if (snapshots.length === 1 && snapshots[0]!.status !== '已脱贫') {
    const s = snapshots[0]!;
    const out: Change[] = figuresOf(s, incomes).map((f) => ({ on: s.effectiveOn, dim: f.dim, key: f.key, households: f.households, persons: f.persons, amount: f.amount }));
    return [...out, ...identifiedChange(snapshots, identified)];
  }
  const out = new Map<string, Change>();
  let before: Figure[] = [];
  const exitYears = new Set<number>();
  for (const s of snapshots) {
    const now = figuresOf(s, incomes);
    accumulate(out, now.map((f) => ({ ...f, on: s.effectiveOn })));
    accumulate(out, before.map((f) => ({ ...f, on: s.effectiveOn })), -1);
    before = now;
    if (s.status === '已脱贫' && s.year !== null && !exitYears.has(s.year)) {
      exitYears.add(s.year);
      accumulate(out, [{ on: s.effectiveOn, dim: 'exit', key: String(s.year), households: 1, persons: s.persons, amount: 0 }]);
    }
  }
  accumulate(out, identifiedChange(snapshots, identified));
  return [...out.values()].filter(nonZero);
}

/** `after − before`, without the changes that cancel out. */
export function difference(before: Change[], after: Change[]): Change[] {
  const m = accumulate(new Map(), after);
  accumulate(m, before, -1);
  return [...m.values()].filter(nonZero);
}

/** The region keys a village's figures are kept under: all (''), its province, city, county and town (乡镇). */
export function rollupRegions(villageCode: string): string[] {
  return ['', villageCode.slice(0, 2), villageCode.slice(0, 4), villageCode.slice(0, 6), villageCode.slice(0, 9)];
}
/**
 * Whether a region prefix is kept in the rollup (else it is counted directly: a village, a few hundred rows at most
 * read through its index).
 */
export const inRollup = (prefix: string) => prefix.length <= 9;

/** The households identified in a year and their persons as registered now, from summed figures. */
export function identifiedOf(figures: Figure[], year: number): { households: number; persons: number } {
  let households = 0;
  let persons = 0;
  for (const f of figures)
    if (f.dim === 'identified' && f.key === String(year)) {
      households += f.households;
      persons += f.persons;
    }
  return { households, persons };
}

export interface Summed {
  byStatus: Array<{ status: string; households: number; persons: number }>;
  byCause: Array<{ key: string; households: number }>;
  byAttribute: Array<{ key: string; households: number }>;
  byLabour: Array<{ key: string; persons: number }>;
  meanPerCapita: { mean: number | null; households: number };
  exitsByYear: Array<{ year: number; households: number; persons: number }>;
}

/** The statistics from summed figures (as of a date); `incomeYear` selects the income figures. */
export function summarise(figures: Figure[], incomeYear: number): Summed {
  const m = new Map<string, Figure>();
  const figureKey = (f: { dim: string; key: string }) => `${f.dim}|${f.key}`;
  for (const { on: _on, ...f } of figures as Change[]) {
    const k = figureKey(f);
    const t = m.get(k);
    if (t) {
      t.households += f.households;
      t.persons += f.persons;
      t.amount += f.amount;
    } else m.set(k, { ...f });
  }
  const of = (dim: Dimension) => [...m.values()].filter((f) => f.dim === dim && nonZero(f));
  const byCount = <T extends { key: string }>(list: T[], n: (t: T) => number) => list.sort((a, b) => n(b) - n(a) || a.key.localeCompare(b.key));
  const income = m.get(figureKey({ dim: 'income', key: String(incomeYear) }));
  return {
    byStatus: of('status')
      .map((f) => ({ status: f.key, households: f.households, persons: f.persons }))
      .sort((a, b) => a.status.localeCompare(b.status)),
    byCause: byCount(of('cause').map((f) => ({ key: f.key, households: f.households })), (x) => x.households),
    byAttribute: byCount(of('attribute').map((f) => ({ key: f.key, households: f.households })), (x) => x.households),
    byLabour: byCount(of('labour').map((f) => ({ key: f.key, persons: f.persons })), (x) => x.persons),
    meanPerCapita: income && income.households > 0 ? { mean: Math.round(income.amount / income.households / 1000), households: income.households } : { mean: null, households: 0 },
    exitsByYear: of('exit')
      .map((f) => ({ year: Number(f.key), households: f.households, persons: f.persons }))
      .sort((a, b) => a.year - b.year),
  };
}
