import { useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { displayOrder, setHidden, setPinned, visibleOrder } from './layout';
import type { DataTableColumnBase, TableLayout } from './types';

interface ColumnsMenuProps {
  readonly columns: readonly DataTableColumnBase[];
  readonly layout: TableLayout;
  readonly onChange: (layout: TableLayout) => void;
}

/** Show, hide and pin columns. A non-modal popover: Escape, a click outside or tabbing away closes it. */
export function ColumnsMenu({ columns, layout, onChange }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  useLayoutEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('input:not(:disabled), button')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !panelRef.current?.contains(next) && !buttonRef.current?.contains(next)) setOpen(false);
  };

  const byId = new Map(columns.map((column) => [column.id, column]));
  const ordered = displayOrder(layout).flatMap((id) => byId.get(id) ?? []);
  const visibleCount = visibleOrder(layout).length;

  return (
    <div className="mb-dt-columns">
      <button
        ref={buttonRef}
        type="button"
        className="mb-dt-tool-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        Columns
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Columns"
          className="mb-dt-columns-panel"
          onBlur={onBlur}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            close();
          }}
        >
          <ul className="mb-dt-columns-list">
            {ordered.map((column) => {
              const hidden = layout.hidden.includes(column.id);
              const pinned = layout.pinned.includes(column.id);
              const locked = column.hideable === false || (!hidden && visibleCount === 1);
              return (
                <li key={column.id} className="mb-dt-columns-item">
                  <label className="mb-dt-columns-label">
                    <input
                      type="checkbox"
                      checked={!hidden}
                      disabled={locked}
                      onChange={(event) => onChange(setHidden(layout, column.id, !event.target.checked))}
                    />
                    <span dir="auto">{column.header}</span>
                  </label>
                  <button
                    type="button"
                    className="mb-dt-pin"
                    aria-pressed={pinned}
                    aria-label={`Pin ${column.header}`}
                    onClick={() => onChange(setPinned(layout, column.id, !pinned))}
                  >
                    Pin
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
