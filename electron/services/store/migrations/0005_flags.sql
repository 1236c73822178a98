-- Flagged conversations: decisions with undo, the removal-reason library, sanctions (the
-- author's standing), evidence snapshots, and what alert rules need on messages.

-- As on join_requests (0003): the action that last decided a flag, its status before
-- (what undo restores), and a revision that makes every re-decision a new intent.
ALTER TABLE flags ADD COLUMN last_action_id TEXT;
ALTER TABLE flags ADD COLUMN previous_status TEXT;
ALTER TABLE flags ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE INDEX flags_action ON flags(last_action_id) WHERE last_action_id IS NOT NULL;

-- The action that resolved a report here, so undo reopens exactly those.
ALTER TABLE reports ADD COLUMN resolved_by_action TEXT;
CREATE INDEX reports_resolved_by_action ON reports(resolved_by_action) WHERE resolved_by_action IS NOT NULL;
-- An alert rule's hit count is the number of reports it raised.
CREATE INDEX reports_rule ON reports(rule_id) WHERE rule_id IS NOT NULL;

-- A fingerprint of the message's normalized text (set by the ingest for texts long enough
-- to mean something), so "the same text in several groups" is one range probe.
ALTER TABLE messages ADD COLUMN text_key TEXT;
CREATE INDEX messages_text_key ON messages(text_key, sent_at) WHERE text_key IS NOT NULL;

-- Warnings sent with a removal: `{{rule}}` is the label, `{{community}}` the community.
CREATE TABLE removal_reasons (
  id          TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER
) STRICT;
INSERT INTO removal_reasons (id, position, label, text, created_at, updated_at) VALUES
  ('01JREMOVAL000000000000001', 1, 'No spam or advertising', 'Your message in {{community}} was removed: it broke the rule “{{rule}}”. Repeated spam leads to a ban.', 0, 0),
  ('01JREMOVAL000000000000002', 2, 'Be respectful', 'Your message in {{community}} was removed: it broke the rule “{{rule}}”. Please keep it civil.', 0, 0),
  ('01JREMOVAL000000000000003', 3, 'No scams or phishing links', 'Your message in {{community}} was removed: it broke the rule “{{rule}}”.', 0, 0),
  ('01JREMOVAL000000000000004', 4, 'Stay on topic', 'Your message in {{community}} was removed: it broke the rule “{{rule}}”. Please read the group rules before posting.', 0, 0),
  ('01JREMOVAL000000000000005', 5, 'No personal information', 'Your message in {{community}} was removed: it broke the rule “{{rule}}”. Never share anyone’s private details.', 0, 0);

-- What this desk did to a person: the author's standing (prior removals, mutes, bans)
-- counts the rows nobody undid. One row per sanction or removed message, with the outbox
-- row that carries it to the platform (undo marks the rows whose push it discarded).
CREATE TABLE member_sanctions (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  action_id     TEXT NOT NULL,
  outbox_id     TEXT NOT NULL,
  member_id     TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  community_id  TEXT REFERENCES communities(id) ON DELETE SET NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('removal', 'mute', 'kick', 'ban')),
  until         INTEGER,
  -- The warning sent with a removal, if any.
  note          TEXT,
  flag_id       TEXT,
  message_id    TEXT,
  created_at    INTEGER NOT NULL,
  undone_at     INTEGER
) STRICT;
CREATE INDEX member_sanctions_member ON member_sanctions(member_id, created_at);
CREATE INDEX member_sanctions_action ON member_sanctions(action_id);

-- What the moderator saw when deciding: the message, its conversation and the reports,
-- as canonical JSON with its sha256. No foreign keys on purpose: the evidence outlives
-- the message, the flag and even the connection. Append-only, like the audit log, which
-- also keeps each hash.
CREATE TABLE flag_evidence (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  flag_id      TEXT NOT NULL,
  action_id    TEXT NOT NULL,
  captured_at  INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  device       TEXT NOT NULL,
  snapshot     TEXT NOT NULL,
  sha256       TEXT NOT NULL
) STRICT;
CREATE INDEX flag_evidence_flag ON flag_evidence(flag_id, captured_at);
CREATE TRIGGER flag_evidence_no_update BEFORE UPDATE ON flag_evidence
BEGIN SELECT RAISE(ABORT, 'flag_evidence is append-only'); END;
CREATE TRIGGER flag_evidence_no_delete BEFORE DELETE ON flag_evidence
BEGIN SELECT RAISE(ABORT, 'flag_evidence is append-only'); END;
