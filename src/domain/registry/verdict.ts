import type { SourceKey } from '../shared/sources';

/** A rule's answer: the overall verdict and, per criterion, whether it holds, why, and the document's words it applies. */
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

/**
 * The document the registry's rules (identification, household exit, stable-exit marking, village exit) and their
 * criteria's citations come from.
 */
export const VERDICT_SOURCE: SourceKey = 'maanshan2017';
