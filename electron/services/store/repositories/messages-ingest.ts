import type { MessageItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';

/**
 * Upserts messages by (connection, external id); an edited body or renamed author
 * rewrites the row (and so its FTS entry), an unchanged one is left alone.
 * Communities and members must exist already (see `ensureCommunities`, `upsertMembers`).
 */
export async function upsertMessages(tx: Tx, connectionId: string, messages: Iterable<MessageItem>, now: number): Promise<void> {
  const byId = new Map<string, MessageItem>();
  for (const message of messages) byId.set(message.externalId, message);
  if (byId.size === 0) return;
  const rows = [...byId.values()].map((m) => ({
    id: newId(now),
    ext: m.externalId,
    com: m.communityExternalId,
    conv: m.conversationId,
    author: m.author.externalId,
    name: m.author.displayName,
    body: m.body,
    at: m.sentAt,
    reply: m.replyToExternalId,
  }));
  await tx.run(sql`INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_member_id, author_name,
      body, sent_at, reply_to_external, created_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', c.id, e.value ->> 'conv', m.id, e.value ->> 'name',
      e.value ->> 'body', e.value ->> 'at', e.value ->> 'reply', ${now}
    FROM json_each(${JSON.stringify(rows)}) e
    CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = e.value ->> 'com'
    LEFT JOIN members m ON m.connection_id = ${connectionId} AND m.external_id = e.value ->> 'author'
    WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET body = excluded.body, author_name = excluded.author_name
    WHERE (messages.body, messages.author_name) IS NOT (excluded.body, excluded.author_name)`);
  tx.touch('messages');
}
