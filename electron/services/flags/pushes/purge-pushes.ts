import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { TARGET_ROWS } from '../flag-targets';
import { SAME_PERSON } from '../person-communities';
import { capableJson, capableOf, insertPushes, type PushContext } from './push-context';

const HOUR_MS = 3_600_000;
/** When a connector does not say how many messages one bulk removal may carry. */
const DEFAULT_BULK = 100;

/**
 * Removes the target authors' messages sent within the last `withinHours`, wherever they
 * are stored (every identity of the same person): in bulk, in chunks the connector
 * accepts, where it can remove in bulk; one by one where it can only remove singly.
 * Returns how many messages it reaches.
 */
export async function pushPurge(tx: Tx, context: PushContext, withinHours: number): Promise<number> {
  const bulk = capableJson(context, ['message.removeBulk']);
  const sizes = JSON.stringify(Object.fromEntries(context.connections.map((c) => [c.connectionId, c.bulkRemoveLimit ?? DEFAULT_BULK])));
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS purge_messages (seq INTEGER PRIMARY KEY, flag_seq INTEGER NOT NULL, outbox_id TEXT NOT NULL)`);
  await tx.run(sql`DELETE FROM purge_messages`);
  await tx.run(sql`INSERT INTO purge_messages (seq, flag_seq, outbox_id)
    SELECT q.seq, q.flag_seq, CASE WHEN q.bulk
        THEN ${context.actionId} || '.p' || q.community_seq || '-' || ((row_number() OVER (PARTITION BY q.community_seq ORDER BY q.seq) - 1) / q.size)
        ELSE ${context.actionId} || '.q' || q.seq END
    FROM (SELECT m.seq, min(x.flag_seq) AS flag_seq, c.seq AS community_seq, m.connection_id IN (SELECT value FROM json_each(${bulk})) AS bulk,
            coalesce((SELECT s.value FROM json_each(${sizes}) s WHERE s.key = m.connection_id), ${DEFAULT_BULK}) AS size
          FROM (${TARGET_ROWS}) x JOIN members am ON am.id = x.member_id JOIN members i ON ${SAME_PERSON}
          JOIN messages m ON m.author_member_id = i.id JOIN communities c ON c.id = m.community_id
          WHERE m.sent_at >= ${context.now - withinHours * HOUR_MS} AND m.removed_at IS NULL
            AND m.connection_id IN ${capableOf(context, ['message.removeBulk', 'message.remove'])}
          GROUP BY m.seq) q`);
  const rows = sql`SELECT p.outbox_id, m.external_id, m.seq, m.id AS message_id, m.connection_id, m.community_id, m.author_member_id,
      c.external_id AS community_external, a.external_id AS member_external, f.id AS flag_id
    FROM purge_messages p JOIN messages m ON m.seq = p.seq JOIN communities c ON c.id = m.community_id
    JOIN flags f ON f.seq = p.flag_seq LEFT JOIN members a ON a.id = m.author_member_id`;
  await insertPushes(
    tx,
    context,
    sql`SELECT r.outbox_id AS id, min(r.connection_id) AS connection_id, min(r.community_external) || '/' || coalesce(min(r.member_external), '') AS target_key,
        min(r.flag_id) AS subject_id,
        CASE WHEN count(*) = 1 AND substr(r.outbox_id, ${context.actionId.length + 2}, 1) = 'q'
          THEN json_object('type', 'removeMessage', 'communityExternalId', min(r.community_external), 'messageExternalId', min(r.external_id), 'reason', NULL)
          ELSE json_object('type', 'removeMessages', 'communityExternalId', min(r.community_external),
            'messageExternalIds', json_group_array(r.external_id ORDER BY r.seq), 'reason', NULL) END AS payload
      FROM (${rows}) r GROUP BY r.outbox_id`,
  );
  await tx.run(sql`INSERT INTO member_sanctions (id, action_id, outbox_id, member_id, community_id, kind, flag_id, message_id, created_at)
    SELECT r.outbox_id || '.' || r.seq, ${context.actionId}, r.outbox_id, r.author_member_id, r.community_id, 'removal', r.flag_id, r.message_id, ${context.now}
    FROM (${rows}) r WHERE r.author_member_id IS NOT NULL`);
  const { changes } = await tx.run(sql`UPDATE messages SET removed_at = ${context.now} WHERE seq IN (SELECT seq FROM purge_messages)`);
  tx.touch('messages');
  return changes;
}
