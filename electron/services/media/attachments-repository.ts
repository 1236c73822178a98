import type { InlineImageType } from '@shared/domain/media';
import type { AttachmentView } from '@shared/domain/media';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';
import { attachmentViewSchema } from './attachment-views';

/** An attachment with what fetching it needs; `ref` stays in main. */
export interface AttachmentRecord {
  readonly view: AttachmentView;
  readonly connectionId: string;
  readonly ref: string;
}

export async function attachmentRecord(reader: Reader, id: string): Promise<AttachmentRecord | null> {
  const row = await reader.get<{ view: string; connection_id: string; ref: string }>(sql`SELECT json_object('id', a.id, 'kind', a.kind,
      'name', a.name, 'contentType', a.content_type, 'size', a.size, 'width', a.width, 'height', a.height, 'state', a.state,
      'inlineType', a.inline_type, 'sha256', a.sha256, 'problem', a.problem) AS view, m.connection_id, a.ref
    FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ${id}`);
  return row ? { view: attachmentViewSchema.parse(JSON.parse(row.view)), connectionId: row.connection_id, ref: row.ref } : null;
}

/** The attachments of these messages not kept yet (what a decision fetches for the evidence). */
export async function unfetchedOf(reader: Reader, messageIds: readonly string[]): Promise<string[]> {
  const rows = await reader.all<{ id: string }>(sql`SELECT a.id FROM json_each(${JSON.stringify(messageIds)}) e
    JOIN message_attachments a ON a.message_id = e.value WHERE a.state IN ('not-fetched', 'failed') ORDER BY a.seq`);
  return rows.map((r) => r.id);
}

export type FetchOutcome =
  | { readonly state: 'cached'; readonly sha256: string; readonly size: number; readonly inlineType: InlineImageType | null }
  | { readonly state: 'too-large' | 'gone' | 'failed'; readonly problem: string };

/**
 * Records a fetch. A kept file is never given up for a later failure: once cached, the
 * bytes are what the moderator saw, whatever the platform says afterwards.
 */
export async function recordFetch(store: Store, id: string, outcome: FetchOutcome, now: number): Promise<void> {
  await store.writer.transaction((tx) =>
    outcome.state === 'cached'
      ? tx.run(sql`UPDATE message_attachments SET state = 'cached', sha256 = ${outcome.sha256}, stored_size = ${outcome.size},
          inline_type = ${outcome.inlineType}, problem = NULL, fetched_at = ${now} WHERE id = ${id}`)
      : tx.run(sql`UPDATE message_attachments SET state = ${outcome.state}, problem = ${outcome.problem}, fetched_at = ${now}
          WHERE id = ${id} AND state <> 'cached'`),
  );
}
