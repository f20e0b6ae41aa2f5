/** Display helpers shared by the pages. */
import { isoDate, isoDateTime, yearOf } from '../../domain/shared/dates';

/** An ISO timestamp as `YYYY-MM-DD HH:mm` 北京时间, whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return isoDateTime(d);
}

/** Today as `YYYY-MM-DD` in Beijing (the default of the pages' date fields). */
export function todayIso(): string {
  return isoDate(new Date());
}

/** 万元 as the API sends it (a string with 4 decimals); an empty value shows as 0.0000. */
export function wan(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '0.0000';
  return typeof value === 'number' ? value.toFixed(4) : value;
}

/** A rate 0–1 as a percentage with one decimal. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** The years of an entry: 2019 or 2019—2020 for 跨年度事项. */
export function yearsLabel(startYear: number, endYear: number | null | undefined): string {
  return endYear && endYear !== startYear ? `${startYear}—${endYear}` : String(startYear);
}

/** This year in Beijing. */
export const currentYear = (): number => yearOf(new Date());
