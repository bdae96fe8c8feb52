-- 0004_sessions: activity sessions (issue 5). Everything is append-only; current state = latest rows.
-- A session is a series (one-off or weekly); one date of it is an occurrence, keyed (session_id, date)
-- by its scheduled date even when moved. Times are local HH:MM in the centre's time zone.

CREATE TABLE activity_sessions (
  id          TEXT PRIMARY KEY,
  created_at  INTEGER NOT NULL,
  created_by  TEXT REFERENCES staff(id)
);

-- Each create or edit appends a version. A version defines the scheduled dates from effective_from on
-- (a create: its first date; an edit: today or later), until a later-recorded version takes effect: the
-- version of a date is the highest id with effective_from <= date, so past dates keep what they had.
CREATE TABLE activity_session_versions (
  id             INTEGER PRIMARY KEY,
  session_id     TEXT NOT NULL REFERENCES activity_sessions(id),
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('day_care', 'assisted_employment', 'skills_training', 'rehabilitation', 'culture_sports', 'other')),
  room           TEXT,
  lead_staff_id  TEXT REFERENCES staff(id),
  capacity       INTEGER CHECK (capacity IS NULL OR capacity > 0),
  first_date     TEXT NOT NULL,
  start_time     TEXT NOT NULL,
  end_time       TEXT NOT NULL,
  repeat         TEXT NOT NULL CHECK (repeat IN ('none', 'weekly')),
  until_date     TEXT,
  effective_from TEXT NOT NULL,
  staff_id       TEXT REFERENCES staff(id),
  recorded_at    INTEGER NOT NULL,
  event_id       TEXT NOT NULL,
  CHECK (start_time < end_time),
  CHECK (until_date IS NULL OR until_date >= first_date)
);
CREATE INDEX activity_session_versions_session ON activity_session_versions (session_id, id);

-- Whole-series cancellation from a date on (the latest row wins).
CREATE TABLE activity_session_cancellations (
  id           INTEGER PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES activity_sessions(id),
  from_date    TEXT NOT NULL,
  reason       TEXT NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX activity_session_cancellations_session ON activity_session_cancellations (session_id, id);

-- One date cancelled or moved; the latest row per (session_id, date) wins.
CREATE TABLE activity_session_exceptions (
  id           INTEGER PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES activity_sessions(id),
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('cancelled', 'moved')),
  to_date      TEXT,
  start_time   TEXT,
  end_time     TEXT,
  reason       TEXT NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL,
  CHECK (kind = 'cancelled' OR (to_date IS NOT NULL AND start_time < end_time))
);
CREATE INDEX activity_session_exceptions_key ON activity_session_exceptions (session_id, date, id);
CREATE INDEX activity_session_exceptions_date ON activity_session_exceptions (date);
CREATE INDEX activity_session_exceptions_to_date ON activity_session_exceptions (to_date) WHERE to_date IS NOT NULL;

-- Sign-up transitions of one member on one occurrence; the latest row per member is their state.
-- Waiting-list order is the id of the row that put them on it (FIFO).
CREATE TABLE activity_signups (
  id           INTEGER PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES activity_sessions(id),
  date         TEXT NOT NULL,
  member_id    TEXT NOT NULL REFERENCES members(id),
  action       TEXT NOT NULL CHECK (action IN ('signed_up', 'waiting', 'cancelled', 'promoted')),
  via          TEXT NOT NULL CHECK (via IN ('kiosk', 'staff')),
  staff_id     TEXT REFERENCES staff(id),
  at           INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX activity_signups_key ON activity_signups (session_id, date, member_id, id);
-- Covering for the planner's "latest state of every sign-up in these seven days" (rowid is the id).
CREATE INDEX activity_signups_date ON activity_signups (date, session_id, member_id, action);
CREATE INDEX activity_signups_member ON activity_signups (member_id, date);

-- Attendance marks at an occurrence; the latest row per member wins.
CREATE TABLE activity_attendance (
  id           INTEGER PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES activity_sessions(id),
  date         TEXT NOT NULL,
  member_id    TEXT NOT NULL REFERENCES members(id),
  status       TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX activity_attendance_key ON activity_attendance (session_id, date, member_id, id);
-- a member's marks over time (the rehabilitation plan's sessions attended)
CREATE INDEX activity_attendance_member ON activity_attendance (member_id, status);
