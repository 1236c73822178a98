import { DataTable, type DataTableProps } from './data-table';
import type { useTableState } from './useTableState';

type Controlled = 'sort' | 'onSortChange' | 'selection' | 'onSelectionChange' | 'layout' | 'onLayoutChange';

/** A DataTable whose sort, selection and column layout live in a view's `useTableState`. */
export function QueueTable<Row>({ table, ...props }: { table: ReturnType<typeof useTableState> } & Omit<DataTableProps<Row>, Controlled>) {
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
