import type { Connector, ConnectorDescriptor } from '@shared/connectors';
import { dueOutbox, failPush, inFlightOutbox, markInFlight, nextOutboxDueAt } from '../store/repositories/outbox-delivery';
import { capabilityOfPush, communityOfPush, readPush, type OutboxPush } from '../store/repositories/outbox-payloads';
import type { OutboxRecord } from '../store/repositories/outbox-records';
import { isConnectionActive } from '../store/repositories/sync-connections';
import { sendPush } from './push-call';
import { settleError, settleOutcome, type Settled } from './push-settle';
import type { CallScope } from './rate-gate';
import { reconcileInFlight, type ReconcileDeps } from './reconcile';
import { sleep, Waker } from './wait';

export interface DrainerDeps extends ReconcileDeps {
  connectorFor(connectionId: string): Promise<Connector | null>;
}

/** Rows considered per pass; a pass sends at most one per (connection, target). */
const PASS_SIZE = 500;
/**
 * A pass waits for tokens inline up to this long, then ends so the next pass sees rows
 * enqueued meanwhile. A scope closed for longer is skipped until it opens.
 */
const PASS_BUDGET_MS = 2_000;
/** Wait before asking again about interrupted pushes the platform could not answer for. */
const RECONCILE_RETRY_MS = 5_000;
/** Wait after a pass failed on the store itself (a full disk, say). */
const PASS_ERROR_WAIT_MS = 5_000;
const IDLE_WAIT_MS = Number.POSITIVE_INFINITY;

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * Sends the outbox to the platforms (DESIGN §3, §5). Each pass: reconcile rows left in
 * flight by an earlier run (their connection sends nothing until that is done), then
 * send what is due, one row per (connection, target) in seq order, as each row's
 * buckets allow. It sleeps until the earliest due time or bucket refill, and wakes
 * early on `wake()` (a feature enqueued, a connection was re-authenticated).
 */
export class OutboxDrainer {
  private readonly waker = new Waker();
  private readonly controller = new AbortController();
  /** Ends inline waits at once on stop, while a call on the wire gets its grace period. */
  private readonly halt = new AbortController();
  private readonly owned = new Set<string>();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private reconcileRetryAt = 0;

  constructor(private readonly deps: DrainerDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.waker.wake();
  }

  busy(): boolean {
    return this.owned.size > 0;
  }

  /** Sends nothing new; a push on the wire gets `graceMs` to finish, then is aborted (and reconciled at next start). */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    this.halt.abort();
    this.waker.wake();
    const timer = setTimeout(() => this.controller.abort(new Error('sync stopped')), graceMs);
    await this.loop;
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let waitMs: number;
      try {
        waitMs = await this.pass();
      } catch (error) {
        if (this.stopped) return;
        this.deps.log.error('Outbox pass failed', { error: error instanceof Error ? error.message : String(error) });
        waitMs = PASS_ERROR_WAIT_MS;
      }
      if (this.stopped) return;
      await this.waker.wait(waitMs);
    }
  }

  /** One pass; returns how long to sleep before the next (0 when it sent something). */
  private async pass(): Promise<number> {
    const blocked = await this.reconcileInterrupted();
    const now = this.deps.now();
    const rows = (await dueOutbox(this.deps.store.reader, now, PASS_SIZE)).filter((row) => !blocked.has(row.connectionId));
    const results = await Promise.all([...groupBy(rows, (row) => row.connectionId)].map(([id, group]) => this.drainConnection(id, group, now + PASS_BUDGET_MS)));
    if (results.some((r) => r.sent)) return 0;
    let soonest = Math.min(IDLE_WAIT_MS, ...results.map((r) => r.readyAt));
    const due = await nextOutboxDueAt(this.deps.store.reader, now);
    if (due !== null) soonest = Math.min(soonest, due);
    if (blocked.size > 0 && this.reconcileRetryAt > now) soonest = Math.min(soonest, this.reconcileRetryAt);
    return soonest - this.deps.now();
  }

  /**
   * Sends a connection's due rows (one per target) as their buckets allow: the ready
   * ones first, then, while the pass has time left, those whose bucket refills soon.
   * Returns whether anything was sent, and when the rows left over could go.
   */
  private async drainConnection(connectionId: string, group: readonly OutboxRecord[], deadline: number): Promise<{ sent: boolean; readyAt: number }> {
    const connector = await this.deps.connectorFor(connectionId);
    if (!connector) return { sent: false, readyAt: IDLE_WAIT_MS };
    const descriptor = connector.describe();
    let sent = false;
    let waiting = group.map((row) => {
      const push = readPush(row.kind, row.payload);
      return { row, push, scope: push ? this.scopeOf(row, push) : null };
    });
    while (waiting.length > 0 && !this.stopped) {
      const later: { entry: (typeof waiting)[number]; at: number }[] = [];
      for (const entry of waiting) {
        if (this.stopped || this.deps.now() > deadline) return { sent, readyAt: 0 };
        const at = entry.scope ? this.deps.access.readyAt(descriptor, entry.scope) : 0;
        if (at > this.deps.now()) {
          later.push({ entry, at });
          continue;
        }
        sent = true;
        const settled = await this.send(entry.row, entry.push, entry.scope, connector, descriptor);
        if (settled === 'needs-reauth') return { sent, readyAt: IDLE_WAIT_MS };
        // Not claimed: cancelled meanwhile, or the connection left the active state (paused) since this pass read its rows.
        if (settled === 'skipped' && !(await isConnectionActive(this.deps.store.reader, connectionId))) return { sent, readyAt: IDLE_WAIT_MS };
        // A 2xx nobody could read: this connection sends nothing more until the row is reconciled (next pass).
        if (settled === 'unconfirmed') return { sent, readyAt: 0 };
      }
      if (later.length === 0) break;
      const next = Math.min(...later.map((l) => l.at));
      if (next > deadline) return { sent, readyAt: next };
      // Wait for the bucket before marking anything in flight: a row is in flight only while it is being sent.
      await sleep(next - this.deps.now(), this.halt.signal);
      waiting = later.map((l) => l.entry);
    }
    return { sent, readyAt: IDLE_WAIT_MS };
  }

  private scopeOf(row: OutboxRecord, push: OutboxPush): CallScope {
    return { connectionId: row.connectionId, capability: capabilityOfPush(push), target: communityOfPush(push) ?? row.targetKey };
  }

  private async send(
    row: OutboxRecord,
    push: OutboxPush | null,
    scope: CallScope | null,
    connector: Connector,
    descriptor: ConnectorDescriptor,
  ): Promise<Settled | 'skipped' | 'stopped'> {
    const { store, now, device } = this.deps;
    // The claim re-checks that the connection is still active: a pause during this pass stops the rows not yet sent.
    if (!(await store.writer.transaction((tx) => markInFlight(tx, row.id, now())))) return 'skipped';
    if (!push || !scope) {
      await store.writer.transaction((tx) =>
        failPush(tx, row, { errorClass: 'invalid', message: `Unreadable ${row.kind} push; discard it`, subjectState: 'failed' }, device, now()),
      );
      return 'failed';
    }
    const signal = this.controller.signal;
    this.owned.add(row.id);
    try {
      let outcome;
      try {
        outcome = await this.deps.access.call(descriptor, scope, () => sendPush(connector, push, { idempotencyKey: row.idempotencyKey, signal }), signal);
      } catch (error) {
        // Stopped mid-call: it may or may not have landed, so it stays in flight for the next start to reconcile.
        if (signal.aborted) return 'stopped';
        return await settleError(this.deps, row, push, error);
      }
      return await settleOutcome(this.deps, row, outcome);
    } finally {
      this.owned.delete(row.id);
    }
  }

  /**
   * Rows in flight that no send of this drainer is waiting on were interrupted (a
   * crash, a stop mid-call), or came back 2xx with an answer that could not be read
   * (`unconfirmed`), or were still queued in a restored backup. Returns the connections that must not send yet because some of their
   * rows are still unsettled.
   */
  private async reconcileInterrupted(): Promise<Set<string>> {
    const orphans = (await inFlightOutbox(this.deps.store.reader)).filter((row) => !this.owned.has(row.id));
    const blocked = new Set(orphans.map((row) => row.connectionId));
    if (orphans.length === 0 || this.deps.now() < this.reconcileRetryAt) return blocked;
    let retry = false;
    await Promise.all(
      [...groupBy(orphans, (row) => row.connectionId)].map(async ([connectionId, group]) => {
        if (!(await isConnectionActive(this.deps.store.reader, connectionId))) return;
        const connector = await this.deps.connectorFor(connectionId);
        if (!connector) return;
        for (const row of group) {
          if (this.stopped) return;
          const result = await reconcileInFlight(this.deps, row, connector, this.controller.signal);
          if (result !== 'settled') {
            retry ||= result === 'retry-later';
            return;
          }
        }
        blocked.delete(connectionId);
      }),
    );
    if (retry) this.reconcileRetryAt = this.deps.now() + RECONCILE_RETRY_MS;
    return blocked;
  }
}
