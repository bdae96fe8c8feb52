-- Foundation schema: registry copies, the append-only attendance log, staff auth, audit, the local event log.
-- Instants are UTC milliseconds (INTEGER); local_date is the facility-local calendar day (YYYY-MM-DD).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL               -- JSON
);

CREATE TABLE members (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  gender              TEXT,
  birth_year          INTEGER,
  disability_category TEXT,         -- 视力 听力 言语 肢体 智力 精神 多重
  disability_grade    INTEGER CHECK (disability_grade BETWEEN 1 AND 4),
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  guardian_contact    TEXT,
  card_number         TEXT UNIQUE,
  photo_path          TEXT,
  profile             TEXT NOT NULL DEFAULT '{}',   -- JSON AccessibilityProfile (kiosk-owned)
  created_at          INTEGER NOT NULL
);

CREATE TABLE staff (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  card_number   TEXT UNIQUE,
  pin_hash      TEXT,               -- scrypt, "salt:hash" hex; never leaves the kiosk
  created_at    INTEGER NOT NULL
);

-- Wrong-PIN lockout state is operational, not a record: it is the one place rows are updated.
CREATE TABLE staff_pin_failures (
  staff_id      TEXT PRIMARY KEY REFERENCES staff(id),
  failures      INTEGER NOT NULL,
  locked_until  INTEGER
);

CREATE TABLE staff_sessions (
  token_hash    TEXT PRIMARY KEY,   -- SHA-256 of the cookie value; the cookie itself is never stored
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  ended_at      INTEGER
);

-- Member/staff <-> (sensor, slot). Templates stay on the sensor; this is all we keep.
CREATE TABLE fingerprint_enrolments (
  id           TEXT PRIMARY KEY,
  sensor_id    TEXT NOT NULL,
  slot         INTEGER NOT NULL,
  person_kind  TEXT NOT NULL CHECK (person_kind IN ('member', 'staff')),
  person_id    TEXT NOT NULL,
  finger       TEXT NOT NULL DEFAULT 'right_index',
  enrolled_at  INTEGER NOT NULL,
  removed_at   INTEGER
);
CREATE UNIQUE INDEX fingerprint_enrolments_live_slot ON fingerprint_enrolments (sensor_id, slot) WHERE removed_at IS NULL;

-- Append-only: a check-in and a check-out are separate rows; corrections live in attendance_corrections.
CREATE TABLE attendance (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  occurred_at  INTEGER NOT NULL,
  local_date   TEXT NOT NULL,
  method       TEXT NOT NULL CHECK (method IN ('fingerprint', 'card', 'photo_confirmed', 'staff_assisted')),
  staff_id     TEXT REFERENCES staff(id),
  note         TEXT,
  event_id     TEXT NOT NULL
);
CREATE INDEX attendance_member_day ON attendance (member_id, local_date, occurred_at);
CREATE INDEX attendance_day ON attendance (local_date);

CREATE TABLE attendance_corrections (
  id             TEXT PRIMARY KEY,
  attendance_id  TEXT NOT NULL REFERENCES attendance(id),
  field          TEXT NOT NULL CHECK (field IN ('occurredAt', 'voided')),
  from_value     TEXT,
  to_value       TEXT NOT NULL,
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  reason         TEXT NOT NULL,
  recorded_at    INTEGER NOT NULL,
  event_id       TEXT NOT NULL
);
CREATE INDEX attendance_corrections_target ON attendance_corrections (attendance_id, recorded_at);

CREATE TABLE staff_attendance (
  id           TEXT PRIMARY KEY,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  occurred_at  INTEGER NOT NULL,
  local_date   TEXT NOT NULL,
  method       TEXT NOT NULL,
  event_id     TEXT NOT NULL
);
CREATE INDEX staff_attendance_staff_day ON staff_attendance (staff_id, local_date, occurred_at);

CREATE TABLE alerts (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  raised_at   INTEGER NOT NULL,
  detail      TEXT NOT NULL DEFAULT '{}',
  event_id    TEXT NOT NULL
);

-- Every staff and technician action.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('staff', 'technician', 'system', 'kiosk')),
  actor_id    TEXT,
  action      TEXT NOT NULL,
  target      TEXT,
  detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

-- The local event log of upstream-protocol.md §3. seq is the rowid: assigned inside the writing
-- transaction, never reused and, since rows are never deleted, gap-free.
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,         -- ISO 8601 with the facility's offset, exactly as sent upstream
  recorded_ms  INTEGER NOT NULL,
  clock        TEXT NOT NULL,         -- JSON { synced, bootId, uptimeMs }
  data         TEXT NOT NULL          -- JSON
);

-- Upstream delivery state, kept apart from the log so the log itself is never updated.
CREATE TABLE event_delivery (
  seq      INTEGER PRIMARY KEY REFERENCES events(seq),
  status   TEXT NOT NULL CHECK (status IN ('acknowledged', 'rejected')),
  reason   TEXT,
  at       INTEGER NOT NULL
);
