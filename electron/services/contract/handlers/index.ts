import type { ServiceContext } from '../../app/context';
import type { SyncControl } from '../../app/sync-control';
import type { Handlers } from '../dispatch';
import { appHandlers } from './app-handlers';
import { syncHandlers } from './sync-handlers';
import { tableHandlers } from './table-handlers';

/** Each feature declares its handlers; they merge into one map covering the whole contract. */
export function createHandlers(context: ServiceContext, sync: SyncControl): Handlers {
  return {
    ...appHandlers(context),
    ...tableHandlers(context),
    ...syncHandlers(sync),
  };
}
