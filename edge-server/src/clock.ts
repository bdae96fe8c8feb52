import { existsSync, readFileSync } from 'node:fs';
import { uptime } from 'node:os';

/** What every event records about the clock that stamped it (upstream-protocol.md §3). */
export interface ClockInfo {
  synced: boolean;
  bootId: string;
  uptimeMs: number;
}

/** Time source for the domain; tests pass a fake. */
export interface Clock {
  now(): number;
  info(): ClockInfo;
}

/** Files that exist only while the system clock is NTP-synchronised (systemd-timesyncd; chrony via its own). */
const SYNC_MARKERS = ['/run/systemd/timesync/synchronized'];

function readBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The Pi's clock. Never blocks on NTP: whether the clock is synchronised is re-read at most every
 * 30 s from the marker timesyncd maintains, and recorded with each event instead.
 */
export class SystemClock implements Clock {
  private readonly bootId = readBootId();
  private synced = false;
  private checkedAt = -Infinity;

  constructor(private readonly markers: string[] = SYNC_MARKERS) {}

  now(): number {
    return Date.now();
  }

  info(): ClockInfo {
    const now = Date.now();
    if (now - this.checkedAt > 30_000) {
      this.synced = this.markers.some((file) => existsSync(file));
      this.checkedAt = now;
    }
    return { synced: this.synced, bootId: this.bootId, uptimeMs: Math.round(uptime() * 1000) };
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a plain sentence for a time zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  try {
    partsFormatter(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone '${timeZone}'; use an IANA name such as Asia/Shanghai`);
  }
}

interface LocalParts { year: string; month: string; day: string; hour: string; minute: string; second: string }

function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, string> = {};
  for (const p of partsFormatter(timeZone).formatToParts(ms)) out[p.type] = p.value;
  return out as unknown as LocalParts;
}

/** Facility-local calendar day, `YYYY-MM-DD`. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** ISO 8601 with the facility's UTC offset, e.g. `2026-12-03T09:12:44.123+08:00`. */
export function formatWithOffset(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMin = Math.round((asUtc - wholeSecond) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${millis}${offset}`;
}

/** Hour of day (0–23) in the facility, for greetings. */
export function localHour(ms: number, timeZone: string): number {
  return Number(localParts(ms, timeZone).hour);
}

/** Minutes since local midnight in the facility (opening hours, no-show cutoff). */
export function localMinuteOfDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/** ISO weekday in the facility: 1 Monday … 7 Sunday. */
export function localWeekday(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const day = new Date(Date.UTC(+p.year, +p.month - 1, +p.day)).getUTCDay();
  return day === 0 ? 7 : day;
}
