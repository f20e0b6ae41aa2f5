/**
 * 人口增减表 of seed 001's village archive: per village and year, the poor households and persons added (识别 as 未脱贫,
 * or 返贫) and removed (脱贫 as 已脱贫, or 清退), from the dated status history the registry keeps.
 */
export type ChangeDirection = '增加' | '减少';

export interface StatusChange {
  status: string;
  effectiveOn: string;
  persons: number;
  reason: string;
}

export interface PopulationChange extends StatusChange {
  direction: ChangeDirection;
  kind: string;
}

const ADDED: Record<string, string> = { 未脱贫: '新识别', 返贫: '返贫' };
const REMOVED: Record<string, string> = { 已脱贫: '脱贫', 清退: '清退' };

/**
 * The changes of one household's history in `year`, in date order. A 未脱贫 row after the first one (a correction
 * back to 未脱贫) is not a new identification; 稳定脱贫 is a mark on an exited household, not a change in number.
 */
export function populationChanges(history: readonly StatusChange[], year: number): PopulationChange[] {
  const sorted = [...history].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  const out: PopulationChange[] = [];
  sorted.forEach((r, i) => {
    if (Number(r.effectiveOn.slice(0, 4)) !== year) return;
    const added = ADDED[r.status];
    if (added && (r.status === '返贫' || i === 0)) out.push({ ...r, direction: '增加', kind: added });
    const removed = REMOVED[r.status];
    if (removed) out.push({ ...r, direction: '减少', kind: removed });
  });
  return out;
}

/** Totals of a year's changes: households and persons added and removed. */
export function changeTotals(changes: readonly PopulationChange[]) {
  const sum = (d: ChangeDirection) => changes.filter((c) => c.direction === d);
  const added = sum('增加');
  const removed = sum('减少');
  return {
    addedHouseholds: added.length,
    addedPersons: added.reduce((n, c) => n + c.persons, 0),
    removedHouseholds: removed.length,
    removedPersons: removed.reduce((n, c) => n + c.persons, 0),
  };
}
