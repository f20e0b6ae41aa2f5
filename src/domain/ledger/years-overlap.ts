/**
 * Seed 000: “跨年度事项只录入1次” — a cross-year deed is one entry spanning [startYear, endYear].
 * Two entries overlap when their year spans share at least one year (both ends inclusive).
 */
export interface YearSpan {
  startYear: number;
  endYear: number | null;
}

export function lastYear(span: YearSpan): number {
  return span.endYear ?? span.startYear;
}

export function yearsOverlap(a: YearSpan, b: YearSpan): boolean {
  return a.startYear <= lastYear(b) && b.startYear <= lastYear(a);
}
