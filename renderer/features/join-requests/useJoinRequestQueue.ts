import { useWindowSource } from '../../client/useWindowSource';
import { useQueueRows } from '../../ui/queue/rows/useQueueRows';
import { useQueueView } from '../../ui/queue/useQueueView';
import { joinRequestColumns } from './joinRequestColumns';
import type { JoinRequestViewState } from './savedViewDefinition';

export const DEFAULT_VIEW: JoinRequestViewState = {
  filters: { status: 'pending' },
  // Oldest first: new requests join at the end, so nothing above the focused row moves.
  sort: [{ column: 'requestedAt', desc: false }],
  search: '',
  layout: undefined,
};

/**
 * The queue's state: what it shows (filters, sort, search, columns), which rows are
 * selected and focused, and the rows themselves with the moderator's decisions applied.
 */
export function useJoinRequestQueue() {
  const view = useQueueView(DEFAULT_VIEW, joinRequestColumns);
  const rows = useWindowSource('joinRequests.window', { sort: view.sort, filters: view.filters, search: view.search }, ['join-requests']);
  return { ...view, ...useQueueRows(rows, 'pending') };
}

export type JoinRequestQueue = ReturnType<typeof useJoinRequestQueue>;
