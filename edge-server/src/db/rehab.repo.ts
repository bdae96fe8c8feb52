import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface PlanRow { id: string; memberId: string; version: number; staffId: string; recordedAt: number; eventId: string }
export interface GoalRow { planId: string; goalId: string; position: number; text: string; targetDate: string | null }
export interface NoteRow {
  id: string; memberId: string; planId: string; sessionId: string | null; noteDate: string; note: string;
  staffId: string; recordedAt: number; eventId: string;
}
export interface RatingRow { noteId: string; goalId: string; rating: number }
export interface PlanSummaryRow { memberId: string; memberName: string; version: number; goalCount: number; noteCount: number; recordedAt: number }

const PLAN = `id, member_id AS memberId, version, staff_id AS staffId, recorded_at AS recordedAt, event_id AS eventId`;
const NOTE = `id, member_id AS memberId, plan_id AS planId, session_id AS sessionId, note_date AS noteDate, note, staff_id AS staffId,
  recorded_at AS recordedAt, event_id AS eventId`;

const sql = statements({
  insertPlan: `INSERT INTO rehab_plans (id, member_id, version, staff_id, recorded_at, event_id)
               VALUES (@id, @memberId, @version, @staffId, @recordedAt, @eventId)`,
  insertGoal: `INSERT INTO rehab_goals (plan_id, goal_id, position, text, target_date) VALUES (@planId, @goalId, @position, @text, @targetDate)`,
  insertNote: `INSERT INTO rehab_notes (id, member_id, plan_id, session_id, note_date, note, staff_id, recorded_at, event_id)
               VALUES (@id, @memberId, @planId, @sessionId, @noteDate, @note, @staffId, @recordedAt, @eventId)`,
  insertRating: `INSERT INTO rehab_ratings (note_id, goal_id, rating) VALUES (@noteId, @goalId, @rating)`,
  plans: `SELECT ${PLAN} FROM rehab_plans WHERE member_id = ? ORDER BY version`,
  goals: `SELECT plan_id AS planId, goal_id AS goalId, position, text, target_date AS targetDate FROM rehab_goals WHERE plan_id = ? ORDER BY position`,
  goalIdsOfMember: `SELECT DISTINCT g.goal_id AS goalId FROM rehab_goals g JOIN rehab_plans p ON p.id = g.plan_id WHERE p.member_id = ?`,
  notes: `SELECT ${NOTE} FROM rehab_notes WHERE member_id = ? ORDER BY note_date DESC, recorded_at DESC`,
  ratings: `SELECT r.note_id AS noteId, r.goal_id AS goalId, r.rating FROM rehab_ratings r JOIN rehab_notes n ON n.id = r.note_id
            WHERE n.member_id = ? ORDER BY n.note_date, n.recorded_at`,
  summaries: `SELECT p.member_id AS memberId, m.name AS memberName, p.version, p.recorded_at AS recordedAt,
                (SELECT COUNT(*) FROM rehab_goals g WHERE g.plan_id = p.id) AS goalCount,
                (SELECT COUNT(*) FROM rehab_notes n WHERE n.member_id = p.member_id) AS noteCount
              FROM rehab_plans p JOIN members m ON m.id = p.member_id
              WHERE p.version = (SELECT MAX(version) FROM rehab_plans q WHERE q.member_id = p.member_id)
              ORDER BY m.name`,
});

export function insertPlan(db: Db, plan: PlanRow, goals: Omit<GoalRow, 'planId'>[]): void {
  sql(db).insertPlan.run(plan);
  for (const g of goals) sql(db).insertGoal.run({ ...g, planId: plan.id });
}

export function insertNote(db: Db, note: NoteRow, ratings: Omit<RatingRow, 'noteId'>[]): void {
  sql(db).insertNote.run(note);
  for (const r of ratings) sql(db).insertRating.run({ ...r, noteId: note.id });
}

/** Every version of a member's plan, oldest first (the last is in force). */
export function planVersions(db: Db, memberId: string): PlanRow[] {
  return sql(db).plans.all(memberId) as PlanRow[];
}

export function planGoals(db: Db, planId: string): GoalRow[] {
  return sql(db).goals.all(planId) as GoalRow[];
}

/** Goal ids used in any version of the member's plan (a review may only keep ids it already has). */
export function memberGoalIds(db: Db, memberId: string): Set<string> {
  return new Set((sql(db).goalIdsOfMember.all(memberId) as { goalId: string }[]).map((r) => r.goalId));
}

/** Newest first. */
export function memberNotes(db: Db, memberId: string): NoteRow[] {
  return sql(db).notes.all(memberId) as NoteRow[];
}

/** Oldest note first. */
export function memberRatings(db: Db, memberId: string): RatingRow[] {
  return sql(db).ratings.all(memberId) as RatingRow[];
}

export function planSummaries(db: Db): PlanSummaryRow[] {
  return sql(db).summaries.all() as PlanSummaryRow[];
}
