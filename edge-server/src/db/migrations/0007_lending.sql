-- 0007_lending: assistive device and rehab equipment lending (辅具借用, issue 6).
-- Every table is append-only: the state in force is derived from the latest rows. An item's state is a
-- chain of snapshots numbered 1, 2, 3 … per item; UNIQUE (item_id, seq) means two writers that both read
-- state N can never both write N+1, so the same item can never be lent twice even if the IMMEDIATE
-- transaction that normally serialises them were ever bypassed.

-- A catalogue entry (e.g. 手动轮椅 standard wheelchair). Its fields are versions: the latest version is
-- in force. Checklists are lists of keys from the fixed vocabulary in domain/lending/checklists.ts, so
-- every check has its words in the UI catalogue (zh-CN, en).
CREATE TABLE lending_catalogue (
  id          TEXT PRIMARY KEY,
  created_at  INTEGER NOT NULL
);

CREATE TABLE lending_catalogue_versions (
  id                   TEXT PRIMARY KEY,
  catalogue_id         TEXT NOT NULL REFERENCES lending_catalogue(id),
  version              INTEGER NOT NULL CHECK (version >= 1),
  name                 TEXT NOT NULL,
  category             TEXT NOT NULL CHECK (category IN
                         ('wheelchair', 'walker', 'crutches', 'commode', 'hearing_aid', 'magnifier', 'rehab_equipment', 'other')),
  photo_path           TEXT,
  eligible_disability  TEXT NOT NULL DEFAULT '[]',   -- JSON array of 视力 听力 言语 肢体 智力 精神 多重; [] = anyone
  eligible_grades      TEXT NOT NULL DEFAULT '[]',   -- JSON array of 1–4; [] = any grade
  assessment_required  INTEGER NOT NULL CHECK (assessment_required IN (0, 1)),
  loan_days            INTEGER NOT NULL CHECK (loan_days BETWEEN 1 AND 366),
  buffer_days          INTEGER NOT NULL CHECK (buffer_days BETWEEN 0 AND 30),
  service_life_years   INTEGER NOT NULL CHECK (service_life_years BETWEEN 1 AND 50),
  checkout_checklist   TEXT NOT NULL,                -- JSON array of check keys (also used at return)
  cleaning_checklist   TEXT NOT NULL,                -- JSON array of cleaning step keys
  retired              INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  staff_id             TEXT REFERENCES staff(id),
  recorded_at          INTEGER NOT NULL,
  event_id             TEXT,                         -- NULL for demo fixtures and imports that predate the log
  UNIQUE (catalogue_id, version)
);

-- One physical device. tag_code is what the QR label carries and a keyboard-wedge scanner types.
CREATE TABLE lending_items (
  id            TEXT PRIMARY KEY,
  tag_code      TEXT NOT NULL UNIQUE,
  serial        TEXT,
  catalogue_id  TEXT NOT NULL REFERENCES lending_catalogue(id),
  acquired_on   TEXT,                               -- YYYY-MM-DD; with the entry's service life it flags worn-out items
  staff_id      TEXT REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  event_id      TEXT
);

-- The item's state as a chain: status, condition, location and next service date after each change.
CREATE TABLE lending_item_states (
  id               TEXT PRIMARY KEY,
  item_id          TEXT NOT NULL REFERENCES lending_items(id),
  seq              INTEGER NOT NULL CHECK (seq >= 1),
  status           TEXT NOT NULL CHECK (status IN ('available', 'on_loan', 'reserved', 'cleaning', 'maintenance', 'retired')),
  condition        TEXT NOT NULL CHECK (condition IN ('new', 'good', 'fair', 'worn', 'damaged')),
  location         TEXT,
  next_service_on  TEXT,
  reason           TEXT NOT NULL,                   -- checked_out, returned, cleaned, maintenance, registered, … or staff's words
  loan_id          TEXT,
  staff_id         TEXT REFERENCES staff(id),
  recorded_at      INTEGER NOT NULL,
  event_id         TEXT,
  UNIQUE (item_id, seq)
);
CREATE INDEX lending_item_states_latest ON lending_item_states (item_id, seq DESC);
CREATE INDEX lending_item_states_status ON lending_item_states (status, item_id);

-- A staff member's record that a member was assessed as suitable for a catalogue entry.
CREATE TABLE lending_assessments (
  id            TEXT PRIMARY KEY,
  member_id     TEXT NOT NULL REFERENCES members(id),
  catalogue_id  TEXT NOT NULL REFERENCES lending_catalogue(id),
  assessed_on   TEXT NOT NULL,
  valid_until   TEXT,                               -- NULL = no end
  note          TEXT,
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  recorded_at   INTEGER NOT NULL,
  event_id      TEXT
);
CREATE INDEX lending_assessments_member ON lending_assessments (member_id, catalogue_id);

CREATE TABLE lending_loans (
  id               TEXT PRIMARY KEY,
  item_id          TEXT NOT NULL REFERENCES lending_items(id),
  member_id        TEXT NOT NULL REFERENCES members(id),
  staff_id         TEXT NOT NULL REFERENCES staff(id),
  checked_out_at   INTEGER NOT NULL,
  due_on           TEXT NOT NULL,                   -- the centre's calendar day the item is due back
  condition_out    TEXT NOT NULL CHECK (condition_out IN ('new', 'good', 'fair', 'worn', 'damaged')),
  checklist_out    TEXT NOT NULL,                   -- JSON {key: true|false}
  ack_method       TEXT NOT NULL CHECK (ack_method IN ('fingerprint', 'card', 'staff_witnessed')),
  ack_by           TEXT NOT NULL CHECK (ack_by IN ('self', 'guardian')),
  guardian_name    TEXT,
  override_codes   TEXT NOT NULL DEFAULT '[]',      -- JSON array of the eligibility refusals staff overrode
  override_reason  TEXT,
  reservation_id   TEXT,
  event_id         TEXT
);
CREATE INDEX lending_loans_member ON lending_loans (member_id, checked_out_at);
CREATE INDEX lending_loans_item ON lending_loans (item_id, checked_out_at);
CREATE INDEX lending_loans_due ON lending_loans (due_on);

CREATE TABLE lending_loan_renewals (
  id           TEXT PRIMARY KEY,
  loan_id      TEXT NOT NULL REFERENCES lending_loans(id),
  from_due_on  TEXT NOT NULL,
  to_due_on    TEXT NOT NULL,
  reason       TEXT,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT
);
CREATE INDEX lending_loan_renewals_loan ON lending_loan_renewals (loan_id, recorded_at);

-- A loan ends once (UNIQUE loan_id): returned (any condition) or lost.
CREATE TABLE lending_loan_closures (
  id            TEXT PRIMARY KEY,
  loan_id       TEXT NOT NULL UNIQUE REFERENCES lending_loans(id),
  outcome       TEXT NOT NULL CHECK (outcome IN ('returned', 'lost')),
  condition     TEXT CHECK (condition IN ('new', 'good', 'fair', 'worn', 'damaged')),
  checklist     TEXT NOT NULL DEFAULT '{}',         -- JSON {key: true|false}
  damage_notes  TEXT,
  late_days     INTEGER NOT NULL CHECK (late_days >= 0),
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  recorded_at   INTEGER NOT NULL,
  event_id      TEXT
);

-- A completed cleaning checklist: the only way from `cleaning` back to `available` (or to `maintenance`).
CREATE TABLE lending_cleanings (
  id           TEXT PRIMARY KEY,
  item_id      TEXT NOT NULL REFERENCES lending_items(id),
  loan_id      TEXT REFERENCES lending_loans(id),
  checklist    TEXT NOT NULL,                       -- JSON {key: true}
  outcome      TEXT NOT NULL CHECK (outcome IN ('available', 'maintenance', 'reserved')),
  note         TEXT,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT
);
CREATE INDEX lending_cleanings_item ON lending_cleanings (item_id, recorded_at);

CREATE TABLE lending_maintenance (
  id               TEXT PRIMARY KEY,
  item_id          TEXT NOT NULL REFERENCES lending_items(id),
  done_on          TEXT NOT NULL,
  description      TEXT NOT NULL,
  cost_cents       INTEGER NOT NULL CHECK (cost_cents >= 0),
  next_service_on  TEXT,
  staff_id         TEXT NOT NULL REFERENCES staff(id),
  recorded_at      INTEGER NOT NULL,
  event_id         TEXT
);
CREATE INDEX lending_maintenance_item ON lending_maintenance (item_id, done_on);

-- A reservation holds one item, or any item of a catalogue entry (item_id NULL), for [from_on, to_on].
CREATE TABLE lending_reservations (
  id            TEXT PRIMARY KEY,
  member_id     TEXT NOT NULL REFERENCES members(id),
  catalogue_id  TEXT NOT NULL REFERENCES lending_catalogue(id),
  item_id       TEXT REFERENCES lending_items(id),
  from_on       TEXT NOT NULL,
  to_on         TEXT NOT NULL,
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  event_id      TEXT,
  CHECK (to_on >= from_on)
);
CREATE INDEX lending_reservations_catalogue ON lending_reservations (catalogue_id, from_on);
CREATE INDEX lending_reservations_item ON lending_reservations (item_id, from_on);

CREATE TABLE lending_reservation_ends (
  id              TEXT PRIMARY KEY,
  reservation_id  TEXT NOT NULL UNIQUE REFERENCES lending_reservations(id),
  outcome         TEXT NOT NULL CHECK (outcome IN ('cancelled', 'fulfilled', 'expired')),
  loan_id         TEXT REFERENCES lending_loans(id),
  reason          TEXT,
  staff_id        TEXT REFERENCES staff(id),
  recorded_at     INTEGER NOT NULL,
  event_id        TEXT
);

-- Members waiting for any item of a catalogue entry, first come first served.
CREATE TABLE lending_waitlist (
  id            TEXT PRIMARY KEY,
  catalogue_id  TEXT NOT NULL REFERENCES lending_catalogue(id),
  member_id     TEXT NOT NULL REFERENCES members(id),
  note          TEXT,
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  event_id      TEXT
);
CREATE INDEX lending_waitlist_catalogue ON lending_waitlist (catalogue_id, created_at);

CREATE TABLE lending_waitlist_ends (
  id           TEXT PRIMARY KEY,
  waitlist_id  TEXT NOT NULL UNIQUE REFERENCES lending_waitlist(id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('removed', 'lent', 'reserved')),
  reason       TEXT,
  staff_id     TEXT REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT
);

-- Stocktake: staff scan every item present; what was not scanned (and is not on loan) is missing.
CREATE TABLE lending_stocktakes (
  id          TEXT PRIMARY KEY,
  staff_id    TEXT NOT NULL REFERENCES staff(id),
  started_at  INTEGER NOT NULL
);

CREATE TABLE lending_stocktake_scans (
  id            TEXT PRIMARY KEY,
  stocktake_id  TEXT NOT NULL REFERENCES lending_stocktakes(id),
  item_id       TEXT NOT NULL REFERENCES lending_items(id),
  scanned_at    INTEGER NOT NULL,
  UNIQUE (stocktake_id, item_id)
);

CREATE TABLE lending_stocktake_ends (
  id             TEXT PRIMARY KEY,
  stocktake_id   TEXT NOT NULL UNIQUE REFERENCES lending_stocktakes(id),
  missing_count  INTEGER NOT NULL,
  missing        TEXT NOT NULL,                     -- JSON array of item ids
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  recorded_at    INTEGER NOT NULL,
  event_id       TEXT
);

-- The daily overdue check runs once per centre day (the alert is raised once per loan and day late).
CREATE TABLE lending_overdue_runs (
  run_on       TEXT PRIMARY KEY,
  ran_at       INTEGER NOT NULL,
  overdue      INTEGER NOT NULL
);
