import { ATTACHMENT_KINDS, MAX_ATTACHMENTS_PER_MESSAGE, type MessageItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';

const KINDS: ReadonlySet<string> = new Set(ATTACHMENT_KINDS);
const count = (n: number | null): number | null => (n !== null && Number.isSafeInteger(n) && n >= 0 ? n : null);

/**
 * Upserts the attachments of messages just stored (same transaction as the messages), by
 * (message, position). A re-pulled message may carry a new `ref` for the same file (Discord
 * re-signs CDN URLs) or a corrected description: those are rewritten, while what this desk
 * fetched (state, sha256, the kept file) stays, since it is what the moderator saw. When
 * another file takes the position (its `file_key` differs: a Telegram edit that replaced
 * the photo, a Discord edit that dropped the first of two files), what was fetched belonged
 * to the old file and is reset, so the evidence never pairs the new name with old bytes.
 * A later page without attachments for a message leaves its stored ones alone: absent
 * means "not told", not "deleted".
 */
export async function upsertAttachments(tx: Tx, connectionId: string, messages: readonly MessageItem[], now: number): Promise<void> {
  const told = messages.map((m) => ({
    msg: m.externalId,
    files: (m.attachments ?? []).filter((a) => KINDS.has(a.kind) && a.ref.length > 0).slice(0, MAX_ATTACHMENTS_PER_MESSAGE),
  }));
  const rows = told.flatMap(({ msg, files }) =>
    files.map((a, position) => ({
      id: newId(now),
      msg,
      pos: position,
      kind: a.kind,
      name: a.name.slice(0, 255) || 'attachment',
      type: a.contentType?.slice(0, 255) ?? null,
      size: count(a.size),
      w: count(a.width),
      h: count(a.height),
      ref: a.ref,
      key: a.key ?? a.ref,
    })),
  );
  if (rows.length === 0) return;
  // A message told to carry N files carries no file at position N or later any more (an edit dropped one).
  const counts = told.flatMap(({ msg, files }) => (files.length > 0 ? [{ msg, n: files.length }] : []));
  await tx.run(sql`DELETE FROM message_attachments WHERE seq IN (SELECT a.seq FROM json_each(${JSON.stringify(counts)}) e
    JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
    JOIN message_attachments a ON a.message_id = msg.id AND a.position >= e.value ->> 'n')`);
  // In DO UPDATE every expression reads the row as it was, so `file_key IS NOT excluded.file_key` is the old key against the new.
  await tx.run(sql`INSERT INTO message_attachments (id, message_id, position, kind, name, content_type, size, width, height, ref, file_key, created_at)
    SELECT e.value ->> 'id', msg.id, e.value ->> 'pos', e.value ->> 'kind', e.value ->> 'name', e.value ->> 'type',
      e.value ->> 'size', e.value ->> 'w', e.value ->> 'h', e.value ->> 'ref', e.value ->> 'key', ${now}
    FROM json_each(${JSON.stringify(rows)}) e
    CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
    WHERE true
    ON CONFLICT (message_id, position) DO UPDATE SET kind = excluded.kind, name = excluded.name, content_type = excluded.content_type,
      size = excluded.size, width = excluded.width, height = excluded.height, ref = excluded.ref, file_key = excluded.file_key,
      state = CASE WHEN file_key IS excluded.file_key THEN state ELSE 'not-fetched' END,
      sha256 = CASE WHEN file_key IS excluded.file_key THEN sha256 END,
      stored_size = CASE WHEN file_key IS excluded.file_key THEN stored_size END,
      inline_type = CASE WHEN file_key IS excluded.file_key THEN inline_type END,
      problem = CASE WHEN file_key IS excluded.file_key THEN problem END,
      fetched_at = CASE WHEN file_key IS excluded.file_key THEN fetched_at END
    WHERE (message_attachments.kind, message_attachments.name, message_attachments.content_type, message_attachments.size,
      message_attachments.width, message_attachments.height, message_attachments.ref, message_attachments.file_key)
      IS NOT (excluded.kind, excluded.name, excluded.content_type, excluded.size, excluded.width, excluded.height, excluded.ref, excluded.file_key)`);
}
