import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityKind } from '../../../edge-server/src/api-types.js';
import { setSetting } from '../../../edge-server/src/db/settings.repo.js';
import { summariseSatisfaction } from '../../../edge-server/src/domain/surveys/report.js';
import { chooseKind, isDue } from '../../../edge-server/src/domain/surveys/rules.js';
import { ANONYMOUS_BATCH, SATISFACTION_QUESTION } from '../../../edge-server/src/domain/surveys/surveys.js';
import { codeOf } from './error-code.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { expectKind, storedEvents, touch } from '../helpers.js';

const DAY = 86_400_000;
const ask = (askedOn: string, about: ActivityKind | null = null) => ({ id: askedOn, memberId: 'm', questionId: SATISFACTION_QUESTION, about, askedOn });

describe('survey rules', () => {
  it('is due when never asked or asked at least the interval ago', () => {
    expect(isDue([], '2026-12-03', 7)).toBe(true);
    expect(isDue([ask('2026-11-27')], '2026-12-03', 7)).toBe(false);
    expect(isDue([ask('2026-11-26')], '2026-12-03', 7)).toBe(true);
    expect(isDue([ask('2026-11-26'), ask('2026-12-01')], '2026-12-03', 7)).toBe(false);
  });

  it('asks about the kind least recently asked, never-asked first, ties in the given order', () => {
    expect(chooseKind([], [ask('2026-11-01', 'rehabilitation')])).toBeNull();
    expect(chooseKind(['rehabilitation', 'day_care'], [])).toBe('rehabilitation');
    expect(chooseKind(['rehabilitation', 'day_care'], [ask('2026-11-01', 'rehabilitation')])).toBe('day_care');
    expect(chooseKind(['rehabilitation', 'day_care'], [ask('2026-11-20', 'rehabilitation'), ask('2026-11-10', 'day_care')])).toBe('day_care');
  });

  it('summarises a month: asked, answers, mean to one decimal, distribution, centre first', () => {
    const kinds = summariseSatisfaction(
      [{ about: 'rehabilitation', score: 5, n: 2 }, { about: 'rehabilitation', score: 2, n: 1 }, { about: null, score: 4, n: 1 }],
      [{ about: 'rehabilitation', n: 4 }, { about: null, n: 1 }, { about: 'day_care', n: 1 }],
    );
    expect(kinds).toEqual([
      { about: null, asked: 1, answers: 1, average: 4, distribution: [0, 0, 0, 1, 0] },
      { about: 'day_care', asked: 1, answers: 0, average: null, distribution: [0, 0, 0, 0, 0] },
      { about: 'rehabilitation', asked: 4, answers: 3, average: 4, distribution: [0, 1, 0, 0, 2] },
    ]);
  });
});

describe('the satisfaction question at check-out', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  const surveys = () => kiosk.services.surveys;


  /** Member in slot `slot` checks in and out now; returns the check-out outcome. */
  function visit(slot: number) {
    touch(kiosk, slot);
    kiosk.clock.advance(2 * 60_000);
    const { confirmToken } = expectKind(touch(kiosk, slot), 'confirm_checkout');
    return expectKind(kiosk.services.attendance.confirmCheckout(confirmToken), 'checked_out');
  }

  function nextDay(days = 1): void {
    kiosk.clock.advance(days * DAY);
  }

  it('asks at check-out, then not again within the interval; skipping counts as asked', () => {
    const first = visit(1);
    expect(first.survey).toEqual({ questionId: SATISFACTION_QUESTION, about: null });
    surveys().answer('mem_demo_01', { questionId: SATISFACTION_QUESTION, score: null });
    nextDay(6);
    expect(visit(1).survey).toBeNull();
    nextDay(1);
    expect(visit(1).survey).not.toBeNull();
  });

  it('follows the surveyIntervalDays setting', () => {
    setSetting(kiosk.db, 'surveys', { surveyIntervalDays: 2 });
    expect(visit(1).survey).not.toBeNull();
    nextDay(1);
    expect(visit(1).survey).toBeNull();
    nextDay(1);
    expect(visit(1).survey).not.toBeNull();
  });

  it('falls back to a week when the setting is invalid', () => {
    setSetting(kiosk.db, 'surveys', { surveyIntervalDays: 'often' });
    expect(visit(1).survey).not.toBeNull();
    nextDay(6);
    expect(visit(1).survey).toBeNull();
  });

  it('rotates the kind through the kinds of the day, least recently asked first', () => {
    surveys().kindsFor = () => ['rehabilitation', 'culture_sports'];
    setSetting(kiosk.db, 'surveys', { surveyIntervalDays: 1 });
    expect(visit(1).survey?.about).toBe('rehabilitation');
    nextDay();
    expect(visit(1).survey?.about).toBe('culture_sports');
    nextDay();
    expect(visit(1).survey?.about).toBe('rehabilitation');
  });

  it('takes one answer per ask and refuses an answer nobody was asked for', () => {
    kiosk.clock.ms = Date.parse('2027-02-03T09:00:00+08:00'); // after the demo fixtures' months
    expect(codeOf(() => surveys().answer('mem_demo_02', { questionId: SATISFACTION_QUESTION, score: 4 }))).toBe('not_asked');
    visit(2);
    expect(codeOf(() => surveys().answer('mem_demo_02', { questionId: 'other.v9', score: 4 }))).toBe('not_asked');
    surveys().answer('mem_demo_02', { questionId: SATISFACTION_QUESTION, score: 4 });
    expect(codeOf(() => surveys().answer('mem_demo_02', { questionId: SATISFACTION_QUESTION, score: 5 }))).toBe('not_asked');
    expect(surveys().month('2027-02').kinds).toEqual([{ about: null, asked: 1, answers: 1, average: 4, distribution: [0, 0, 0, 1, 0] }]);
  });

  it('stores an anonymous answer with no link to the member and no time of day', () => {
    visit(3);
    surveys().answer('mem_demo_03', { questionId: SATISFACTION_QUESTION, score: 2 });
    const answers = kiosk.db.prepare("SELECT * FROM survey_answers WHERE id NOT LIKE 'ans_demo_%'").all() as Record<string, unknown>[];
    expect(answers).toEqual([{ id: expect.any(String), question_id: SATISFACTION_QUESTION, about: null, score: 2, member_id: null, answered_on: '2026-12-03' }]);
    const asks = kiosk.db.prepare("SELECT * FROM survey_asks WHERE id NOT LIKE 'ask_demo_%'").all() as Record<string, unknown>[];
    expect(Object.keys(asks[0]!).sort()).toEqual(['about', 'asked_on', 'id', 'member_id', 'question_id']);
    // ids are random, not time-ordered (a v7 id would carry the time of the answer)
    expect(answers[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(JSON.stringify(answers)).not.toContain('mem_demo_03');
    // no event yet: it would sit next to the member's check-out in the log
    expect(storedEvents(kiosk).filter((e) => e.type === 'survey.answered')).toEqual([]);
  });

  it('appends anonymous answers as one shuffled batch from past days, with the month only', () => {
    for (const slot of [1, 2, 3] as const) {
      visit(slot);
      surveys().answer(`mem_demo_0${slot}`, { questionId: SATISFACTION_QUESTION, score: slot });
    }
    expect(surveys().releaseAnonymous()).toBe(0); // still today
    nextDay();
    expect(surveys().releaseAnonymous()).toBe(ANONYMOUS_BATCH);
    const events = storedEvents(kiosk).filter((e) => e.type === 'survey.answered');
    expect(events).toHaveLength(ANONYMOUS_BATCH);
    for (const e of events) {
      expect(e.data).toEqual({ questionId: SATISFACTION_QUESTION, about: null, score: expect.any(Number), memberId: null, month: '2026-12' });
    }
    expect(surveys().releaseAnonymous()).toBe(0); // each answer once
  });

  it('keeps fewer than a batch of anonymous answers waiting', () => {
    visit(1);
    surveys().answer('mem_demo_01', { questionId: SATISFACTION_QUESTION, score: 5 });
    nextDay(3);
    expect(surveys().releaseAnonymous()).toBe(0);
  });

  it('names the member at once when they choose to give their name', () => {
    visit(4);
    surveys().answer('mem_demo_04', { questionId: SATISFACTION_QUESTION, score: 5, named: true });
    const [event] = storedEvents(kiosk).filter((e) => e.type === 'survey.answered');
    expect(event!.data).toEqual({ questionId: SATISFACTION_QUESTION, about: null, score: 5, memberId: 'mem_demo_04', date: '2026-12-03' });
  });

  it('does not ask on a repeated check-out screen', () => {
    visit(5);
    kiosk.clock.advance(10_000);
    const repeat = expectKind(touch(kiosk, 5), 'checked_out');
    expect(repeat.repeat).toBe(true);
    expect(repeat.survey).toBeNull();
  });
});
