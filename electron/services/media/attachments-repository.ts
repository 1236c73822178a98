import type { InlineImageType } from '@shared/domain/media';
import type { AttachmentView } from '@shared/domain/media';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';
import { attachmentViewSchema } from './attachment-views';

/** An attachment with what fetching it needs; `ref` stays in main. */
export interface AttachmentRecord {
  readonly view: AttachmentView;
  readonly connectionId: string;
  /** `active`, `paused` or `needs-reauth`: only an active connection's files are fetched. */
  readonly connectionState: string;
  readonly ref: string;
}

export async function attachmentRecord(reader: Reader, id: string): Promise<AttachmentRecord | null> {
  const row = await reader.get<{ view: string; connection_id: string; connection_state: string; ref: string }>(sql`SELECT json_object('id', a.id,
      'kind', a.kind, 'name', a.name, 'contentType', a.content_type, 'size', a.size, 'width', a.width, 'height', a.height, 'state', a.state,
      'inlineType', a.inline_type, 'sha256', a.sha256, 'problem', a.problem) AS view, m.connection_id, c.state AS connection_state, a.ref
    FROM message_attachments a JOIN messages m ON m.id = a.message_id JOIN connections c ON c.id = m.connection_id WHERE a.id = ${id}`);
  return row
    ? { view: attachmentViewSchema.parse(JSON.parse(row.view)), connectionId: row.connection_id, connectionState: row.connection_state, ref: row.ref }
    : null;
}

/** The messages a decision's evidence covers (its ids are `<actionId>.e<flag seq>`, so this reads the unique index by range). */
export async function decidedMessages(reader: Reader, actionId: string, limit: number): Promise<string[]> {
  const rows = await reader.all<{ message_id: string }>(sql`SELECT DISTINCT f.message_id FROM flag_evidence e JOIN flags f ON f.id = e.flag_id
    WHERE e.id > ${actionId + '.'} AND e.id < ${actionId + '/'} LIMIT ${limit}`);
  return rows.map((r) => r.message_id);
}

/**
 * Every sha256 a kept file may be needed for: an attachment row's, or one in the sealed
 * evidence of a case still stored (the evidence outlives an edit that replaced the file).
 * Only snapshots that name a hash are parsed; most name none.
 */
export async function referencedSha256s(reader: Reader): Promise<Set<string>> {
  const rows = await reader.all<{ sha256: string }>(sql`SELECT sha256 FROM message_attachments WHERE sha256 IS NOT NULL
    UNION SELECT j.value FROM flag_evidence e JOIN flags f ON f.id = e.flag_id, json_tree(e.snapshot) j
      WHERE instr(e.snapshot, '"sha256":"') > 0 AND j.key = 'sha256' AND j.type = 'text'`);
  return new Set(rows.map((r) => r.sha256));
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
 * bytes are what the moderator saw, whatever the platform says afterwards. False when
 * nothing changed: the row is gone (its connection was removed while the fetch ran), or a
 * failure came after the file was kept.
 */
export async function recordFetch(store: Store, id: string, outcome: FetchOutcome, now: number): Promise<boolean> {
  const { changes } = await store.writer.transaction((tx) =>
    outcome.state === 'cached'
      ? tx.run(sql`UPDATE message_attachments SET state = 'cached', sha256 = ${outcome.sha256}, stored_size = ${outcome.size},
          inline_type = ${outcome.inlineType}, problem = NULL, fetched_at = ${now} WHERE id = ${id}`)
      : tx.run(sql`UPDATE message_attachments SET state = ${outcome.state}, problem = ${outcome.problem}, fetched_at = ${now}
          WHERE id = ${id} AND state <> 'cached'`),
  );
  return changes > 0;
}
