import { useCallback, useState } from 'react';
import type { JoinRequestFilters } from '@shared/contract/tables';
import type { SortSpec } from '@shared/table/window';
import { useWindowSource } from '../../client/useWindowSource';
import { defaultLayout, EMPTY_SELECTION, type SelectionState, type TableLayout } from '../../ui/data-table';
import { joinRequestColumns } from './joinRequestColumns';
import type { QueueViewState } from './savedViewDefinition';
import { useNewArrivals } from './useNewArrivals';
import { useOptimisticEntries } from './useOptimisticEntries';
import { useOptimisticSource } from './useOptimisticSource';
import { useStableFocus } from './useStableFocus';

export const DEFAULT_VIEW: QueueViewState = {
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
  const [filters, setFilters] = useState<JoinRequestFilters>(DEFAULT_VIEW.filters);
  const [sort, setSort] = useState<readonly SortSpec[]>(DEFAULT_VIEW.sort);
  const [search, setSearch] = useState(DEFAULT_VIEW.search);
  /** Bumped when a saved view sets the search, so the field shows it. */
  const [searchEpoch, setSearchEpoch] = useState(0);
  const [layout, setLayout] = useState<TableLayout>(() => defaultLayout(joinRequestColumns));
  const [selection, setSelection] = useState<SelectionState>(EMPTY_SELECTION);

  const rows = useWindowSource('joinRequests.window', { sort, filters, search }, ['join-requests']);
  const optimistic = useOptimisticEntries();
  const source = useOptimisticSource(rows, optimistic.entries);
  const focus = useStableFocus(source);
  const arrivals = useNewArrivals(source);

  const viewState: QueueViewState = { filters, sort, search, layout };
  const applyView = useCallback((view: QueueViewState) => {
    setFilters(view.filters);
    setSort(view.sort);
    setSearch(view.search);
    setSearchEpoch((n) => n + 1);
    setLayout(view.layout ?? defaultLayout(joinRequestColumns));
  }, []);

  return {
    filters,
    setFilters,
    sort,
    setSort,
    search,
    setSearch,
    searchEpoch,
    layout,
    setLayout,
    selection,
    setSelection,
    source,
    focus,
    optimistic,
    arrivals,
    viewState,
    applyView,
  };
}

export type JoinRequestQueue = ReturnType<typeof useJoinRequestQueue>;
