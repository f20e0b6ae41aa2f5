/**
 * Temporary lockout after repeated failed sign-ins (issue 9: “200 wrong passwords in 21 s, all 401, the right one
 * still works”). After `MAX_FAILED_LOGINS` consecutive failures the account is locked for `LOCK_MINUTES`; while locked
 * every attempt is refused with the same message, whether the password is right or not.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const LOCKED_MESSAGE = `登录失败次数过多，账号已临时锁定，请 ${LOCK_MINUTES} 分钟后再试`;

export interface LoginState {
  /** Consecutive failures since the last success or the last lock. */
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: Pick<LoginState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure, given the count of consecutive failures including this one: the lock starts
 * when the count reaches the limit (and the count starts again from zero for when the lock has passed).
 */
export function afterFailure(failedLogins: number, now: Date, max = MAX_FAILED_LOGINS): LoginState {
  if (failedLogins >= max) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedLogins, lockedUntil: null };
}
