import type { LocalDate } from '../../../../edge-server/src/api-types.js';

/** Where the sessions view of staff mode goes next (`kiosk-schedule-go`); `notice` says what just happened. */
export type ScheduleStep =
  | { to: 'week'; from?: LocalDate; notice?: string }
  | { to: 'new'; date: LocalDate }
  | { to: 'edit'; sessionId: string }
  | { to: 'roster'; sessionId: string; date: LocalDate; notice?: string };
