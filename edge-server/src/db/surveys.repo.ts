import type { ActivityKind } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** That a member was asked, on which day, about what: no time of day (see 0006's comments). */
export interface SurveyAsk {
  id: string;
  memberId: string;
  questionId: string;
  about: ActivityKind | null;
  askedOn: string;
}

/** A stored answer; `memberId` only when the member gave their name. */
export interface SurveyAnswer {
  id: string;
  questionId: string;
  about: ActivityKind | null;
  score: number;
  memberId: string | null;
  answeredOn: string;
}

const sql = statements({
  insertAsk: `INSERT INTO survey_asks (id, member_id, question_id, about, asked_on) VALUES (@id, @memberId, @questionId, @about, @askedOn)`,
  memberAsks: `SELECT id, member_id AS memberId, question_id AS questionId, about, asked_on AS askedOn
               FROM survey_asks WHERE member_id = ? ORDER BY asked_on DESC`,
  openAsk: `SELECT a.id, a.member_id AS memberId, a.question_id AS questionId, a.about, a.asked_on AS askedOn
            FROM survey_asks a LEFT JOIN survey_ask_closures c ON c.ask_id = a.id
            WHERE a.member_id = ? AND a.question_id = ? AND a.asked_on = ? AND c.ask_id IS NULL`,
  closeAsk: `INSERT INTO survey_ask_closures (ask_id) VALUES (?)`,
  insertAnswer: `INSERT INTO survey_answers (id, question_id, about, score, member_id, answered_on)
                 VALUES (@id, @questionId, @about, @score, @memberId, @answeredOn)`,
  answerEvent: `INSERT INTO survey_answer_events (answer_id, event_id) VALUES (?, ?)`,
  unreleased: `SELECT a.id, a.question_id AS questionId, a.about, a.score, a.member_id AS memberId, a.answered_on AS answeredOn
               FROM survey_answers a LEFT JOIN survey_answer_events e ON e.answer_id = a.id
               WHERE e.answer_id IS NULL AND a.answered_on < ?`,
  answersBetween: `SELECT about, score, COUNT(*) AS n FROM survey_answers WHERE answered_on BETWEEN ? AND ? GROUP BY about, score`,
  asksBetween: `SELECT about, COUNT(*) AS n FROM survey_asks WHERE asked_on BETWEEN ? AND ? GROUP BY about`,
});

export function insertAsk(db: Db, ask: SurveyAsk): void {
  sql(db).insertAsk.run(ask);
}

/** The member's asks, latest day first. */
export function listMemberAsks(db: Db, memberId: string): SurveyAsk[] {
  return sql(db).memberAsks.all(memberId) as SurveyAsk[];
}

/** The member's ask of `questionId` on `day` that has not been answered or skipped yet. */
export function findOpenAsk(db: Db, memberId: string, questionId: string, day: string): SurveyAsk | undefined {
  return sql(db).openAsk.get(memberId, questionId, day) as SurveyAsk | undefined;
}

export function closeAsk(db: Db, askId: string): void {
  sql(db).closeAsk.run(askId);
}

export function insertAnswer(db: Db, answer: SurveyAnswer): void {
  sql(db).insertAnswer.run(answer);
}

export function recordAnswerEvent(db: Db, answerId: string, eventId: string): void {
  sql(db).answerEvent.run(answerId, eventId);
}

/** Answers from days before `day` whose event has not been appended yet (in the table's key order: random). */
export function listUnreleasedAnswers(db: Db, day: string): SurveyAnswer[] {
  return sql(db).unreleased.all(day) as SurveyAnswer[];
}

export function countAnswersBetween(db: Db, from: string, to: string): { about: ActivityKind | null; score: number; n: number }[] {
  return sql(db).answersBetween.all(from, to) as { about: ActivityKind | null; score: number; n: number }[];
}

export function countAsksBetween(db: Db, from: string, to: string): { about: ActivityKind | null; n: number }[] {
  return sql(db).asksBetween.all(from, to) as { about: ActivityKind | null; n: number }[];
}
