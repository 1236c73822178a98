import { useCallback, useId, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { assertNever } from '@shared/assert-never';
import { ColumnsMenu } from './ColumnsMenu';
import { gridKeyIntent, type GridIntent } from './keyboard';
import { defaultLayout, moveColumn, normalizeLayout, resizeColumn, shiftColumn } from './layout';
import { rowsPerPage, scrollGeometry } from './scroll-scale';
import { TableBody, type RowPointerHandlers } from './TableBody';
import { TableHeader } from './TableHeader';
import { HEADER_HEIGHT, ROW_HEIGHT, type DataTableProps, type TableLayout } from './types';
import { useColumnModel } from './useColumnModel';
import { useControllable } from './useControllable';
import { useTableNavigation } from './useTableNavigation';
import './data-table.css';

/** The CSS reads row and header heights from here, so the windowing math and the styles cannot disagree. */
const SIZE_VARIABLES = {
  '--mb-dt-row-height': `${ROW_HEIGHT}px`,
  '--mb-dt-header-height': `${HEADER_HEIGHT}px`,
} as CSSProperties;

/**
 * A dense, keyboard-first grid over a query of any size. Rows come a window
 * at a time from `source` (see `useRowWindows`); sorting, filtering and search
 * happen in main, so the table only reports sort changes.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { ariaLabel, columns, getRowId, source, sort, onSortChange, selection, onActivate, emptyState } = props;
  const gridId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const rowDomId = useCallback((index: number) => `${gridId}-row-${index}`, [gridId]);

  const controlledLayout = useMemo(
    () => (props.layout ? normalizeLayout(props.layout, columns) : undefined),
    [props.layout, columns],
  );
  const [layout, setLayout, layoutRef] = useControllable<TableLayout>(controlledLayout, props.onLayoutChange, () =>
    defaultLayout(columns),
  );
  const { views, totalWidth } = useColumnModel({ columns, layout, layoutRef, setLayout, sort, onSortChange });
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);

  const navigation = useTableNavigation({
    source,
    getRowId,
    selection,
    onSelectionChange: props.onSelectionChange,
    focusedIndex: props.focusedIndex,
    onFocusChange: props.onFocusChange,
  });
  const { focusedIndex, latestFocus, dispatch, extendTo, toggleFocused } = navigation;

  const focusGrid = () => scrollerRef.current?.focus({ preventScroll: true });

  const runIntent = (intent: GridIntent) => {
    switch (intent.type) {
      case 'focus':
        if (intent.extend) extendTo(intent.index);
        else dispatch({ type: 'focus', index: intent.index });
        return;
      case 'activate': {
        const index = latestFocus();
        const row = source.getRow(index);
        if (row !== undefined) onActivate?.(row, index);
        return;
      }
      case 'toggle':
        toggleFocused();
        return;
      case 'selectAll':
        dispatch({ type: 'selectAll' });
        return;
      case 'clear':
        dispatch({ type: 'clear' });
        return;
      case 'toHeader':
        scrollerRef.current?.querySelector<HTMLElement>('[data-header-focus]')?.focus();
        return;
      default:
        assertNever(intent, 'grid intent');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on a header cell are the header's; IME composition keys are the input method's.
    if (event.target !== event.currentTarget || event.nativeEvent.isComposing) return;
    const current = latestFocus();
    props.onKeyDown?.(event, { focusedIndex: current, focusedRow: source.getRow(current), selection });
    if (event.defaultPrevented) return;
    const viewportHeight = (scrollerRef.current?.clientHeight ?? 0) - HEADER_HEIGHT;
    const pageRows = rowsPerPage(scrollGeometry({ total: source.total, rowHeight: ROW_HEIGHT, viewportHeight }));
    const intent = gridKeyIntent(event, { focusedIndex: current, total: source.total, pageRows });
    if (!intent) return;
    event.preventDefault();
    runIntent(intent);
  };

  const pointer: RowPointerHandlers = {
    onMouseDown: (event: MouseEvent<HTMLElement>) => {
      // Shift-click extends the row selection; without this it would also select page text.
      if (!event.shiftKey) return;
      event.preventDefault();
      focusGrid();
    },
    onClick: (index, event) => {
      const row = source.getRow(index);
      if (event.shiftKey) extendTo(index);
      else if (row === undefined) dispatch({ type: 'focus', index });
      else dispatch({ type: 'click', index, id: getRowId(row), toggle: event.ctrlKey || event.metaKey });
    },
    onDoubleClick: (index) => {
      const row = source.getRow(index);
      if (row !== undefined) onActivate?.(row, index);
    },
  };

  const resizeBy = (id: string, delta: number) => {
    const column = byId.get(id);
    const view = views.find((candidate) => candidate.id === id);
    if (column && view) setLayout(resizeColumn(layoutRef.current, column, view.width + delta));
  };
  const sortBy = (id: string, multi: boolean) => {
    const view = views.find((candidate) => candidate.id === id);
    if (view?.header.column.getCanSort()) view.header.column.toggleSorting(undefined, multi);
  };

  const status = navigation.notice ?? (source.error ? `Could not load rows: ${source.error.message}` : null);
  const empty = source.totalKnown && source.total === 0;

  return (
    <div className="mb-dt" style={SIZE_VARIABLES}>
      <div className="mb-dt-toolbar">
        <div className="mb-dt-toolbar-start">{props.toolbar}</div>
        <span className="mb-dt-status" role="status">
          {status}
        </span>
        <ColumnsMenu columns={columns} layout={layout} onChange={setLayout} />
      </div>
      <div className="mb-dt-frame">
        <TableBody
          scrollerRef={scrollerRef}
          gridProps={{
            id: gridId,
            role: 'grid',
            'aria-label': ariaLabel,
            'aria-rowcount': source.total + 1,
            'aria-colcount': views.length,
            'aria-multiselectable': true,
            'aria-activedescendant': focusedIndex >= 0 ? rowDomId(focusedIndex) : undefined,
            tabIndex: 0,
            className: 'mb-dt-grid',
            onKeyDown,
          }}
          header={
            <TableHeader
              views={views}
              totalWidth={totalWidth}
              sort={sort}
              onSort={sortBy}
              onResizeBy={resizeBy}
              onShift={(id, delta) => setLayout(shiftColumn(layoutRef.current, id, delta))}
              onMove={(id, targetId, placement) => setLayout(moveColumn(layoutRef.current, id, targetId, placement))}
              onExit={focusGrid}
            />
          }
          source={source}
          views={views}
          totalWidth={totalWidth}
          rowDomId={rowDomId}
          focusedIndex={focusedIndex}
          selection={selection}
          getRowId={getRowId}
          pointer={pointer}
        />
        {empty && emptyState !== undefined && <div className="mb-dt-empty">{emptyState}</div>}
      </div>
    </div>
  );
}
