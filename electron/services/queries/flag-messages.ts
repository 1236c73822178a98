import type { ConversationMessage } from '@shared/domain/flagged';
import { ATTACHMENTS_COLUMN, parseAttachments } from '../media/attachment-views';
import { sql, trusted } from '../store/sql';

/** The columns of `messages n` (with its community `nc`) that a ConversationMessage needs. */
export const MESSAGE_COLUMNS = sql`n.id, n.external_id, n.author_name, n.author_member_id, n.body, n.sent_at, n.reply_to_external,
  n.removed_at, nc.name AS community_name, ${ATTACHMENTS_COLUMN}`;
export const MESSAGE_FROM = trusted('messages n JOIN communities nc ON nc.id = n.community_id');
/** For a query that joins `messages n` itself: its community `nc`. */
export const MESSAGE_COMMUNITY = trusted('JOIN communities nc ON nc.id = n.community_id');

export interface MessageRaw {
  id: string;
  external_id: string;
  author_name: string;
  author_member_id: string | null;
  body: string;
  sent_at: number;
  reply_to_external: string | null;
  removed_at: number | null;
  community_name: string;
  /** JSON array (see ATTACHMENTS_COLUMN). */
  attachments: string | null;
}

export const toMessage = (r: MessageRaw): ConversationMessage => ({
  id: r.id,
  externalId: r.external_id,
  authorName: r.author_name,
  authorMemberId: r.author_member_id,
  body: r.body,
  sentAt: r.sent_at,
  replyToExternalId: r.reply_to_external,
  removedAt: r.removed_at,
  communityName: r.community_name,
  attachments: parseAttachments(r.attachments),
});
