import { memo } from 'react';
import { TableCell } from './TableCell';
import type { ColumnView } from './useColumnModel';

interface TableRowProps<Row> {
  readonly domId: string;
  readonly index: number;
  /** Undefined while its page loads: the row keeps its place and index, with a skeleton. */
  readonly row: Row | undefined;
  readonly rowId: string | undefined;
  readonly views: readonly ColumnView<Row>[];
  readonly selected: boolean;
  readonly focused: boolean;
  readonly offset: number;
  readonly width: number;
}

function TableRowImpl<Row>({ domId, index, row, rowId, views, selected, focused, offset, width }: TableRowProps<Row>) {
  const classes = ['mb-dt-row'];
  if (focused) classes.push('mb-dt-row-focused');
  if (row === undefined) classes.push('mb-dt-row-loading');
  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-busy={row === undefined ? true : undefined}
      data-index={index}
      className={classes.join(' ')}
      style={{ transform: `translateY(${offset}px)`, width }}
    >
      {views.map((view) => (
        <TableCell key={view.id} view={view} row={row} rowId={rowId} index={index} />
      ))}
    </div>
  );
}

/**
 * Rows re-render only when their own data, state or the columns change, not on
 * every scroll frame. Loading and loaded rows share one cell structure, so a row
 * whose page arrives, or a reused row element (row-slots.ts), only changes content.
 */
export const TableRow = memo(TableRowImpl) as typeof TableRowImpl;
