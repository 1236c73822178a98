import type { ConnectionKind } from '@shared/domain/connection';
import type { JoinDecisionKind, LeftPending } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { canTakeDecision, decisionReach, decisionRefusal, type DecisionReach } from '@shared/join-requests/decision-gate';
import { AppFailure } from '@shared/result';
import type { Reader } from '../store/database';
import type { SqlQuery } from '../store/sql';

/** One connection's share of a decision's rows, as the gate's queries select it. */
export interface ConnectionRowCount {
  readonly connection_id: string;
  readonly kind: ConnectionKind;
  readonly name: string;
  readonly rows: number;
}

/**
 * The gate over rows grouped by connection (`grouped` selects ConnectionRowCount), with
 * each connection's capabilities from its connector descriptor, read before the caller's
 * transaction (connection-capabilities.ts). A connection missing from that list was
 * removed meanwhile: it cannot be reached.
 */
export async function reachOf(
  db: Reader,
  grouped: SqlQuery,
  decision: JoinDecisionKind,
  capabilities: readonly ConnectionCapabilities[],
): Promise<{ readonly reach: DecisionReach; readonly unableIds: readonly string[] }> {
  const groups = (await db.all<ConnectionRowCount>(grouped)).map((row) => ({
    rows: row.rows,
    connection: capabilities.find((c) => c.connectionId === row.connection_id) ?? { connectionId: row.connection_id, name: row.name, kind: row.kind, capabilities: null, bulkRemoveLimit: null },
  }));
  return {
    reach: decisionReach(decision, groups),
    unableIds: groups.filter((group) => !canTakeDecision(group.connection, decision)).map((group) => group.connection.connectionId),
  };
}

/** Refuses, writing nothing, when no row can take the decision; else what is left pending, if anything. */
export function leftPendingOf(decision: JoinDecisionKind, reach: DecisionReach): LeftPending | null {
  if (reach.able === 0 && reach.unable > 0) throw new AppFailure('forbidden', decisionRefusal(decision, reach.reason ?? 'its platform cannot take it.'));
  return reach.unable > 0 && reach.reason ? { count: reach.unable, reason: reach.reason } : null;
}
