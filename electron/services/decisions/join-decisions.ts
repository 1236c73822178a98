import type { DecisionResult, JoinDecisionKind, LeftPending } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { JoinTarget } from '@shared/contract/join-requests';
import { newId } from '@shared/ids';
import { RECORDED_BY_HAND } from '@shared/join-requests/decision-gate';
import { AppFailure } from '@shared/result';
import type { Store } from '../store/database';
import { sql } from '../store/sql';
import { leftPendingOf, reachOf } from './join-gate';
import { collectTargets } from './join-targets';

export interface DecisionInput {
  readonly target: JoinTarget;
  readonly decision: JoinDecisionKind;
  readonly reason: string | null;
  readonly snoozeUntil: number | null;
  readonly actor: string;
  readonly device: string;
  readonly graceMs: number;
  readonly now: number;
  /**
   * Each connection's capabilities (connection-capabilities.ts, read before this call):
   * rows whose connection cannot take the decision are left pending, and when none can,
   * the call is refused and writes nothing. Absent only for callers that decide rows
   * whose connection is known to take it (manual outcomes) or that predate the gate (rules).
   */
  readonly capabilities?: readonly ConnectionCapabilities[];
}

/** Platforms without an API: the decision was made on their site and is only recorded here. */
const MANUAL_CONNECTIONS = sql`(SELECT id FROM connections WHERE kind IN (SELECT value FROM json_each(${JSON.stringify([...RECORDED_BY_HAND])})))`;

const TARGETS_BY_CONNECTION = sql`SELECT j.connection_id, n.kind, n.name, count(*) AS rows
  FROM decision_targets t CROSS JOIN join_requests j ON j.seq = t.seq JOIN connections n ON n.id = j.connection_id
  GROUP BY j.connection_id`;

const STATUS_AFTER: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'approved',
  decline: 'declined',
  'decline-ban': 'declined',
  snooze: 'snoozed',
};

const VERB: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'Approved',
  decline: 'Declined',
  'decline-ban': 'Declined and banned',
  snooze: 'Snoozed',
};

/**
 * Decides every decidable row of the target in ONE transaction: the rows change at
 * once (optimistic), an outbox row per request is written beside them with an
 * idempotency key unique to (connection, request, revision), and each change is in the
 * audit log. Set-based throughout, so 10,000 rows cost a handful of statements.
 * Pushes wait out the grace period so the action can still be undone locally.
 * CROSS JOIN pins the targets as the outer loop: the planner knows nothing about the
 * temp table and otherwise scanned every join request (0.25 s per key press at 300k).
 */
export async function decideJoinRequests(store: Store, input: DecisionInput): Promise<DecisionResult> {
  const actionId = newId(input.now);
  const graceUntil = input.now + input.graceMs;
  const status = STATUS_AFTER[input.decision];
  const pushes = input.decision !== 'snooze';
  const { count, leftPending } = await store.writer.transaction(async (tx): Promise<{ count: number; leftPending: LeftPending | null }> => {
    let n = await collectTargets(tx, input.target, input.now);
    if (n === 0) return { count: 0, leftPending: null };
    let leftPending: LeftPending | null = null;
    if (input.capabilities) {
      const { reach, unableIds } = await reachOf(tx, TARGETS_BY_CONNECTION, input.decision, input.capabilities);
      leftPending = leftPendingOf(input.decision, reach);
      if (leftPending) {
        await tx.run(sql`DELETE FROM decision_targets WHERE seq IN (SELECT j.seq FROM decision_targets t CROSS JOIN join_requests j ON j.seq = t.seq
          WHERE j.connection_id IN (SELECT value FROM json_each(${JSON.stringify(unableIds)})))`);
        n -= leftPending.count;
      }
    }
    await tx.run(sql`UPDATE join_requests SET previous_status = status, status = ${status},
        decision = ${pushes ? input.decision : null}, decision_reason = ${input.reason},
        decided_by = ${input.actor}, decided_at = ${input.now}, snoozed_until = ${input.snoozeUntil},
        sync_state = CASE WHEN ${pushes} AND connection_id NOT IN ${MANUAL_CONNECTIONS} THEN 'pending-push' ELSE 'synced' END,
        sync_error = NULL,
        last_action_id = ${actionId}, revision = revision + 1, updated_at = ${input.now}
      WHERE seq IN (SELECT seq FROM decision_targets)`);
    if (pushes) {
      // Outbox ids share the action's id as prefix, so undo and the drawer find them by range.
      await tx.run(sql`INSERT INTO outbox (id, connection_id, target_key, kind, subject_type, subject_id, payload,
          idempotency_key, state, not_before, actor, created_at, updated_at)
        SELECT ${actionId} || '.' || j.seq, j.connection_id, c.external_id || '/' || m.external_id, 'join.decide',
          'join_request', j.id,
          json_object('requestExternalId', j.external_id, 'communityExternalId', c.external_id, 'version', j.version,
            'decision', ${input.decision === 'approve' ? 'approve' : 'decline'}, 'reason', ${input.reason},
            'ban', json(${input.decision === 'decline-ban' ? 'true' : 'false'})),
          'join:' || j.connection_id || ':' || j.external_id || ':' || j.revision, 'queued', ${graceUntil},
          ${input.actor}, ${input.now}, ${input.now}
        FROM decision_targets t CROSS JOIN join_requests j ON j.seq = t.seq
        JOIN communities c ON c.id = j.community_id JOIN members m ON m.id = j.member_id
        WHERE j.connection_id NOT IN ${MANUAL_CONNECTIONS}`);
    }
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT ${actionId} || '.' || j.seq, ${input.now}, ${input.actor}, ${input.device}, ${'join.' + input.decision},
        'join_request', j.id, json_object('status', j.previous_status),
        json_object('status', j.status, 'decision', j.decision, 'reason', j.decision_reason, 'action', ${actionId}),
        ${VERB[input.decision]} || ' ' || j.person_name || ' in ' || c.name || coalesce(' — ' || ${input.reason}, '')
      FROM decision_targets t CROSS JOIN join_requests j ON j.seq = t.seq JOIN communities c ON c.id = j.community_id`);
    await tx.run(sql`INSERT INTO moderation_actions (id, queue, decision, reason, summary, count, actor, device, created_at, grace_until)
      VALUES (${actionId}, 'join_requests', ${input.decision}, ${input.reason},
        ${`${VERB[input.decision]} ${n} join request${n === 1 ? '' : 's'}`}, ${n}, ${input.actor}, ${input.device},
        ${input.now}, ${graceUntil})`);
    tx.touch('join_requests', 'audit_log', ...(pushes ? (['outbox'] as const) : []));
    return { count: n, leftPending };
  });
  if (count === 0) throw new AppFailure('conflict', 'Nothing to decide: those requests were already decided or are gone.');
  return leftPending ? { actionId, count, graceUntil, leftPending } : { actionId, count, graceUntil };
}
