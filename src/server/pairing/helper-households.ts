import { heldOn } from '../../domain/pairing/handovers';
import { isoDate } from '../../domain/shared/dates';
import type { PairingRepo } from './repo';

/**
 * The households a 帮扶责任人 holds today (their assignments current on the day), for the registry's own-record
 * narrowing (issue 11: 帮扶责任人 “sees and visits their own households only”). The registry takes this as a function
 * from services.ts and never reads pairing's tables itself.
 */
export function makeHelperHouseholds(repo: Pick<PairingRepo, 'assignmentsOfHelper'>, now: () => Date) {
  return async (helperId: number): Promise<number[]> => {
    const day = isoDate(now());
    return [...new Set((await repo.assignmentsOfHelper(helperId)).filter((a) => heldOn(a, day)).map((a) => a.householdId))];
  };
}
