import type { SyncControl } from '../../app/sync-control';
import type { Handlers } from '../dispatch';

type SyncHandlers = Pick<Handlers, 'sync.overview' | 'sync.runNow'>;

export function syncHandlers(sync: SyncControl): SyncHandlers {
  return {
    'sync.overview': () => sync.overview(),
    'sync.runNow': async ({ connectionId }) => ({ started: await sync.runNow(connectionId) }),
  };
}
