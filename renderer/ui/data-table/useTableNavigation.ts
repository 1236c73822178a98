import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import {
  extensionRange,
  navigationReducer,
  type NavigationAction,
  type NavigationState,
  type SelectionState,
} from './selection';
import type { RowSource } from './types';
import { useControllable } from './useControllable';

/**
 * Largest shift-range resolved to ids. Beyond it the ids would take hundreds of
 * window requests and megabytes of strings; "select all" over a filter is the
 * tool for that, and main resolves it in SQL.
 */
export const MAX_RANGE_ROWS = 50_000;

interface NavigationInput<Row> {
  readonly source: RowSource<Row>;
  readonly getRowId: (row: Row) => string;
  readonly selection: SelectionState;
  readonly onSelectionChange: (selection: SelectionState) => void;
  readonly focusedIndex: number | undefined;
  readonly onFocusChange: ((index: number) => void) | undefined;
}

/**
 * Focus and selection state around the pure reducer, plus the one impure part:
 * a shift-range over rows not loaded yet. Ranges are stored as ids, never as
 * index ranges: indexes shift when rows arrive or leave the queue, and an
 * action on "rows 200-400" would hit whatever sits there by then. So focus
 * moves at once, the range's rows are loaded through the source, and the
 * selection follows, unless the user did something else meanwhile.
 */
export function useTableNavigation<Row>(input: NavigationInput<Row>) {
  const { source, getRowId, selection, onSelectionChange } = input;
  const [focusedIndex, setFocus, focusRef] = useControllable(input.focusedIndex, input.onFocusChange, () => 0);
  const [notice, setNotice] = useState<string | null>(null);
  const selectionRef = useRef(selection);
  const onSelectionChangeRef = useRef(onSelectionChange);
  const generation = useRef(0);
  useLayoutEffect(() => {
    selectionRef.current = selection;
    onSelectionChangeRef.current = onSelectionChange;
  });

  const current = useCallback(
    (): NavigationState => ({ focusedIndex: focusRef.current, selection: selectionRef.current }),
    [focusRef],
  );

  const dispatch = useCallback(
    (action: NavigationAction) => {
      generation.current += 1;
      const previous = current();
      const next = navigationReducer(previous, action);
      setNotice(null);
      if (next.selection !== previous.selection) {
        selectionRef.current = next.selection;
        onSelectionChangeRef.current(next.selection);
      }
      setFocus(next.focusedIndex);
    },
    [current, setFocus],
  );

  /** Runs `use` with the ids of rows start..end: at once if loaded, else after loading, if still relevant. */
  const withIds = useCallback(
    (start: number, end: number, use: (ids: string[]) => void) => {
      const loaded: string[] = [];
      for (let index = start; index <= end; index++) {
        const row = source.getRow(index);
        if (row === undefined) break;
        loaded.push(getRowId(row));
      }
      if (loaded.length === end - start + 1) {
        use(loaded);
        return;
      }
      const token = generation.current;
      void source.loadRange(start, end).then((rows) => {
        if (token !== generation.current) return;
        if (rows === null) setNotice('Could not load those rows; nothing was selected.');
        else use(rows.map(getRowId));
      });
    },
    [getRowId, source],
  );

  const extendTo = useCallback(
    (index: number) => {
      const { start, end } = extensionRange(current(), index);
      if (end - start + 1 > MAX_RANGE_ROWS) {
        dispatch({ type: 'focus', index, keepAnchor: true });
        setNotice(`A range can span at most ${MAX_RANGE_ROWS.toLocaleString()} rows. Filter the queue and use Select all.`);
        return;
      }
      dispatch({ type: 'focus', index, keepAnchor: true });
      withIds(start, end, (ids) => dispatch({ type: 'extend', index, ids }));
    },
    [current, dispatch, withIds],
  );

  const toggleFocused = useCallback(() => {
    const index = clampFocus(focusRef.current, source.total);
    withIds(index, index, ([id]) => {
      if (id !== undefined) dispatch({ type: 'toggleFocused', id });
    });
  }, [dispatch, focusRef, source.total, withIds]);

  // A new query: the old selection would act on rows the user no longer sees.
  const seenQuery = useRef(source.queryKey);
  useLayoutEffect(() => {
    if (seenQuery.current === source.queryKey) return;
    seenQuery.current = source.queryKey;
    dispatch({ type: 'reset' });
  }, [dispatch, source.queryKey]);

  // Rows left the query (handled elsewhere, filtered out): keep focus on a row that exists.
  useLayoutEffect(() => {
    if (source.totalKnown && source.total > 0 && focusedIndex >= source.total) setFocus(source.total - 1);
  }, [focusedIndex, setFocus, source.total, source.totalKnown]);

  const { total } = source;
  /** Focus as of the latest dispatch, not the last render: keys can arrive faster than renders. */
  const latestFocus = useCallback(() => clampFocus(focusRef.current, total), [focusRef, total]);

  return {
    focusedIndex: clampFocus(focusedIndex, total),
    latestFocus,
    dispatch,
    extendTo,
    toggleFocused,
    notice,
  };
}

/** -1 when there is no row to focus. */
function clampFocus(index: number, total: number): number {
  return total === 0 ? -1 : Math.min(Math.max(index, 0), total - 1);
}
