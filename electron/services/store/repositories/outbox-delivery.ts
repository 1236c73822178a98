import type { Outcome } from '@shared/connectors';
import { describeConnectorError } from '@shared/connectors';
import type { SyncState } from '@shared/domain/join-request';
import type { Reader, Tx } from '../database';
import { sql } from '../sql';
import { appendAudit } from './audit';
import { describePush, readPush } from './outbox-payloads';
import { OUTBOX_COLUMNS, outboxSnapshot, selectOutbox, type OutboxRecord } from './outbox-records';
import { recordHandledBy, setSubjectSyncState, settleDelivery } from './push-subjects';

/**
 * The outbox as the drainer moves it (see services/sync/README.md). Every transition
 * is guarded by the state it expects, so a row cancelled or retried meanwhile is
 * never overwritten.
 */

/**
 * Rows that may be sent now, oldest first: queued, due, on an active connection, and
 * with no earlier row for the same (connection, target) still queued or in flight.
 * A failed earlier row does not hold the target: it waits for a person to retry or
 * discard it, and everything behind it would otherwise wait forever.
 * (The state test is spelled as outbox_target's WHERE, word for word, so SQLite may use
 * that partial index; `+` keeps the extra test from steering the plan.)
 */
export function dueOutbox(reader: Reader, now: number, limit: number): Promise<OutboxRecord[]> {
  return selectOutbox(
    reader,
    sql`SELECT ${OUTBOX_COLUMNS} FROM outbox o JOIN connections c ON c.id = o.connection_id AND c.state = 'active'
      WHERE o.state = 'queued' AND o.not_before <= ${now}
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.connection_id = o.connection_id AND e.target_key = o.target_key
                          AND e.seq < o.seq AND e.state IN ('queued', 'in-flight', 'failed') AND +e.state <> 'failed')
      ORDER BY o.seq LIMIT ${limit}`,
  );
}

export function inFlightOutbox(reader: Reader): Promise<OutboxRecord[]> {
  return selectOutbox(reader, sql`SELECT ${OUTBOX_COLUMNS} FROM outbox o WHERE o.state = 'in-flight' ORDER BY o.seq`);
}

/** When the next queued row on an active connection becomes due, if any is waiting. */
export async function nextOutboxDueAt(reader: Reader, now: number): Promise<number | null> {
  const row = await reader.get<{ at: number | null }>(sql`SELECT min(o.not_before) AS at FROM outbox o
    JOIN connections c ON c.id = o.connection_id AND c.state = 'active'
    WHERE o.state = 'queued' AND o.not_before > ${now}`);
  return row?.at ?? null;
}

/**
 * Committed before the call, so a crash during it leaves evidence to reconcile. False when
 * the row is no longer queued, or its connection is no longer active: a pass sends rows it
 * read before a pause, and the user pauses exactly to stop the rest of a wrong bulk action,
 * so the state is tested here, in the claim itself, not only when the pass read its rows.
 * A row refused this way stays queued and goes out after Resume.
 */
export async function markInFlight(tx: Tx, id: string, now: number): Promise<boolean> {
  const { changes } = await tx.run(sql`UPDATE outbox SET state = 'in-flight', attempts = attempts + 1, updated_at = ${now}
    WHERE id = ${id} AND state = 'queued'
      AND EXISTS (SELECT 1 FROM connections c WHERE c.id = outbox.connection_id AND c.state = 'active')`);
  tx.touch('outbox');
  return changes > 0;
}

function partialFailures(outcome: Outcome): string | null {
  if (outcome.status !== 'partial' || outcome.failed.length === 0) return null;
  return `${outcome.failed.length} of ${outcome.failed.length + outcome.succeeded.length} failed: ${outcome.failed
    .slice(0, 10)
    .map((f) => `${f.id} (${describeConnectorError(f.error)})`)
    .join(', ')}`;
}

/** The platform took it (or had it already): done, the subject synced, and a line in the audit log. */
export async function settleDone(tx: Tx, row: OutboxRecord, outcome: Outcome, device: string, now: number): Promise<void> {
  const failures = partialFailures(outcome);
  const { changes } = await tx.run(sql`UPDATE outbox SET state = 'done', outcome = ${outcome.status}, last_error_class = NULL,
      last_error = ${failures}, completed_at = ${now}, updated_at = ${now}
    WHERE id = ${row.id} AND state = 'in-flight'`);
  if (changes === 0) return;
  await setSubjectSyncState(tx, row, failures ? 'failed' : 'synced', failures, now);
  if (outcome.status === 'already-handled' && outcome.by) await recordHandledBy(tx, row, outcome.by);
  if (row.subjectType === 'announcement_delivery') await settleDelivery(tx, row.subjectId, row.kind, { outcome }, now);
  const push = readPush(row.kind, row.payload);
  const by = outcome.status === 'already-handled' && outcome.by ? ` (already done by ${outcome.by.name})` : '';
  await appendAudit(tx, {
    actor: row.actor,
    device,
    action: `outbox.${outcome.status}`,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: { outboxId: row.id, ...outboxSnapshot(row) },
    after: { outboxId: row.id, state: 'done', outcome },
    summary: `${push ? describePush(push) : row.kind}: ${outcome.status}${by}`,
    at: now,
  });
  tx.touch('outbox');
}

export interface Requeue {
  readonly notBefore: number;
  readonly errorClass: string | null;
  readonly error: string | null;
  /** The call never counted (the connection needs re-auth): give the attempt back. */
  readonly refundAttempt?: boolean;
}

/** Back to the queue, not before `notBefore` (a Retry-After, a backoff, or now after a reconcile). */
export async function requeuePush(tx: Tx, row: OutboxRecord, requeue: Requeue, now: number): Promise<void> {
  await tx.run(sql`UPDATE outbox SET state = 'queued', not_before = ${requeue.notBefore},
      attempts = attempts - ${requeue.refundAttempt ? 1 : 0},
      last_error_class = coalesce(${requeue.errorClass}, last_error_class), last_error = coalesce(${requeue.error}, last_error),
      updated_at = ${now}
    WHERE id = ${row.id} AND state = 'in-flight'`);
  tx.touch('outbox');
}

export interface Failure {
  readonly errorClass: string;
  readonly message: string;
  /** `conflict` when the platform's copy moved on (stale version, claimed by another). */
  readonly subjectState: Extract<SyncState, 'failed' | 'conflict'>;
}

/** Will not succeed by retrying: failed, with a reason a person can act on. */
export async function failPush(tx: Tx, row: OutboxRecord, failure: Failure, device: string, now: number): Promise<void> {
  const { changes } = await tx.run(sql`UPDATE outbox SET state = 'failed', last_error_class = ${failure.errorClass},
      last_error = ${failure.message}, updated_at = ${now}
    WHERE id = ${row.id} AND state = 'in-flight'`);
  if (changes === 0) return;
  await setSubjectSyncState(tx, row, failure.subjectState, failure.message, now);
  if (row.subjectType === 'announcement_delivery') await settleDelivery(tx, row.subjectId, row.kind, { error: failure.message }, now);
  const push = readPush(row.kind, row.payload);
  await appendAudit(tx, {
    actor: row.actor,
    device,
    action: 'outbox.failed',
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: { outboxId: row.id, ...outboxSnapshot(row) },
    after: { outboxId: row.id, state: 'failed', errorClass: failure.errorClass, error: failure.message },
    summary: `${push ? describePush(push) : row.kind}: failed, ${failure.message}`,
    at: now,
  });
  tx.touch('outbox');
}
