import { AppFailure } from '@shared/result';
import type { SyncControl } from '../app/sync-control';
import type { Reader } from '../store/database';
import { readConnectionHealth } from '../queries/sync-overview';

/** Used when sync is switched off (`--no-sync`): health is shown as stored, nothing runs. */
export function idleSyncControl(reader: Reader): SyncControl {
  return {
    overview: async () => ({ running: false, connections: await readConnectionHealth(reader) }),
    runNow: async () => {
      throw new AppFailure('unavailable', 'Sync is switched off for this session (started with --no-sync).');
    },
    liveProgress: () => [],
    stop: async () => undefined,
  };
}
