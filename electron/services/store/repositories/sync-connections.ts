import type { Reader, Tx } from '../database';
import { sql } from '../sql';

/** Connections the engine may pull from and push to now. */
export async function activeConnectionIds(reader: Reader): Promise<string[]> {
  const rows = await reader.all<{ id: string }>(sql`SELECT id FROM connections WHERE state = 'active' ORDER BY created_at, id`);
  return rows.map((row) => row.id);
}

export async function isConnectionActive(reader: Reader, connectionId: string): Promise<boolean> {
  const row = await reader.get<{ state: string }>(sql`SELECT state FROM connections WHERE id = ${connectionId}`);
  return row?.state === 'active';
}

/**
 * The platform refused our credentials: pause the connection until the user signs in
 * again. Only an active connection moves, so a user's own pause is never overwritten.
 */
export async function markNeedsReauth(tx: Tx, connectionId: string, reason: string, now: number): Promise<boolean> {
  const { changes } = await tx.run(sql`UPDATE connections SET state = 'needs-reauth', state_reason = ${reason}, updated_at = ${now}
    WHERE id = ${connectionId} AND state = 'active'`);
  if (changes > 0) tx.touch('connections');
  return changes > 0;
}
