import { createHash } from 'node:crypto';
import type { MessageItem } from '@shared/connectors';
import { MIN_REPEATED_TEXT } from '@shared/flags/alert-rule-schema';
import { newId } from '@shared/ids';
import { normalizeText } from '@shared/rules/text';
import type { Tx } from '../database';
import { sql } from '../sql';
import { upsertAttachments } from './attachments-ingest';

/**
 * A fingerprint of the normalized text, for "the same text in several groups" (alert
 * rules); null for texts too short to mean anything when repeated ("ok", "thanks!").
 */
export function textKeyOf(body: string): string | null {
  const normalized = normalizeText(body);
  if (normalized.length < MIN_REPEATED_TEXT) return null;
  return createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 32);
}

/**
 * Upserts messages by (connection, external id); an edited body or renamed author
 * rewrites the row (and so its FTS entry), an unchanged one is left alone. Their
 * attachments are stored with them, in the same transaction.
 * Communities and members must exist already (see `ensureCommunities`, `upsertMembers`).
 * With `trackArrivals`, returns the external ids of the messages that are new or whose
 * text changed (what alert rules look at); otherwise an empty list, without the extra read.
 */
export async function upsertMessages(
  tx: Tx,
  connectionId: string,
  messages: Iterable<MessageItem>,
  now: number,
  trackArrivals = false,
): Promise<string[]> {
  const byId = new Map<string, MessageItem>();
  for (const message of messages) byId.set(message.externalId, message);
  if (byId.size === 0) return [];
  const batch = [...byId.values()];
  const arriving = trackArrivals ? await arrivals(tx, connectionId, batch) : [];
  const rows = batch.map((m) => ({
    id: newId(now),
    ext: m.externalId,
    com: m.communityExternalId,
    conv: m.conversationId,
    author: m.author.externalId,
    name: m.author.displayName,
    body: m.body,
    key: textKeyOf(m.body),
    at: m.sentAt,
    reply: m.replyToExternalId,
  }));
  await tx.run(sql`INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_member_id, author_name,
      body, text_key, sent_at, reply_to_external, created_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', c.id, e.value ->> 'conv', m.id, e.value ->> 'name',
      e.value ->> 'body', e.value ->> 'key', e.value ->> 'at', e.value ->> 'reply', ${now}
    FROM json_each(${JSON.stringify(rows)}) e
    CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = e.value ->> 'com'
    LEFT JOIN members m ON m.connection_id = ${connectionId} AND m.external_id = e.value ->> 'author'
    WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET body = excluded.body, author_name = excluded.author_name, text_key = excluded.text_key
    WHERE (messages.body, messages.author_name) IS NOT (excluded.body, excluded.author_name)`);
  await upsertAttachments(tx, connectionId, batch, now);
  tx.touch('messages');
  return arriving;
}

/** The batch's messages not stored yet, or stored with another text. */
async function arrivals(tx: Tx, connectionId: string, batch: readonly MessageItem[]): Promise<string[]> {
  const stored = await tx.all<{ external_id: string; body: string }>(sql`SELECT m.external_id, m.body
    FROM json_each(${JSON.stringify(batch.map((m) => m.externalId))}) e
    CROSS JOIN messages m ON m.connection_id = ${connectionId} AND m.external_id = e.value`);
  const bodies = new Map(stored.map((row) => [row.external_id, row.body]));
  return batch.filter((m) => bodies.get(m.externalId) !== m.body).map((m) => m.externalId);
}
