import type { Reader } from '../store/database';
import { sql } from '../store/sql';

/** A delivery whose message is on the platform and may be edited or deleted. */
export interface LiveDelivery {
  readonly id: string;
  readonly communityId: string;
  readonly messageId: string;
  readonly text: string;
  /** When the post was confirmed, for platforms that only delete recent messages. */
  readonly sentAt: number | null;
  /** A push for it is still queued or on the wire: wait for it before another. */
  readonly busy: boolean;
}

interface Raw {
  id: string;
  community_id: string;
  external_message_id: string;
  rendered_text: string;
  sent_at: number | null;
  busy: number;
}

/** The announcement's posts that exist on their platforms (sent, maybe edited, not deleted). */
export async function liveDeliveries(reader: Reader, announcementId: string): Promise<LiveDelivery[]> {
  const rows = await reader.all<Raw>(sql`SELECT d.id, d.community_id, d.external_message_id, d.rendered_text,
      (SELECT max(o.completed_at) FROM outbox o WHERE o.subject_type = 'announcement_delivery' AND o.subject_id = d.id
        AND o.kind = 'announce.send' AND o.state = 'done') AS sent_at,
      EXISTS (SELECT 1 FROM outbox o WHERE o.subject_type = 'announcement_delivery' AND o.subject_id = d.id
        AND o.state IN ('queued', 'in-flight')) AS busy
    FROM announcement_deliveries d
    WHERE d.announcement_id = ${announcementId} AND d.external_message_id IS NOT NULL AND d.state <> 'deleted'`);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    messageId: r.external_message_id,
    text: r.rendered_text,
    sentAt: r.sent_at,
    busy: r.busy === 1,
  }));
}
