-- Join-request rules with versions and a backtest, and clusters as bursts of near-identical requests.

-- `rules` (0001) is a rule's identity and switch: mode 'auto' is enabled, 'off' paused. Its
-- `definition` mirrors the current version; every save appends to rule_versions.
ALTER TABLE rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE rules ADD COLUMN backtested_version INTEGER;
ALTER TABLE rules ADD COLUMN hits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rules ADD COLUMN last_hit_at INTEGER;
-- Deleted rules stay (with their versions) so audit entries keep pointing at what acted.
ALTER TABLE rules ADD COLUMN deleted_at INTEGER;
CREATE INDEX rules_active ON rules(kind, position) WHERE deleted_at IS NULL;

CREATE TABLE rule_versions (
  rule_id     TEXT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  definition  TEXT NOT NULL CHECK (json_valid(definition)),
  actor       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (rule_id, version)
) STRICT, WITHOUT ROWID;

-- Requests that arrived while a rule was enabled, waiting for the rule runner. Filled in
-- the ingest transaction, emptied in the runner's (which decides them), so an arrival
-- is judged exactly once even across a crash.
CREATE TABLE rule_inbox (
  seq         INTEGER PRIMARY KEY,
  arrived_at  INTEGER NOT NULL
) STRICT;

-- "Mark for review": the rule and version that marked the row (the signal bit shows it).
ALTER TABLE join_requests ADD COLUMN review_rule_id TEXT;
ALTER TABLE join_requests ADD COLUMN review_rule_version INTEGER;

-- Clusters: `cluster_key` now names a burst (see join-request-bursts.ts). Each request has
-- up to a few fingerprints (a link, a name pattern, its answers), kept space-separated on
-- the row; counts per fingerprint and hour find a burst from a few counters instead of by
-- scanning history.
ALTER TABLE join_requests ADD COLUMN cluster_fingerprints TEXT;

CREATE TABLE cluster_hours (
  fingerprint  TEXT NOT NULL,
  hour         INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  -- Set once the hour is part of a burst: the cluster its requests (and later arrivals) join.
  cluster_key  TEXT,
  PRIMARY KEY (fingerprint, hour)
) STRICT, WITHOUT ROWID;
-- The earliest hour on record: how much history a burst can be compared with.
CREATE INDEX cluster_hours_hour ON cluster_hours(hour);

CREATE TABLE join_request_clusters (
  key       TEXT PRIMARY KEY,
  -- What the members share: 'answers', 'link' or 'name', and that shared text.
  kind      TEXT NOT NULL CHECK (kind IN ('answers', 'link', 'name')),
  label     TEXT NOT NULL,
  size      INTEGER NOT NULL,
  first_at  INTEGER NOT NULL,
  last_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The old keys grouped every request with the same answers however far apart in time,
-- which marked most of a backlog. They are dropped; requests synced from now on are grouped by burst.
UPDATE join_requests SET cluster_key = NULL, signals = signals & ~32 WHERE cluster_key IS NOT NULL OR (signals & 32) <> 0;
