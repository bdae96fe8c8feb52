import type { AccessibilityProfile } from './api-types.js';
import { DEFAULT_PROFILE } from './api-types.js';
import type { Db } from './db/connection.js';
import { countMembers, insertMember } from './db/members.repo.js';
import { insertStaff } from './db/staff.repo.js';
import { insertEnrolment } from './db/enrolments.repo.js';
import { insertConsent } from './db/consents.repo.js';
import { hashPin } from './domain/pin.js';
import { seedDemoEmployment } from './demo/employment.js';
import { seedDemoSessions } from './demo/sessions.js';
import { seedCommunityDemo } from './demo/community.js';
import { seedDemoLending } from './demo/lending.js';
import { seedDemoLoans } from './demo/lending-loans.js';

/** The demo staff member's PIN (documented in the README; demo mode only). */
export const DEMO_STAFF_PIN = '2468';
export const DEMO_STAFF_SLOT = 100;

interface DemoMember {
  name: string; gender: '男' | '女'; birthYear: number; category: string; grade: number;
  profile?: Partial<AccessibilityProfile>; guardian?: string;
}

/** Slot n (1-based) holds member n; card number 1000nn. Categories per 残联: 视力 听力 言语 肢体 智力 精神 多重. */
const MEMBERS: DemoMember[] = [
  { name: '张伟', gender: '男', birthYear: 1985, category: '肢体', grade: 2 },
  { name: '李秀英', gender: '女', birthYear: 1962, category: '视力', grade: 2, profile: { largeText: true } },
  { name: '王建国', gender: '男', birthYear: 1958, category: '视力', grade: 1, profile: { highContrast: true } },
  { name: '刘小明', gender: '男', birthYear: 1999, category: '智力', grade: 3, profile: { easyRead: true }, guardian: '刘建华 13812345678' },
  { name: '陈静', gender: '女', birthYear: 1990, category: '听力', grade: 2, profile: { speech: false, timeoutScale: 2 } },
  { name: '杨丽华', gender: '女', birthYear: 1970, category: '多重', grade: 1, profile: { largeText: true, highContrast: true }, guardian: '杨明 13987654321' },
  { name: '赵磊', gender: '男', birthYear: 1995, category: '精神', grade: 3, guardian: '赵国庆 13700001111' },
  { name: '黄志强', gender: '男', birthYear: 1978, category: '肢体', grade: 3 },
  { name: '周敏', gender: '女', birthYear: 2001, category: '智力', grade: 2, profile: { easyRead: true, timeoutScale: 1.5 }, guardian: '周红 13655556666' },
  { name: '吴桂兰', gender: '女', birthYear: 1955, category: '言语', grade: 3 },
  { name: '徐晓东', gender: '男', birthYear: 1988, category: '精神', grade: 4 },
  { name: '孙丽娟', gender: '女', birthYear: 1982, category: '肢体', grade: 4 },
];

/** Card-only members (no consent, no fingerprint yet): the demo's enrolment flow starts with them. */
const CARD_ONLY: (DemoMember & { n: string })[] = [
  { n: '14', name: '郑红梅', gender: '女', birthYear: 1997, category: '智力', grade: 2, guardian: '郑国强 13566667777', profile: { easyRead: true } },
  { n: '15', name: '钱志刚', gender: '男', birthYear: 1980, category: '肢体', grade: 2 },
];

/** Marks the consent rows that demo seeding wrote: fixtures, with no event behind them. */
export const DEMO_SEED_EVENT = 'demo-seed';

/**
 * Fills an empty database with a demo centre: 12 members who consented and are enrolled in simulator
 * slots 1–12 (cards 100001–100012), one inactive member (100013), two card-only members without
 * consent (100014, 100015), and staff 王芳 at slot 100 (card 900001, PIN 2468).
 * Demo rows are fixtures, not records: no events are written, so nothing of them is ever pushed.
 * Returns false when the database already has members.
 */
export function seedDemoData(db: Db, sensorId: string, now = Date.now(), timeZone = 'Asia/Shanghai'): boolean {
  if (countMembers(db) > 0) return false;
  db.transaction(() => {
    insertStaff(db, {
      id: 'stf_demo_01', name: '王芳', role: '助残员', status: 'active', cardNumber: '900001', pinHash: hashPin(DEMO_STAFF_PIN),
    }, now);
    MEMBERS.forEach((m, i) => {
      const n = String(i + 1).padStart(2, '0');
      const id = `mem_demo_${n}`;
      insertMember(db, {
        id, name: m.name, gender: m.gender, birthYear: m.birthYear, disabilityCategory: m.category,
        disabilityGrade: m.grade, status: 'active', guardianContact: m.guardian ?? null, cardNumber: `1000${n}`,
        photoPath: null, profile: { ...DEFAULT_PROFILE, ...m.profile },
      }, now);
      const consentId = `con_demo_${n}`;
      insertConsent(db, {
        id: consentId, memberId: id, purpose: 'biometric_attendance', action: 'given', givenBy: m.guardian ? 'guardian' : 'self',
        guardianName: m.guardian ? m.guardian.split(' ')[0]! : null, staffId: 'stf_demo_01', reason: null, recordedAt: now,
        eventId: DEMO_SEED_EVENT,
      });
      insertEnrolment(db, { id: `enr_demo_${n}`, sensorId, slot: i + 1, personKind: 'member', personId: id, finger: 'right_index' }, now, consentId);
    });
    for (const m of CARD_ONLY) {
      insertMember(db, {
        id: `mem_demo_${m.n}`, name: m.name, gender: m.gender, birthYear: m.birthYear, disabilityCategory: m.category,
        disabilityGrade: m.grade, status: 'active', guardianContact: m.guardian ?? null, cardNumber: `1000${m.n}`,
        photoPath: null, profile: { ...DEFAULT_PROFILE, ...m.profile },
      }, now);
    }
    insertMember(db, {
      id: 'mem_demo_13', name: '马德明', gender: '男', birthYear: 1950, disabilityCategory: '肢体', disabilityGrade: 1,
      status: 'inactive', guardianContact: null, cardNumber: '100013', photoPath: null, profile: DEFAULT_PROFILE,
    }, now);
    seedCommunityDemo(db, 'stf_demo_01', now, timeZone);
    insertEnrolment(db, { id: 'enr_demo_staff', sensorId, slot: DEMO_STAFF_SLOT, personKind: 'staff', personId: 'stf_demo_01', finger: 'right_index' }, now);
    seedDemoEmployment(db, now, timeZone, DEMO_SEED_EVENT);
    seedDemoSessions(db, now, timeZone);
    seedDemoLending(db, 'stf_demo_01', now, timeZone);
    seedDemoLoans(db, 'stf_demo_01', now, timeZone);
  })();
  return true;
}
