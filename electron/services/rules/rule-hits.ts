import { assertNever } from '@shared/assert-never';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { signalBit } from '@shared/domain/join-request';
import { newId } from '@shared/ids';
import { canTakeDecision } from '@shared/join-requests/decision-gate';
import { ruleActor, type RuleSummary } from '@shared/rules/model';
import { decideJoinRequests } from '../decisions/join-decisions';
import type { Store, Tx } from '../store/database';
import { sql } from '../store/sql';
import { storeWithin } from './store-within';

const REVIEW = signalBit('marked-for-review');

export interface HitContext {
  readonly store: Store;
  readonly device: string;
  readonly graceMs: number;
  readonly now: number;
  /** Each connection's capabilities; null decides as the rule says (tests, and no connector known). */
  readonly capabilities?: readonly ConnectionCapabilities[] | null;
}

/**
 * The hits whose connection cannot take the decision (a decline-and-ban on a platform that
 * cannot ban): a person looks at those instead, the same way a rule whose reason vanished
 * holds its hits, rather than the rule doing less than it says or queuing a push that fails.
 */
async function splitByCapability(tx: Tx, ids: readonly string[], decision: JoinDecisionKind, capabilities: readonly ConnectionCapabilities[] | null | undefined) {
  if (!capabilities) return { able: [...ids], unable: [] as string[] };
  const rows = await tx.all<{ id: string; connection_id: string }>(sql`SELECT j.id, j.connection_id FROM json_each(${JSON.stringify(ids)}) i
    CROSS JOIN join_requests j ON j.id = i.value`);
  const able = new Set(
    capabilities.filter((connection) => canTakeDecision(connection, decision)).map((connection) => connection.connectionId),
  );
  return { able: rows.filter((r) => able.has(r.connection_id)).map((r) => r.id), unable: rows.filter((r) => !able.has(r.connection_id)).map((r) => r.id) };
}

const VERB = { approve: 'approved', decline: 'declined', review: 'marked for review' } as const;

/**
 * One enabled rule acting on the requests it matched, inside the runner's transaction.
 * Approve and decline go through the same decision machinery as a key press
 * (`decideJoinRequests`: rows, outbox rows with idempotency keys, audit, an entry in
 * Recent actions that `u` can undo within the grace period), with the rule and its
 * version as the actor. "Review" leaves the request pending and marks it. Every hit
 * also gets a `rule.hit` audit entry naming the rule id and version.
 * Returns whether anything was queued for the platform.
 */
export async function applyRuleHits(tx: Tx, rule: RuleSummary, ids: readonly string[], context: HitContext): Promise<boolean> {
  const { action } = rule.definition;
  const actor = ruleActor(rule.id, rule.version);
  const label = `Rule “${rule.name}” (v${rule.version})`;
  let actionId: string | null = null;
  /** Hits held for a person (left pending, marked for review), and hits the rule decided. */
  let held: readonly string[] = ids;
  let acted: readonly string[] = [];
  switch (action.kind) {
    case 'approve':
    case 'decline': {
      const reason =
        action.kind === 'decline'
          ? ((await tx.get<{ text: string }>(sql`SELECT text FROM decision_reasons WHERE id = ${action.reasonId}`))?.text ?? null)
          : null;
      // A decline whose reason has vanished from the store is held for a person instead.
      if (action.kind === 'decline' && reason === null) break;
      const decision: JoinDecisionKind = action.kind === 'approve' ? 'approve' : action.ban ? 'decline-ban' : 'decline';
      const { able, unable } = await splitByCapability(tx, ids, decision, context.capabilities);
      held = unable;
      acted = able;
      if (able.length === 0) break;
      const decided = await decideJoinRequests(storeWithin(context.store, tx), {
        target: { kind: 'ids', ids: able },
        decision,
        reason,
        snoozeUntil: null,
        actor,
        device: context.device,
        graceMs: context.graceMs,
        now: context.now,
      });
      actionId = decided.actionId;
      await tx.run(sql`UPDATE moderation_actions SET summary = ${label + ': '} || summary WHERE id = ${actionId}`);
      break;
    }
    case 'review':
      break;
    default:
      assertNever(action, 'rule action');
  }
  if (held.length > 0)
    await tx.run(sql`UPDATE join_requests SET signals = signals | ${REVIEW}, review_rule_id = ${rule.id},
        review_rule_version = ${rule.version}, updated_at = ${context.now}
      WHERE id IN (SELECT value FROM json_each(${JSON.stringify(held)}))`);
  const hitId = newId(context.now);
  const effects: readonly [readonly string[], 'approve' | 'decline' | 'review'][] = [
    [acted, action.kind === 'approve' ? 'approve' : 'decline'],
    [held, 'review'],
  ];
  for (const [hits, effect] of effects) {
    if (hits.length === 0) continue;
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT ${hitId} || '.' || j.seq, ${context.now}, ${actor}, ${context.device}, 'rule.hit', 'join_request', j.id, NULL,
        json_object('rule', ${rule.id}, 'version', ${rule.version}, 'action', ${effect}, 'decisionAction', ${effect === 'review' ? null : actionId}),
        ${label + ' ' + VERB[effect] + ' '} || j.person_name || ' in ' || c.name
      FROM json_each(${JSON.stringify(hits)}) i CROSS JOIN join_requests j ON j.id = i.value JOIN communities c ON c.id = j.community_id`);
  }
  await tx.run(sql`UPDATE rules SET hits = hits + ${ids.length}, last_hit_at = ${context.now} WHERE id = ${rule.id}`);
  tx.touch('join_requests', 'audit_log', 'rules');
  return actionId !== null;
}
