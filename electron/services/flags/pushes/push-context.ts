import type { Capability } from '@shared/connectors';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { Tx } from '../../store/database';
import { sql, type SqlQuery } from '../../store/sql';

/** What every push of one action shares. */
export interface PushContext {
  readonly actionId: string;
  /** Pushes wait until then, so `u` can take the action back before anything leaves. */
  readonly graceUntil: number;
  readonly actor: string;
  readonly now: number;
  /** The connections' connector capabilities, read before the transaction. */
  readonly connections: readonly ConnectionCapabilities[];
}

/** JSON array of the connections that have any of `capabilities`, for `IN (SELECT value FROM json_each(?))`. */
export function capableJson(context: PushContext, capabilities: readonly Capability[]): string {
  return JSON.stringify(
    context.connections.filter((c) => c.capabilities !== null && capabilities.some((cap) => c.capabilities?.includes(cap))).map((c) => c.connectionId),
  );
}

export const capableOf = (context: PushContext, capabilities: readonly Capability[]): SqlQuery =>
  sql`(SELECT value FROM json_each(${capableJson(context, capabilities)}))`;

/**
 * Writes pushes from `rows`, a SELECT of (id, connection_id, target_key, subject_id, payload).
 * Ids are `<actionId>.<tag><n>`, so undo and Recent actions find an action's pushes by
 * range; each is a `moderate` push about a flag (its sync state shows the outcome) or,
 * for lifting a sanction, about a member, with an idempotency key of its own, due when
 * the grace period ends.
 */
export async function insertPushes(tx: Tx, context: PushContext, rows: SqlQuery, subjectType: 'flag' | 'member' = 'flag'): Promise<number> {
  const { changes } = await tx.run(sql`INSERT INTO outbox (id, connection_id, target_key, kind, subject_type, subject_id, payload,
      idempotency_key, state, not_before, actor, created_at, updated_at)
    SELECT p.id, p.connection_id, p.target_key, 'moderate', ${subjectType}, p.subject_id, p.payload, 'flag:' || p.id, 'queued',
      ${context.graceUntil}, ${context.actor}, ${context.now}, ${context.now}
    FROM (${rows}) p WHERE true`);
  if (changes > 0) tx.touch('outbox');
  return changes;
}

/** The outbox rows `o` of one action: ids `<actionId>.<…>` ('/' sorts right after '.'). */
export const pushesOf = (actionId: string): SqlQuery => sql`o.id > ${actionId + '.'} AND o.id < ${actionId + '/'}`;
