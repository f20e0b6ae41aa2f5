import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked } from './lockout';

const now = new Date('2020-06-30T10:00:00+08:00');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

// Issue 9: “after 5 consecutive failures the account is locked for 15 minutes”.
describe('afterFailure', () => {
  it.each([
    [1, { failedLogins: 1, lockedUntil: null }],
    [4, { failedLogins: 4, lockedUntil: null }],
    [5, { failedLogins: 0, lockedUntil: at(15) }],
    [7, { failedLogins: 0, lockedUntil: at(15) }], // simultaneous failures past the limit still lock
  ])('failure number %i → %j', (n, state) => {
    expect(afterFailure(n, now)).toEqual(state);
  });
});

describe('isLocked', () => {
  it.each([
    [null, 0, false],
    [at(15), 0, true],
    [at(15), 14.9, true],
    [at(15), 15, false], // the lock ends at its time
    [at(15), 16, false],
  ])('locked until %s, %f minutes later → %s', (lockedUntil, minutes, locked) => {
    expect(isLocked({ lockedUntil }, at(minutes))).toBe(locked);
  });
});
