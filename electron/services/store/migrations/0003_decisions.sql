-- Decisions on join requests: who decided what as one action (for undo and the Recent
-- actions drawer), the reason library, and notes about people.

CREATE TABLE moderation_actions (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  queue        TEXT NOT NULL CHECK (queue IN ('join_requests', 'flags')),
  decision     TEXT NOT NULL,
  reason       TEXT,
  summary      TEXT NOT NULL,
  count        INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  device       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  -- Pushes wait until then, so `u` can take the action back before anything leaves.
  grace_until  INTEGER NOT NULL,
  undone_at    INTEGER
) STRICT;
CREATE INDEX moderation_actions_recent ON moderation_actions(created_at);

-- The action that last decided a row, the row's status before it (what undo restores),
-- and a revision that makes every re-decision's idempotency key new.
ALTER TABLE join_requests ADD COLUMN last_action_id TEXT;
ALTER TABLE join_requests ADD COLUMN previous_status TEXT;
ALTER TABLE join_requests ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE INDEX join_requests_action ON join_requests(last_action_id) WHERE last_action_id IS NOT NULL;
CREATE INDEX join_requests_snoozed ON join_requests(snoozed_until) WHERE status = 'snoozed';

CREATE TABLE decision_reasons (
  id          TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER
) STRICT;
INSERT INTO decision_reasons (id, position, label, text, created_at, updated_at) VALUES
  ('01JREASON0000000000000001', 1, 'No answers', 'You did not answer the membership questions.', 0, 0),
  ('01JREASON0000000000000002', 2, 'Spam', 'Your request looks like spam or advertising.', 0, 0),
  ('01JREASON0000000000000003', 3, 'New account', 'Your account is too new to join this group.', 0, 0),
  ('01JREASON0000000000000004', 4, 'Not a fit', 'This group is not the right fit for your request.', 0, 0),
  ('01JREASON0000000000000005', 5, 'Fake profile', 'Your profile appears not to be genuine.', 0, 0),
  ('01JREASON0000000000000006', 6, 'Rules', 'You did not agree to the group rules.', 0, 0);

CREATE TABLE notes (
  id          TEXT PRIMARY KEY,
  member_id   TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  actor       TEXT NOT NULL,
  device      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX notes_member ON notes(member_id, created_at);
