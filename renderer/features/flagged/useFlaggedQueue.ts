import { useWindowSource } from '../../client/useWindowSource';
import { useQueueRows } from '../../ui/queue/rows/useQueueRows';
import { useQueueView } from '../../ui/queue/useQueueView';
import { flaggedColumns } from './flaggedColumns';
import type { FlaggedViewState } from './viewDefinition';

export const DEFAULT_VIEW: FlaggedViewState = {
  filters: { status: 'open' },
  // Oldest report first: new flags join at the end, so nothing above the focused row moves.
  sort: [{ column: 'lastReportedAt', desc: false }],
  search: '',
  layout: undefined,
};

/**
 * The flagged queue's state: what it shows (filters, sort, search, columns), the
 * selection and focus, and the rows with the moderator's actions applied.
 */
export function useFlaggedQueue() {
  const view = useQueueView(DEFAULT_VIEW, flaggedColumns);
  const rows = useWindowSource('flagged.window', { sort: view.sort, filters: view.filters, search: view.search }, ['flagged']);
  return { ...view, ...useQueueRows(rows, 'open') };
}

export type FlaggedQueue = ReturnType<typeof useFlaggedQueue>;
