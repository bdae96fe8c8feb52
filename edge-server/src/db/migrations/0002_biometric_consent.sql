-- Consent to biometric attendance (PIPL: sensitive personal information needs separate consent).
-- Append-only: giving and withdrawing are rows; the consent in force is the member's latest row for a
-- purpose when that row is 'given'.
CREATE TABLE consents (
  id             TEXT PRIMARY KEY,
  member_id      TEXT NOT NULL REFERENCES members(id),
  purpose        TEXT NOT NULL CHECK (purpose IN ('biometric_attendance', 'photo')),
  action         TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
  given_by       TEXT NOT NULL CHECK (given_by IN ('self', 'guardian')),
  guardian_name  TEXT,
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  reason         TEXT,
  recorded_at    INTEGER NOT NULL,
  event_id       TEXT NOT NULL
);
CREATE INDEX consents_member_purpose ON consents (member_id, purpose, recorded_at);

-- Which consent an enrolment rests on, and why it ended.
ALTER TABLE fingerprint_enrolments ADD COLUMN consent_id TEXT REFERENCES consents(id);
ALTER TABLE fingerprint_enrolments ADD COLUMN removed_reason TEXT;

-- Template deletions the sensor has not confirmed yet (the reader was unplugged when a member withdrew).
-- The enrolment link is already gone, so the slot identifies nobody; the row is deleted once the sensor
-- confirms, and a pending slot is never handed to a new enrolment.
CREATE TABLE sensor_deletions (
  sensor_id     TEXT NOT NULL,
  slot          INTEGER NOT NULL,
  requested_at  INTEGER NOT NULL,
  PRIMARY KEY (sensor_id, slot)
);
