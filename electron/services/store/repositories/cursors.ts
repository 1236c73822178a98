import type { SyncStream } from '@shared/domain/sync';
import type { Reader, Tx } from '../database';
import { sql } from '../sql';

export interface CursorState {
  readonly cursor: string | null;
  /** Items received on this stream over all pulls (re-pulled items count again). */
  readonly itemsTotal: number;
  readonly lastPullAt: number | null;
  readonly lastCompleteAt: number | null;
  readonly lastError: string | null;
}

interface CursorRow {
  cursor: string | null;
  items_total: number;
  last_pull_at: number | null;
  last_complete_at: number | null;
  last_error: string | null;
}

export async function readCursor(reader: Reader, connectionId: string, stream: SyncStream): Promise<CursorState | null> {
  const row = await reader.get<CursorRow>(sql`SELECT cursor, items_total, last_pull_at, last_complete_at, last_error
    FROM sync_cursors WHERE connection_id = ${connectionId} AND stream = ${stream}`);
  return row
    ? { cursor: row.cursor, itemsTotal: row.items_total, lastPullAt: row.last_pull_at, lastCompleteAt: row.last_complete_at, lastError: row.last_error }
    : null;
}

export interface PageCommit {
  readonly connectionId: string;
  readonly stream: SyncStream;
  /** Where the next page (or, once complete, the next pull) starts. */
  readonly cursor: string | null;
  readonly items: number;
  readonly complete: boolean;
  readonly now: number;
  /** A warning that outlives the page (an offline gap); null clears an earlier error. */
  readonly lastError: string | null;
}

/** Call inside the transaction that wrote the page's items: the cursor and its items land together or not at all. */
export async function commitPage(tx: Tx, page: PageCommit): Promise<void> {
  await tx.run(sql`INSERT INTO sync_cursors (connection_id, stream, cursor, items_total, last_pull_at, last_complete_at, last_error)
    VALUES (${page.connectionId}, ${page.stream}, ${page.cursor}, ${page.items}, ${page.now}, ${page.complete ? page.now : null}, ${page.lastError})
    ON CONFLICT (connection_id, stream) DO UPDATE SET
      cursor = excluded.cursor,
      items_total = sync_cursors.items_total + excluded.items_total,
      last_pull_at = excluded.last_pull_at,
      last_complete_at = coalesce(excluded.last_complete_at, sync_cursors.last_complete_at),
      last_error = excluded.last_error`);
  tx.touch('sync_cursors');
}

/** Records why a pull stopped; the cursor stays where the last committed page left it. */
export async function recordStreamError(tx: Tx, connectionId: string, stream: SyncStream, message: string): Promise<void> {
  await tx.run(sql`INSERT INTO sync_cursors (connection_id, stream, last_error) VALUES (${connectionId}, ${stream}, ${message})
    ON CONFLICT (connection_id, stream) DO UPDATE SET last_error = excluded.last_error`);
  tx.touch('sync_cursors');
}

/** Forgets the cursor (the platform no longer knows it); the next pull lists from the start and dedupe absorbs the overlap. */
export async function restartStream(tx: Tx, connectionId: string, stream: SyncStream): Promise<void> {
  await tx.run(sql`UPDATE sync_cursors SET cursor = NULL WHERE connection_id = ${connectionId} AND stream = ${stream}`);
  tx.touch('sync_cursors');
}
