import { assertNever } from '@shared/assert-never';

/**
 * Selection over a query that may match a million rows. `all` means "every row
 * the query matches", including rows never loaded; main resolves it in SQL when
 * an action runs, so the renderer never needs their ids.
 */
export type RowSelection =
  | { readonly mode: 'some'; readonly ids: ReadonlySet<string> }
  | { readonly mode: 'all'; readonly except: ReadonlySet<string> };

/**
 * Where a shift-range starts, and the selection it extends. Extending replaces
 * the previous range rather than stacking on it, so shift+j then shift+k
 * shrinks the range back like every file manager does.
 */
export interface SelectionAnchor {
  readonly index: number;
  readonly base: RowSelection;
}

export interface SelectionState {
  readonly rows: RowSelection;
  readonly anchor: SelectionAnchor | null;
}

export interface NavigationState {
  readonly focusedIndex: number;
  readonly selection: SelectionState;
}

export type NavigationAction =
  /** Plain click selects only that row; `toggle` (ctrl/cmd) flips it and keeps the rest. */
  | { readonly type: 'click'; readonly index: number; readonly id: string; readonly toggle: boolean }
  /** `ids` are the rows between the anchor and `index`, as returned by `extensionRange`. */
  | { readonly type: 'extend'; readonly index: number; readonly ids: readonly string[] }
  /** Moves focus. `keepAnchor` holds the range start while a range's ids are still loading. */
  | { readonly type: 'focus'; readonly index: number; readonly keepAnchor?: boolean }
  | { readonly type: 'toggleFocused'; readonly id: string }
  | { readonly type: 'selectAll' }
  | { readonly type: 'clear' }
  /** A new query: the old selection and focus mean nothing there. */
  | { readonly type: 'reset' };

const NO_IDS: ReadonlySet<string> = new Set();
export const NONE_SELECTED: RowSelection = { mode: 'some', ids: NO_IDS };
export const EMPTY_SELECTION: SelectionState = { rows: NONE_SELECTED, anchor: null };

export function isSelected(selection: SelectionState, id: string): boolean {
  return rowIsSelected(selection.rows, id);
}

/**
 * In `all` mode the count is an estimate: an excluded id may since have left
 * the query. Main reports the exact number when the action runs.
 */
export function selectedCount(selection: SelectionState, total: number): number {
  const rows = selection.rows;
  return rows.mode === 'some' ? rows.ids.size : Math.max(0, total - rows.except.size);
}

/** The plain-array form to send to main with an action. */
export function serializeSelection(
  selection: SelectionState,
): { mode: 'some'; ids: string[] } | { mode: 'all'; except: string[] } {
  const rows = selection.rows;
  return rows.mode === 'some'
    ? { mode: 'some', ids: [...rows.ids] }
    : { mode: 'all', except: [...rows.except] };
}

/**
 * Inclusive index range whose ids an `extend` to `index` needs. The caller
 * loads them (they may not be on screen) and then dispatches `extend`.
 */
export function extensionRange(state: NavigationState, index: number): { start: number; end: number } {
  const from = anchorOf(state).index;
  return { start: Math.min(from, index), end: Math.max(from, index) };
}

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'click': {
      const rows = action.toggle
        ? setRows(state.selection.rows, [action.id], !rowIsSelected(state.selection.rows, action.id))
        : { mode: 'some' as const, ids: new Set([action.id]) };
      // After a plain click the range replaces everything; after ctrl-click it adds to what was picked.
      const base = action.toggle ? rows : NONE_SELECTED;
      return { focusedIndex: action.index, selection: { rows, anchor: { index: action.index, base } } };
    }
    case 'extend': {
      const anchor = anchorOf(state);
      return {
        focusedIndex: action.index,
        selection: { rows: setRows(anchor.base, action.ids, true), anchor },
      };
    }
    case 'focus': {
      if (action.keepAnchor) {
        return { focusedIndex: action.index, selection: { ...state.selection, anchor: anchorOf(state) } };
      }
      const anchor = { index: action.index, base: state.selection.rows };
      return { focusedIndex: action.index, selection: { rows: state.selection.rows, anchor } };
    }
    case 'toggleFocused': {
      const rows = setRows(state.selection.rows, [action.id], !rowIsSelected(state.selection.rows, action.id));
      return { ...state, selection: { rows, anchor: { index: state.focusedIndex, base: rows } } };
    }
    case 'selectAll': {
      const rows: RowSelection = { mode: 'all', except: NO_IDS };
      return { ...state, selection: { rows, anchor: { index: state.focusedIndex, base: rows } } };
    }
    case 'clear':
      return { ...state, selection: EMPTY_SELECTION };
    case 'reset':
      return { focusedIndex: 0, selection: EMPTY_SELECTION };
    default:
      return assertNever(action, 'navigation action');
  }
}

function anchorOf(state: NavigationState): SelectionAnchor {
  return state.selection.anchor ?? { index: Math.max(0, state.focusedIndex), base: state.selection.rows };
}

function rowIsSelected(rows: RowSelection, id: string): boolean {
  return rows.mode === 'some' ? rows.ids.has(id) : !rows.except.has(id);
}

function setRows(rows: RowSelection, ids: readonly string[], selected: boolean): RowSelection {
  // In `all` mode selecting means "stop excluding", so both modes are one set edit.
  const addToSet = rows.mode === 'some' ? selected : !selected;
  const next = new Set(rows.mode === 'some' ? rows.ids : rows.except);
  for (const id of ids) {
    if (addToSet) next.add(id);
    else next.delete(id);
  }
  return rows.mode === 'some' ? { mode: 'some', ids: next } : { mode: 'all', except: next };
}
