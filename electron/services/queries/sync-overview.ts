import type { ConnectionState } from '@shared/domain/connection';
import type { ConnectionHealth, StreamProgress, SyncStream } from '@shared/domain/sync';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

/** Each connection's health as stored: state, push backlog, and its streams' last runs. */
export async function readConnectionHealth(reader: Reader): Promise<ConnectionHealth[]> {
  const connections = await reader.all<{
    id: string;
    name: string;
    state: ConnectionState;
    state_reason: string | null;
    pending: number;
    failed: number;
  }>(sql`SELECT c.id, c.name, c.state, c.state_reason,
      (SELECT count(*) FROM outbox o WHERE o.connection_id = c.id AND o.state IN ('queued', 'in-flight')) AS pending,
      (SELECT count(*) FROM outbox o WHERE o.connection_id = c.id AND o.state = 'failed') AS failed
    FROM connections c ORDER BY c.created_at`);
  const cursors = await reader.all<{
    connection_id: string;
    stream: SyncStream;
    items_total: number;
    last_pull_at: number | null;
    last_error: string | null;
  }>(sql`SELECT connection_id, stream, items_total, last_pull_at, last_error FROM sync_cursors`);
  return connections.map((c) => ({
    connectionId: c.id,
    name: c.name,
    state: c.state,
    stateReason: c.state_reason,
    pendingPushes: c.pending,
    failedPushes: c.failed,
    streams: cursors
      .filter((cursor) => cursor.connection_id === c.id)
      .map(
        (cursor): StreamProgress => ({
          connectionId: c.id,
          stream: cursor.stream,
          phase: cursor.last_error ? 'error' : 'idle',
          itemsPulled: cursor.items_total,
          itemsExpected: null,
          lastRunAt: cursor.last_pull_at,
          nextRunAt: null,
          lastError: cursor.last_error,
        }),
      ),
  }));
}
