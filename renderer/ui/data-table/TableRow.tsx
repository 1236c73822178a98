import { memo } from 'react';
import { cellClassName, cellStyle } from './cell-style';
import { TableCell } from './TableCell';
import type { ColumnView } from './useColumnModel';

interface TableRowProps<Row> {
  readonly domId: string;
  readonly index: number;
  /** Undefined while its page loads: the row keeps its place and index, with a skeleton. */
  readonly row: Row | undefined;
  readonly views: readonly ColumnView<Row>[];
  readonly selected: boolean;
  readonly focused: boolean;
  readonly offset: number;
  readonly width: number;
}

function TableRowImpl<Row>({ domId, index, row, views, selected, focused, offset, width }: TableRowProps<Row>) {
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
      {views.map((view) =>
        row === undefined ? (
          <div key={view.id} role="gridcell" aria-colindex={view.colIndex} className={cellClassName(view)} style={cellStyle(view)}>
            <span className="mb-dt-skeleton" />
          </div>
        ) : (
          <TableCell key={view.id} view={view} row={row} index={index} />
        ),
      )}
    </div>
  );
}

/** Rows re-render only when their own data, state or the columns change, not on every scroll frame. */
export const TableRow = memo(TableRowImpl) as typeof TableRowImpl;
