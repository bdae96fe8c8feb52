import type { GoalProgress, RehabNote, RehabOverview, RehabPlan, RehabPlanSummary } from '../../api-types.js';
import { formatWithOffset, localDate } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import { findMemberById, type Member } from '../../db/members.repo.js';
import { findStaffById } from '../../db/staff.repo.js';
import {
  insertNote, insertPlan, memberGoalIds, memberNotes, memberRatings, planGoals, planSummaries, planVersions, type PlanRow,
} from '../../db/rehab.repo.js';
import { newRecordId } from '../../ids.js';
import { isCalendarDay } from '../calendar-day.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';

export interface GoalInput { goalId?: string; text: string; targetDate?: string | null }
export interface NoteInput { sessionId?: string | null; date: string; note: string; ratings: { goalId: string; rating: number }[] }

/**
 * Rehabilitation plans: versions appended (the latest is in force), outcome notes per session with
 * optional 1–5 ratings per goal. Events (`rehab.plan_set`, `rehab.note_added`) carry ids and numbers
 * only: goal texts and notes are health information and stay on the kiosk.
 */
export class RehabService {
  constructor(private readonly ctx: DomainContext) {}

  summaries(): RehabPlanSummary[] {
    return planSummaries(this.ctx.db).map((s) => ({ ...s, recordedAt: this.at(s.recordedAt) }));
  }

  overview(memberId: string): RehabOverview {
    const member = this.member(memberId);
    const versions = planVersions(this.ctx.db, member.id);
    const current = versions.at(-1);
    const plan = current ? this.toPlan(current) : null;
    const ratings = memberRatings(this.ctx.db, member.id);
    const rows = memberNotes(this.ctx.db, member.id);
    const notes: RehabNote[] = rows.map((n) => ({
      noteId: n.id, planId: n.planId, sessionId: n.sessionId, date: n.noteDate, note: n.note, staffId: n.staffId, staffName: this.staffName(n.staffId),
      recordedAt: this.at(n.recordedAt),
      ratings: ratings.filter((r) => r.noteId === n.id).map((r) => ({ goalId: r.goalId, rating: r.rating })),
    }));
    const dateOf = new Map(rows.map((n) => [n.id, n.noteDate]));
    const progress: GoalProgress[] = (plan?.goals ?? []).map((g) => ({
      goalId: g.goalId,
      text: g.text,
      points: ratings.filter((r) => r.goalId === g.goalId).map((r) => ({ date: dateOf.get(r.noteId)!, rating: r.rating, noteId: r.noteId })),
    }));
    return {
      member: { id: member.id, name: member.name },
      plan,
      versions: versions.map((v) => ({
        planId: v.id, version: v.version, goalCount: planGoals(this.ctx.db, v.id).length, staffId: v.staffId, staffName: this.staffName(v.staffId),
        recordedAt: this.at(v.recordedAt),
      })),
      notes,
      progress,
    };
  }

  /** Starts (version 1) or reviews (a new version) a member's plan. Kept goals pass their `goalId`. */
  setPlan(staffId: string, memberId: string, goals: GoalInput[]): RehabOverview {
    const member = this.member(memberId);
    const known = memberGoalIds(this.ctx.db, member.id);
    const seen = new Set<string>();
    for (const g of goals) {
      if (g.targetDate != null && !isCalendarDay(g.targetDate)) throw new DomainError('invalid', 'invalid_date', 'A target date is YYYY-MM-DD');
      if (g.goalId === undefined) continue;
      if (!known.has(g.goalId)) throw new DomainError('invalid', 'unknown_goal', `Goal ${g.goalId} is not in this member's plan`);
      if (seen.has(g.goalId)) throw new DomainError('invalid', 'duplicate_goal', `Goal ${g.goalId} is listed twice`);
      seen.add(g.goalId);
    }
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const planId = newRecordId(now);
      const version = (planVersions(this.ctx.db, member.id).at(-1)?.version ?? 0) + 1;
      const rows = goals.map((g, position) => ({ goalId: g.goalId ?? newRecordId(now), position, text: g.text, targetDate: g.targetDate ?? null }));
      const event = append('rehab.plan_set', { planId, memberId: member.id, version, goalCount: rows.length, goalIds: rows.map((r) => r.goalId), staffId });
      insertPlan(this.ctx.db, { id: planId, memberId: member.id, version, staffId, recordedAt: now, eventId: event.id }, rows);
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: version === 1 ? 'rehab.plan_start' : 'rehab.plan_review', target: member.id,
        detail: { planId, version, goalCount: rows.length },
      });
    });
    return this.overview(member.id);
  }

  addNote(staffId: string, memberId: string, input: NoteInput): RehabOverview {
    const member = this.member(memberId);
    if (!isCalendarDay(input.date)) throw new DomainError('invalid', 'invalid_date', 'Dates are YYYY-MM-DD, e.g. 2026-12-03');
    if (input.date > localDate(this.ctx.clock.now(), this.ctx.timeZone())) {
      throw new DomainError('invalid', 'future_date', 'An outcome note is for a session that has taken place');
    }
    const plan = planVersions(this.ctx.db, member.id).at(-1);
    if (!plan) throw new DomainError('conflict', 'no_plan', 'This member has no rehabilitation plan yet; set one first');
    const goalIds = new Set(planGoals(this.ctx.db, plan.id).map((g) => g.goalId));
    const rated = new Set<string>();
    for (const r of input.ratings) {
      if (!goalIds.has(r.goalId)) throw new DomainError('invalid', 'unknown_goal', `Goal ${r.goalId} is not in the plan in force`);
      if (rated.has(r.goalId)) throw new DomainError('invalid', 'duplicate_goal', `Goal ${r.goalId} is rated twice`);
      rated.add(r.goalId);
    }
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const noteId = newRecordId(now);
      const sessionId = input.sessionId ?? null;
      const event = append('rehab.note_added', {
        noteId, planId: plan.id, memberId: member.id, sessionId, date: input.date, ratings: input.ratings, staffId,
      });
      insertNote(this.ctx.db, {
        id: noteId, memberId: member.id, planId: plan.id, sessionId, noteDate: input.date, note: input.note, staffId, recordedAt: now, eventId: event.id,
      }, input.ratings);
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'rehab.note_add', target: member.id, detail: { noteId, sessionId, date: input.date },
      });
    });
    return this.overview(member.id);
  }

  private member(memberId: string): Member {
    const member = findMemberById(this.ctx.db, memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    return member;
  }

  private toPlan(row: PlanRow): RehabPlan {
    return {
      planId: row.id, memberId: row.memberId, version: row.version, staffId: row.staffId, staffName: this.staffName(row.staffId),
      recordedAt: this.at(row.recordedAt),
      goals: planGoals(this.ctx.db, row.id).map((g) => ({ goalId: g.goalId, text: g.text, targetDate: g.targetDate })),
    };
  }

  private staffName(staffId: string): string {
    return findStaffById(this.ctx.db, staffId)?.name ?? staffId;
  }

  private at(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }
}
