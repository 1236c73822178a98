-- Live counts of join requests per (status, community, connection, signals), kept by
-- triggers in the same transaction as the rows. A filter by platform, answered or any
-- signal then counts a few hundred counter rows instead of walking a million requests
-- (a filter change at 1M rows took 2.5 s, almost all of it in count(*)).
-- Same column names as join_requests, so the queue's one filter definition
-- (queries/join-request-filters.ts) runs over this table unchanged.
CREATE TABLE join_request_facets (
  status         TEXT NOT NULL,
  community_id   TEXT NOT NULL,
  connection_id  TEXT NOT NULL,
  signals        INTEGER NOT NULL,
  n              INTEGER NOT NULL,
  PRIMARY KEY (status, community_id, connection_id, signals)
) STRICT, WITHOUT ROWID;

INSERT INTO join_request_facets (status, community_id, connection_id, signals, n)
  SELECT status, community_id, connection_id, signals, count(*) FROM join_requests GROUP BY 1, 2, 3, 4;

CREATE TRIGGER join_request_facets_insert AFTER INSERT ON join_requests BEGIN
  INSERT INTO join_request_facets VALUES (new.status, new.community_id, new.connection_id, new.signals, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER join_request_facets_delete AFTER DELETE ON join_requests BEGIN
  UPDATE join_request_facets SET n = n - 1
  WHERE status = old.status AND community_id = old.community_id AND connection_id = old.connection_id AND signals = old.signals;
END;
CREATE TRIGGER join_request_facets_update AFTER UPDATE OF status, community_id, connection_id, signals ON join_requests
WHEN old.status IS NOT new.status OR old.community_id IS NOT new.community_id
  OR old.connection_id IS NOT new.connection_id OR old.signals IS NOT new.signals BEGIN
  UPDATE join_request_facets SET n = n - 1
  WHERE status = old.status AND community_id = old.community_id AND connection_id = old.connection_id AND signals = old.signals;
  INSERT INTO join_request_facets VALUES (new.status, new.community_id, new.connection_id, new.signals, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Every outbox insert and delete checks announcement_deliveries' foreign key to it;
-- without this index that check scanned every delivery.
CREATE INDEX announcement_deliveries_outbox ON announcement_deliveries(outbox_id) WHERE outbox_id IS NOT NULL;
