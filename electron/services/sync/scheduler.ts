import type { Connector } from '@shared/connectors';
import { activeConnectionIds, isConnectionActive } from '../store/repositories/sync-connections';
import { runPull, type PullDeps, type PullEnd } from './pull-job';
import { streamsOf, type StreamSpec } from './streams';

export interface SchedulerDeps extends PullDeps {
  connectorFor(connectionId: string): Promise<Connector | null>;
  intervalMs(): number;
}

const STORAGE_FULL =
  'Syncing is paused: the disk holding Modboard’s data is full. Free some space, then choose “Sync now” to resume.';

/**
 * Runs the pull jobs of every active connection on an interval and on demand. One run
 * per connection at a time; within it the streams go in order (communities first).
 * A full disk pauses the interval until the user asks again. A connection that stops
 * being active (the user paused it, a push found its token refused, it was removed) has
 * its running pull stopped at once rather than at the end of the stream.
 */
export class PullScheduler {
  private readonly runs = new Map<string, Promise<void>>();
  private readonly starting = new Set<string>();
  /**
   * Connections asked by id to sync now while their run was under way (an option was
   * changed, a Telegram chat added by id): their run goes round once more, with a freshly
   * built connector, so the change is pulled at once rather than at the next interval.
   */
  private readonly again = new Set<string>();
  private readonly controller = new AbortController();
  /** One per running connection, aborted when the connection leaves the active state. */
  private readonly halts = new Map<string, AbortController>();
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cycling: Promise<void> | null = null;
  private pausedReason: string | null = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.unsubscribe ??= this.deps.store.onCommit((tables) => {
      if (tables.has('connections') && this.halts.size > 0) void this.haltInactive();
    });
    this.cycling ??= this.cycle();
  }

  busy(): boolean {
    return this.runs.size > 0;
  }

  /** Starts a run for each active connection (or the one given) not already running; returns how many stream jobs started. */
  async runNow(connectionId?: string): Promise<number> {
    if (this.stopped) return 0;
    this.pausedReason = null;
    const active = await activeConnectionIds(this.deps.store.reader);
    if (connectionId !== undefined && (this.runs.has(connectionId) || this.starting.has(connectionId))) this.again.add(connectionId);
    return this.startRuns(connectionId === undefined ? active : active.filter((id) => id === connectionId));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller.abort(new Error('sync stopped'));
    await Promise.allSettled([...this.runs.values(), this.cycling]);
  }

  private async cycle(): Promise<void> {
    try {
      if (this.pausedReason === null) await this.startRuns(await activeConnectionIds(this.deps.store.reader));
    } catch (error) {
      this.deps.log.error('Could not start scheduled pulls', { error: error instanceof Error ? error.message : String(error) });
    }
    await Promise.allSettled(this.runs.values());
    if (this.stopped) return;
    const delay = Math.max(1_000, this.intervalMs());
    const nextRunAt = this.deps.now() + delay;
    for (const id of await activeConnectionIds(this.deps.store.reader).catch(() => [])) this.deps.progress.scheduleNext(id, nextRunAt);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycling = this.cycle();
    }, delay);
  }

  /** The setting, or five minutes should reading it fail: the schedule must not die with it. */
  private intervalMs(): number {
    try {
      return this.deps.intervalMs();
    } catch (error) {
      this.deps.log.error('Could not read the sync interval', { error: error instanceof Error ? error.message : String(error) });
      return 5 * 60_000;
    }
  }

  private async startRuns(connectionIds: readonly string[]): Promise<number> {
    let started = 0;
    for (const connectionId of connectionIds) {
      if (this.runs.has(connectionId) || this.starting.has(connectionId) || this.stopped) continue;
      this.starting.add(connectionId);
      try {
        const connector = await this.deps.connectorFor(connectionId).catch((error: unknown) => {
          this.deps.log.error('No connector for a connection', { connectionId, error: error instanceof Error ? error.message : String(error) });
          return null;
        });
        const streams = connector ? streamsOf(connector.describe()) : [];
        if (!connector || streams.length === 0 || this.stopped) continue;
        const run = this.runConnection(connectionId, connector, streams).finally(() => this.runs.delete(connectionId));
        this.runs.set(connectionId, run);
        started += streams.length;
      } finally {
        this.starting.delete(connectionId);
      }
    }
    return started;
  }

  private async haltInactive(): Promise<void> {
    const ids = await activeConnectionIds(this.deps.store.reader).catch(() => null);
    if (ids === null) return;
    const active = new Set(ids);
    for (const [connectionId, halt] of this.halts) if (!active.has(connectionId)) halt.abort(new Error('connection no longer active'));
  }

  private async runConnection(connectionId: string, connector: Connector, streams: readonly StreamSpec<unknown>[]): Promise<void> {
    for (;;) {
      const halt = new AbortController();
      this.halts.set(connectionId, halt);
      try {
        await this.runStreams(connectionId, connector, streams, AbortSignal.any([this.controller.signal, halt.signal]));
      } finally {
        this.halts.delete(connectionId);
      }
      if (!this.again.delete(connectionId) || this.stopped || this.pausedReason !== null) return;
      const next = await this.deps.connectorFor(connectionId).catch(() => null);
      if (!next || this.stopped) return;
      connector = next;
      streams = streamsOf(next.describe());
    }
  }

  private async runStreams(connectionId: string, connector: Connector, streams: readonly StreamSpec<unknown>[], signal: AbortSignal): Promise<void> {
    for (const spec of streams) {
      // Checked before each stream too: a pause committed while this run was starting found no halt to abort.
      if (signal.aborted || !(await isConnectionActive(this.deps.store.reader, connectionId))) return;
      const end: PullEnd = await runPull(this.deps, { connectionId, connector, spec }, signal);
      if (end === 'storage-full') {
        this.pausedReason = STORAGE_FULL;
        this.deps.log.error('Pulls paused: storage full');
        for (const other of streams) this.deps.progress.update(connectionId, other.stream, { phase: 'error', lastError: STORAGE_FULL });
      }
      if (end === 'stopped' || end === 'needs-reauth' || end === 'storage-full') return;
    }
  }
}
