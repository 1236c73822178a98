import { isConnectorFailure, type Connector } from '@shared/connectors';
import { failPush, requeuePush } from '../store/repositories/outbox-delivery';
import { capabilityOfPush, communityOfPush, describePush, readPush } from '../store/repositories/outbox-payloads';
import type { OutboxRecord } from '../store/repositories/outbox-records';
import { markNeedsReauth } from '../store/repositories/sync-connections';
import { backoffDelay } from './backoff';
import type { PlatformAccess } from './platform-access';
import { reauthReason } from './pull-job';
import { settleOutcome, type SettleDeps } from './push-settle';

export interface ReconcileDeps extends SettleDeps {
  readonly access: PlatformAccess;
}

export type Reconciled = 'settled' | 'retry-later' | 'needs-reauth';

/**
 * A row found in flight that no send is waiting on: the previous run stopped mid-call,
 * a restored backup still had it queued, or the platform took it (2xx) with an answer
 * that could not be read. It may or may not have reached the platform. Ask the platform (by idempotency key) before anything
 * is sent again: applied → done with its outcome; not applied → queued again;
 * unknown → queued only if the platform dedupes by key itself, otherwise failed with
 * a reason, for a person to check.
 */
export async function reconcileInFlight(deps: ReconcileDeps, row: OutboxRecord, connector: Connector, signal: AbortSignal): Promise<Reconciled> {
  const now = deps.now();
  const push = readPush(row.kind, row.payload);
  if (!push) {
    await deps.store.writer.transaction((tx) =>
      failPush(tx, row, { errorClass: 'invalid', message: `Unreadable ${row.kind} push; discard it`, subjectState: 'failed' }, deps.device, now),
    );
    return 'settled';
  }
  const descriptor = connector.describe();
  const scope = { connectionId: row.connectionId, capability: capabilityOfPush(push), target: communityOfPush(push) ?? row.targetKey };
  let result;
  try {
    result = await deps.access.call(descriptor, scope, () => connector.reconcile(row.idempotencyKey, { signal }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    if (isConnectorFailure(error) && error.error.class === 'auth') {
      const reason = reauthReason(error.error);
      await deps.store.writer.transaction((tx) => markNeedsReauth(tx, row.connectionId, reason, deps.now()));
      return 'needs-reauth';
    }
    deps.log.warn('Could not reconcile an interrupted push yet', { outboxId: row.id, error: error instanceof Error ? error.message : String(error) });
    return 'retry-later';
  }
  switch (result.state) {
    case 'applied':
      await settleOutcome(deps, row, result.outcome);
      return 'settled';
    case 'not-applied': {
      // Backing off by the attempts so far keeps a platform whose answers stay unreadable from being hammered.
      const notBefore = now + (row.attempts > 1 ? backoffDelay(row.attempts - 1, deps.random, deps.backoff) : 0);
      await deps.store.writer.transaction((tx) => requeuePush(tx, row, { notBefore, errorClass: null, error: null }, now));
      return 'settled';
    }
    case 'unknown':
      if (descriptor.sendIdempotency === 'native') {
        await deps.store.writer.transaction((tx) => requeuePush(tx, row, { notBefore: now, errorClass: null, error: null }, now));
      } else {
        const message = `Could not confirm whether “${describePush(push)}” reached the platform; check there, then retry or discard.`;
        await deps.store.writer.transaction((tx) => failPush(tx, row, { errorClass: 'unconfirmed', message, subjectState: 'failed' }, deps.device, now));
      }
      return 'settled';
  }
}
