/**
 * The UTC instant of a wall-clock time on a date in a time zone ("2025-03-04", "09:30", "Asia/Shanghai").
 * Works without a time-zone library: guess as UTC, then correct by the zone's offset at that instant.
 */
export function zonedTimeToIso(date: string, hhmm: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  const offset = zoneOffsetMs(guess, timeZone);
  let instant = guess - offset;
  // across a DST change the offset at the real instant can differ from the guess's
  const second = zoneOffsetMs(instant, timeZone);
  if (second !== offset) instant = guess - second;
  return new Date(instant).toISOString();
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone; now by default. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
