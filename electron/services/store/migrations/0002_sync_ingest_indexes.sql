-- Per-person lookups that the sync engine makes for every ingested page of join
-- requests. Without them the work per page grows with each person's history, and a
-- million-row pull slows down as it goes (quadratic overall).

-- "Many requests today": a person's requests within a day of a given time, by range.
-- Replaces join_requests_member: the new index has member_id first and serves the
-- same lookups (the foreign-key cascade from members included).
DROP INDEX join_requests_member;
CREATE INDEX join_requests_member_time ON join_requests(member_id, requested_at);

-- "Declined elsewhere": has this person been declined before? Only decided rows are
-- indexed, so the question is one probe however many pending requests the person has.
-- The WHERE must stay word for word what the ingest query says, or SQLite ignores it.
CREATE INDEX join_requests_member_declined ON join_requests(member_id)
  WHERE status = 'declined' OR decision IN ('decline', 'decline-ban');
