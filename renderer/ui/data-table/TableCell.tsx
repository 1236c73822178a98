import { cellClassName, cellStyle } from './cell-style';
import type { ColumnView } from './useColumnModel';
import { TextCell } from './TextCell';

interface TableCellProps<Row> {
  readonly view: ColumnView<Row>;
  readonly row: Row;
  readonly index: number;
}

export function TableCell<Row>({ view, row, index }: TableCellProps<Row>) {
  const { column } = view;
  return (
    <div role="gridcell" aria-colindex={view.colIndex} className={cellClassName(view)} style={cellStyle(view)}>
      {column.text ? <TextCell value={column.text(row)} width={view.width} /> : column.cell(row, index)}
    </div>
  );
}
