import type { StreamProgress, SyncStream } from '@shared/domain/sync';
import type { EventHub } from '../contract/event-hub';

export type ProgressChange = Partial<Omit<StreamProgress, 'connectionId' | 'stream'>>;

/**
 * Live progress of each (connection, stream) job since the engine started. Every
 * change is pushed to the renderer as `sync.progress` (STYLE §14); the stored health
 * in sync_cursors is what survives a restart.
 */
export class ProgressBoard {
  private readonly entries = new Map<string, StreamProgress>();

  constructor(private readonly hub: EventHub) {}

  update(connectionId: string, stream: SyncStream, change: ProgressChange): StreamProgress {
    const key = `${connectionId}\u0000${stream}`;
    const before = this.entries.get(key) ?? {
      connectionId,
      stream,
      phase: 'idle',
      itemsPulled: 0,
      itemsExpected: null,
      lastRunAt: null,
      nextRunAt: null,
      lastError: null,
    };
    const after: StreamProgress = { ...before, ...change };
    this.entries.set(key, after);
    this.hub.emit('sync.progress', after);
    return after;
  }

  /** Sets `nextRunAt` on every stream of a connection seen so far. */
  scheduleNext(connectionId: string, nextRunAt: number | null): void {
    for (const entry of this.entries.values())
      if (entry.connectionId === connectionId && entry.nextRunAt !== nextRunAt) this.update(connectionId, entry.stream, { nextRunAt });
  }

  all(): StreamProgress[] {
    return [...this.entries.values()];
  }

  running(): boolean {
    return this.all().some((entry) => entry.phase === 'running');
  }
}
