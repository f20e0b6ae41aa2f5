/**
 * Finding a household on the phone without network (issue 12: “find a household (by name, part of an ID number, or
 * household number)”): a member's name, a run of the ID number's characters (as far as the phone holds them — masked
 * digits match nothing), or the household number. Pure.
 */
import type { Household } from '../../contract/registry/households';

export function matchesHousehold(h: Pick<Household, 'number' | 'persons'>, term: string): boolean {
  const t = term.trim().toUpperCase();
  if (!t) return true;
  if (h.number.toUpperCase().includes(t)) return true;
  return h.persons.some((p) => p.name.includes(t) || (/^[0-9X]+$/.test(t) && p.idNumber.toUpperCase().includes(t)));
}
