import { sql, trusted, type SqlQuery } from '../../store/sql';

/**
 * Version 2 adds each message's `attachments` (name, kind, type, size, dimensions, and the
 * sha256 of the kept file when it was fetched before the decision). Version 1 snapshots
 * verify as they always did: the hash covers the stored text, whatever its version.
 */
export const SNAPSHOT_FORMAT = 'modboard.flag-evidence/2';

/** Messages on each side of the flagged one that the snapshot keeps (the conversation pane shows as many). */
export const CONTEXT_EACH_SIDE = 10;

const message = (a: 'm' | 'b' | 'n') =>
  trusted(`json_object('id', ${a}.id, 'externalId', ${a}.external_id, 'conversationId', ${a}.conversation_id,
    'author', json_object('memberId', ${a}.author_member_id, 'name', ${a}.author_name,
      'externalId', (SELECT x.external_id FROM members x WHERE x.id = ${a}.author_member_id)),
    'body', ${a}.body, 'sentAt', ${a}.sent_at, 'replyTo', ${a}.reply_to_external, 'removedAt', ${a}.removed_at,
    'attachments', (SELECT json_group_array(json_object('name', x.name, 'kind', x.kind, 'contentType', x.content_type, 'size', x.size,
        'width', x.width, 'height', x.height, 'sha256', x.sha256) ORDER BY x.position)
      FROM message_attachments x WHERE x.message_id = ${a}.id))`);

/**
 * One row per flag of `flagSet` (a query of flag `seq`s) with its evidence as raw JSON:
 * the flag and its reports, the message, the ten messages before and after it in the
 * conversation (oldest first), and `decision` (a JSON object made by the caller).
 * Read before the action changes anything, so it holds what the moderator saw.
 */
export function snapshotQuery(flagSet: SqlQuery, decision: SqlQuery, page: { after: number; limit: number }): SqlQuery {
  const sameConversation = trusted('n.community_id = m.community_id AND n.conversation_id = m.conversation_id');
  return sql`SELECT f.id AS flag_id, f.seq AS flag_seq, json_object(
      'format', ${SNAPSHOT_FORMAT},
      'flag', json_object('id', f.id, 'status', f.status, 'source', f.source, 'reportCount', f.report_count, 'reasons', json(f.reasons),
        'firstReportedAt', f.first_reported_at, 'lastReportedAt', f.last_reported_at),
      'community', json_object('id', c.id, 'externalId', c.external_id, 'name', c.name, 'platform', k.kind, 'connection', k.name),
      'message', ${message('m')},
      'before', (SELECT json_group_array(json(w.j) ORDER BY w.t, w.s) FROM (SELECT ${message('n')} AS j, n.sent_at AS t, n.seq AS s
        FROM messages n WHERE ${sameConversation} AND (n.sent_at < m.sent_at OR (n.sent_at = m.sent_at AND n.seq < m.seq))
        ORDER BY n.sent_at DESC, n.seq DESC LIMIT ${CONTEXT_EACH_SIDE}) w),
      'after', (SELECT json_group_array(json(w.j) ORDER BY w.t, w.s) FROM (SELECT ${message('n')} AS j, n.sent_at AS t, n.seq AS s
        FROM messages n WHERE ${sameConversation} AND (n.sent_at > m.sent_at OR (n.sent_at = m.sent_at AND n.seq > m.seq))
        ORDER BY n.sent_at, n.seq LIMIT ${CONTEXT_EACH_SIDE}) w),
      'reports', (SELECT json_group_array(json_object('externalId', r.external_id, 'reporter', r.reporter_name, 'reason', r.reason,
          'reportedAt', r.reported_at, 'status', r.status, 'rule', u.name) ORDER BY r.reported_at, r.seq)
        FROM reports r LEFT JOIN rules u ON u.id = r.rule_id WHERE r.flag_id = f.id),
      'decision', ${decision}) AS raw
    FROM (${flagSet}) fs JOIN flags f ON f.seq = fs.seq JOIN messages m ON m.id = f.message_id
    JOIN communities c ON c.id = f.community_id JOIN connections k ON k.id = c.connection_id
    WHERE f.seq > ${page.after} ORDER BY f.seq LIMIT ${page.limit}`;
}
