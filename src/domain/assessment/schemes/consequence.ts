/**
 * What a scheme says follows from a unit's final grade (谈话提醒, 表扬, 约谈 …). The Scheme type has no place for these,
 * so each shipped scheme keeps them beside it; they do not change a grade.
 */
export type { Consequence } from '../../../contract/assessment/scheme';
import type { Consequence } from '../../../contract/assessment/scheme';

/** The units whose final grade is one of the consequence's grades, in the order given. */
export function unitsFollowing(c: Consequence, results: ReadonlyArray<{ unit: string; grade: string }>): string[] {
  return results.filter((r) => c.grades.includes(r.grade)).map((r) => r.unit);
}
