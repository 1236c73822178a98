import { ATTACHMENT_KINDS, MAX_ATTACHMENTS_PER_MESSAGE, type MessageItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';

const KINDS: ReadonlySet<string> = new Set(ATTACHMENT_KINDS);
const count = (n: number | null): number | null => (n !== null && Number.isSafeInteger(n) && n >= 0 ? n : null);

/**
 * Upserts the attachments of messages just stored (same transaction as the messages), by
 * (message, position). A re-pulled message may carry a new `ref` (Discord re-signs CDN URLs)
 * or a corrected description: those are rewritten, while what this desk fetched (state,
 * sha256, the kept file) stays, since it is what the moderator saw. A later page without
 * attachments for a message leaves its stored ones alone: absent means "not told", not "deleted".
 */
export async function upsertAttachments(tx: Tx, connectionId: string, messages: readonly MessageItem[], now: number): Promise<void> {
  const rows = messages.flatMap((m) =>
    (m.attachments ?? [])
      .filter((a) => KINDS.has(a.kind) && a.ref.length > 0)
      .slice(0, MAX_ATTACHMENTS_PER_MESSAGE)
      .map((a, position) => ({
        id: newId(now),
        msg: m.externalId,
        pos: position,
        kind: a.kind,
        name: a.name.slice(0, 255) || 'attachment',
        type: a.contentType?.slice(0, 255) ?? null,
        size: count(a.size),
        w: count(a.width),
        h: count(a.height),
        ref: a.ref,
      })),
  );
  if (rows.length === 0) return;
  await tx.run(sql`INSERT INTO message_attachments (id, message_id, position, kind, name, content_type, size, width, height, ref, created_at)
    SELECT e.value ->> 'id', msg.id, e.value ->> 'pos', e.value ->> 'kind', e.value ->> 'name', e.value ->> 'type',
      e.value ->> 'size', e.value ->> 'w', e.value ->> 'h', e.value ->> 'ref', ${now}
    FROM json_each(${JSON.stringify(rows)}) e
    CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
    WHERE true
    ON CONFLICT (message_id, position) DO UPDATE SET kind = excluded.kind, name = excluded.name, content_type = excluded.content_type,
      size = excluded.size, width = excluded.width, height = excluded.height, ref = excluded.ref
    WHERE (message_attachments.kind, message_attachments.name, message_attachments.content_type, message_attachments.size,
      message_attachments.width, message_attachments.height, message_attachments.ref)
      IS NOT (excluded.kind, excluded.name, excluded.content_type, excluded.size, excluded.width, excluded.height, excluded.ref)`);
}
