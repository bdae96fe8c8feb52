import type { ActivityKind, PartnerKind } from '../api-types.js';
import { localDate } from '../clock.js';
import type { Db } from '../db/connection.js';
import { insertPartner } from '../db/partners.repo.js';
import { insertAnswer, insertAsk, recordAnswerEvent } from '../db/surveys.repo.js';
import { insertSignOut, insertVisit } from '../db/volunteer-visits.repo.js';
import { insertVolunteer } from '../db/volunteers.repo.js';
import { SATISFACTION_QUESTION } from '../domain/surveys/surveys.js';
import { localInstant } from '../domain/volunteers/local-time.js';

const DAY = 86_400_000;
/** The `event_id` of fixture rows: no event is behind them, so nothing is ever pushed or released. */
const SEED_EVENT = 'demo-seed';

const PARTNERS: { id: string; name: string; kind: PartnerKind }[] = [
  { id: 'ptn_demo_party', name: '街道党工委', kind: 'party_pairing' },
  { id: 'ptn_demo_school', name: '区实验小学', kind: 'school' },
  { id: 'ptn_demo_company', name: '某科技公司', kind: 'company' },
  { id: 'ptn_demo_social', name: '阳光社工服务中心', kind: 'social_org' },
];

/** [days ago, name, partner (null: 个人), party member, activity, start, minutes] */
const VISITS: [number, string, string | null, boolean, ActivityKind, string, number][] = [
  [2, '陈志华', 'ptn_demo_party', true, 'day_care', '09:00', 180],
  [2, '林晓燕', 'ptn_demo_school', false, 'culture_sports', '14:00', 90],
  [5, '陈志华', 'ptn_demo_party', true, 'rehabilitation', '09:30', 150],
  [9, '何俊', 'ptn_demo_company', false, 'skills_training', '13:30', 120],
  [12, '林晓燕', 'ptn_demo_school', false, 'culture_sports', '14:00', 100],
  [16, '郭美玲', null, true, 'day_care', '10:00', 60],
  [20, '何俊', 'ptn_demo_company', false, 'assisted_employment', '09:00', 240],
  [23, '宋佳', 'ptn_demo_social', false, 'rehabilitation', '09:00', 200],
  [30, '陈志华', 'ptn_demo_party', true, 'day_care', '09:00', 210],
  [38, '宋佳', 'ptn_demo_social', false, 'day_care', '09:00', 180],
];

/** [days ago, about, score] — anonymous answers; their asks go to members 5–12 (1–4 stay due). */
const ANSWERS: [number, ActivityKind | null, 1 | 2 | 3 | 4 | 5][] = [
  [0, 'day_care', 4], [0, 'culture_sports', 5],
  [1, null, 5], [1, 'rehabilitation', 4], [2, 'culture_sports', 5], [2, 'day_care', 3], [3, 'rehabilitation', 5],
  [8, 'day_care', 4], [9, null, 4], [10, 'culture_sports', 2], [12, 'skills_training', 4], [15, 'day_care', 5],
  [18, 'rehabilitation', 3], [22, null, 5], [25, 'culture_sports', 4], [29, 'day_care', 1], [33, 'rehabilitation', 4],
  [36, null, 3], [40, 'skills_training', 5],
];

/**
 * Partner organisations, past volunteer visits and satisfaction answers for the demo centre, dated
 * back from `now` over the last few weeks (so this month, even on its first day, and the last both have
 * something to show).
 * Fixtures: no events; the demo members 1–4 have never been asked, so they get the question.
 */
export function seedCommunityDemo(db: Db, staffId: string, now: number, timeZone: string): void {
  for (const p of PARTNERS) insertPartner(db, { ...p, staffId, createdAt: now - 60 * DAY });
  // the roster: everyone who appears in the visits, registered by staff two months ago
  const rosterIds = new Map<string, string>();
  for (const [, name, partnerId, partyMember] of VISITS) {
    if (rosterIds.has(name)) continue;
    const volunteerId = `vol_demo_${String(rosterIds.size + 1).padStart(2, '0')}`;
    rosterIds.set(name, volunteerId);
    const organisation = PARTNERS.find((p) => p.id === partnerId)?.name ?? '个人';
    insertVolunteer(db, { id: volunteerId, name, partnerId, organisation, partyMember, phone: null, staffId, createdAt: now - 60 * DAY });
  }
  VISITS.forEach(([daysAgo, name, partnerId, partyMember, activity, start, minutes], i) => {
    const day = localDate(now - daysAgo * DAY, timeZone);
    const signedInAt = localInstant(day, start, timeZone);
    const id = `vis_demo_${String(i + 1).padStart(2, '0')}`;
    const organisation = PARTNERS.find((p) => p.id === partnerId)?.name ?? '个人';
    insertVisit(db, { id, volunteerId: rosterIds.get(name)!, name, partnerId, organisation, partyMember, activity, localDate: day, signedInAt });
    insertSignOut(db, { visitId: id, signedOutAt: signedInAt + minutes * 60_000, minutes, closedBy: 'volunteer', eventId: SEED_EVENT });
  });
  ANSWERS.forEach(([daysAgo, about, score], i) => {
    const day = localDate(now - daysAgo * DAY, timeZone);
    const id = `ans_demo_${String(i + 1).padStart(2, '0')}`;
    insertAnswer(db, { id, questionId: SATISFACTION_QUESTION, about, score, memberId: null, answeredOn: day });
    recordAnswerEvent(db, id, SEED_EVENT);
    const member = `mem_demo_${String(5 + (i % 8)).padStart(2, '0')}`;
    insertAsk(db, { id: `ask_demo_${String(i + 1).padStart(2, '0')}`, memberId: member, questionId: SATISFACTION_QUESTION, about, askedOn: day });
  });
}
