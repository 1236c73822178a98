import type { StreamProgress, SyncOverview } from '@shared/domain/sync';

/** What the contract needs from the sync engine. */
export interface SyncControl {
  overview(): Promise<SyncOverview>;
  /** Starts a pull of every stream of one connection (or all); returns how many jobs started. */
  runNow(connectionId?: string): Promise<number>;
  /** Live progress of running jobs, merged over the stored health. */
  liveProgress(): readonly StreamProgress[];
  stop(): Promise<void>;
}
