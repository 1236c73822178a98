import type { ConnectionState } from './connection';

export const SYNC_STREAMS = ['communities', 'join-requests', 'reports', 'messages', 'updates'] as const;
export type SyncStream = (typeof SYNC_STREAMS)[number];

export type StreamPhase = 'idle' | 'running' | 'waiting' | 'error';

/** Health of one (connection, stream) job, pushed to the renderer as `sync.progress`. */
export interface StreamProgress {
  readonly connectionId: string;
  readonly stream: SyncStream;
  readonly phase: StreamPhase;
  readonly itemsPulled: number;
  /** Estimated total for the running pull when the platform says, else null. */
  readonly itemsExpected: number | null;
  readonly lastRunAt: number | null;
  readonly nextRunAt: number | null;
  readonly lastError: string | null;
}

export interface ConnectionHealth {
  readonly connectionId: string;
  readonly name: string;
  readonly state: ConnectionState;
  readonly stateReason: string | null;
  readonly pendingPushes: number;
  readonly failedPushes: number;
  readonly streams: readonly StreamProgress[];
}

export interface SyncOverview {
  readonly running: boolean;
  readonly connections: readonly ConnectionHealth[];
}
