import { useCallback, useState } from 'react';
import type { SortSpec } from '@shared/table/window';
import { defaultLayout, EMPTY_SELECTION, type DataTableColumn, type SelectionState, type TableLayout } from '../data-table';
import type { QueueViewState } from './viewDefinition';

/**
 * What a queue shows and what the moderator picked in it: filters, sort, search, column
 * layout and selection, and the view state a saved view stores and restores.
 */
export function useQueueView<Filters, Row>(initial: QueueViewState<Filters>, columns: readonly DataTableColumn<Row>[]) {
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [sort, setSort] = useState<readonly SortSpec[]>(initial.sort);
  const [search, setSearch] = useState(initial.search);
  /** Bumped when a saved view sets the search, so the field shows it. */
  const [searchEpoch, setSearchEpoch] = useState(0);
  const [layout, setLayout] = useState<TableLayout>(() => initial.layout ?? defaultLayout(columns));
  const [selection, setSelection] = useState<SelectionState>(EMPTY_SELECTION);

  const viewState: QueueViewState<Filters> = { filters, sort, search, layout };
  const applyView = useCallback(
    (view: QueueViewState<Filters>) => {
      setFilters(view.filters);
      setSort(view.sort);
      setSearch(view.search);
      setSearchEpoch((n) => n + 1);
      setLayout(view.layout ?? defaultLayout(columns));
    },
    [columns],
  );

  return { filters, setFilters, sort, setSort, search, setSearch, searchEpoch, layout, setLayout, selection, setSelection, viewState, applyView };
}
