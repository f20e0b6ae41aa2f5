/** A rule's answer: the overall verdict and, per criterion, whether it holds, why, and the seed words it applies. */
export interface Criterion {
  key: string;
  label: string;
  /** null: shown for information, not deciding (e.g. 两不愁三保障 at identification). */
  passed: boolean | null;
  reason: string;
  citation: string;
}

export interface Verdict {
  passed: boolean;
  criteria: Criterion[];
}

export function verdictOf(criteria: Criterion[]): Verdict {
  return { passed: criteria.every((c) => c.passed !== false), criteria };
}
