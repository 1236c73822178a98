import { createHash } from 'node:crypto';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Tx } from '../database';
import { sql } from '../sql';
import { appendAudit, type ActingAs } from './audit';
import { describePush, outboxPushSchema, readPush, type OutboxPush, type OutboxSubjectType } from './outbox-payloads';
import { getOutboxRecord, outboxSnapshot, type OutboxRecord } from './outbox-records';
import { setSubjectSyncState, settleSubjectIfIdle } from './push-subjects';

/**
 * The outbox as features use it, always inside their own decision transaction, so the
 * local change and the intent to push it commit together (DESIGN §3). The drainer
 * (services/sync) takes it from there; see services/sync/README.md for the states.
 */
/**
 * A push that may have reached the platform, over `outbox o`: in flight, done, or queued
 * again after a try whose answer never came (a timeout, a dropped connection: the
 * platform may well have applied it). Undo and cancel must not take those back locally.
 */
export const mayHaveReachedPlatform = sql`(o.state IN ('in-flight', 'done') OR (o.state = 'queued' AND o.attempts > 0))`;

export type PushRequest = OutboxPush & {
  readonly connectionId: string;
  /**
   * Pushes with the same target key on one connection reach the platform in the order
   * they were enqueued (e.g. "approve", then "mute", for one person in one community).
   * Use `targetKeyOf`.
   */
  readonly targetKey: string;
  readonly subjectType: OutboxSubjectType;
  readonly subjectId: string;
  /** Stable across retries of the same intended action; see `idempotencyKeyOf`. */
  readonly idempotencyKey: string;
  /** Not sent before this time (an undo grace window); defaults to now. */
  readonly notBefore?: number;
  readonly actor: string;
};

/** "community/person" (or just the community): the unit whose pushes keep their order. */
export const targetKeyOf = (communityExternalId: string, subjectExternalId?: string): string =>
  subjectExternalId === undefined ? communityExternalId : `${communityExternalId}/${subjectExternalId}`;

/** sha256 of the parts (connection, item, action, decision revision): the same intent always gets the same key. */
export const idempotencyKeyOf = (...parts: readonly (string | number)[]): string =>
  createHash('sha256').update(parts.map(String).join('\u001f')).digest('hex');

/** Queues a push and marks its subject `pending-push`. Returns the outbox row id. A repeated idempotency key fails as `conflict`. */
export async function enqueuePush(tx: Tx, request: PushRequest, now: number = Date.now()): Promise<string> {
  const push = outboxPushSchema.safeParse({ kind: request.kind, payload: request.payload });
  if (!push.success) throw new AppFailure('internal', `Outbox payload does not match its kind ${request.kind}: ${push.error.message}`);
  const id = newId(now);
  await tx.run(sql`INSERT INTO outbox (id, connection_id, target_key, kind, subject_type, subject_id, payload, idempotency_key, state,
      not_before, actor, created_at, updated_at)
    VALUES (${id}, ${request.connectionId}, ${request.targetKey}, ${request.kind}, ${request.subjectType}, ${request.subjectId},
      ${JSON.stringify(request.payload)}, ${request.idempotencyKey}, 'queued', ${request.notBefore ?? now}, ${request.actor}, ${now}, ${now})`);
  await setSubjectSyncState(tx, request, 'pending-push', null, now);
  tx.touch('outbox');
  return id;
}

const summaryOf = (row: OutboxRecord, what: string) => {
  const push = readPush(row.kind, row.payload);
  return `${what}: ${push ? describePush(push) : row.kind}`;
};

/** A failed push goes back to the queue, due now. False when the row is not failed. */
export async function retryPush(tx: Tx, id: string, by: ActingAs, now: number = Date.now()): Promise<boolean> {
  const row = await getOutboxRecord(tx, id);
  if (!row || row.state !== 'failed') return false;
  await tx.run(sql`UPDATE outbox SET state = 'queued', not_before = ${now}, last_error_class = NULL, updated_at = ${now}
    WHERE id = ${id} AND state = 'failed'`);
  await setSubjectSyncState(tx, row, 'pending-push', null, now);
  await appendAudit(tx, {
    ...by,
    action: 'outbox.retry',
    subjectType: 'outbox',
    subjectId: id,
    before: outboxSnapshot(row),
    after: outboxSnapshot({ ...row, state: 'queued', notBefore: now }),
    summary: summaryOf(row, 'Retry'),
    at: now,
  });
  tx.touch('outbox');
  return true;
}

/** Gives up on a failed or still queued push; the local change stays, marked as not synced. */
export async function discardPush(tx: Tx, id: string, by: ActingAs, now: number = Date.now()): Promise<boolean> {
  const row = await getOutboxRecord(tx, id);
  if (!row || (row.state !== 'failed' && row.state !== 'queued')) return false;
  await tx.run(sql`UPDATE outbox SET state = 'discarded', completed_at = ${now}, updated_at = ${now}
    WHERE id = ${id} AND state IN ('failed', 'queued')`);
  await setSubjectSyncState(tx, row, 'failed', `Not sent to the platform: discarded by ${by.actor}`, now);
  await appendAudit(tx, {
    ...by,
    action: 'outbox.discard',
    subjectType: 'outbox',
    subjectId: id,
    before: outboxSnapshot(row),
    after: outboxSnapshot({ ...row, state: 'discarded' }),
    summary: summaryOf(row, 'Discarded'),
    at: now,
  });
  tx.touch('outbox');
  return true;
}

/**
 * Undo before the push left: removes a queued row that is not yet in flight. False
 * when it already left (or is gone); the caller then issues the inverse action instead.
 */
export async function cancelPush(tx: Tx, id: string, by: ActingAs, now: number = Date.now()): Promise<boolean> {
  const row = await getOutboxRecord(tx, id);
  if (!row || row.state !== 'queued') return false;
  const { changes } = await tx.run(sql`DELETE FROM outbox WHERE id = ${id} AND state = 'queued'`);
  if (changes === 0) return false;
  await settleSubjectIfIdle(tx, row, now);
  await appendAudit(tx, {
    ...by,
    action: 'outbox.cancel',
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: { outboxId: id, ...outboxSnapshot(row) },
    summary: summaryOf(row, 'Cancelled before sending'),
    at: now,
  });
  tx.touch('outbox');
  return true;
}
