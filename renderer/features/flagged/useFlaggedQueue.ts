import { useCallback, useState } from 'react';
import type { FlaggedFilters } from '@shared/contract/tables';
import type { SortSpec } from '@shared/table/window';
import { useWindowSource } from '../../client/useWindowSource';
import { defaultLayout, EMPTY_SELECTION, type SelectionState, type TableLayout } from '../../ui/data-table';
import { useNewArrivals } from '../join-requests/useNewArrivals';
import { flaggedColumns } from './flaggedColumns';
import { useFlagOverlay } from './useFlagOverlay';
import { useRowFocus } from './useRowFocus';
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
  const [filters, setFilters] = useState<FlaggedFilters>(DEFAULT_VIEW.filters);
  const [sort, setSort] = useState<readonly SortSpec[]>(DEFAULT_VIEW.sort);
  const [search, setSearch] = useState(DEFAULT_VIEW.search);
  /** Bumped when a saved view sets the search, so the field shows it. */
  const [searchEpoch, setSearchEpoch] = useState(0);
  const [layout, setLayout] = useState<TableLayout>(() => defaultLayout(flaggedColumns));
  const [selection, setSelection] = useState<SelectionState>(EMPTY_SELECTION);

  const rows = useWindowSource('flagged.window', { sort, filters, search }, ['flagged']);
  const overlay = useFlagOverlay(rows);
  const { source } = overlay;
  const focus = useRowFocus(source);
  const arrivals = useNewArrivals(source);

  const viewState: FlaggedViewState = { filters, sort, search, layout };
  const applyView = useCallback((view: FlaggedViewState) => {
    setFilters(view.filters);
    setSort(view.sort);
    setSearch(view.search);
    setSearchEpoch((n) => n + 1);
    setLayout(view.layout ?? defaultLayout(flaggedColumns));
  }, []);

  return { filters, setFilters, sort, setSort, search, setSearch, searchEpoch, layout, setLayout, selection, setSelection, source, overlay, focus, arrivals, viewState, applyView };
}

export type FlaggedQueue = ReturnType<typeof useFlaggedQueue>;
