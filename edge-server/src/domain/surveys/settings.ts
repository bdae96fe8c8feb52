import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { getSetting } from '../../db/settings.repo.js';

/**
 * The satisfaction question's settings, under `surveys` in the settings table (the district's settings
 * stream will write them); anything missing or invalid falls back to the defaults.
 */
export const surveySettingsSchema = z.object({
  /** a member is asked at check-out at most once in this many days (the centre's standard: a week) */
  surveyIntervalDays: z.number().int().min(1).max(365).default(7),
});

export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = surveySettingsSchema.parse({});

export function loadSurveySettings(db: Db): SurveySettings {
  const parsed = surveySettingsSchema.safeParse(getSetting<unknown>(db, 'surveys') ?? {});
  if (parsed.success) return parsed.data;
  console.error(`survey settings are invalid (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); using the defaults`);
  return DEFAULT_SURVEY_SETTINGS;
}
