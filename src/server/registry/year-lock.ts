import { AppError } from '../../domain/shared/errors';
import type { RegistryDeps, Tx } from './service';

/** How a write of a year's figure is made: in place (the lock holds), or as an approved correction request (bypassed). */
export interface YearWrite {
  /** The approved correction request (更正申请) this write applies: the lock is not asked. */
  correction?: number;
}

/** Refuses (409) a write of a year's figure of a village that a report locks, unless it applies an approved correction. */
export async function requireYearOpen(deps: Pick<RegistryDeps, 'yearLock'>, tx: Tx, villageCode: string, year: number, how: YearWrite = {}): Promise<void> {
  if (how.correction !== undefined || !deps.yearLock) return;
  const problem = await deps.yearLock(tx, villageCode, year);
  if (problem) throw new AppError('CONFLICT', problem, { yearLocked: year });
}
