-- 0006_volunteers_surveys: volunteers and partner organisations; the members' satisfaction question.

-- Partner organisations (党建结对单位, schools, companies …). Retiring one is appended, never written
-- over the row: a retired partner keeps its past visits but is no longer offered at the kiosk.
CREATE TABLE partner_orgs (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('party_pairing', 'school', 'company', 'social_org', 'other')),
  staff_id    TEXT NOT NULL REFERENCES staff(id),
  created_at  INTEGER NOT NULL
);
CREATE TABLE partner_retirements (
  partner_id  TEXT PRIMARY KEY REFERENCES partner_orgs(id),
  staff_id    TEXT NOT NULL REFERENCES staff(id),
  reason      TEXT,
  at          INTEGER NOT NULL
);

-- The volunteer roster: staff register a volunteer once (the kiosk has no keyboard, so nobody types
-- a name there); at the kiosk a volunteer chooses their name from their organisation's list.
-- Volunteers have no registry id. `organisation` is the partner's name at registration, '个人', or
-- what staff typed for an organisation that is not a partner. `party_member` is as registered; the
-- latest visit's answer supersedes it (a volunteer confirms or changes it at each sign-in).
CREATE TABLE volunteers (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  partner_id    TEXT REFERENCES partner_orgs(id),
  organisation  TEXT NOT NULL,
  party_member  INTEGER NOT NULL CHECK (party_member IN (0, 1)),
  phone         TEXT,
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  created_at    INTEGER NOT NULL
);
-- Retiring a volunteer is appended: they keep their visits and are no longer offered at the kiosk.
CREATE TABLE volunteer_retirements (
  volunteer_id  TEXT PRIMARY KEY REFERENCES volunteers(id),
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  reason        TEXT,
  at            INTEGER NOT NULL
);

-- A visit carries the name and organisation as they were at sign-in (copied from the roster), so it
-- reads the same after a partner is renamed or retired.
CREATE TABLE volunteer_visits (
  id            TEXT PRIMARY KEY,
  volunteer_id  TEXT NOT NULL REFERENCES volunteers(id),
  name          TEXT NOT NULL,
  partner_id    TEXT REFERENCES partner_orgs(id),
  organisation  TEXT NOT NULL,
  party_member  INTEGER NOT NULL CHECK (party_member IN (0, 1)),
  activity      TEXT NOT NULL,
  local_date    TEXT NOT NULL,
  signed_in_at  INTEGER NOT NULL
);
CREATE INDEX volunteer_visits_date ON volunteer_visits (local_date);
CREATE INDEX volunteer_visits_volunteer ON volunteer_visits (volunteer_id, signed_in_at);
-- One sign-out per visit (the primary key refuses a second). `closed_by = 'closing_time'`: the
-- volunteer never signed out; the visit was closed at the centre's closing time and is flagged.
CREATE TABLE volunteer_signouts (
  visit_id       TEXT PRIMARY KEY REFERENCES volunteer_visits(id),
  signed_out_at  INTEGER NOT NULL,
  minutes        INTEGER NOT NULL CHECK (minutes >= 0),
  closed_by      TEXT NOT NULL CHECK (closed_by IN ('volunteer', 'closing_time')),
  event_id       TEXT NOT NULL
);

-- Satisfaction. Asking and answering are kept apart so that an anonymous answer cannot be linked back
-- to the member: both tables are WITHOUT ROWID with random (v4) keys, so neither the storage order nor
-- an id says when a row was written, and both keep only the local date, never the time of day.
-- A member was asked (the interval and the kind rotation read this; skipping counts as asked).
CREATE TABLE survey_asks (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  question_id  TEXT NOT NULL,
  about        TEXT,
  asked_on     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_asks_member ON survey_asks (member_id, asked_on);
-- The ask was used (answered or skipped — the row does not say which), so it cannot be answered twice.
CREATE TABLE survey_ask_closures (
  ask_id  TEXT PRIMARY KEY REFERENCES survey_asks(id)
) WITHOUT ROWID;
-- Answers: member_id only when the member chose to give their name.
CREATE TABLE survey_answers (
  id           TEXT PRIMARY KEY,
  question_id  TEXT NOT NULL,
  about        TEXT,
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  member_id    TEXT REFERENCES members(id),
  answered_on  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_answers_day ON survey_answers (answered_on);
-- The `survey.answered` event of an answer. Anonymous answers get theirs later, in batches in random
-- order (see domain/surveys): the event log's order would otherwise sit each answer next to the
-- member's check-out.
CREATE TABLE survey_answer_events (
  answer_id  TEXT PRIMARY KEY REFERENCES survey_answers(id),
  event_id   TEXT NOT NULL
) WITHOUT ROWID;
