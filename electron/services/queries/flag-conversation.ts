import type { ConversationMessage } from '@shared/domain/flagged';
import { CONTEXT_EACH_SIDE } from '../flags/evidence/snapshot-query';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';
import { MESSAGE_COLUMNS, MESSAGE_COMMUNITY, MESSAGE_FROM, toMessage, type MessageRaw } from './flag-messages';

/** How far up a reply chain the pane follows. */
const MAX_CHAIN = 10;

export interface Anchor {
  readonly seq: number;
  readonly connectionId: string;
  readonly communityId: string;
  readonly conversationId: string;
  readonly sentAt: number;
  readonly replyTo: string | null;
}

/**
 * The flagged message's neighbours in its conversation (ten before, ten after, oldest
 * first, ordered by time then arrival) and the chain of messages it replies to.
 * Each side is one range probe on messages_conversation.
 */
export async function conversationAround(reader: Reader, at: Anchor): Promise<{ before: ConversationMessage[]; after: ConversationMessage[]; replyChain: ConversationMessage[] }> {
  const same = sql`n.community_id = ${at.communityId} AND n.conversation_id = ${at.conversationId}`;
  const before = await reader.all<MessageRaw>(sql`SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
    WHERE ${same} AND n.sent_at <= ${at.sentAt} AND (n.sent_at < ${at.sentAt} OR n.seq < ${at.seq})
    ORDER BY n.sent_at DESC, n.seq DESC LIMIT ${CONTEXT_EACH_SIDE}`);
  const after = await reader.all<MessageRaw>(sql`SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
    WHERE ${same} AND n.sent_at >= ${at.sentAt} AND (n.sent_at > ${at.sentAt} OR n.seq > ${at.seq})
    ORDER BY n.sent_at, n.seq LIMIT ${CONTEXT_EACH_SIDE}`);
  const replyChain = at.replyTo === null ? [] : await reader.all<MessageRaw>(sql`WITH RECURSIVE chain(ext, depth) AS (
      SELECT ${at.replyTo}, 1
      UNION ALL SELECT m.reply_to_external, chain.depth + 1 FROM chain
        JOIN messages m ON m.connection_id = ${at.connectionId} AND m.external_id = chain.ext
        WHERE m.reply_to_external IS NOT NULL AND chain.depth < ${MAX_CHAIN})
    SELECT ${MESSAGE_COLUMNS} FROM chain JOIN messages n ON n.connection_id = ${at.connectionId} AND n.external_id = chain.ext ${MESSAGE_COMMUNITY}
    ORDER BY chain.depth`);
  return { before: before.reverse().map(toMessage), after: after.map(toMessage), replyChain: replyChain.map(toMessage) };
}
