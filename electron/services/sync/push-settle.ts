import { describeConnectorError, isConnectorFailure, type Outcome } from '@shared/connectors';
import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import { failPush, requeuePush, settleDone } from '../store/repositories/outbox-delivery';
import { describePush, type OutboxPush } from '../store/repositories/outbox-payloads';
import type { OutboxRecord } from '../store/repositories/outbox-records';
import { markNeedsReauth } from '../store/repositories/sync-connections';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { reauthReason } from './pull-job';

export interface SettleDeps {
  readonly store: Store;
  readonly log: Logger;
  readonly now: () => number;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly device: string;
}

/** `unconfirmed`: the platform took the call but its answer was unreadable; the row stays in flight to be reconciled. */
export type Settled = 'done' | 'requeued' | 'failed' | 'needs-reauth' | 'unconfirmed';

/** Records what a push achieved; the row must be in flight (attempts already counted). */
export async function settleOutcome(deps: SettleDeps, row: OutboxRecord, outcome: Outcome): Promise<Settled> {
  const now = deps.now();
  await deps.store.writer.transaction((tx) => settleDone(tx, row, outcome, deps.device, now));
  return 'done';
}

/**
 * What a failed push does next, by error class: wait out a 429, back off after a
 * transient failure, pause the connection on auth (the row waits, untouched), and
 * give up with a readable reason on conflict, not-found and invalid. A 2xx answer
 * that could not be read is none of these: see `unconfirmed`.
 */
export async function settleError(deps: SettleDeps, row: OutboxRecord, push: OutboxPush, error: unknown): Promise<Settled> {
  const now = deps.now();
  const attempts = row.attempts + 1;
  if (!isConnectorFailure(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    deps.log.error('Push failed unexpectedly; retrying later', { outboxId: row.id, error: detail });
    await deps.store.writer.transaction((tx) =>
      requeuePush(tx, row, { notBefore: now + backoffDelay(attempts, deps.random, deps.backoff), errorClass: 'internal', error: detail }, now),
    );
    return 'requeued';
  }
  const failure = error.error;
  const message = describeConnectorError(failure);
  if ((failure.class === 'transient' || failure.class === 'invalid') && failure.unreadableSuccess) {
    // A 2xx is a call the platform took: it may have applied it. Neither failed (it may
    // have worked) nor re-sent (it would double): the row stays in flight, and the
    // drainer reconciles it with the platform, by idempotency key, before that
    // connection sends anything else.
    deps.log.warn('The platform took a push but its answer could not be read; reconciling before any re-send', { outboxId: row.id, error: message });
    return 'unconfirmed';
  }
  switch (failure.class) {
    case 'rate-limited':
      await deps.store.writer.transaction((tx) =>
        requeuePush(tx, row, { notBefore: now + failure.retryAfterMs, errorClass: failure.class, error: message }, now),
      );
      return 'requeued';
    case 'transient':
      await deps.store.writer.transaction((tx) =>
        requeuePush(tx, row, { notBefore: now + backoffDelay(attempts, deps.random, deps.backoff), errorClass: failure.class, error: message }, now),
      );
      return 'requeued';
    case 'auth':
      deps.log.warn('Credentials refused; connection paused until re-authenticated', { connectionId: row.connectionId, reason: failure.reason });
      await deps.store.writer.transaction(async (tx) => {
        await markNeedsReauth(tx, row.connectionId, reauthReason(failure), now);
        await requeuePush(tx, row, { notBefore: row.notBefore, errorClass: null, error: null, refundAttempt: true }, now);
      });
      return 'needs-reauth';
    case 'conflict':
    case 'not-found':
    case 'invalid':
      await deps.store.writer.transaction((tx) =>
        failPush(
          tx,
          row,
          { errorClass: failure.class, message: `Could not ${describePush(push)}: ${message}`, subjectState: failure.class === 'conflict' ? 'conflict' : 'failed' },
          deps.device,
          now,
        ),
      );
      return 'failed';
  }
}
