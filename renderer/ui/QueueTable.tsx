import type { SortSpec } from '@shared/table/window';
import { DataTable, type DataTableProps, type SelectionState, type TableLayout } from './data-table';

type Controlled = 'sort' | 'onSortChange' | 'selection' | 'onSelectionChange' | 'layout' | 'onLayoutChange';

/** Sort, selection and column layout as a view owns them (`useTableState`, or a queue's `useQueueView`). */
export interface OwnedTableState {
  readonly sort: readonly SortSpec[];
  readonly setSort: (sort: readonly SortSpec[]) => void;
  readonly selection: SelectionState;
  readonly setSelection: (selection: SelectionState) => void;
  readonly layout: TableLayout | undefined;
  readonly setLayout: (layout: TableLayout) => void;
}

/** A DataTable whose sort, selection and column layout live in the view's state. */
export function QueueTable<Row>({ table, ...props }: { table: OwnedTableState } & Omit<DataTableProps<Row>, Controlled>) {
  return (
    <DataTable
      {...props}
      sort={table.sort}
      onSortChange={table.setSort}
      selection={table.selection}
      onSelectionChange={table.setSelection}
      layout={table.layout}
      onLayoutChange={table.setLayout}
    />
  );
}
