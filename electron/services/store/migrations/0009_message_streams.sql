-- Two more pull streams per connection: `messages` (ordinary messages, for alert rules)
-- and `updates` (a platform's combined update stream, read by one consumer with one
-- cursor: Telegram). SQLite cannot change a CHECK in place, so the table is rebuilt,
-- every row kept.
CREATE TABLE sync_cursors_0009 (
  connection_id     TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  stream            TEXT NOT NULL CHECK (stream IN ('communities', 'join-requests', 'reports', 'messages', 'updates')),
  cursor            TEXT,
  items_total       INTEGER NOT NULL DEFAULT 0,
  last_pull_at      INTEGER,
  last_complete_at  INTEGER,
  last_error        TEXT,
  PRIMARY KEY (connection_id, stream)
) STRICT, WITHOUT ROWID;

INSERT INTO sync_cursors_0009 (connection_id, stream, cursor, items_total, last_pull_at, last_complete_at, last_error)
  SELECT connection_id, stream, cursor, items_total, last_pull_at, last_complete_at, last_error FROM sync_cursors;
DROP TABLE sync_cursors;
ALTER TABLE sync_cursors_0009 RENAME TO sync_cursors;
