import { useState } from 'react';
import type { SortSpec } from '@shared/table/window';
import { EMPTY_SELECTION, type SelectionState, type TableLayout } from './data-table';

/** Sort, selection and column layout of one table, as the view owns them. */
export function useTableState(defaultSort: readonly SortSpec[] = []) {
  const [sort, setSort] = useState<readonly SortSpec[]>(defaultSort);
  const [selection, setSelection] = useState<SelectionState>(EMPTY_SELECTION);
  const [layout, setLayout] = useState<TableLayout | undefined>();
  return { sort, setSort, selection, setSelection, layout, setLayout };
}
