/**
 * The user the phone last signed in as, kept so the field pages open offline (their data is in that user's own
 * IndexedDB database). Forgotten at sign-out: a phone handed on offline does not open the last user's households.
 */
import type { Me } from '../../contract/auth';

const USER_KEY = 'taizhang-field-user';

export function rememberedUser(): Me | null {
  try {
    const text = localStorage.getItem(USER_KEY);
    return text ? (JSON.parse(text) as Me) : null;
  } catch {
    return null;
  }
}

export function rememberUser(me: Me | null): void {
  try {
    if (me) localStorage.setItem(USER_KEY, JSON.stringify(me));
    else localStorage.removeItem(USER_KEY);
  } catch {
    // Private mode: the field pages then need the network to know the user.
  }
}
