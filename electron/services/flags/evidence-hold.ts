import type { FlagAction } from '@shared/contract/flagged';
import type { Store, Tx } from '../store/database';
import { sql } from '../store/sql';
import { pushesOf } from './pushes/push-context';

/**
 * How long, at most, a push that deletes messages waits for the decided messages' files
 * to be kept as evidence. Long enough for a few images of up to 8 MB from a platform that
 * answers normally (well under a second each here), short enough that a removal the
 * moderator asked for is never held up noticeably: past it the push goes, and a file not
 * kept by then may read as gone. The text evidence is sealed in the decision either way.
 */
export const EVIDENCE_HOLD_MS = 3_000;

/** Actions whose push deletes messages on the platform, after which their files are gone. */
export function deletesMessages(action: FlagAction): boolean {
  switch (action.kind) {
    case 'remove':
    case 'remove-warn':
    case 'purge':
      return true;
    case 'ban':
      return (action.deleteHistorySeconds ?? 0) > 0;
    case 'dismiss':
    case 'mute':
    case 'kick':
      return false;
  }
}

/**
 * In the decision's transaction, after its pushes are queued: when the action deletes
 * messages and a target message (`flag_targets`) has files not kept yet, its pushes wait up to
 * EVIDENCE_HOLD_MS (in `not_before`, which the drainer honours whenever it wakes: it
 * wakes on the decision's own commit, before any caller could hold it). The common case,
 * no such file, costs one indexed lookup per target flag and holds nothing.
 */
export async function holdForEvidence(tx: Tx, action: FlagAction, actionId: string, graceUntil: number, now: number): Promise<boolean> {
  const until = now + EVIDENCE_HOLD_MS;
  if (!deletesMessages(action) || graceUntil >= until) return false;
  // CROSS JOIN keeps this order (targets, their flags, their files by the message index): left to the planner it
  // may scan every file not fetched yet in the store, 20 ms at 10k, on every key press.
  const waiting = await tx.get(sql`SELECT 1 AS y FROM flag_targets t CROSS JOIN flags f CROSS JOIN message_attachments a
    WHERE f.seq = t.seq AND a.message_id = f.message_id AND a.state IN ('not-fetched', 'failed') LIMIT 1`);
  if (!waiting) return false;
  const { changes } = await tx.run(sql`UPDATE outbox AS o SET not_before = ${until} WHERE ${pushesOf(actionId)} AND o.state = 'queued'`);
  return changes > 0;
}

/** Once the files are kept (or given up on): the held pushes go now, or when the grace period ends. */
export async function releaseEvidenceHold(store: Store, actionId: string, graceUntil: number, now: number): Promise<void> {
  const due = Math.max(graceUntil, now);
  await store.writer.transaction(async (tx) => {
    const { changes } = await tx.run(sql`UPDATE outbox AS o SET not_before = ${due}, updated_at = ${now}
      WHERE ${pushesOf(actionId)} AND o.state = 'queued' AND o.not_before > ${due}`);
    if (changes > 0) tx.touch('outbox');
  });
}
