import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { getSetting } from '../../db/settings.repo.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, e.g. 08:30');

/**
 * Thresholds of the monitoring rules. They live in the settings table under `monitoring` (the
 * district's settings stream will write them); anything missing or invalid falls back to these defaults.
 */
export const monitoringSettingsSchema = z.object({
  /** door open longer than this → door_ajar */
  doorAjarMinutes: z.number().int().min(1).max(240).default(5),
  /** opening hours, facility-local; motion outside them while nobody is checked in → after_hours_motion */
  openingHours: z.object({
    open: clockTime.default('08:00'),
    close: clockTime.default('17:30'),
    /** ISO weekdays, 1 Monday … 7 Sunday */
    days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  }).default({ open: '08:00', close: '17:30', days: [1, 2, 3, 4, 5] }),
  /** at this time the members expected today who have not arrived are listed in one no_show alert */
  noShowCutoff: clockTime.default('10:00'),
  /** a member is a regular on a weekday after coming on that weekday this many times in the last four weeks */
  regularVisitsOfFour: z.number().int().min(1).max(4).default(3),
  /** reader or GPIO unhealthy longer than this → device_fault */
  deviceFaultMinutes: z.number().int().min(1).max(240).default(10),
  /** raw sensor edges are deleted after this many days (the hourly summaries stay, as events) */
  rawEdgeRetentionDays: z.number().int().min(1).max(90).default(14),
});

export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;

export const DEFAULT_MONITORING: MonitoringSettings = monitoringSettingsSchema.parse({});

/** The settings in force: stored values where valid, defaults elsewhere (a bad value is logged, not fatal). */
export function loadMonitoringSettings(db: Db): MonitoringSettings {
  const stored = getSetting<unknown>(db, 'monitoring') ?? {};
  const parsed = monitoringSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.error(`monitoring settings are invalid (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); using the defaults`);
  return DEFAULT_MONITORING;
}

export function minutesOf(clockTimeText: string): number {
  const [h, m] = clockTimeText.split(':').map(Number);
  return h! * 60 + m!;
}
