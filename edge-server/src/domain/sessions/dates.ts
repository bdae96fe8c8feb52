import { formatWithOffset } from '../../clock.js';

/**
 * Calendar arithmetic on the centre's local dates (`YYYY-MM-DD`) and times (`HH:MM`). Pure: a local
 * date is treated as a day count, never as an instant, so no time zone can shift it.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** A real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isLocalDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** `HH:MM`, 00:00 to 23:59. */
export function isLocalTime(text: string): boolean {
  return TIME.test(text);
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Remembered conversions: a week planner converts the same few hundred (date, time) pairs on every
 * request, and each conversion costs several Intl calls. Pure, so a bounded cache is safe.
 */
const MEMO_LIMIT = 20_000;
const instants = new Map<string, number>();
const isoTexts = new Map<string, string>();

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** The instant of a local date and time in `timeZone` (UTC ms). */
export function localInstant(date: string, time: string, timeZone: string): number {
  return remember(instants, `${timeZone} ${date} ${time}`, () => computeLocalInstant(date, time, timeZone));
}

function computeLocalInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Start from "the wall time as if it were UTC" and correct by the zone's offset there; twice
  // covers a guess that landed on the other side of a DST change.
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - wallClockAsUtc(guess, timeZone);
  return guess;
}

function wallClockAsUtc(ms: number, timeZone: string): number {
  const iso = formatWithOffset(ms, timeZone); // YYYY-MM-DDTHH:MM:SS.mmm+hh:mm
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13), +iso.slice(14, 16), +iso.slice(17, 19));
}

/** ISO 8601 with the centre's offset for a local date and time, e.g. `2026-12-03T09:30:00.000+08:00`. */
export function localIso(date: string, time: string, timeZone: string): string {
  return remember(isoTexts, `${timeZone} ${date} ${time}`, () => formatWithOffset(localInstant(date, time, timeZone), timeZone));
}
