import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { SortSpec } from '@shared/table/window';
import { assertNever } from '@shared/assert-never';
import { HeaderCell, type HeaderSort } from './HeaderCell';
import type { HeaderIntent } from './keyboard';
import type { Placement } from './layout';
import type { ColumnView } from './useColumnModel';

interface TableHeaderProps<Row> {
  readonly views: readonly ColumnView<Row>[];
  readonly totalWidth: number;
  readonly sort: readonly SortSpec[];
  readonly onSort: (id: string, multi: boolean) => void;
  readonly onResizeBy: (id: string, delta: number) => void;
  readonly onShift: (id: string, delta: -1 | 1) => void;
  readonly onMove: (id: string, targetId: string, placement: Placement) => void;
  /** Focus goes back to the rows. */
  readonly onExit: () => void;
}

interface DragState {
  readonly id: string;
  readonly over: string | null;
  readonly placement: Placement;
}

/**
 * The header row. Its cells are reachable from the rows (ArrowUp on the first
 * row) rather than by Tab, so the grid stays a single tab stop.
 */
export function TableHeader<Row>(props: TableHeaderProps<Row>) {
  const { views, totalWidth, sort, onSort, onResizeBy, onShift, onMove, onExit } = props;
  const targets = useRef(new Map<string, HTMLElement>());
  const refocus = useRef<string | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);

  // Reordering moves the focused header's DOM node, which drops focus; put it back.
  useLayoutEffect(() => {
    if (refocus.current === null) return;
    targets.current.get(refocus.current)?.focus();
    refocus.current = null;
  });

  const setFocusTarget = useCallback((id: string, element: HTMLElement | null) => {
    if (element) targets.current.set(id, element);
    else targets.current.delete(id);
  }, []);

  const onIntent = (id: string, intent: HeaderIntent) => {
    switch (intent.type) {
      case 'sort':
        onSort(id, intent.multi);
        return;
      case 'resize':
        onResizeBy(id, intent.delta);
        return;
      case 'move':
        refocus.current = id;
        onShift(id, intent.delta);
        return;
      case 'focusSibling': {
        const sibling = views[views.findIndex((view) => view.id === id) + intent.delta];
        if (sibling) targets.current.get(sibling.id)?.focus();
        return;
      }
      case 'toBody':
        onExit();
        return;
      default:
        assertNever(intent, 'header intent');
    }
  };

  return (
    <div role="rowgroup" className="mb-dt-head">
      <div role="row" aria-rowindex={1} className="mb-dt-head-row" style={{ width: totalWidth }}>
        {views.map((view) => (
          <HeaderCell
            key={view.id}
            view={view}
            sort={headerSort(sort, view.id)}
            dropPlacement={drag && drag.over === view.id && drag.id !== view.id ? drag.placement : null}
            setFocusTarget={setFocusTarget}
            onIntent={onIntent}
            onDragStart={(id) => setDrag({ id, over: null, placement: 'before' })}
            onDragOver={(over, placement) =>
              setDrag((current) =>
                current && (current.over !== over || current.placement !== placement) ? { ...current, over, placement } : current,
              )
            }
            onDrop={(targetId, placement) => {
              if (drag) onMove(drag.id, targetId, placement);
              setDrag(null);
            }}
            onDragEnd={() => setDrag(null)}
          />
        ))}
      </div>
    </div>
  );
}

function headerSort(sort: readonly SortSpec[], id: string): HeaderSort | null {
  const position = sort.findIndex((spec) => spec.column === id);
  return position === -1 ? null : { desc: sort[position]!.desc, position, of: sort.length };
}
