import type { ConnectionKind, ConnectionState, ConnectionSummary } from '@shared/domain/connection';
import { newId } from '@shared/ids';
import type { Reader, Tx } from '../store/database';
import { sql } from '../store/sql';
import { splitPlatformUrl } from './platform-address';

interface Raw {
  id: string;
  kind: ConnectionKind;
  name: string;
  config: string;
  state: ConnectionState;
  state_reason: string | null;
  created_at: number;
  communities: number;
  last_pull_at: number | null;
  last_error: string | null;
  pending: number;
}

export interface ConnectionConfig {
  readonly baseUrl?: string;
  readonly seed?: number;
  /** A standalone Sandbox network reached at `baseUrl` rather than one embedded in the app. */
  readonly external?: boolean;
}

export interface StoredConnection extends ConnectionSummary {
  readonly config: ConnectionConfig;
}

/** Health read as the Activity view's `readConnectionHealth` reads it: cursors for the last pull, the outbox for the backlog. */
const SELECT = sql`SELECT c.id, c.kind, c.name, c.config, c.state, c.state_reason, c.created_at,
  (SELECT count(*) FROM communities m WHERE m.connection_id = c.id) AS communities,
  (SELECT max(s.last_pull_at) FROM sync_cursors s WHERE s.connection_id = c.id) AS last_pull_at,
  (SELECT s.last_error FROM sync_cursors s WHERE s.connection_id = c.id AND s.last_error IS NOT NULL
    ORDER BY s.last_pull_at DESC LIMIT 1) AS last_error,
  (SELECT count(*) FROM outbox o WHERE o.connection_id = c.id AND o.state IN ('queued', 'in-flight')) AS pending
  FROM connections c`;

function toConnection(r: Raw): StoredConnection {
  const config = JSON.parse(r.config) as ConnectionConfig;
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    state: r.state,
    stateReason: r.state_reason,
    communityCount: r.communities,
    createdAt: r.created_at,
    options: splitPlatformUrl(r.kind, config.baseUrl).options,
    lastSyncAt: r.last_pull_at,
    lastError: r.last_error,
    pendingPushes: r.pending,
    reconnectsWithToken: r.kind !== 'facebook-manual' && (r.kind !== 'sandbox' || config.external === true),
    config,
  };
}

export async function listConnections(reader: Reader): Promise<StoredConnection[]> {
  return (await reader.all<Raw>(sql`${SELECT} ORDER BY c.created_at, c.id`)).map(toConnection);
}

export async function getConnection(reader: Reader | Tx, id: string): Promise<StoredConnection | null> {
  const row = await reader.get<Raw>(sql`${SELECT} WHERE c.id = ${id}`);
  return row ? toConnection(row) : null;
}

export async function insertConnection(
  tx: Tx,
  input: { kind: ConnectionKind; name: string; config: ConnectionConfig; now: number },
): Promise<string> {
  const id = newId(input.now);
  await tx.run(sql`INSERT INTO connections (id, kind, name, config, state, created_at, updated_at)
    VALUES (${id}, ${input.kind}, ${input.name}, ${JSON.stringify(input.config)}, 'active', ${input.now}, ${input.now})`);
  tx.touch('connections');
  return id;
}

export async function updateConnection(
  tx: Tx,
  id: string,
  change: { name?: string; config?: ConnectionConfig; state?: ConnectionState; stateReason?: string | null; now: number },
): Promise<void> {
  if (change.name !== undefined) await tx.run(sql`UPDATE connections SET name = ${change.name}, updated_at = ${change.now} WHERE id = ${id}`);
  if (change.config) await tx.run(sql`UPDATE connections SET config = ${JSON.stringify(change.config)}, updated_at = ${change.now} WHERE id = ${id}`);
  if (change.state)
    await tx.run(sql`UPDATE connections SET state = ${change.state}, state_reason = ${change.stateReason ?? null},
      updated_at = ${change.now} WHERE id = ${id}`);
  tx.touch('connections');
}

/**
 * Moves a connection from one state to another, only if it is still in `from`: a pull
 * that meanwhile marked it needs-reauth, or another window's pause, is never overwritten.
 */
export async function moveConnectionState(
  tx: Tx,
  id: string,
  change: { from: ConnectionState; to: ConnectionState; reason: string | null; now: number },
): Promise<boolean> {
  const { changes } = await tx.run(sql`UPDATE connections SET state = ${change.to}, state_reason = ${change.reason}, updated_at = ${change.now}
    WHERE id = ${id} AND state = ${change.from}`);
  if (changes > 0) tx.touch('connections');
  return changes > 0;
}

export async function deleteConnection(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.run(sql`DELETE FROM connections WHERE id = ${id}`);
  tx.touch('connections', 'communities', 'join_requests', 'flags', 'messages', 'outbox', 'sync_cursors');
  return result.changes > 0;
}
