-- The announcement desk (issue 6): what a draft targets, user-set community values that
-- a sync must not overwrite, custom field names, and an announcement status that follows
-- its deliveries inside the same transaction as the drainer's settle.

-- The draft's target rules (trees, tags, platforms, searches, picks, saved lists, exclusions).
ALTER TABLE announcements ADD COLUMN targets TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(targets));
-- The announcements list sorts by last change; keyset paging needs seq as the tail.
CREATE INDEX announcements_updated ON announcements(updated_at, seq);
-- Receipts by state, and the status trigger's "anything still queued / failed?" probes.
CREATE INDEX announcement_deliveries_state ON announcement_deliveries(announcement_id, state);

-- A pull rewrites `language` and `community_tags` from the platform; the user's own
-- choices live beside them and win where set.
ALTER TABLE communities ADD COLUMN language_override TEXT;
CREATE TABLE community_user_tags (
  community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  tag           TEXT NOT NULL,
  PRIMARY KEY (community_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX community_user_tags_tag ON community_user_tags(tag);

-- Custom field names the user defined for placeholders ({{community.<name>}}); the
-- values are in communities.custom_fields.
CREATE TABLE community_fields (
  name        TEXT PRIMARY KEY,
  created_at  INTEGER NOT NULL
) STRICT;

-- An announcement being sent becomes sent (or failed) when its last queued delivery
-- settles. Cancelled and draft announcements are left alone.
CREATE TRIGGER announcement_status_follows_deliveries AFTER UPDATE OF state ON announcement_deliveries
WHEN old.state IS NOT new.state
BEGIN
  UPDATE announcements SET
    status = CASE
      WHEN EXISTS (SELECT 1 FROM announcement_deliveries d WHERE d.announcement_id = new.announcement_id AND d.state = 'queued')
        THEN CASE WHEN status = 'scheduled' AND new.state = 'queued' THEN 'scheduled' ELSE 'sending' END
      WHEN EXISTS (SELECT 1 FROM announcement_deliveries d WHERE d.announcement_id = new.announcement_id AND d.state = 'failed')
        THEN 'failed'
      ELSE 'sent' END,
    updated_at = max(updated_at, new.updated_at)
  WHERE id = new.announcement_id AND status IN ('scheduled', 'sending', 'sent', 'failed');
END;
