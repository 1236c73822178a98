import type { CSSProperties } from 'react';
import type { ColumnView } from './useColumnModel';

type CellGeometry = Pick<ColumnView<never>, 'width' | 'align' | 'stickyStart' | 'lastPinned'>;

/** Header, row and placeholder cells share these, so every column lines up to the pixel. */
export function cellClassName(view: CellGeometry, base = 'mb-dt-cell'): string {
  const classes = [base, `mb-dt-align-${view.align}`];
  if (view.stickyStart !== null) classes.push('mb-dt-pinned');
  if (view.lastPinned) classes.push('mb-dt-pinned-last');
  return classes.join(' ');
}

/** Widths come from the model, never from content, or pinned offsets would drift from the cells. */
export function cellStyle(view: CellGeometry): CSSProperties {
  return view.stickyStart === null ? { width: view.width } : { width: view.width, insetInlineStart: view.stickyStart };
}
