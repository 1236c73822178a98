-- Modboard's first schema.
-- Conventions: every aggregate has a globally unique text `id` (ULID) so a shared team
-- workspace can merge stores later; tables that are large or indexed by FTS5 also carry
-- `seq INTEGER PRIMARY KEY`, a stable rowid that external-content FTS and keyset paging
-- rely on (an implicit rowid may be renumbered by VACUUM). Times are Unix milliseconds.
-- Sort keys used by the queues are NOT NULL so row-value keyset comparisons stay total.

CREATE TABLE connections (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('sandbox', 'telegram', 'discourse', 'discord', 'facebook-manual')),
  name          TEXT NOT NULL,
  -- Non-secret settings only (base URL, bot username). Tokens live in the secret vault.
  config        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  state         TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'needs-reauth')),
  state_reason  TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE communities (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  connection_id    TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_id      TEXT NOT NULL,
  parent_id        TEXT REFERENCES communities(id) ON DELETE SET NULL,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('community', 'group', 'announcements', 'forum', 'chat', 'server')),
  -- "parent name / own name", lower-cased: orders a tree so sub-groups follow their community.
  tree_key         TEXT NOT NULL,
  depth            INTEGER NOT NULL DEFAULT 0,
  member_count     INTEGER NOT NULL DEFAULT 0,
  language         TEXT,
  platform_url     TEXT,
  rules_url        TEXT,
  -- User-defined per-community values for announcement placeholders.
  custom_fields    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX communities_parent ON communities(parent_id);
CREATE INDEX communities_tree ON communities(tree_key, seq);

CREATE TABLE community_tags (
  community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  tag           TEXT NOT NULL,
  PRIMARY KEY (community_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX community_tags_tag ON community_tags(tag);

-- A person as the moderator knows them across platforms; members link to it.
CREATE TABLE people (
  id          TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

-- One row per platform identity (a connection's user id), shared by all its communities.
CREATE TABLE members (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  connection_id       TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_id         TEXT NOT NULL,
  person_id           TEXT REFERENCES people(id) ON DELETE SET NULL,
  display_name        TEXT NOT NULL,
  username            TEXT,
  profile_url         TEXT,
  account_created_at  INTEGER,
  first_seen_at       INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX members_person ON members(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE memberships (
  member_id     TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin', 'banned', 'muted', 'left')),
  since         INTEGER,
  PRIMARY KEY (member_id, community_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_community ON memberships(community_id);

CREATE TABLE join_requests (
  seq                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE,
  connection_id          TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_id            TEXT NOT NULL,
  version                TEXT,
  community_id           TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  member_id              TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  -- Denormalised sort and search keys: the queue sorts a million rows by index alone.
  person_name            TEXT NOT NULL,
  person_sort            TEXT NOT NULL,
  community_sort         TEXT NOT NULL,
  account_created_at     INTEGER NOT NULL DEFAULT 0,
  requested_at           INTEGER NOT NULL,
  answers                TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)),
  answers_text           TEXT NOT NULL DEFAULT '',
  first_answer           TEXT NOT NULL DEFAULT '',
  signals                INTEGER NOT NULL DEFAULT 0,
  cluster_key            TEXT,
  status                 TEXT NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'approved', 'declined', 'snoozed', 'handled-elsewhere', 'withdrawn')),
  decision               TEXT CHECK (decision IN ('approve', 'decline', 'decline-ban')),
  decision_reason        TEXT,
  decided_by             TEXT,
  decided_at             INTEGER,
  snoozed_until          INTEGER,
  handled_elsewhere_by   TEXT,
  handled_elsewhere_at   INTEGER,
  sync_state             TEXT NOT NULL DEFAULT 'synced' CHECK (sync_state IN ('synced', 'pending-push', 'failed', 'conflict')),
  sync_error             TEXT,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX join_requests_status_requested ON join_requests(status, requested_at, seq);
CREATE INDEX join_requests_status_person ON join_requests(status, person_sort, seq);
CREATE INDEX join_requests_status_community ON join_requests(status, community_sort, seq);
CREATE INDEX join_requests_status_account ON join_requests(status, account_created_at, seq);
CREATE INDEX join_requests_community ON join_requests(community_id, status);
CREATE INDEX join_requests_member ON join_requests(member_id);
CREATE INDEX join_requests_cluster ON join_requests(cluster_key) WHERE cluster_key IS NOT NULL;

-- Live counts per (queue, community, status), kept by triggers in the same transaction as
-- the rows, so navigation badges and filtered totals never count a million rows.
CREATE TABLE queue_counts (
  queue         TEXT NOT NULL CHECK (queue IN ('join_requests', 'flags')),
  community_id  TEXT NOT NULL,
  status        TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (queue, community_id, status)
) STRICT, WITHOUT ROWID;

CREATE TABLE messages (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  connection_id       TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_id         TEXT NOT NULL,
  community_id        TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  -- Channel, thread or topic: a message's neighbours are the messages of its conversation by time.
  conversation_id     TEXT NOT NULL,
  author_member_id    TEXT REFERENCES members(id) ON DELETE SET NULL,
  author_name         TEXT NOT NULL,
  body                TEXT NOT NULL,
  sent_at             INTEGER NOT NULL,
  reply_to_external   TEXT,
  removed_at          INTEGER,
  created_at          INTEGER NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX messages_conversation ON messages(community_id, conversation_id, sent_at);
CREATE INDEX messages_author ON messages(author_member_id, sent_at);

-- One row per flagged message: reports about the same message merge here.
CREATE TABLE flags (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  message_id         TEXT NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
  community_id       TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  author_sort        TEXT NOT NULL,
  community_sort     TEXT NOT NULL,
  source             TEXT NOT NULL CHECK (source IN ('platform', 'rule')),
  report_count       INTEGER NOT NULL DEFAULT 0,
  reasons            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
  first_reported_at  INTEGER NOT NULL,
  last_reported_at   INTEGER NOT NULL,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'actioned', 'handled-elsewhere')),
  decision           TEXT,
  decision_note      TEXT,
  decided_by         TEXT,
  decided_at         INTEGER,
  handled_elsewhere_by TEXT,
  handled_elsewhere_at INTEGER,
  sync_state         TEXT NOT NULL DEFAULT 'synced' CHECK (sync_state IN ('synced', 'pending-push', 'failed', 'conflict')),
  sync_error         TEXT,
  updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX flags_status_last ON flags(status, last_reported_at, seq);
CREATE INDEX flags_status_count ON flags(status, report_count, seq);
CREATE INDEX flags_status_author ON flags(status, author_sort, seq);
CREATE INDEX flags_status_community ON flags(status, community_sort, seq);
CREATE INDEX flags_community ON flags(community_id, status);

-- Each individual report (from the platform, or raised by one of the console's alert rules).
CREATE TABLE reports (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  connection_id  TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_id    TEXT NOT NULL,
  version        TEXT,
  flag_id        TEXT NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
  message_id     TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  rule_id        TEXT REFERENCES rules(id) ON DELETE SET NULL,
  reporter_name  TEXT,
  reason         TEXT NOT NULL,
  reported_at    INTEGER NOT NULL,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at     INTEGER NOT NULL,
  UNIQUE (connection_id, external_id)
) STRICT;
CREATE INDEX reports_flag ON reports(flag_id);

CREATE TABLE rules (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('join', 'alert')),
  name        TEXT NOT NULL,
  definition  TEXT NOT NULL CHECK (json_valid(definition)),
  mode        TEXT NOT NULL DEFAULT 'suggest' CHECK (mode IN ('off', 'suggest', 'auto')),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- Decisions waiting to reach a platform. Written in the same transaction as the local
-- change they carry; the idempotency key makes a re-send after a crash harmless.
CREATE TABLE outbox (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  connection_id    TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  -- Pushes to the same target (community, or community+person) are sent in seq order.
  target_key       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  subject_type     TEXT NOT NULL,
  subject_id       TEXT NOT NULL,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  idempotency_key  TEXT NOT NULL UNIQUE,
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'in-flight', 'done', 'failed', 'discarded')),
  outcome          TEXT CHECK (outcome IN ('applied', 'already-handled', 'partial')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  not_before       INTEGER NOT NULL,
  last_error_class TEXT,
  last_error       TEXT,
  actor            TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  completed_at     INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox(not_before, seq) WHERE state IN ('queued', 'in-flight');
CREATE INDEX outbox_target ON outbox(connection_id, target_key, seq) WHERE state IN ('queued', 'in-flight', 'failed');
CREATE INDEX outbox_subject ON outbox(subject_type, subject_id);
CREATE INDEX outbox_state_created ON outbox(state, created_at, seq);

CREATE TABLE announcements (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL DEFAULT '',
  -- {"es": "...", "de": "..."}: chosen by a community's language.
  variants      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(variants)),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled')),
  scheduled_at  INTEGER,
  created_by    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX announcements_status ON announcements(status, updated_at);

CREATE TABLE announcement_deliveries (
  id                   TEXT PRIMARY KEY,
  announcement_id      TEXT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
  community_id         TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  rendered_text        TEXT NOT NULL,
  state                TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'edited', 'deleted')),
  external_message_id  TEXT,
  external_url         TEXT,
  error                TEXT,
  outbox_id            TEXT REFERENCES outbox(id) ON DELETE SET NULL,
  updated_at           INTEGER NOT NULL,
  UNIQUE (announcement_id, community_id)
) STRICT;

-- Append-only: the triggers below refuse updates and deletes.
CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  device        TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  before        TEXT CHECK (before IS NULL OR json_valid(before)),
  after         TEXT CHECK (after IS NULL OR json_valid(after)),
  summary       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at, seq);
CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The cursor of each (connection, stream), committed with the items it produced.
CREATE TABLE sync_cursors (
  connection_id     TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  stream            TEXT NOT NULL CHECK (stream IN ('communities', 'join-requests', 'reports')),
  cursor            TEXT,
  items_total       INTEGER NOT NULL DEFAULT 0,
  last_pull_at      INTEGER,
  last_complete_at  INTEGER,
  last_error        TEXT,
  PRIMARY KEY (connection_id, stream)
) STRICT, WITHOUT ROWID;

CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  table_key   TEXT NOT NULL,
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL DEFAULT 0,
  definition  TEXT NOT NULL CHECK (json_valid(definition)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (table_key, name)
) STRICT;

-- Full-text search over names, screening answers and message text (external content:
-- the triggers keep the index in step with its table inside the same transaction).
CREATE VIRTUAL TABLE join_requests_fts USING fts5(
  person_name, answers_text, content = 'join_requests', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER join_requests_fts_insert AFTER INSERT ON join_requests BEGIN
  INSERT INTO join_requests_fts(rowid, person_name, answers_text) VALUES (new.seq, new.person_name, new.answers_text);
END;
CREATE TRIGGER join_requests_fts_delete AFTER DELETE ON join_requests BEGIN
  INSERT INTO join_requests_fts(join_requests_fts, rowid, person_name, answers_text)
  VALUES ('delete', old.seq, old.person_name, old.answers_text);
END;
CREATE TRIGGER join_requests_fts_update AFTER UPDATE OF person_name, answers_text ON join_requests BEGIN
  INSERT INTO join_requests_fts(join_requests_fts, rowid, person_name, answers_text)
  VALUES ('delete', old.seq, old.person_name, old.answers_text);
  INSERT INTO join_requests_fts(rowid, person_name, answers_text) VALUES (new.seq, new.person_name, new.answers_text);
END;

CREATE VIRTUAL TABLE messages_fts USING fts5(
  author_name, body, content = 'messages', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, author_name, body) VALUES (new.seq, new.author_name, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, author_name, body) VALUES ('delete', old.seq, old.author_name, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF author_name, body ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, author_name, body) VALUES ('delete', old.seq, old.author_name, old.body);
  INSERT INTO messages_fts(rowid, author_name, body) VALUES (new.seq, new.author_name, new.body);
END;

CREATE VIRTUAL TABLE members_fts USING fts5(
  display_name, username, content = 'members', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
  INSERT INTO members_fts(rowid, display_name, username) VALUES (new.seq, new.display_name, new.username);
END;
CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
  INSERT INTO members_fts(members_fts, rowid, display_name, username) VALUES ('delete', old.seq, old.display_name, old.username);
END;
CREATE TRIGGER members_fts_update AFTER UPDATE OF display_name, username ON members BEGIN
  INSERT INTO members_fts(members_fts, rowid, display_name, username) VALUES ('delete', old.seq, old.display_name, old.username);
  INSERT INTO members_fts(rowid, display_name, username) VALUES (new.seq, new.display_name, new.username);
END;

CREATE TRIGGER join_requests_count_insert AFTER INSERT ON join_requests BEGIN
  INSERT INTO queue_counts VALUES ('join_requests', new.community_id, new.status, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER join_requests_count_delete AFTER DELETE ON join_requests BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE queue = 'join_requests' AND community_id = old.community_id AND status = old.status;
END;
CREATE TRIGGER join_requests_count_update AFTER UPDATE OF status, community_id ON join_requests
WHEN old.status IS NOT new.status OR old.community_id IS NOT new.community_id BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE queue = 'join_requests' AND community_id = old.community_id AND status = old.status;
  INSERT INTO queue_counts VALUES ('join_requests', new.community_id, new.status, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER flags_count_insert AFTER INSERT ON flags BEGIN
  INSERT INTO queue_counts VALUES ('flags', new.community_id, new.status, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER flags_count_delete AFTER DELETE ON flags BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE queue = 'flags' AND community_id = old.community_id AND status = old.status;
END;
CREATE TRIGGER flags_count_update AFTER UPDATE OF status, community_id ON flags
WHEN old.status IS NOT new.status OR old.community_id IS NOT new.community_id BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE queue = 'flags' AND community_id = old.community_id AND status = old.status;
  INSERT INTO queue_counts VALUES ('flags', new.community_id, new.status, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
