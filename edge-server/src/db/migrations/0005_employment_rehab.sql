-- 0005_employment_rehab: assisted employment (tasks, pay rule versions, work logs, voids) and
-- rehabilitation plans (plan versions, goals, outcome notes, ratings). Every table is append-only:
-- the state in force is derived from the latest rows.

CREATE TABLE employment_tasks (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  staff_id    TEXT REFERENCES staff(id),
  created_at  INTEGER NOT NULL
);

-- A new version applies from its effective date; for the same date, the later recorded one wins.
CREATE TABLE employment_pay_rules (
  id              TEXT PRIMARY KEY,
  task_id         TEXT NOT NULL REFERENCES employment_tasks(id),
  basis           TEXT NOT NULL CHECK (basis IN ('per_piece', 'per_hour')),
  rate_cents      INTEGER NOT NULL CHECK (rate_cents >= 0),
  effective_from  TEXT NOT NULL,
  staff_id        TEXT REFERENCES staff(id),
  recorded_at     INTEGER NOT NULL
);
CREATE INDEX employment_pay_rules_task ON employment_pay_rules (task_id, effective_from, recorded_at);

-- pay_cents is fixed when logged, from the rule (rule_id) in force on work_date.
CREATE TABLE employment_work_logs (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  task_id      TEXT NOT NULL REFERENCES employment_tasks(id),
  rule_id      TEXT NOT NULL REFERENCES employment_pay_rules(id),
  work_date    TEXT NOT NULL,
  minutes      INTEGER NOT NULL CHECK (minutes >= 0),
  pieces       INTEGER NOT NULL CHECK (pieces >= 0),
  pay_cents    INTEGER NOT NULL CHECK (pay_cents >= 0),
  staff_id     TEXT REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX employment_work_logs_date ON employment_work_logs (work_date);

CREATE TABLE employment_work_voids (
  id           TEXT PRIMARY KEY,
  work_log_id  TEXT NOT NULL UNIQUE REFERENCES employment_work_logs(id),
  reason       TEXT NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);

-- One row per version of a member's plan; the highest version is in force.
CREATE TABLE rehab_plans (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL,
  UNIQUE (member_id, version)
);

-- goal_id is kept across versions, so a goal's ratings continue when the plan is reviewed.
CREATE TABLE rehab_goals (
  plan_id      TEXT NOT NULL REFERENCES rehab_plans(id),
  goal_id      TEXT NOT NULL,
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  target_date  TEXT,
  PRIMARY KEY (plan_id, goal_id)
);

-- session_id is plain text: the sessions tables belong to another part (no foreign key).
CREATE TABLE rehab_notes (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  plan_id      TEXT NOT NULL REFERENCES rehab_plans(id),
  session_id   TEXT,
  note_date    TEXT NOT NULL,
  note         TEXT NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX rehab_notes_member ON rehab_notes (member_id, note_date);

CREATE TABLE rehab_ratings (
  note_id  TEXT NOT NULL REFERENCES rehab_notes(id),
  goal_id  TEXT NOT NULL,
  rating   INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (note_id, goal_id)
);
