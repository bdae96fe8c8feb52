/** Checks for the centre's calendar days (`YYYY-MM-DD`) and months (`YYYY-MM`) that arrive as text. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A real calendar day: the pattern and the date both (2026-02-30 is refused). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && +m[1]! >= 1900 && +m[2]! >= 1 && +m[2]! <= 12;
}

/** First and last calendar day of a `YYYY-MM` month. */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}
