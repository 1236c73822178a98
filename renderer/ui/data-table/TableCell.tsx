import { Fragment, memo } from 'react';
import { cellClassName, cellStyle } from './cell-style';
import type { ColumnView } from './useColumnModel';
import { TextCell } from './TextCell';

interface TableCellProps<Row> {
  readonly view: ColumnView<Row>;
  /** Undefined while the row's page loads: an empty cell the row's loading style draws a skeleton in. */
  readonly row: Row | undefined;
  readonly rowId: string | undefined;
  readonly index: number;
}

function TableCellImpl<Row>({ view, row, rowId, index }: TableCellProps<Row>) {
  const { column } = view;
  // A row's element can be reused for another row after a jump (see row-slots.ts). Custom content may hold a
  // focusable control (a badge button); keyed by the row's id, a focused control leaves with its row instead of
  // staying focused, and pressable, in front of another row.
  let content = null;
  if (row !== undefined) {
    content = column.text ? (
      <TextCell value={column.text(row)} width={view.width} />
    ) : (
      <Fragment key={rowId}>{column.cell(row, index)}</Fragment>
    );
  }
  return (
    <div role="gridcell" aria-colindex={view.colIndex} className={cellClassName(view)} style={cellStyle(view)}>
      {content}
    </div>
  );
}

/** A row that re-renders for focus or selection alone leaves its cells as they are. */
export const TableCell = memo(TableCellImpl) as typeof TableCellImpl;
