import { localDate } from '../../clock.js';
import { listDay } from '../../db/attendance.repo.js';
import type { Db } from '../../db/connection.js';
import { membersOnLeave } from '../../db/leaves.repo.js';
import { listActiveMembers } from '../../db/members.repo.js';
import { membersSignedUpOn } from '../sessions/occurrences.js';

const DAY_MS = 86_400_000;

export interface NoShow {
  memberId: string;
  name: string;
  guardianContact: string | null;
}

/**
 * Members expected today who have not checked in and have no leave. Expected = a regular on this
 * weekday (checked in on it at least `regularVisits` times in the previous four weeks), or signed up
 * for a session that takes place today (not cancelled). Leave excuses both.
 */
export function findNoShows(db: Db, now: number, timeZone: string, regularVisits: number): NoShow[] {
  const today = localDate(now, timeZone);
  const visits = new Map<string, number>();
  for (let week = 1; week <= 4; week++) {
    const sameWeekday = localDate(now - week * 7 * DAY_MS, timeZone);
    const came = new Set(listDay(db, sameWeekday).filter((a) => a.direction === 'in').map((a) => a.memberId));
    for (const memberId of came) visits.set(memberId, (visits.get(memberId) ?? 0) + 1);
  }
  const arrived = new Set(listDay(db, today).filter((a) => a.direction === 'in').map((a) => a.memberId));
  const onLeave = membersOnLeave(db, today);
  const signedUp = membersSignedUpOn(db, today);
  return listActiveMembers(db)
    .filter((m) => ((visits.get(m.id) ?? 0) >= regularVisits || signedUp.has(m.id)) && !arrived.has(m.id) && !onLeave.has(m.id))
    .map((m) => ({ memberId: m.id, name: m.name, guardianContact: m.guardianContact }));
}
