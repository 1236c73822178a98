import type { DataTableProps, RowSource } from '../data-table';
import { QueueTable, type OwnedTableState } from '../QueueTable';

/** What a queue's state gives its grid: the table state, the rows, and focus that follows its row. */
export interface QueueGridState<Row> extends OwnedTableState {
  readonly source: RowSource<Row>;
  readonly focus: { readonly focusedIndex: number; readonly onFocusChange: (index: number) => void };
}

type FromQueue = 'sort' | 'onSortChange' | 'selection' | 'onSelectionChange' | 'layout' | 'onLayoutChange' | 'source' | 'focusedIndex' | 'onFocusChange' | 'getRowId';

const rowId = (row: { readonly id: string }) => row.id;

/** A decision queue's DataTable: rows, sort, selection, focus and columns all from the queue's state. */
export function QueueGrid<Row extends { readonly id: string }>({ queue, ...props }: { queue: QueueGridState<Row> } & Omit<DataTableProps<Row>, FromQueue>) {
  return <QueueTable {...props} table={queue} getRowId={rowId} source={queue.source} focusedIndex={queue.focus.focusedIndex} onFocusChange={queue.focus.onFocusChange} />;
}
