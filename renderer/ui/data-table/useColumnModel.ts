import { useMemo, useRef, useLayoutEffect } from 'react';
import {
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnPinningState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type Header,
  type ReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { SortSpec } from '@shared/table/window';
import { clampSize, DEFAULT_COLUMN_SIZE, MAX_COLUMN_SIZE, MIN_COLUMN_SIZE } from './layout';
import type { ColumnAlign, DataTableColumn, TableLayout } from './types';

const features = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnOrderingFeature,
  columnVisibilityFeature,
  columnPinningFeature,
  rowSortingFeature,
});

/**
 * TanStack Table owns the column side here (sizes, order, visibility, pinning,
 * sort toggling, header model) but never sees rows: its row model needs the
 * data as an array, and a million-row queue is only ever a few windows in the
 * renderer. The body renders cells straight from the window cache.
 */
type NoRow = Record<string, never>;
const NO_ROWS: NoRow[] = [];

/** `windowRequestSchema` accepts at most three sort columns. */
export const MAX_SORT_COLUMNS = 3;

export type ColumnTable = ReactTable<typeof features, NoRow>;
export type ColumnHeader = Header<typeof features, NoRow, unknown>;

export interface ColumnView<Row> {
  readonly id: string;
  readonly column: DataTableColumn<Row>;
  readonly header: ColumnHeader;
  readonly width: number;
  readonly align: ColumnAlign;
  /** Sticky offset for a pinned column; null when it scrolls. */
  readonly stickyStart: number | null;
  readonly lastPinned: boolean;
  /** 1-based, for aria-colindex. */
  readonly colIndex: number;
}

interface ColumnModelInput<Row> {
  readonly columns: readonly DataTableColumn<Row>[];
  readonly layout: TableLayout;
  readonly layoutRef: { readonly current: TableLayout };
  readonly setLayout: (layout: TableLayout) => void;
  readonly sort: readonly SortSpec[];
  readonly onSortChange: (sort: SortSpec[]) => void;
}

export function useColumnModel<Row>(input: ColumnModelInput<Row>) {
  const { columns, layout, layoutRef, setLayout, sort, onSortChange } = input;
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  const defs = useMemo(() => columns.map(toColumnDef), [columns]);
  const sorting = useMemo<SortingState>(() => sort.map((spec) => ({ id: spec.column, desc: spec.desc })), [sort]);
  const sortRef = useRef(sorting);
  useLayoutEffect(() => {
    sortRef.current = sorting;
  });

  const state = useMemo(
    () => ({
      columnOrder: [...layout.order],
      columnSizing: { ...layout.sizes },
      columnVisibility: Object.fromEntries(layout.hidden.map((id) => [id, false])) as ColumnVisibilityState,
      columnPinning: { start: [...layout.pinned], end: [] } as ColumnPinningState,
      sorting,
    }),
    [layout, sorting],
  );

  // Order, visibility and pinning change through layout.ts, whose rules (a region per move, one column always
  // visible) TanStack does not have; the table only reads them. Sizing and sorting change through the table's
  // own gestures, and read the latest layout, not this render's: a resize drag sends many updates between renders.
  const table = useTable({
    features,
    columns: defs,
    data: NO_ROWS,
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    enableMultiSort: true,
    maxMultiSortColCount: MAX_SORT_COLUMNS,
    columnResizeMode: 'onChange',
    state,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sortRef.current);
      sortRef.current = next;
      onSortChange(next.map((entry) => ({ column: entry.id, desc: entry.desc })));
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      const next = functionalUpdate(updater, { ...layoutRef.current.sizes });
      const sizes: Record<string, number> = {};
      for (const [id, size] of Object.entries(next)) {
        const column = byId.get(id);
        if (column) sizes[id] = clampSize(column, size);
      }
      setLayout({ ...layoutRef.current, sizes });
    },
  });

  const headers = table.getHeaderGroups()[0]?.headers;
  const views = useMemo(() => buildViews(headers ?? [], byId, layout.sizes), [headers, byId, layout.sizes]);
  const totalWidth = views.reduce((sum, view) => sum + view.width, 0);
  return { views, totalWidth };
}

/**
 * Widths come from the layout with the same clamping the table applies, so
 * this memo has honest inputs instead of reading live table getters.
 */
function buildViews<Row>(
  headers: readonly ColumnHeader[],
  byId: ReadonlyMap<string, DataTableColumn<Row>>,
  sizes: Readonly<Record<string, number>>,
): ColumnView<Row>[] {
  let pinnedWidth = 0;
  return headers.flatMap((header, index) => {
    const column = byId.get(header.column.id);
    if (!column) return [];
    const width = clampSize(column, sizes[column.id] ?? column.size ?? DEFAULT_COLUMN_SIZE);
    const pinned = header.column.getIsPinned() === 'start';
    const stickyStart = pinned ? pinnedWidth : null;
    if (pinned) pinnedWidth += width;
    return {
      id: column.id,
      column,
      header,
      width,
      align: column.align ?? 'start',
      stickyStart,
      lastPinned: pinned && header.column.getIsLastColumn('start'),
      colIndex: index + 1,
    };
  });
}

function toColumnDef<Row>(column: DataTableColumn<Row>): ColumnDef<typeof features, NoRow, unknown> {
  return {
    id: column.id,
    header: column.header,
    // Sorting needs an accessor to be enabled; the value is never read because sorting is manual.
    accessorFn: () => null,
    size: column.size ?? DEFAULT_COLUMN_SIZE,
    minSize: column.minSize ?? MIN_COLUMN_SIZE,
    maxSize: column.maxSize ?? MAX_COLUMN_SIZE,
    enableSorting: column.sortable ?? false,
    enableHiding: column.hideable !== false,
  };
}
