/**
 * Chart values without bars for zeros: ECharts draws a bar (and its "0" label) for a 0, but leaves out a value of
 * '-'. The category keeps its place and its axis label, so a zero reads as "none" rather than as a sliver of a bar.
 */
export const NO_BAR = '-';

export type BarValue = number | typeof NO_BAR;

/** The value to draw: the number, or no bar when it is 0 (or not a finite number). */
export function barValue(n: number | null | undefined): BarValue {
  return n === null || n === undefined || !Number.isFinite(n) || n === 0 ? NO_BAR : n;
}

/** A tooltip/label text for a value that may be {@link NO_BAR}: "0" then, with the given number format otherwise. */
export function barText(v: unknown, format: (n: number) => string = String): string {
  const n = Number(v);
  return v === NO_BAR || v === null || v === undefined || !Number.isFinite(n) ? format(0) : format(n);
}
