-- Alert lifecycle: `alerts` holds each raise; acknowledging and resolving are appended here, never
-- written over the alert. An alert's state is its latest transition (none = open).
CREATE TABLE alert_transitions (
  id         INTEGER PRIMARY KEY,
  alert_id   TEXT NOT NULL REFERENCES alerts(id),
  action     TEXT NOT NULL CHECK (action IN ('acknowledged', 'resolved')),
  staff_id   TEXT REFERENCES staff(id),
  note       TEXT,
  at         INTEGER NOT NULL,
  event_id   TEXT NOT NULL
);
CREATE INDEX alert_transitions_alert ON alert_transitions (alert_id, id);
CREATE INDEX alerts_raised ON alerts (raised_at);

-- Raw sensor edges, kept for a bounded time only (SD cards wear out); hourly summaries are events.
CREATE TABLE sensor_edges (
  id      INTEGER PRIMARY KEY,
  line    TEXT NOT NULL,
  active  INTEGER NOT NULL CHECK (active IN (0, 1)),
  at      INTEGER NOT NULL
);
CREATE INDEX sensor_edges_at ON sensor_edges (at);

-- Leave slips (请假): a member is excused for a range of days; keeps them off the no-show list.
CREATE TABLE leaves (
  id           TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  from_date    TEXT NOT NULL,
  to_date      TEXT NOT NULL,
  reason       TEXT NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff(id),
  recorded_at  INTEGER NOT NULL,
  event_id     TEXT NOT NULL,
  CHECK (from_date <= to_date)
);
CREATE INDEX leaves_dates ON leaves (from_date, to_date);
