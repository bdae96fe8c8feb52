import { localDate, localMinuteOfDay } from '../../clock.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function wallClockMs(ms: number, timeZone: string): number {
  const [y, m, d] = localDate(ms, timeZone).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) + localMinuteOfDay(ms, timeZone) * 60_000;
}

/** The instant at which the centre's clocks show `date` `HH:MM` (the second pass settles DST edges). */
export function localInstant(date: string, hhmm: string, timeZone: string): number {
  const [, y, m, d] = DAY.exec(date)!.map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  const naive = Date.UTC(y!, m! - 1, d!, h!, min!);
  let guess = naive - (wallClockMs(naive, timeZone) - naive);
  guess = naive - (wallClockMs(guess, timeZone) - guess);
  return guess;
}

/** First and last local date of a month given as `YYYY-MM`, or null when it is not one. */
export function monthRange(month: string): { from: string; to: string } | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
