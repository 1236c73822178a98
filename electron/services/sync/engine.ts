import type { Connector } from '@shared/connectors';
import type { SyncOverview } from '@shared/domain/sync';
import type { Logger } from '../app/host';
import type { SyncControl } from '../app/sync-control';
import type { EventHub } from '../contract/event-hub';
import { readConnectionHealth } from '../queries/sync-overview';
import type { Store } from '../store/database';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { OutboxDrainer } from './outbox-drainer';
import { PlatformAccess } from './platform-access';
import { ProgressBoard } from './progress';
import { RateGate } from './rate-gate';
import { DEFAULT_TIGHTEN, type TightenPolicy } from './token-bucket';
import { PullScheduler } from './scheduler';

export interface SyncEngineDeps {
  store: Store;
  hub: EventHub;
  log: Logger;
  /** A connector for the connection as it is configured now (fresh credentials after a re-auth); null when it has none. */
  connectorFor(connectionId: string): Promise<Connector | null>;
  /** Time between scheduled pulls, read before each wait (from settings). */
  intervalMs(): number;
  /** Recorded on audit entries the engine writes. */
  device: string;
  now?(): number;
  random?(): number;
  tuning?: Partial<SyncTuning>;
}

export interface SyncTuning {
  readonly pageSize: number;
  readonly backoff: BackoffPolicy;
  /** How long `stop()` lets a push on the wire finish before aborting it. */
  readonly stopGraceMs: number;
  /** How far live 429s slow a connection's buckets below its declared rates. */
  readonly tighten: TightenPolicy;
}

export const DEFAULT_TUNING: SyncTuning = { pageSize: 1_000, backoff: DEFAULT_BACKOFF, stopGraceMs: 2_000, tighten: DEFAULT_TIGHTEN };

export interface SyncEngine extends SyncControl {
  /** Call once the store is open: starts the interval pulls and the outbox drainer (which reconciles first). */
  start(): void;
  /** A feature enqueued a push: look at the outbox now rather than at the next wake-up. */
  drainNow(): void;
  /** The per-connection lanes and rate buckets every platform call shares (media fetches use them too). */
  readonly access: PlatformAccess;
}

/** The sync engine: pull jobs on a schedule, and the durable outbox drainer, sharing one rate gate per connection. */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = () => (deps.now ? deps.now() : Date.now());
  const random = () => (deps.random ? deps.random() : Math.random());
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const progress = new ProgressBoard(deps.hub);
  const access = new PlatformAccess(new RateGate(now, tuning.tighten), now);
  const shared = { store: deps.store, log: deps.log, now, random, backoff: tuning.backoff, access, device: deps.device };
  const scheduler = new PullScheduler({ ...shared, progress, pageSize: tuning.pageSize, connectorFor: deps.connectorFor, intervalMs: deps.intervalMs });
  const drainer = new OutboxDrainer({ ...shared, connectorFor: deps.connectorFor });
  let unsubscribe: (() => void) | null = null;
  let stopping: Promise<void> | null = null;

  return {
    access,
    start() {
      if (unsubscribe || stopping) return;
      // A commit to the outbox (a new push) or to connections (a re-auth) may make work due.
      unsubscribe = deps.store.onCommit((tables) => {
        if (tables.has('outbox') || tables.has('connections')) drainer.wake();
      });
      drainer.start();
      scheduler.start();
    },
    drainNow: () => drainer.wake(),
    runNow: (connectionId) => scheduler.runNow(connectionId),
    liveProgress: () => progress.all(),
    async overview(): Promise<SyncOverview> {
      const live = new Map(progress.all().map((p) => [`${p.connectionId}\u0000${p.stream}`, p]));
      const connections = (await readConnectionHealth(deps.store.reader)).map((health) => {
        const stored = health.streams.map((s) => live.get(`${s.connectionId}\u0000${s.stream}`) ?? s);
        const unstored = progress.all().filter((p) => p.connectionId === health.connectionId && !health.streams.some((s) => s.stream === p.stream));
        return { ...health, streams: [...stored, ...unstored] };
      });
      return { running: scheduler.busy() || drainer.busy() || progress.running(), connections };
    },
    stop: () =>
      (stopping ??= (async () => {
        unsubscribe?.();
        await Promise.all([scheduler.stop(), drainer.stop(tuning.stopGraceMs)]);
      })()),
  };
}
