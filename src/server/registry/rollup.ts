import { computeIncome, type IncomeInput } from '../../domain/registry/income';
import { accumulate, difference, figuresOf, householdChanges, inRollup, labourCounts, rollupRegions, type Change, type Figure, type IncomeNet } from '../../domain/registry/rollup';
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

export const timelineChanges = (t: Timeline | undefined): Change[] => (t ? householdChanges(t.snapshots, netIncomes(t.incomes)) : []);

/**
 * Collects changes of households under every region key the rollup keeps: summed per county first (a bulk import adds
 * hundreds of thousands of households), then carried up to the city, the province and the whole registry.
 */
export class RollupBatch {
  private readonly byCounty = new Map<string, Map<string, Change>>();
  add(villageCode: string, changes: Change[], sign = 1): void {
    const county = villageCode.slice(0, 6);
    let m = this.byCounty.get(county);
    if (!m) this.byCounty.set(county, (m = new Map()));
    accumulate(m, changes, sign);
  }
  list(): RegionChange[] {
    const byRegion = new Map<string, Map<string, Change>>();
    for (const [county, m] of this.byCounty)
      for (const region of rollupRegions(county)) {
        let r = byRegion.get(region);
        if (!r) byRegion.set(region, (r = new Map()));
        accumulate(r, [...m.values()]);
      }
    const out: RegionChange[] = [];
    for (const [region, m] of byRegion) for (const c of m.values()) if (c.households !== 0 || c.persons !== 0 || c.amount !== 0) out.push({ ...c, region });
    return out;
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

/** Recomputes the whole rollup from the status history and the incomes (`taizhang recompute`, start-up after an upgrade). */
export async function rebuildRollup(repo: RollupRepo, onProgress?: (done: number, total: number) => void): Promise<{ households: number; rows: number }> {
  const max = await repo.maxHouseholdId();
  const batch = new RollupBatch();
  let households = 0;
  for (let after = 0; after < max; after += 20000) {
    const page = await repo.timelinesBetween(after, Math.min(after + 20000, max));
    for (const t of page.values()) batch.add(t.villageCode, timelineChanges(t));
    households += page.size;
    onProgress?.(Math.min(after + 20000, max), max);
  }
  const rows = batch.list();
  await repo.clearRollup();
  await repo.addToRollup(rows);
  return { households, rows: rows.length };
}

/**
 * The figures of a region subtree as of a date: from the rollup for the whole registry, a province, city or county;
 * counted directly from the history for a town or village. Both are sums of the same `figuresOf`.
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
