import { randomUUID } from 'node:crypto';
import type { ActivityKind, SatisfactionMonth, SurveyAnswerRequest, SurveyPrompt } from '../../api-types.js';
import { localDate } from '../../clock.js';
import {
  closeAsk, countAnswersBetween, countAsksBetween, findOpenAsk, insertAnswer, insertAsk, listMemberAsks, listUnreleasedAnswers,
  recordAnswerEvent, type SurveyAnswer,
} from '../../db/surveys.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { monthRange } from '../volunteers/local-time.js';
import { summariseSatisfaction } from './report.js';
import { chooseKind, isDue } from './rules.js';
import { loadSurveySettings } from './settings.js';

/** The one satisfaction question: "今天的活动您满意吗？" (about a service kind, or the centre). */
export const SATISFACTION_QUESTION = 'satisfaction.v1';

/** The service kinds a member could be asked about today (the sessions they had). */
export type SurveyKindsProvider = (memberId: string, date: string) => ActivityKind[];

/**
 * Anonymous answers get their `survey.answered` events only once at least this many wait, and only
 * from days already over, in random order: the event log is ordered and timed, and an event right
 * after a member's check-out would name them.
 */
export const ANONYMOUS_BATCH = 3;

/**
 * Member satisfaction: whether a member is due the question at check-out, the answer or skip, the
 * monthly report. Anonymous by default. What keeps an anonymous answer from being linked back:
 * - asking and answering are separate tables; the ask says who and which day, the answer says what
 *   and which day, and nothing joins them (random v4 ids, WITHOUT ROWID so no insertion order);
 * - no time of day is stored with either;
 * - the upstream event of an anonymous answer carries the month, not the day, and is appended later
 *   in a shuffled batch (see `ANONYMOUS_BATCH`), so neither its time nor its place in the log sits
 *   next to the member's check-out.
 * What remains: on a day when only one member was asked, that day's answer in the local database is
 * theirs. The staff report shows months, and upstream sees months.
 */
export class SurveyService {
  /** Today's candidate kinds; the composition root sets it once the sessions service exists (default: none). */
  kindsFor: SurveyKindsProvider;

  constructor(private readonly ctx: DomainContext, kindsFor: SurveyKindsProvider = () => []) {
    this.kindsFor = kindsFor;
  }

  /**
   * `surveyFor` as the check-out screen calls it, after the check-out is written: a failure here must
   * not turn a recorded check-out into an error, so it is logged and the member is simply not asked.
   */
  surveyForCheckout(memberId: string, date: string): SurveyPrompt | null {
    try {
      return this.surveyFor(memberId, date);
    } catch (err) {
      console.error(`the satisfaction question was not offered at check-out: ${(err as Error).message}`);
      return null;
    }
  }

  /** The question, when the member is due one; issuing it records the ask (so a skip counts as asked). */
  surveyFor(memberId: string, date: string): SurveyPrompt | null {
    this.releaseAnonymous();
    const { surveyIntervalDays } = loadSurveySettings(this.ctx.db);
    return this.ctx.db.transaction(() => {
      const asks = listMemberAsks(this.ctx.db, memberId);
      if (!isDue(asks, date, surveyIntervalDays)) return null;
      const about = chooseKind(this.kindsFor(memberId, date), asks);
      insertAsk(this.ctx.db, { id: randomUUID(), memberId, questionId: SATISFACTION_QUESTION, about, askedOn: date });
      return { questionId: SATISFACTION_QUESTION, about };
    }).immediate();
  }

  /** The member answered (score) or skipped (null) the question they were asked today. */
  answer(memberId: string, input: SurveyAnswerRequest): void {
    const day = this.today();
    this.ctx.log.write((append) => {
      const ask = findOpenAsk(this.ctx.db, memberId, input.questionId, day);
      if (!ask) throw new DomainError('conflict', 'not_asked', 'No question is waiting for this member today (answered, skipped, or never asked)');
      closeAsk(this.ctx.db, ask.id);
      if (input.score === null) return;
      const answer: SurveyAnswer = {
        id: randomUUID(), questionId: ask.questionId, about: ask.about, score: input.score,
        memberId: input.named ? memberId : null, answeredOn: day,
      };
      insertAnswer(this.ctx.db, answer);
      // A named answer has nothing to hide: its event goes now. Anonymous ones wait for a batch.
      if (answer.memberId !== null) this.appendAnswered(append, answer);
    });
  }

  month(month: string): SatisfactionMonth {
    const range = monthRange(month);
    if (!range) throw new DomainError('invalid', 'invalid_month', 'A month is YYYY-MM, e.g. 2026-12');
    const answers = countAnswersBetween(this.ctx.db, range.from, range.to);
    const asks = countAsksBetween(this.ctx.db, range.from, range.to);
    return { month, kinds: summariseSatisfaction(answers, asks) };
  }

  /** Appends the events of anonymous answers from past days once a batch is full; returns how many. */
  releaseAnonymous(): number {
    // read first: the check-out path should not open a write transaction for nothing
    if (listUnreleasedAnswers(this.ctx.db, this.today()).length < ANONYMOUS_BATCH) return 0;
    return this.ctx.log.write((append) => {
      const waiting = listUnreleasedAnswers(this.ctx.db, this.today());
      if (waiting.length < ANONYMOUS_BATCH) return 0;
      for (const answer of shuffled(waiting)) this.appendAnswered(append, answer);
      return waiting.length;
    });
  }

  private appendAnswered(append: AppendEvent, answer: SurveyAnswer): void {
    const named = answer.memberId !== null;
    const event = append('survey.answered', {
      questionId: answer.questionId, about: answer.about, score: answer.score, memberId: answer.memberId,
      // anonymous: the month only (see the class comment)
      ...(named ? { date: answer.answeredOn } : { month: answer.answeredOn.slice(0, 7) }),
    });
    recordAnswerEvent(this.ctx.db, answer.id, event.id);
  }

  private today(): string {
    return localDate(this.ctx.clock.now(), this.ctx.timeZone());
  }
}

/** The table's key order is already random (v4 ids); shuffling again does not rely on that. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
