import { computeIncome, type IncomeInput } from '../../domain/registry/income';
import { accumulate, difference, figuresOf, householdChanges, inRollup, labourCounts, rollupRegions, type Change, type Figure, type IncomeNet } from '../../domain/registry/rollup';
import { profileFigures, sumVillageFigures, villageDifference, yearFigures, type VillageFigure } from '../../domain/registry/village-figures';
import type { IncomeRow } from './repo';
import type { RollupRepo, Timeline } from './rollup-repo';

export type RegionChange = Change & { region: string };

export function incomeInput(row: IncomeRow, size: number): IncomeInput {
  return {
    wages: row.wages,
    business: row.business,
    property: row.property,
    transfer: {
      subsidies: row.subsidies,
      minimumLiving: row.minimumLiving,
      extremePoverty: row.extremePoverty,
      pension: row.pension,
      ecological: row.ecological,
      other: row.otherTransfer,
    },
    businessCosts: row.businessCosts,
    illnessCosts: row.illnessCosts,
    schoolingCosts: row.schoolingCosts,
    householdSize: size,
  };
}

const netIncomes = (rows: IncomeRow[]): IncomeNet[] => rows.map((r) => ({ year: r.year, net: computeIncome(incomeInput(r, 0)).netIncome }));

export const timelineChanges = (t: Timeline | undefined): Change[] => (t ? householdChanges(t.snapshots, netIncomes(t.incomes), t.identified) : []);

/**
 * Collects changes of households under every region key the rollup keeps: summed per town first (a bulk import adds
 * hundreds of thousands of households), then carried up to the county, the city, the province and the whole registry.
 */
export class RollupBatch {
  private readonly byTown = new Map<string, Map<string, Change>>();
  add(villageCode: string, changes: Change[], sign = 1): void {
    const town = villageCode.slice(0, 9);
    let m = this.byTown.get(town);
    if (!m) this.byTown.set(town, (m = new Map()));
    accumulate(m, changes, sign);
  }
  list(): RegionChange[] {
    const out: RegionChange[] = [];
    for (const _ of this.carry(out));
    return out;
  }
  /**
   * The same rows as `list`, pausing (`pause`, e.g. a turn of the event loop) every few hundred towns: a rebuild's batch
   * holds every town of the registry, and carrying them up at once would hold the server's thread for seconds.
   */
  async listPausing(pause: () => Promise<void>): Promise<RegionChange[]> {
    const out: RegionChange[] = [];
    let n = 0;
    for (const _ of this.carry(out)) if (++n % 500 === 0) await pause();
    return out;
  }
  /** Carries the towns' changes up into `out`, yielding after each town and each region written out. */
  private *carry(out: RegionChange[]): Generator<void> {
    const byRegion = new Map<string, Map<string, Change>>();
    for (const [town, m] of this.byTown) {
      const changes = [...m.values()];
      for (const region of rollupRegions(town)) {
        let r = byRegion.get(region);
        if (!r) byRegion.set(region, (r = new Map()));
        accumulate(r, changes);
      }
      yield;
    }
    for (const [region, m] of byRegion) {
      for (const c of m.values()) if (c.households !== 0 || c.persons !== 0 || c.amount !== 0) out.push({ ...c, region });
      yield;
    }
  }
}

/**
 * Runs `write` (inside the caller's transaction) and keeps the rollup true for the households it touches: their
 * contributions are computed before and after from their timelines and the difference is added.
 */
export async function maintainRollup<T>(repo: RollupRepo, ids: number[], write: () => Promise<T>): Promise<T> {
  const before = await repo.timelines(ids);
  const result = await write();
  const after = await repo.timelines(ids);
  const batch = new RollupBatch();
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const village = (a ?? b)?.villageCode;
    if (village) batch.add(village, difference(timelineChanges(b), timelineChanges(a)));
  }
  await repo.addToRollup(batch.list());
  return result;
}

/** Village figures under every region key the village rollup keeps ('' to the town). */
export class VillageBatch {
  private readonly byRegion = new Map<string, Map<string, VillageFigure>>();
  add(villageCode: string, figures: VillageFigure[], sign = 1): void {
    for (const region of rollupRegions(villageCode)) {
      let m = this.byRegion.get(region);
      if (!m) this.byRegion.set(region, (m = new Map()));
      sumVillageFigures(figures, sign, m);
    }
  }
  list(): Array<VillageFigure & { region: string }> {
    const out: Array<VillageFigure & { region: string }> = [];
    for (const [region, m] of this.byRegion) for (const f of m.values()) if (f.villages !== 0 || f.amount !== 0) out.push({ ...f, region });
    return out;
  }
}

/**
 * Runs `write` of a village's profile (`year` null) or of one of its year rows (inside the caller's transaction) and
 * keeps the village rollup true: the row's figures before and after, the difference added. Writes of one village
 * are serialised (a lock held to the end of the transaction), so a row inserted meanwhile is never counted twice.
 * `write` answers whether it wrote (a stale version writes nothing).
 */
export async function maintainVillage(repo: RollupRepo, code: string, year: number | null, write: () => Promise<boolean>): Promise<boolean> {
  const figures = async () => {
    const f = await repo.villageFactsForUpdate(code, year);
    return year === null ? profileFigures(f.profile) : yearFigures(f.year);
  };
  await repo.lockVillage(code);
  const before = await figures();
  const result = await write();
  if (!result) return result;
  const after = await figures();
  const batch = new VillageBatch();
  batch.add(code, villageDifference(before, after));
  const rows = batch.list();
  if (rows.length) await repo.addToVillageRollup(rows);
  return result;
}

/** The villages' maintained figures (profiles and year figures, every region key) computed from their rows. */
export async function computeVillageRollup(repo: RollupRepo, beforePage?: () => Promise<void>): Promise<Array<VillageFigure & { region: string }>> {
  const batch = new VillageBatch();
  const breathe = breather(beforePage);
  for (let after = ''; ; ) {
    await beforePage?.();
    const page = await repo.villageProfilesUnder('', after);
    for (const p of page) {
      batch.add(p.regionCode, profileFigures(p));
      const turn = breathe?.();
      if (turn) await turn;
    }
    if (page.length === 0) break;
    after = page.at(-1)!.regionCode;
  }
  for (let after = { code: '', year: 0 }; ; ) {
    await beforePage?.();
    const page = await repo.villageYearsUnder('', after);
    for (const y of page) {
      batch.add(y.regionCode, yearFigures(y));
      const turn = breathe?.();
      if (turn) await turn;
    }
    if (page.length === 0) break;
    after = { code: page.at(-1)!.regionCode, year: page.at(-1)!.year };
  }
  return batch.list();
}

/** Rows (households or villages) computed between two turns of the event loop in a background rebuild. */
const ROWS_BETWEEN_TURNS = 1000;

/**
 * For a background rebuild (one given `beforePage`): a function to call after each row computed, which gives the event
 * loop a turn (a promise to await) every ROWS_BETWEEN_TURNS rows (a page of 20,000 households or 50,000 villages computed at once held the
 * server's thread for over a second at a million persons on PGlite). Undefined for a rebuild in its own process.
 */
function breather(beforePage: (() => Promise<void>) | undefined): (() => Promise<void> | undefined) | undefined {
  if (!beforePage) return undefined;
  let n = 0;
  return () => (++n % ROWS_BETWEEN_TURNS === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
}

/**
 * The village figures of a region subtree: maintained for the whole registry down to a town; a village's own from its
 * rows (its profile and a few year rows through their primary keys). Both are sums of the same `profileFigures` and
 * `yearFigures`.
 */
export async function villageFiguresOf(repo: RollupRepo, prefix: string): Promise<VillageFigure[]> {
  if (inRollup(prefix)) return repo.villageRollup(prefix);
  return directVillageFigures(repo, prefix);
}

export async function directVillageFigures(repo: RollupRepo, prefix: string): Promise<VillageFigure[]> {
  const out: VillageFigure[] = [];
  for (const p of await repo.villageProfilesUnder(prefix, '', 1_000_000)) out.push(...profileFigures(p));
  for (const y of await repo.villageYearsUnder(prefix, undefined, 1_000_000)) out.push(...yearFigures(y));
  return sumVillageFigures(out);
}

/** The households identified in a year under a prefix, with their persons now: maintained down to a town, else counted. */
export async function identifiedFigures(repo: RollupRepo, prefix: string, year: number): Promise<Figure[]> {
  return inRollup(prefix) ? repo.rollupIdentified(prefix, year) : repo.identifiedUnder(prefix, year);
}

/** What a rebuild writes: the rollup's rows and the villages' (computed by `computeRollup`, written by `writeRollup`). */
export interface ComputedRollup {
  households: number;
  rows: RegionChange[];
  villageRows: Array<VillageFigure & { region: string }>;
}

/**
 * Reads the status history, incomes and village rows page by page and computes the whole rollup, writing nothing:
 * `beforePage` is awaited before each page of 20,000 households (the background rebuild yields to requests there).
 */
export async function computeRollup(
  repo: RollupRepo,
  onProgress?: (done: number, total: number) => void,
  beforePage?: () => Promise<void>,
): Promise<ComputedRollup> {
  const max = await repo.maxHouseholdId();
  const batch = new RollupBatch();
  const breathe = breather(beforePage);
  let households = 0;
  for (let after = 0; after < max; after += 20000) {
    await beforePage?.();
    const page = await repo.timelinesBetween(after, Math.min(after + 20000, max));
    for (const t of page.values()) {
      batch.add(t.villageCode, timelineChanges(t));
      const turn = breathe?.();
      if (turn) await turn;
    }
    households += page.size;
    onProgress?.(Math.min(after + 20000, max), max);
  }
  const rows = breathe ? await batch.listPausing(() => new Promise<void>((resolve) => setImmediate(resolve))) : batch.list();
  return { households, rows, villageRows: await computeVillageRollup(repo, beforePage) };
}

/**
 * Replaces the rollup and the villages' rollup with computed rows (inside the caller's transaction). `ordered: false`
 * writes the rows as they come, for the server's own start-up rebuild: it is then the only writer (every other write
 * is refused while it runs), so there is no lock order to keep, and sorting a national rollup's rows would hold the
 * server's thread for seconds. `taizhang recompute` beside a live server keeps the order.
 */
export async function writeRollup(repo: RollupRepo, c: ComputedRollup, { ordered = true } = {}): Promise<{ households: number; rows: number }> {
  await repo.clearRollup();
  await repo.addToRollup(c.rows, { ordered });
  await repo.clearVillageRollup();
  await repo.addToVillageRollup(c.villageRows, { ordered });
  return { households: c.households, rows: c.rows.length + c.villageRows.length };
}

/** Recomputes the whole rollup from the status history and the incomes (`taizhang recompute`), in the caller's transaction. */
export async function rebuildRollup(repo: RollupRepo, onProgress?: (done: number, total: number) => void): Promise<{ households: number; rows: number }> {
  return writeRollup(repo, await computeRollup(repo, onProgress));
}

/**
 * The figures of a region subtree as of a date: from the rollup for the whole registry, a province, city, county or
 * town; counted directly from the history for a village (through its village-code index). Both are sums of the same
 * `figuresOf`.
 */
export async function figuresAsOf(repo: RollupRepo, prefix: string, asOf: string, incomeYear: number): Promise<Figure[]> {
  if (inRollup(prefix)) return repo.rollupAsOf(prefix, asOf, incomeYear);
  return directFigures(repo, prefix, asOf, incomeYear);
}

export async function directFigures(repo: RollupRepo, prefix: string, asOf: string, incomeYear: number): Promise<Figure[]> {
  const snapshots = await repo.snapshotsAsOf(prefix, asOf);
  const incomes = new Map((await repo.incomesUnder(prefix, incomeYear)).map((r) => [r.householdId, netIncomes([r])]));
  const out: Figure[] = [];
  for (const s of snapshots) out.push(...figuresOf(s, incomes.get(s.householdId) ?? []));
  const seen = new Set<string>();
  for (const e of await repo.exitRowsAsOf(prefix, asOf)) {
    const k = `${e.householdId}:${e.year}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ dim: 'exit', key: String(e.year), households: 1, persons: e.persons, amount: 0 });
  }
  return out;
}

/** The household's facts a status-history row carries (so every figure can be asked as of its dates). */
export function snapshotFacts(attribute: string, mainCause: string, members: Array<{ labour: string }>) {
  const l = labourCounts(members);
  return { attribute, mainCause, labourOrdinary: l.普通劳动力, labourSkilled: l.技能劳动力, labourLost: l.丧失劳动力, labourNone: l.无劳动力 };
}
export type SnapshotFacts = ReturnType<typeof snapshotFacts>;

/** What changed of the facts the as-of figures count, in words for the history; empty when nothing did. */
export function factChanges(was: SnapshotFacts, now: SnapshotFacts, sizeBefore: number, sizeAfter: number): string[] {
  const out: string[] = [];
  if (sizeBefore !== sizeAfter) out.push(`家庭成员由 ${sizeBefore} 人变更为 ${sizeAfter} 人`);
  if (was.attribute !== now.attribute) out.push(`户属性由${was.attribute}变更为${now.attribute}`);
  if (was.mainCause !== now.mainCause) out.push(`主要致贫原因由${was.mainCause}变更为${now.mainCause}`);
  if (!out.length && (['labourOrdinary', 'labourSkilled', 'labourLost', 'labourNone'] as const).some((k) => was[k] !== now[k])) out.push('家庭成员劳动能力变更');
  return out;
}
