import type { ActivityKind } from '../api-types.js';
import { localDate } from '../clock.js';
import { insertSeries } from '../db/activity-sessions.repo.js';
import { insertSignupTransition } from '../db/activity-signups.repo.js';
import type { Db } from '../db/connection.js';
import { addDays, weekdayOf } from '../domain/sessions/dates.js';

/** Marks demo rows: fixtures with no event behind them (same marker as demo-data.ts). */
const DEMO_SEED_EVENT = 'demo-seed';
const DEMO_STAFF = 'stf_demo_01';

interface DemoSeries {
  id: string; weekday: number; title: string; kind: ActivityKind; room: string; start: string; end: string; capacity: number | null;
  /** demo members (numbers) with a place on each upcoming occurrence this week and next; then those waiting */
  signedUp?: number[]; waiting?: number[];
}

/** A centre's ordinary week over the five services; 手工编织 and 书法练习 are small, so "full" and the waiting list show. */
const TIMETABLE: DemoSeries[] = [
  { id: 'ses_demo_01', weekday: 1, title: '康复训练', kind: 'rehabilitation', room: '康复室', start: '09:30', end: '11:00', capacity: 8, signedUp: [1, 8] },
  { id: 'ses_demo_02', weekday: 1, title: '手工编织', kind: 'skills_training', room: '手工室', start: '14:00', end: '15:30', capacity: 3, signedUp: [2, 4, 9], waiting: [6] },
  { id: 'ses_demo_03', weekday: 2, title: '串珠加工', kind: 'assisted_employment', room: '工疗车间', start: '09:30', end: '11:30', capacity: 10, signedUp: [4, 7, 11] },
  { id: 'ses_demo_04', weekday: 2, title: '八段锦', kind: 'culture_sports', room: '多功能厅', start: '14:00', end: '15:00', capacity: null },
  { id: 'ses_demo_05', weekday: 3, title: '生活自理训练', kind: 'day_care', room: '生活训练室', start: '09:30', end: '11:00', capacity: 6, signedUp: [6, 9] },
  { id: 'ses_demo_06', weekday: 3, title: '书法练习', kind: 'culture_sports', room: '阅览室', start: '14:00', end: '15:30', capacity: 2, signedUp: [3, 10], waiting: [12] },
  { id: 'ses_demo_07', weekday: 4, title: '肢体康复', kind: 'rehabilitation', room: '康复室', start: '09:30', end: '11:00', capacity: 8, signedUp: [1, 12] },
  { id: 'ses_demo_08', weekday: 4, title: '电脑技能', kind: 'skills_training', room: '电脑室', start: '14:00', end: '16:00', capacity: 6 },
  { id: 'ses_demo_09', weekday: 5, title: '纸盒加工', kind: 'assisted_employment', room: '工疗车间', start: '09:30', end: '11:30', capacity: 10, signedUp: [7, 11] },
  { id: 'ses_demo_10', weekday: 5, title: '合唱团', kind: 'culture_sports', room: '多功能厅', start: '14:00', end: '15:00', capacity: null, signedUp: [5, 2] },
];

const memberId = (n: number) => `mem_demo_${String(n).padStart(2, '0')}`;

/**
 * The demo timetable: ten weekly sessions from this week's Monday, led by 王芳, with sign-ups (and a
 * waiting list on the full ones) on the days after today this week and next. Call inside the demo seeding transaction.
 */
export function seedDemoSessions(db: Db, now: number, timeZone = 'Asia/Shanghai'): void {
  const today = localDate(now, timeZone);
  const monday = addDays(today, 1 - weekdayOf(today));
  for (const s of TIMETABLE) {
    const firstDate = addDays(monday, s.weekday - 1);
    insertSeries(db, {
      sessionId: s.id, title: s.title, kind: s.kind, room: s.room, leadStaffId: DEMO_STAFF, capacity: s.capacity, firstDate,
      start: s.start, end: s.end, repeat: 'weekly', until: null, staffId: DEMO_STAFF, recordedAt: now, eventId: DEMO_SEED_EVENT,
    });
    // Only upcoming days: a fresh demo should not start with today's no-show alert full of fixtures.
    for (const date of [firstDate, addDays(firstDate, 7)].filter((d) => d > today)) {
      const signUp = (n: number, action: 'signed_up' | 'waiting') => insertSignupTransition(db, {
        sessionId: s.id, date, memberId: memberId(n), action, via: 'kiosk', staffId: null, at: now, eventId: DEMO_SEED_EVENT,
      });
      s.signedUp?.forEach((n) => signUp(n, 'signed_up'));
      s.waiting?.forEach((n) => signUp(n, 'waiting'));
    }
  }
}
