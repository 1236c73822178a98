import { describeConnectorError, isConnectorFailure, type Connector, type ConnectorError, type FeedDelivery, type Page } from '@shared/connectors';
import { AppFailure } from '@shared/result';
import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import type { SyncStream } from '@shared/domain/sync';
import { commitPage, readCursor, recordStreamError, restartStream } from '../store/repositories/cursors';
import { markNeedsReauth } from '../store/repositories/sync-connections';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { PlatformAccess } from './platform-access';
import type { ProgressBoard, ProgressChange } from './progress';
import type { StreamSpec } from './streams';
import { sleep, yieldToLoop } from './wait';

export interface PullDeps {
  readonly store: Store;
  readonly access: PlatformAccess;
  readonly progress: ProgressBoard;
  readonly log: Logger;
  readonly now: () => number;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  /** Items asked for per page (the connector clamps it to its own limit). */
  readonly pageSize: number;
}

export interface PullJob {
  readonly connectionId: string;
  readonly connector: Connector;
  readonly spec: StreamSpec<unknown>;
}

export type PullEnd = 'complete' | 'stopped' | 'failed' | 'needs-reauth' | 'storage-full';

/** Consecutive 429s or transient failures on one page before the run gives up until the next interval. */
const MAX_RETRIES = 6;

export const reauthReason = (error: Extract<ConnectorError, { class: 'auth' }>): string =>
  `The platform refused Modboard's credentials (${error.reason}). Reconnect this account to resume syncing; nothing queued is lost.`;

/** A stream-only feed keeps items for a while only: offline longer than that, some may be gone. */
export function retentionWarning(delivery: FeedDelivery, lastPullAt: number | null, stream: string, now: number): string | null {
  if (delivery.mode !== 'stream-only' || lastPullAt == null) return null;
  const gap = now - lastPullAt;
  if (gap <= delivery.retentionMs) return null;
  const hours = (ms: number) => `${Math.round(ms / 3_600_000)} h`;
  return (
    `Last pulled ${hours(gap)} ago, but the platform keeps ${stream.replace('-', ' ')} for only ${hours(delivery.retentionMs)}: ` +
    'Modboard may have missed items from that gap. Check the platform directly.'
  );
}

/** The latest pull of the streams a new stream replaced, or null when none of them ever ran. */
async function lastPullOfPredecessors(store: Store, connectionId: string, streams: readonly SyncStream[]): Promise<number | null> {
  let latest: number | null = null;
  for (const stream of streams) {
    const at = (await readCursor(store.reader, connectionId, stream))?.lastPullAt ?? null;
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/**
 * Pulls one stream of one connection until it is caught up. Each page and the cursor
 * after it commit in one transaction, so a crash or stop resumes from the last
 * committed page: no gaps, and re-delivered items are deduped by external id.
 */
export async function runPull(deps: PullDeps, job: PullJob, signal: AbortSignal): Promise<PullEnd> {
  const { connectionId, spec } = job;
  const update = (change: ProgressChange) => deps.progress.update(connectionId, spec.stream, change);
  update({ phase: 'running', itemsPulled: 0, itemsExpected: null, lastRunAt: deps.now(), nextRunAt: null });
  try {
    const end = await pullPages(deps, job, signal, update);
    update({ phase: end === 'complete' || end === 'stopped' ? 'idle' : 'error' });
    return end;
  } catch (error) {
    if (signal.aborted) {
      update({ phase: 'idle' });
      return 'stopped';
    }
    return recordFailure(deps, job, error, update);
  }
}

type Fetched = { readonly page: Page<unknown> } | { readonly error: unknown };

async function pullPages(deps: PullDeps, job: PullJob, signal: AbortSignal, update: (c: ProgressChange) => void): Promise<PullEnd> {
  const { connectionId, connector, spec } = job;
  const descriptor = connector.describe();
  const state = await readCursor(deps.store.reader, connectionId, spec.stream);
  const delivery = spec.delivery(descriptor);
  const lastPullAt = state?.lastPullAt ?? (await lastPullOfPredecessors(deps.store, connectionId, spec.succeeds ?? []));
  const warning = retentionWarning(delivery, lastPullAt, spec.stream, deps.now());
  // A stream-only feed (Telegram's update queue) forgets what a later call confirms: asking for
  // the next page confirms this one, and a page committed without an fsync could be rolled back
  // by a power cut after the platform forgot it. So such a feed is read strictly page by page,
  // each stored durably before the next is asked for. A listed feed can be asked again.
  const forgetful = delivery.mode === 'stream-only';
  const limit = Math.min(deps.pageSize, descriptor.limits.maxPageSize ?? deps.pageSize);
  const scope = { connectionId, capability: spec.capability, target: null };
  // Settles to a value, never rejects: a prefetch nobody awaits (after a stop) must not become an unhandled rejection.
  const fetchPage = (from: string | null): Promise<Fetched> =>
    deps.access.call(descriptor, scope, () => spec.pull(connector, from, { limit, signal }), signal).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  let cursor = state?.cursor ?? null;
  let pending = fetchPage(cursor);
  let restarted = false;
  let retries = 0;
  let pulled = 0;
  for (;;) {
    const fetched = await pending;
    if (signal.aborted) return 'stopped';
    if ('error' in fetched) {
      const { error } = fetched;
      if (!isConnectorFailure(error)) throw error;
      const failure = error.error;
      if (failure.class === 'invalid' && failure.reason === 'cursor-expired' && !restarted) {
        // Safe to start over: every item is deduped by (connection, external id).
        restarted = true;
        cursor = null;
        await deps.store.writer.transaction((tx) => restartStream(tx, connectionId, spec.stream));
        deps.log.warn('Cursor expired; pulling the stream again from the start', { connectionId, stream: spec.stream });
      } else if ((failure.class === 'transient' || failure.class === 'rate-limited') && retries < MAX_RETRIES) {
        retries++;
        // A 429 needs no extra wait here: the gate holds the next call until its Retry-After.
        if (failure.class === 'transient') await sleep(backoffDelay(retries, deps.random, deps.backoff), signal);
      } else {
        throw error;
      }
      pending = fetchPage(cursor);
      continue;
    }
    retries = 0;
    const { page } = fetched;
    const done = page.complete || page.next === null;
    // Fetch the next page while this one is written: the network and SQLite's thread overlap.
    if (!done && !forgetful) pending = fetchPage(page.next);
    const now = deps.now();
    await deps.store.writer.transaction(
      async (tx) => {
        await spec.ingest(tx, connectionId, page.items, now);
        await commitPage(tx, { connectionId, stream: spec.stream, cursor: page.next, items: page.items.length, complete: done, now, lastError: warning });
      },
      // A page and its cursor commit together, so for a listed feed a power cut can only make us fetch it again.
      { durability: forgetful ? 'full' : 'replayable' },
    );
    if (!done && forgetful) pending = fetchPage(page.next);
    pulled += page.items.length;
    update({ itemsPulled: pulled, itemsExpected: page.expectedTotal ?? null, lastError: warning });
    if (done) return 'complete';
    cursor = page.next;
    await yieldToLoop();
  }
}

async function recordFailure(deps: PullDeps, job: PullJob, error: unknown, update: (c: ProgressChange) => void): Promise<PullEnd> {
  const { connectionId, spec } = job;
  const failure = isConnectorFailure(error) ? error.error : null;
  const storageFull = error instanceof AppFailure && error.code === 'storage-full';
  const message = failure?.class === 'auth' ? reauthReason(failure) : failure ? describeConnectorError(failure) : errorText(error);
  if (failure) deps.log.warn('Pull stopped', { connectionId, stream: spec.stream, error: message });
  else deps.log.error('Pull failed', { connectionId, stream: spec.stream, error: message });
  update({ phase: 'error', lastError: message });
  if (storageFull) return 'storage-full';
  try {
    await deps.store.writer.transaction(async (tx) => {
      await recordStreamError(tx, connectionId, spec.stream, message);
      if (failure?.class === 'auth') await markNeedsReauth(tx, connectionId, message, deps.now());
    });
  } catch (recordError) {
    deps.log.error('Could not record a pull failure', { connectionId, stream: spec.stream, error: errorText(recordError) });
  }
  return failure?.class === 'auth' ? 'needs-reauth' : 'failed';
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
