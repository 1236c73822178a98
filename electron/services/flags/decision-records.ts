import type { FlagActionKind } from '@shared/domain/flagged';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';
import { pushesOf, type PushContext } from './pushes/push-context';
import { noteOf } from './warnings';

export interface Recorded {
  readonly kind: FlagActionKind;
  /** The status the decided (open) target flags take. */
  readonly status: 'dismissed' | 'actioned';
  /** The moderator's note, for the action as a whole (each flag's own is in `flag_notes`). */
  readonly note: string | null;
  readonly device: string;
  readonly summary: string;
  readonly count: number;
}

/**
 * The local side of an action, in its transaction: the decided flags change status (what
 * they were is kept for undo), every target flag shows whether pushes wait for it, each
 * gets an audit line holding its evidence's hash, and the action is one row of
 * `moderation_actions` for Recent actions and undo.
 */
export async function recordDecision(tx: Tx, context: PushContext, recorded: Recorded): Promise<void> {
  const { actionId, actor, now } = context;
  await tx.run(sql`UPDATE flags SET previous_status = status, status = ${recorded.status}, decision = ${recorded.kind},
      decision_note = ${noteOf('flags.id')}, decided_by = ${actor}, decided_at = ${now}, last_action_id = ${actionId},
      revision = revision + 1, handled_elsewhere_by = NULL, handled_elsewhere_at = NULL, updated_at = ${now}
    WHERE seq IN (SELECT seq FROM flag_targets WHERE decided)`);
  const pushed = sql`SELECT o.subject_id FROM outbox o WHERE ${pushesOf(actionId)}`;
  await tx.run(sql`UPDATE flags SET sync_state = 'pending-push', sync_error = NULL, updated_at = ${now} WHERE id IN (${pushed})`);
  await tx.run(sql`UPDATE flags SET sync_state = 'synced', sync_error = NULL
    WHERE seq IN (SELECT seq FROM flag_targets WHERE decided) AND id NOT IN (${pushed})`);
  await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
    SELECT ${actionId} || '.' || f.seq, ${now}, ${actor}, ${recorded.device}, ${'flag.' + recorded.kind}, 'flag', f.id,
      json_object('status', CASE WHEN t.decided THEN f.previous_status ELSE f.status END),
      json_object('status', f.status, 'decision', ${recorded.kind}, 'note', CASE WHEN t.decided THEN f.decision_note END,
        'action', ${actionId}, 'evidence', e.id, 'sha256', e.sha256),
      ${recorded.summary} || ': message by ' || m.author_name || ' in ' || c.name
    FROM flag_targets t JOIN flags f ON f.seq = t.seq JOIN messages m ON m.id = f.message_id JOIN communities c ON c.id = f.community_id
    LEFT JOIN flag_evidence e ON e.id = ${actionId} || '.e' || f.seq`);
  await tx.run(sql`INSERT INTO moderation_actions (id, queue, decision, reason, summary, count, actor, device, created_at, grace_until)
    VALUES (${actionId}, 'flags', ${recorded.kind}, ${recorded.note}, ${recorded.summary}, ${recorded.count}, ${actor}, ${recorded.device},
      ${now}, ${context.graceUntil})`);
  tx.touch('flags', 'audit_log');
}
