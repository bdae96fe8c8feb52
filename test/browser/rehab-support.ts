import type { SessionDetail, SessionRoster } from '../../edge-server/src/api-types.js';
import type { StaffApi } from './harness.js';

/** Today in the centre's time zone (the demo centre is in Asia/Shanghai). */
export function centreToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * A one-off rehabilitation session today 08:00–08:45 with the member marked present, through the
 * sessions part's staff API (what roll call does). Returns the session's id.
 */
export async function markPresentAtRehabSession(staff: StaffApi, memberId: string, title: string): Promise<string> {
  const date = centreToday();
  const session = await staff.call<SessionDetail>('POST', '/api/staff/sessions', {
    title, kind: 'rehabilitation', room: null, leadStaffId: null, capacity: null, date, start: '08:00', end: '08:45', repeat: 'none', until: null,
  });
  await staff.call<SessionRoster>('POST', `/api/staff/sessions/${session.id}/dates/${date}/attendance`, { marks: [{ memberId, status: 'present' }] });
  return session.id;
}
