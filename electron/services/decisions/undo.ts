import type { UndoResult } from '@shared/domain/decisions';
import { AppFailure } from '@shared/result';
import type { Store } from '../store/database';
import { mayHaveReachedPlatform } from '../store/repositories/outbox';
import { sql } from '../store/sql';

/** The outbox rows an action wrote: their ids are `<actionId>.<seq>` ('/' sorts right after '.'). */
const ofAction = (actionId: string) => sql`o.id > ${actionId + '.'} AND o.id < ${actionId + '/'}`;


/**
 * Takes an action back where it has not reached the platform yet: its untried queued
 * (or failed) pushes are discarded and those rows return to the state before the action.
 * Rows whose push may have reached the platform stay decided and are counted, never
 * re-sent by undo. Runs in one transaction, so the drainer sees either the action or its undo.
 */
export async function undoAction(store: Store, input: { actionId: string; actor: string; device: string; now: number }): Promise<UndoResult> {
  return store.writer.transaction(async (tx) => {
    const action = await tx.get<{ undone_at: number | null }>(sql`SELECT undone_at FROM moderation_actions WHERE id = ${input.actionId}`);
    if (!action) throw new AppFailure('not-found', 'That action is not in the recent actions any more.');
    if (action.undone_at !== null) return { restored: 0, alreadyPushed: 0 };

    await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS undo_targets (seq INTEGER PRIMARY KEY)`);
    await tx.run(sql`DELETE FROM undo_targets`);
    await tx.run(sql`INSERT INTO undo_targets (seq) SELECT j.seq FROM join_requests j
      WHERE j.last_action_id = ${input.actionId} AND NOT EXISTS (SELECT 1 FROM outbox o
        WHERE ${ofAction(input.actionId)} AND o.subject_id = j.id AND ${mayHaveReachedPlatform})`);
    const pushed = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox o
      WHERE ${ofAction(input.actionId)} AND ${mayHaveReachedPlatform}`);

    await tx.run(sql`UPDATE outbox AS o SET state = 'discarded', last_error = 'Undone before it was sent', updated_at = ${input.now}
      WHERE ${ofAction(input.actionId)} AND o.state IN ('queued', 'failed') AND NOT ${mayHaveReachedPlatform}`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT ${input.actionId} || '.undo.' || j.seq, ${input.now}, ${input.actor}, ${input.device}, 'join.undo', 'join_request', j.id,
        json_object('status', j.status, 'decision', j.decision), json_object('status', coalesce(j.previous_status, 'pending')),
        'Undid the decision on ' || j.person_name
      FROM undo_targets t CROSS JOIN join_requests j ON j.seq = t.seq`);
    const restored = await tx.run(sql`UPDATE join_requests SET status = coalesce(previous_status, 'pending'),
        previous_status = NULL, decision = NULL, decision_reason = NULL, decided_by = NULL, decided_at = NULL,
        snoozed_until = NULL, sync_state = 'synced', sync_error = NULL, last_action_id = NULL,
        revision = revision + 1, updated_at = ${input.now}
      WHERE seq IN (SELECT seq FROM undo_targets)`);
    await tx.run(sql`UPDATE moderation_actions SET undone_at = ${input.now} WHERE id = ${input.actionId}`);
    tx.touch('join_requests', 'outbox', 'audit_log');
    return { restored: restored.changes, alreadyPushed: pushed?.n ?? 0 };
  });
}
