import type { DragEvent, KeyboardEvent, MouseEvent, TouchEvent } from 'react';
import { cellClassName, cellStyle } from './cell-style';
import { headerKeyIntent, type HeaderIntent } from './keyboard';
import type { Placement } from './layout';
import type { ColumnView } from './useColumnModel';

/** Private drag type, so dropping a file or text on a header does nothing. */
export const COLUMN_DRAG_TYPE = 'application/x-modboard-column';

export interface HeaderSort {
  readonly desc: boolean;
  /** 0 for the primary sort. */
  readonly position: number;
  readonly of: number;
}

interface HeaderCellProps<Row> {
  readonly view: ColumnView<Row>;
  readonly sort: HeaderSort | null;
  readonly dropPlacement: Placement | null;
  readonly setFocusTarget: (id: string, element: HTMLElement | null) => void;
  readonly onIntent: (id: string, intent: HeaderIntent) => void;
  readonly onDragStart: (id: string) => void;
  readonly onDragOver: (id: string, placement: Placement) => void;
  readonly onDrop: (id: string, placement: Placement) => void;
  readonly onDragEnd: () => void;
}

export function HeaderCell<Row>(props: HeaderCellProps<Row>) {
  const { view, sort, dropPlacement, setFocusTarget, onIntent } = props;
  const { column } = view;
  const sortable = column.sortable ?? false;
  const resizable = view.header.column.getCanResize();

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const intent = headerKeyIntent(event);
    if (!intent || (intent.type === 'sort' && !sortable)) return;
    event.preventDefault();
    event.stopPropagation();
    onIntent(column.id, intent);
  };

  const placementOf = (event: DragEvent<HTMLElement>): Placement => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientX > box.left + box.width / 2 ? 'after' : 'before';
  };
  const isColumnDrag = (event: DragEvent<HTMLElement>) => event.dataTransfer.types.includes(COLUMN_DRAG_TYPE);

  const startResize = (event: MouseEvent<HTMLElement> | TouchEvent<HTMLElement>) => {
    // Without this the header's own drag (reorder) would start instead of the resize.
    if (event.type === 'mousedown') event.preventDefault();
    event.stopPropagation();
    view.header.getResizeHandler()(event.nativeEvent);
  };

  const classes = [cellClassName(view, 'mb-dt-th')];
  if (dropPlacement) classes.push(`mb-dt-th-drop-${dropPlacement}`);
  const focusProps = {
    ref: (element: HTMLElement | null) => setFocusTarget(column.id, element),
    tabIndex: -1,
    'data-header-focus': column.id,
  };

  return (
    <div
      role="columnheader"
      aria-colindex={view.colIndex}
      aria-label={column.header}
      // ARIA asks for aria-sort on one header at a time: the primary sort. Secondary sorts show only visually.
      aria-sort={sortable && (sort === null || sort.position === 0) ? ariaSort(sort) : undefined}
      className={classes.join(' ')}
      style={cellStyle(view)}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.setData(COLUMN_DRAG_TYPE, column.id);
        event.dataTransfer.effectAllowed = 'move';
        props.onDragStart(column.id);
      }}
      onDragOver={(event) => {
        if (!isColumnDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        props.onDragOver(column.id, placementOf(event));
      }}
      onDrop={(event) => {
        if (!isColumnDrag(event)) return;
        event.preventDefault();
        props.onDrop(column.id, placementOf(event));
      }}
      onDragEnd={props.onDragEnd}
    >
      {sortable ? (
        <button
          {...focusProps}
          type="button"
          className="mb-dt-th-focus"
          aria-label={`Sort by ${column.header}`}
          onClick={(event) => onIntent(column.id, { type: 'sort', multi: event.shiftKey })}
        >
          <span className="mb-dt-th-label" dir="auto">
            {column.header}
          </span>
          {sort && (
            <span className="mb-dt-sort-mark" aria-hidden="true">
              {sort.desc ? '▼' : '▲'}
              {sort.of > 1 && <sup>{sort.position + 1}</sup>}
            </span>
          )}
        </button>
      ) : (
        <span {...focusProps} className="mb-dt-th-focus">
          <span className="mb-dt-th-label" dir="auto">
            {column.header}
          </span>
        </span>
      )}
      {resizable && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${column.header}`}
          aria-valuenow={view.width}
          aria-valuemin={view.header.column.columnDef.minSize}
          aria-valuemax={view.header.column.columnDef.maxSize}
          className="mb-dt-resize"
          onMouseDown={startResize}
          onTouchStart={startResize}
          onDoubleClick={() => view.header.column.resetSize()}
        />
      )}
    </div>
  );
}

function ariaSort(sort: HeaderSort | null): 'ascending' | 'descending' | 'none' {
  if (!sort) return 'none';
  return sort.desc ? 'descending' : 'ascending';
}
