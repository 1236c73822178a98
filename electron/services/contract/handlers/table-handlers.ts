import type { ServiceContext } from '../../app/context';
import { auditWindow } from '../../queries/audit';
import { communitiesWindow } from '../../queries/communities';
import { flaggedWindow } from '../../queries/flagged';
import { joinRequestsWindow } from '../../queries/join-requests';
import { outboxWindow } from '../../queries/outbox';
import { fetchWindow } from '../../store/window-query';
import type { Handlers } from '../dispatch';

type TableHandlers = Pick<
  Handlers,
  'communities.window' | 'joinRequests.window' | 'flagged.window' | 'audit.window' | 'outbox.window'
>;

export function tableHandlers(context: ServiceContext): TableHandlers {
  const windowContext = {
    reader: context.store.reader,
    versionOf: context.store.versionOf,
    cache: context.windows,
  };
  return {
    'communities.window': (request) => fetchWindow(windowContext, communitiesWindow, request),
    'joinRequests.window': (request) => fetchWindow(windowContext, joinRequestsWindow, request),
    'flagged.window': (request) => fetchWindow(windowContext, flaggedWindow, request),
    'audit.window': (request) => fetchWindow(windowContext, auditWindow, request),
    'outbox.window': (request) => fetchWindow(windowContext, outboxWindow, request),
  };
}
