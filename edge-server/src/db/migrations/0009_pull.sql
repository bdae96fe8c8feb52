-- Pulling reference data (upstream-protocol.md §4). A stream's cursor is written in the same transaction
-- as the page it came with, so a crash between pages resumes after the last applied page.
CREATE TABLE sync_cursors (
  stream     TEXT PRIMARY KEY,
  cursor     TEXT NOT NULL,
  pulled_at  INTEGER NOT NULL
);

-- Which records of a stream came from the platform, at which version: a version already applied is
-- skipped, and a `reset` knows which rows are the platform's (a member registered on this kiosk and
-- not served yet is not).
CREATE TABLE sync_records (
  stream   TEXT NOT NULL,
  id       TEXT NOT NULL,
  version  INTEGER NOT NULL,
  PRIMARY KEY (stream, id)
);
