import type { DataTableColumnBase, TableLayout } from './types';

export const DEFAULT_COLUMN_SIZE = 160;
export const MIN_COLUMN_SIZE = 48;
export const MAX_COLUMN_SIZE = 1200;

type LayoutColumn = Pick<DataTableColumnBase, 'id' | 'size' | 'minSize' | 'maxSize' | 'pinned' | 'hidden' | 'hideable'>;
export type Placement = 'before' | 'after';

/** The columns' own defaults: what a table shows before the user changes anything. */
export function defaultLayout(columns: readonly LayoutColumn[]): TableLayout {
  return {
    order: columns.map((column) => column.id),
    sizes: {},
    hidden: columns.filter((column) => column.hidden && column.hideable !== false).map((column) => column.id),
    pinned: columns.filter((column) => column.pinned).map((column) => column.id),
  };
}

/**
 * Fits a saved layout to today's columns: drops ids that no longer exist,
 * appends new columns with their defaults, clamps sizes, and keeps at least
 * one column visible. Saved views outlive column definitions.
 */
export function normalizeLayout(layout: TableLayout, columns: readonly LayoutColumn[]): TableLayout {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const known = (id: string) => byId.has(id);
  const order = unique(layout.order.filter(known));
  const added = columns.filter((column) => !order.includes(column.id));
  const defaults = defaultLayout(added);
  const sizes: Record<string, number> = {};
  for (const [id, size] of Object.entries(layout.sizes)) {
    const column = byId.get(id);
    if (column && Number.isFinite(size)) sizes[id] = clampSize(column, size);
  }
  const hidden = unique([...layout.hidden, ...defaults.hidden]).filter((id) => byId.get(id)?.hideable !== false && known(id));
  const allOrder = [...order, ...defaults.order];
  const visible = allOrder.filter((id) => !hidden.includes(id));
  return {
    order: allOrder,
    sizes,
    hidden: visible.length === 0 ? hidden.filter((id) => id !== allOrder[0]) : hidden,
    pinned: unique([...layout.pinned, ...defaults.pinned]).filter(known),
  };
}

export function clampSize(column: LayoutColumn, size: number): number {
  const min = column.minSize ?? MIN_COLUMN_SIZE;
  const max = Math.max(min, column.maxSize ?? MAX_COLUMN_SIZE);
  return Math.round(Math.min(Math.max(size, min), max));
}

export function resizeColumn(layout: TableLayout, column: LayoutColumn, size: number): TableLayout {
  return { ...layout, sizes: { ...layout.sizes, [column.id]: clampSize(column, size) } };
}

export function setHidden(layout: TableLayout, id: string, hidden: boolean): TableLayout {
  const rest = layout.hidden.filter((hiddenId) => hiddenId !== id);
  if (hidden && visibleOrder(layout).every((visibleId) => visibleId === id)) return layout;
  return { ...layout, hidden: hidden ? [...rest, id] : rest };
}

export function setPinned(layout: TableLayout, id: string, pinned: boolean): TableLayout {
  const rest = layout.pinned.filter((pinnedId) => pinnedId !== id);
  return { ...layout, pinned: pinned ? [...rest, id] : rest };
}

/** Pinned columns first (in pin order), then the rest: the order the user sees. */
export function displayOrder(layout: TableLayout): string[] {
  const pinned = layout.pinned.filter((id) => layout.order.includes(id));
  return [...pinned, ...layout.order.filter((id) => !pinned.includes(id))];
}

export function visibleOrder(layout: TableLayout): string[] {
  return displayOrder(layout).filter((id) => !layout.hidden.includes(id));
}

/** Drag and drop. Columns move within their region: dropping across the pin boundary does nothing. */
export function moveColumn(layout: TableLayout, id: string, targetId: string, placement: Placement): TableLayout {
  if (id === targetId) return layout;
  const pinned = layout.pinned.includes(id);
  if (pinned !== layout.pinned.includes(targetId)) return layout;
  const list = pinned ? layout.pinned : layout.order;
  if (!list.includes(id) || !list.includes(targetId)) return layout;
  const without = list.filter((other) => other !== id);
  const at = without.indexOf(targetId) + (placement === 'after' ? 1 : 0);
  const next = [...without.slice(0, at), id, ...without.slice(at)];
  return pinned ? { ...layout, pinned: next } : { ...layout, order: next };
}

/** Keyboard reorder: swaps with the next visible column of the same region. */
export function shiftColumn(layout: TableLayout, id: string, delta: -1 | 1): TableLayout {
  const pinned = layout.pinned.includes(id);
  const region = visibleOrder(layout).filter((other) => layout.pinned.includes(other) === pinned);
  const neighbour = region[region.indexOf(id) + delta];
  if (!region.includes(id) || neighbour === undefined) return layout;
  return moveColumn(layout, id, neighbour, delta > 0 ? 'after' : 'before');
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
