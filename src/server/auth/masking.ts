import { maskIdNumbersIn } from '../../domain/registry/id-number';
import { maySeeIdNumbers, type Auth } from './access';

/**
 * The one place ID numbers are masked for a user (DESIGN: “ID numbers masked in every response and export for roles
 * that may not see them”): the value as it is for a role that may see them (`maySeeIdNumbers`), otherwise a copy with
 * every ID-number field masked and every ID number inside a text masked. No signed-in user is treated as one that may
 * not see them. Applied to every JSON response by the app (`app.ts`) and by each export to its rows.
 */
export function maskFor<T>(auth: Auth | null, value: T): T {
  return auth && maySeeIdNumbers(auth) ? value : maskIdNumbersIn(value);
}
