/**
 * Calendar dates as the rules count them: in 北京时间 (Asia/Shanghai), whatever zone the host or the browser runs in.
 * “Today”, “this year” and “this half-year” are the Beijing date of an instant (`now` passed in). Arithmetic on
 * `YYYY-MM-DD` strings (add days, days between) is done on UTC midnights, so it never depends on a zone either.
 * Pure: server, CLI and web use this one module.
 */
export const ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const WALL = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// One-entry cache: callers ask for the same `now` many times (a validation of a whole import).
let lastMs = Number.NaN;
let lastWall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };

/** The Beijing wall clock at an instant. */
function wallClock(at: Date): Wall {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效的时间');
  if (ms === lastMs) return lastWall;
  const v: Record<string, number> = {};
  for (const p of WALL.formatToParts(at)) if (p.type !== 'literal') v[p.type] = Number(p.value);
  lastMs = ms;
  lastWall = { year: v.year!, month: v.month!, day: v.day!, hour: v.hour!, minute: v.minute! };
  return lastWall;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant: `isoDate(now)` is today. */
export function isoDate(at: Date): string {
  const w = wallClock(at);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The Beijing year of an instant: `yearOf(now)` is this year. */
export function yearOf(at: Date): number {
  return wallClock(at).year;
}

/** The Beijing date and time of an instant, `YYYY-MM-DD HH:mm` (what pages show for a timestamp). */
export function isoDateTime(at: Date): string {
  const w = wallClock(at);
  return `${isoDate(at)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The half of its year a date (`YYYY-MM-DD`) falls in: 1 for 1–6月, 2 for 7–12月. */
export function halfOf(iso: string): 1 | 2 {
  return Number(iso.slice(5, 7)) <= 6 ? 1 : 2;
}

/** Whether `YYYY-MM-DD` names a day of the calendar (2016-02-29 does, 2017-02-29 and 2017-09-31 do not). */
export function isRealDate(value: string | null | undefined): value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** Milliseconds of a wall-clock time read as UTC (Date.UTC would read the years 0–99 as 1900–1999). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute);
  return d.getTime();
}

/** UTC midnight of a `YYYY-MM-DD` date, in milliseconds (only for arithmetic on dates). */
function utcMidnight(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`不是日期：${iso}`);
  return utcMs(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date plus (or minus) whole days. */
export function addDays(iso: string, days: number): string {
  return new Date(utcMidnight(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The instant a Beijing date begins (00:00 北京时间). */
export function startOfDay(iso: string): Date {
  const guess = utcMidnight(iso);
  // The zone's offset at that day (Asia/Shanghai has been +08:00 since 1991; asked, not assumed).
  const w = wallClock(new Date(guess));
  const offset = utcMs(w.year, w.month, w.day, w.hour, w.minute) - guess;
  return new Date(guess - offset);
}
