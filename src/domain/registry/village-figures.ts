/**
 * What one village contributes to the registry's village statistics (贫困村 identified and 出列 by year, 公安认定总人口,
 * and its year figures: 村集体经济收入 and 脱贫规划), as figures that add up over a region. The maintained totals per
 * region key (`rollupRegions`) are sums of these; a village's own are computed from its rows with the same functions,
 * so both answer alike (issue 13).
 */

export const VILLAGE_DIMENSIONS = ['poor', 'exited', 'population', 'reported', 'collectiveIncome', 'plannedHouseholds', 'plannedPersons'] as const;
export type VillageDimension = (typeof VILLAGE_DIMENSIONS)[number];

/** `villages` counts villages (for a sum: those that gave the figure); `amount` sums the figure. `key` is a year (0: none). */
export interface VillageFigure {
  dim: VillageDimension;
  key: number;
  villages: number;
  amount: number;
}

export interface VillageProfileFacts {
  poorVillage: boolean;
  identifiedYear: number | null;
  exited: boolean;
  exitYear: number | null;
  certifiedPopulation: number | null;
}

export interface VillageYearFacts {
  year: number;
  collectiveIncome: number | null;
  plannedHouseholds: number | null;
  plannedPersons: number | null;
}

/** A profile's figures: a poor village by its identified year, an exited one by its exit year, its certified population. */
export function profileFigures(p: VillageProfileFacts | null | undefined): VillageFigure[] {
  if (!p) return [];
  const out: VillageFigure[] = [];
  if (p.poorVillage && p.identifiedYear !== null) out.push({ dim: 'poor', key: p.identifiedYear, villages: 1, amount: 0 });
  if (p.poorVillage && p.exited && p.exitYear !== null) out.push({ dim: 'exited', key: p.exitYear, villages: 1, amount: 0 });
  if (p.certifiedPopulation !== null) out.push({ dim: 'population', key: 0, villages: 1, amount: p.certifiedPopulation });
  return out;
}

/** A year row's figures: the village reported the year; each figure it gave, summed. */
export function yearFigures(y: VillageYearFacts | null | undefined): VillageFigure[] {
  if (!y) return [];
  const out: VillageFigure[] = [{ dim: 'reported', key: y.year, villages: 1, amount: 0 }];
  for (const dim of ['collectiveIncome', 'plannedHouseholds', 'plannedPersons'] as const) {
    const v = y[dim];
    if (v !== null) out.push({ dim, key: y.year, villages: 1, amount: v });
  }
  return out;
}

const keyOf = (f: { dim: string; key: number }) => `${f.dim}|${f.key}`;

/** The figures summed by (dimension, key), without those that sum to nothing. */
export function sumVillageFigures(list: VillageFigure[], sign = 1, into = new Map<string, VillageFigure>()): VillageFigure[] {
  for (const f of list) {
    const k = keyOf(f);
    const t = into.get(k);
    if (t) {
      t.villages += sign * f.villages;
      t.amount += sign * f.amount;
    } else into.set(k, { dim: f.dim, key: f.key, villages: sign * f.villages || 0, amount: sign * f.amount || 0 });
  }
  return [...into.values()].filter((f) => f.villages !== 0 || f.amount !== 0);
}

/** `after − before`, without what cancels out. */
export function villageDifference(before: VillageFigure[], after: VillageFigure[]): VillageFigure[] {
  const m = new Map<string, VillageFigure>();
  sumVillageFigures(after, 1, m);
  return sumVillageFigures(before, -1, m);
}

/** Poor villages identified by `year`, of them exited by `year`, and the certified population of all villages. */
export function villageCountsOf(figures: VillageFigure[], year: number): { poor: number; exited: number; population: number } {
  const out = { poor: 0, exited: 0, population: 0 };
  for (const f of figures) {
    if (f.dim === 'poor' && f.key <= year) out.poor += f.villages;
    else if (f.dim === 'exited' && f.key <= year) out.exited += f.villages;
    else if (f.dim === 'population') out.population += f.amount;
  }
  return out;
}

/** The villages' year figures of a year summed: how many reported it, each figure's sum (null where none gave it). */
export function villageYearTotalsOf(figures: VillageFigure[], year: number) {
  const sum = (dim: VillageDimension) => {
    const of = figures.filter((f) => f.dim === dim && f.key === year);
    return of.some((f) => f.villages > 0) ? of.reduce((a, f) => a + f.amount, 0) : null;
  };
  return {
    reported: figures.filter((f) => f.dim === 'reported' && f.key === year).reduce((a, f) => a + f.villages, 0),
    collectiveIncome: sum('collectiveIncome'),
    plannedHouseholds: sum('plannedHouseholds'),
    plannedPersons: sum('plannedPersons'),
  };
}

/** 脱贫规划 by year: every year some village reported, its planned households and persons (0 where none were given). */
export function plannedExitsOf(figures: VillageFigure[]): Array<{ year: number; households: number; persons: number }> {
  const years = [...new Set(figures.filter((f) => f.dim === 'reported' && f.villages > 0).map((f) => f.key))].sort((a, b) => a - b);
  const amount = (dim: VillageDimension, year: number) => figures.filter((f) => f.dim === dim && f.key === year).reduce((a, f) => a + f.amount, 0);
  return years.map((year) => ({ year, households: amount('plannedHouseholds', year), persons: amount('plannedPersons', year) }));
}
