/**
 * `npm run bench` (or `npx tsx bench/sessions.bench.ts`): the member "today for you" and the staff
 * week planner through the HTTP app (`app.request`), on a centre with 200 members, 60 weekly sessions
 * and two years of history (sign-ups, waiting lists, cancellations and attendance marks on every past
 * occurrence). Numbers go into the issue note, never into tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROFILE, type ActivityKind, type MemberToday, type StaffWeek } from '../edge-server/src/api-types.js';
import { localDate, SystemClock, type Clock, type ClockInfo } from '../edge-server/src/clock.js';
import { loadConfig } from '../edge-server/src/config.js';
import { insertAttendanceMark } from '../edge-server/src/db/activity-attendance.repo.js';
import { insertDateException, insertSeries } from '../edge-server/src/db/activity-sessions.repo.js';
import { insertSignupTransition } from '../edge-server/src/db/activity-signups.repo.js';
import { openDatabase, type Db } from '../edge-server/src/db/connection.js';
import { insertMember } from '../edge-server/src/db/members.repo.js';
import { insertStaff } from '../edge-server/src/db/staff.repo.js';
import { hashPin } from '../edge-server/src/domain/pin.js';
import { addDays, weekdayOf } from '../edge-server/src/domain/sessions/dates.js';
import { MEMBER_VISIT_HEADER } from '../edge-server/src/routes/member-visit.js';
import { benchKiosk } from './support/bench-kiosk.js';
import { percentile } from './support/stats.js';

const TZ = 'Asia/Shanghai';

/**
 * The bench runs at Wednesday 07:30 in the centre (this week's), before the day's sessions start, so
 * "today for you" lists a full weekday whatever the hour or weekday the bench is started on (run on a
 * Friday evening or a Sunday the real clock would leave it empty and flatter the numbers).
 */
class WednesdayMorningClock implements Clock {
  private readonly system = new SystemClock();
  private readonly offsetMs: number;

  constructor() {
    const today = localDate(Date.now(), TZ);
    const wednesday = addDays(addDays(today, 1 - weekdayOf(today)), 2);
    this.offsetMs = Date.parse(`${wednesday}T07:30:00+08:00`) - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  info(): ClockInfo {
    return this.system.info();
  }
}
const MEMBERS = 200;
const SESSIONS = 60;
const WEEKS = 104;
const SIGNUPS_PER_OCCURRENCE = 12;
const CAPACITY = 10;
const SAMPLES = 1000;
const KINDS: ActivityKind[] = ['day_care', 'assisted_employment', 'skills_training', 'rehabilitation', 'culture_sports'];
const SEED = 'bench-seed';

/** Members, one staff lead, 60 weekly series from two years ago; every occurrence until next week gets sign-ups. */
function seed(db: Db, now: number): { rows: { signups: number; marks: number; exceptions: number } } {
  const today = localDate(now, TZ);
  const monday = addDays(today, 1 - weekdayOf(today));
  const firstMonday = addDays(monday, -7 * WEEKS);
  const rows = { signups: 0, marks: 0, exceptions: 0 };
  let n = 0;
  const member = () => `mem_b_${(n++ % MEMBERS) + 1}`;
  db.transaction(() => {
    insertStaff(db, { id: 'stf_b', name: '王芳', role: '助残员', status: 'active', cardNumber: null, pinHash: hashPin('2468') }, now);
    for (let i = 1; i <= MEMBERS; i++) {
      insertMember(db, {
        id: `mem_b_${i}`, name: `成员${i}`, gender: null, birthYear: null, disabilityCategory: '肢体', disabilityGrade: 2, status: 'active',
        guardianContact: null, cardNumber: null, photoPath: null, profile: DEFAULT_PROFILE,
      }, now);
    }
    for (let s = 0; s < SESSIONS; s++) {
      const sessionId = `ses_b_${s}`;
      const firstDate = addDays(firstMonday, s % 5);
      const hour = 8 + (Math.floor(s / 5) % 10);
      insertSeries(db, {
        sessionId, title: `活动${s}`, kind: KINDS[s % KINDS.length]!, room: `活动室${s % 6}`, leadStaffId: 'stf_b', capacity: CAPACITY, firstDate,
        start: `${String(hour).padStart(2, '0')}:00`, end: `${String(hour).padStart(2, '0')}:45`, repeat: 'weekly', until: null,
        staffId: 'stf_b', recordedAt: now, eventId: SEED,
      });
      for (let week = 0; week <= WEEKS + 1; week++) {
        const date = addDays(firstDate, week * 7);
        if (week % 13 === s % 13) {
          insertDateException(db, { sessionId, date, kind: 'cancelled', toDate: null, start: null, end: null, reason: '节日', staffId: 'stf_b', recordedAt: now, eventId: SEED });
          rows.exceptions++;
        }
        for (let k = 0; k < SIGNUPS_PER_OCCURRENCE; k++) {
          const memberId = member();
          const action = k < CAPACITY ? 'signed_up' : 'waiting';
          insertSignupTransition(db, { sessionId, date, memberId, action, via: 'kiosk', staffId: null, at: now, eventId: SEED });
          rows.signups++;
          if (k === 3) { // one cancels, the first one waiting is promoted
            insertSignupTransition(db, { sessionId, date, memberId, action: 'cancelled', via: 'kiosk', staffId: null, at: now, eventId: SEED });
            rows.signups++;
          }
          if (date < today && action === 'signed_up' && k !== 3) {
            insertAttendanceMark(db, { sessionId, date, memberId, status: k % 7 === 0 ? 'absent' : 'present', staffId: 'stf_b', recordedAt: now, eventId: SEED });
            rows.marks++;
          }
        }
      }
    }
  })();
  return { rows };
}

async function time(label: string, request: (i: number) => Response | Promise<Response>): Promise<string> {
  for (let i = 0; i < 50; i++) await (await request(i)).arrayBuffer(); // warm-up: prepared statements, JIT
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const res = await request(i);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
  }
  const sorted = times.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  return `| ${label} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} | ${mean.toFixed(2)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-sessions-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, UI_DIR: dir });
    const db = openDatabase(config.dbFile);
    const clock = new WednesdayMorningClock();
    const t0 = performance.now();
    const { rows } = seed(db, clock.now());
    const seedSec = (performance.now() - t0) / 1000;
    const { app, services, cookie } = await benchKiosk(config, db, clock, TZ);
    const visits = Array.from({ length: MEMBERS }, (_, i) => services.memberVisits.issue(`mem_b_${i + 1}`).token);
    const today = localDate(clock.now(), TZ);
    const monday = addDays(today, 1 - weekdayOf(today));

    const sample = (await (await app.request('/api/member/today', { headers: { [MEMBER_VISIT_HEADER]: visits[0]! } })).json()) as MemberToday;
    const week = (await (await app.request(`/api/staff/schedule/week?from=${monday}`, { headers: { cookie } })).json()) as StaffWeek;
    const occurrences = week.days.reduce((s, d) => s + d.sessions.length, 0);

    console.log(`# sessions benchmark (${new Date().toISOString()}, node ${process.version})`);
    console.log(`${MEMBERS} members, ${SESSIONS} weekly sessions over ${WEEKS} weeks: ${rows.signups.toLocaleString('en')} sign-up transitions, ` +
      `${rows.marks.toLocaleString('en')} attendance marks, ${rows.exceptions} cancelled dates (seeded in ${seedSec.toFixed(1)} s)`);
    console.log(`today (${today}): member 1 sees ${sample.mine.length} of theirs + ${sample.open.length} open; planner week: ${occurrences} occurrences`);
    console.log(`\n${SAMPLES} requests each through app.request (routing, auth, JSON):`);
    console.log('| request | p50 ms | p99 ms | mean ms |');
    console.log('|---|---|---|---|');
    console.log(await time('GET /api/member/today', (i) => app.request('/api/member/today', { headers: { [MEMBER_VISIT_HEADER]: visits[i % MEMBERS]! } })));
    console.log(await time('GET /api/member/week', (i) => app.request('/api/member/week', { headers: { [MEMBER_VISIT_HEADER]: visits[i % MEMBERS]! } })));
    console.log(await time('GET /api/staff/schedule/week (this week)', () => app.request(`/api/staff/schedule/week?from=${monday}`, { headers: { cookie } })));
    console.log(await time('GET /api/staff/schedule/week (a year ago)', () => app.request(`/api/staff/schedule/week?from=${addDays(monday, -364)}`, { headers: { cookie } })));
    if (process.argv.includes('--profile')) {
      const { listSeriesAround, listExceptionsAround } = await import('../edge-server/src/db/activity-sessions.repo.js');
      const { listSignupStatesBetween } = await import('../edge-server/src/db/activity-signups.repo.js');
      const to = addDays(monday, 6);
      for (const [name, fn] of [
        ['series', () => listSeriesAround(db, addDays(monday, -60), addDays(to, 60))],
        ['exceptions', () => listExceptionsAround(db, monday, to)],
        ['signups', () => listSignupStatesBetween(db, monday, to)],
        ['domain week', () => services.sessions.week(monday)],
      ] as const) {
        const t = performance.now();
        for (let i = 0; i < 200; i++) fn();
        console.log(name, ((performance.now() - t) / 200).toFixed(3), 'ms');
      }
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
