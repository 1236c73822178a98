import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type HTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { isSelected, type SelectionState } from './selection';
import { resolveTop, revealTop, rowOffset, scrollGeometry, toPhysicalTop, visibleRange } from './scroll-scale';
import { TableRow } from './TableRow';
import { HEADER_HEIGHT, ROW_HEIGHT, type RowSource } from './types';
import type { ColumnView } from './useColumnModel';
import { useRowSlots } from './useRowSlots';
import { useScrollViewport } from './useScrollViewport';

/** Rows rendered beyond the viewport, so a short scroll does not show skeletons. */
const OVERSCAN_ROWS = 8;
/** Rows asked for beyond the viewport, so the next page is usually loaded before it is seen. */
const PREFETCH_ROWS = 60;
/**
 * Rows are placed relative to the first row of their block, and the block is
 * moved as a whole. Compressed, every row's absolute offset changes with each
 * scroll frame; relative to the block it does not, so memoized rows skip the
 * frame and only rows entering the viewport render.
 */
const BLOCK_ROWS = 1000;
/** Key of the focused row when it is outside the window; window keys are numbers, so it never collides. */
const FOCUSED_KEY = 'focused';

export interface RowPointerHandlers {
  onMouseDown(event: MouseEvent<HTMLElement>): void;
  onClick(index: number, event: MouseEvent<HTMLElement>): void;
  onDoubleClick(index: number): void;
}

interface TableBodyProps<Row> {
  /** The grid element is the scroller; the table reads it for focus and page size. */
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly gridProps: HTMLAttributes<HTMLDivElement>;
  /** Rendered inside the scroller, so it scrolls sideways with the rows and sticks on top. */
  readonly header: ReactNode;
  readonly source: RowSource<Row>;
  readonly views: readonly ColumnView<Row>[];
  readonly totalWidth: number;
  readonly rowDomId: (index: number) => string;
  /** -1 when nothing is focused (an empty table). */
  readonly focusedIndex: number;
  readonly selection: SelectionState;
  readonly getRowId: (row: Row) => string;
  readonly pointer: RowPointerHandlers;
}

/**
 * The scroller and the windowing: which rows exist in the DOM and where they
 * sit. Not TanStack Virtual: its measurement cache is two numbers per row
 * (16 MB at a million rows, growing with the query) and it reads and clamps
 * against the element's real scroll range, which compressed scrolling
 * (scroll-scale.ts) deliberately differs from. Rows here have one fixed
 * height, so the window is plain arithmetic.
 */
export function TableBody<Row>(props: TableBodyProps<Row>) {
  const { scrollerRef, source, views, totalWidth, rowDomId, focusedIndex, selection, getRowId, pointer } = props;
  const [viewport, setViewport] = useScrollViewport(scrollerRef);
  const geometry = useMemo(
    () => scrollGeometry({ total: source.total, rowHeight: ROW_HEIGHT, viewportHeight: viewport.height - HEADER_HEIGHT }),
    [source.total, viewport.height],
  );
  const top = resolveTop(geometry, viewport.top, viewport.pin);
  const range = visibleRange(geometry, top.virtualTop, OVERSCAN_ROWS);
  const { ensureRange, queryKey } = source;

  useEffect(() => {
    ensureRange(range.first - PREFETCH_ROWS, range.last + PREFETCH_ROWS);
  }, [ensureRange, queryKey, range.first, range.last]);

  // A new query starts at the top; the old scroll offset points into unrelated rows.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || scroller.scrollTop === 0) return;
    scroller.scrollTop = 0;
    setViewport((previous) => ({ ...previous, top: 0, pin: null }));
  }, [queryKey, scrollerRef, setViewport]);

  // Before paint, so the focused row is on screen in the frame focus moved. Only a focus move reveals:
  // a resize or new rows must not yank the view back to a row the user scrolled away from.
  const revealed = useRef<number | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || focusedIndex < 0 || geometry.viewportHeight <= 0 || revealed.current === focusedIndex) return;
    revealed.current = focusedIndex;
    const current = resolveTop(geometry, scroller.scrollTop, viewport.pin).virtualTop;
    const wanted = revealTop(geometry, focusedIndex, current);
    if (wanted === current) return;
    scroller.scrollTop = toPhysicalTop(geometry, wanted);
    const pin = {
      physical: scroller.scrollTop,
      virtual: wanted,
      virtualHeight: geometry.virtualHeight,
      viewportHeight: geometry.viewportHeight,
    };
    setViewport((previous) => ({ ...previous, top: scroller.scrollTop, pin }));
  }, [focusedIndex, geometry, scrollerRef, setViewport, viewport.pin]);

  const slots = useRowSlots(range.first, range.last);
  const rows: { index: number; key: number | string }[] = slots.keys.map((key, slot) => ({ index: range.first + slot, key }));
  // The focused row stays in the DOM even when scrolled away, so aria-activedescendant always resolves.
  if (focusedIndex >= 0 && focusedIndex < geometry.total && (focusedIndex < range.first || focusedIndex > range.last)) {
    rows.push({ index: focusedIndex, key: FOCUSED_KEY });
  }
  // Clamped so that row, when off screen, cannot stretch the scroll area past the spacer.
  const maxOffset = Math.max(0, geometry.physicalHeight - ROW_HEIGHT);
  const blockOffset = rowOffset(geometry, Math.floor(range.first / BLOCK_ROWS) * BLOCK_ROWS, top);

  const indexOf = (event: MouseEvent<HTMLElement>): number | null => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    return row ? Number(row.dataset.index) : null;
  };

  return (
    <div ref={scrollerRef} {...props.gridProps}>
      {props.header}
      <div
        role="rowgroup"
        className="mb-dt-body"
        style={{ height: geometry.physicalHeight, width: totalWidth }}
        onMouseDown={pointer.onMouseDown}
        onClick={(event) => {
          const index = indexOf(event);
          if (index !== null) pointer.onClick(index, event);
        }}
        onDoubleClick={(event) => {
          const index = indexOf(event);
          if (index !== null) pointer.onDoubleClick(index);
        }}
      >
        <div role="presentation" className="mb-dt-rows" style={{ transform: `translateY(${blockOffset}px)` }}>
          {rows.map(({ index, key }) => {
            const row = source.getRow(index);
            const rowId = row === undefined ? undefined : getRowId(row);
            const selected = rowId === undefined ? selection.rows.mode === 'all' : isSelected(selection, rowId);
            return (
              <TableRow
                key={key}
                domId={rowDomId(index)}
                index={index}
                row={row}
                rowId={rowId}
                views={views}
                selected={selected}
                focused={index === focusedIndex}
                offset={Math.min(Math.max(rowOffset(geometry, index, top), 0), maxOffset) - blockOffset}
                width={totalWidth}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
