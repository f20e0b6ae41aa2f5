/**
 * What a scheme says follows from a unit's final grade (谈话提醒, 表扬, 约谈 …). The Scheme type has no place for these,
 * so each shipped scheme keeps them beside it; they do not change a grade.
 */
export interface Consequence {
  /** The final grades the consequence applies to. */
  grades: string[];
  action: string;
  /** The seed's words. */
  source: string;
}

/** The units whose final grade is one of the consequence's grades, in the order given. */
export function unitsFollowing(c: Consequence, results: ReadonlyArray<{ unit: string; grade: string }>): string[] {
  return results.filter((r) => c.grades.includes(r.grade)).map((r) => r.unit);
}
