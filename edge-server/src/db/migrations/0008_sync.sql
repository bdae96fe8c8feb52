-- Commands from the district platform (upstream-protocol.md §5), remembered by id so that each runs at most
-- once however often the platform serves it, and its result is kept until the platform has it.
CREATE TABLE sync_commands (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  -- NULL while running; a restart mid-run leaves it NULL and the command is reported as interrupted, not rerun
  ok          INTEGER CHECK (ok IN (0, 1)),
  output      TEXT,
  reported_at INTEGER
);

-- Settings of the sync the platform changed (set_intervals); they override the enrolment's.
CREATE TABLE sync_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
