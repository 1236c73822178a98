export { DataTable } from './DataTable';
export { TextCell } from './TextCell';
export { useRowWindows, type RowWindowsOptions } from './useRowWindows';
export type { FetchWindow } from './row-window-cache';
export {
  EMPTY_SELECTION,
  isSelected,
  selectedCount,
  serializeSelection,
  type RowSelection,
  type SelectionAnchor,
  type SelectionState,
} from './selection';
export { defaultLayout, normalizeLayout } from './layout';
export {
  HEADER_HEIGHT,
  ROW_HEIGHT,
  type CellText,
  type ColumnAlign,
  type DataTableColumn,
  type DataTableProps,
  type RowSource,
  type TableKeyContext,
  type TableLayout,
} from './types';
