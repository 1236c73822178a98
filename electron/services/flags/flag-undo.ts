import type { UndoResult } from '@shared/domain/decisions';
import { AppFailure } from '@shared/result';
import type { Store } from '../store/database';
import { mayHaveReachedPlatform } from '../store/repositories/outbox';
import { sql } from '../store/sql';
import { pushesOf } from './pushes/push-context';

/**
 * Takes a flag action back where it has not reached a platform yet, in one transaction
 * (the drainer sees the action or its undo, never half): its queued or failed pushes
 * are discarded; flags none of whose pushes left return to their status before, with
 * their reports reopened; sanctions and removals whose push was discarded leave the
 * author's standing and the messages show again; a lift whose push was discarded puts the
 * ban or mute back. What already left stays, and is counted.
 * The evidence stays too: it records what was decided, and when.
 */
export async function undoFlagAction(store: Store, input: { actionId: string; actor: string; device: string; now: number }): Promise<UndoResult> {
  const { actionId, now } = input;
  return store.writer.transaction(async (tx) => {
    const action = await tx.get<{ undone_at: number | null; queue: string }>(sql`SELECT undone_at, queue FROM moderation_actions WHERE id = ${actionId}`);
    if (!action || action.queue !== 'flags') throw new AppFailure('not-found', 'That action is not in the recent actions any more.');
    if (action.undone_at !== null) return { restored: 0, alreadyPushed: 0 };

    await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS undo_pushes (id TEXT PRIMARY KEY)`);
    await tx.run(sql`DELETE FROM undo_pushes`);
    // A push queued again after a try whose answer was lost may have been applied: it stays, like one in flight.
    await tx.run(sql`INSERT INTO undo_pushes (id) SELECT o.id FROM outbox o WHERE ${pushesOf(actionId)} AND o.state IN ('queued', 'failed') AND NOT ${mayHaveReachedPlatform}`);
    const left = sql`SELECT o.subject_id FROM outbox o WHERE ${pushesOf(actionId)} AND ${mayHaveReachedPlatform}`;
    const pushed = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox o WHERE ${pushesOf(actionId)} AND ${mayHaveReachedPlatform}`);

    await tx.run(sql`UPDATE outbox SET state = 'discarded', last_error = 'Undone before it was sent', updated_at = ${now}
      WHERE id IN (SELECT id FROM undo_pushes)`);
    await tx.run(sql`UPDATE member_sanctions SET undone_at = ${now} WHERE action_id = ${actionId} AND outbox_id IN (SELECT id FROM undo_pushes)`);
    await tx.run(sql`UPDATE messages SET removed_at = NULL WHERE id IN (SELECT s.message_id FROM member_sanctions s
      WHERE s.action_id = ${actionId} AND s.kind = 'removal' AND s.outbox_id IN (SELECT id FROM undo_pushes))`);
    // A lift taken back: the ban or mute stands again, in the standing too.
    // lift_outbox_id has no index; lift_action_id has (member_sanctions_lift), so the
    // subquery narrows to this action's lifts first instead of scanning per push.
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT o.id || '.undo', ${now}, ${input.actor}, ${input.device}, 'flag.lift-undo', 'member', o.subject_id,
        json_object('lifted', json('true')), json_object('lifted', json('false')), 'Undid lifting a ' || s.kind
      FROM undo_pushes u JOIN outbox o ON o.id = u.id AND o.subject_type = 'member'
      JOIN member_sanctions s ON s.seq = (SELECT min(t.seq) FROM member_sanctions t WHERE t.lift_action_id = ${actionId} AND t.lift_outbox_id = o.id)`);
    await tx.run(sql`UPDATE member_sanctions SET lifted_at = NULL, lift_action_id = NULL, lift_outbox_id = NULL
      WHERE lift_action_id = ${actionId} AND lift_outbox_id IN (SELECT id FROM undo_pushes)`);

    await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS undo_flags (seq INTEGER PRIMARY KEY)`);
    await tx.run(sql`DELETE FROM undo_flags`);
    await tx.run(sql`INSERT INTO undo_flags (seq) SELECT f.seq FROM flags f WHERE f.last_action_id = ${actionId} AND f.id NOT IN (${left})`);
    await tx.run(sql`UPDATE reports SET status = 'open', resolved_by_action = NULL
      WHERE resolved_by_action = ${actionId} AND flag_id IN (SELECT f.id FROM undo_flags u JOIN flags f ON f.seq = u.seq)`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT ${actionId} || '.undo.' || f.seq, ${now}, ${input.actor}, ${input.device}, 'flag.undo', 'flag', f.id,
        json_object('status', f.status, 'decision', f.decision), json_object('status', coalesce(f.previous_status, 'open')),
        'Undid the ' || f.decision || ' of a message by ' || m.author_name
      FROM undo_flags u JOIN flags f ON f.seq = u.seq JOIN messages m ON m.id = f.message_id`);
    const restored = await tx.run(sql`UPDATE flags SET status = coalesce(previous_status, 'open'), previous_status = NULL,
        decision = NULL, decision_note = NULL, decided_by = NULL, decided_at = NULL, sync_state = 'synced', sync_error = NULL,
        last_action_id = NULL, revision = revision + 1, updated_at = ${now}
      WHERE seq IN (SELECT seq FROM undo_flags)`);
    // Flags that keep the action (a push left) or were only its subject: synced unless a push of theirs still waits.
    await tx.run(sql`UPDATE flags SET sync_state = 'synced', sync_error = NULL, updated_at = ${now}
      WHERE id IN (SELECT o.subject_id FROM outbox o WHERE ${pushesOf(actionId)}) AND seq NOT IN (SELECT seq FROM undo_flags)
        AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.subject_type = 'flag' AND w.subject_id = flags.id AND w.state IN ('queued', 'in-flight', 'failed'))`);
    await tx.run(sql`UPDATE moderation_actions SET undone_at = ${now} WHERE id = ${actionId}`);
    tx.touch('flags', 'outbox', 'audit_log', 'messages');
    return { restored: restored.changes, alreadyPushed: pushed?.n ?? 0 };
  });
}
