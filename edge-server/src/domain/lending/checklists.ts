import type { DeviceCategory } from '../../api-types.js';

/**
 * The fixed vocabulary of checks (at check-out and again at return) and cleaning steps. Entries pick
 * from it, so every check has its words in the UI catalogue (`lending.check.<key>`,
 * `lending.clean.<key>`, zh-CN and en) and the same check reads the same everywhere.
 */
export const CHECK_KEYS = [
  'brakes', 'tyres', 'footrests', 'cushion', 'frame', 'armrests', 'handgrips', 'height_adjust', 'rubber_tips', 'seat',
  'bucket', 'battery', 'ear_tips', 'tubing', 'lens', 'light', 'cables', 'straps', 'moving_parts', 'complete', 'manual',
] as const;
export type CheckKeyName = (typeof CHECK_KEYS)[number];

export const CLEANING_KEYS = [
  'wiped', 'disinfected', 'rinsed', 'dried', 'filters_changed', 'batteries_removed', 'inspected', 'bagged',
] as const;
export type CleaningKeyName = (typeof CLEANING_KEYS)[number];

/** The checks a new entry of each category starts with (e.g. wheelchair: brakes, tyres, footrests, cushion, frame). */
export const DEFAULT_CHECKS: Record<DeviceCategory, readonly CheckKeyName[]> = {
  wheelchair: ['brakes', 'tyres', 'footrests', 'cushion', 'frame'],
  walker: ['frame', 'handgrips', 'rubber_tips', 'height_adjust', 'brakes'],
  crutches: ['handgrips', 'rubber_tips', 'height_adjust', 'frame'],
  commode: ['frame', 'seat', 'bucket', 'rubber_tips'],
  hearing_aid: ['ear_tips', 'tubing', 'battery', 'complete'],
  magnifier: ['lens', 'light', 'battery', 'complete'],
  rehab_equipment: ['frame', 'moving_parts', 'cables', 'straps', 'complete'],
  other: ['complete'],
};

/** Cleaning steps per category; skin-contact devices are disinfected, electronics have batteries out. */
export const DEFAULT_CLEANING: Record<DeviceCategory, readonly CleaningKeyName[]> = {
  wheelchair: ['wiped', 'disinfected', 'dried', 'inspected'],
  walker: ['wiped', 'disinfected', 'dried', 'inspected'],
  crutches: ['wiped', 'disinfected', 'dried', 'inspected'],
  commode: ['rinsed', 'disinfected', 'dried', 'inspected'],
  hearing_aid: ['wiped', 'disinfected', 'filters_changed', 'batteries_removed', 'bagged'],
  magnifier: ['wiped', 'disinfected', 'batteries_removed', 'bagged'],
  rehab_equipment: ['wiped', 'disinfected', 'dried', 'inspected'],
  other: ['wiped', 'disinfected', 'inspected'],
};

export function isCheckKey(key: string): key is CheckKeyName {
  return (CHECK_KEYS as readonly string[]).includes(key);
}

export function isCleaningKey(key: string): key is CleaningKeyName {
  return (CLEANING_KEYS as readonly string[]).includes(key);
}
