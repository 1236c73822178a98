import type { ServiceContext } from '../../app/context';
import type { SyncControl } from '../../app/sync-control';
import type { ConnectionService } from '../../connections/connection-service';
import type { MediaService } from '../../media/media-service';
import type { Handlers } from '../dispatch';
import { announcementHandlers } from './announcement-handlers';
import { appHandlers } from './app-handlers';
import { connectionHandlers } from './connection-handlers';
import { flagHandlers } from './flag-handlers';
import { joinRequestHandlers } from './join-request-handlers';
import { manualHandlers } from './manual-handlers';
import { mediaHandlers } from './media-handlers';
import { outboxHandlers } from './outbox-handlers';
import { ruleHandlers } from './rule-handlers';
import { syncHandlers } from './sync-handlers';
import { tableHandlers } from './table-handlers';
import { viewHandlers } from './view-handlers';

/** Each feature declares its handlers; they merge into one map covering the whole contract. */
export function createHandlers(
  context: ServiceContext,
  sync: SyncControl & { drainNow?(): void },
  connections: ConnectionService,
  media: Pick<MediaService, 'prepare' | 'keepForEvidence'>,
): Handlers {
  return {
    ...appHandlers(context),
    ...tableHandlers(context),
    ...syncHandlers(sync),
    ...connectionHandlers(connections, sync),
    ...outboxHandlers(context, () => sync.drainNow?.()),
    ...joinRequestHandlers(context, connections, () => sync.drainNow?.()),
    ...ruleHandlers(context),
    ...viewHandlers(context),
    ...manualHandlers(context),
    ...announcementHandlers(context, connections, () => sync.drainNow?.()),
    ...flagHandlers(context, connections, () => sync.drainNow?.(), (actionId) => media.keepForEvidence(actionId)),
    ...mediaHandlers(media),
  };
}
