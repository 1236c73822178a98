import { useCallback, useMemo, useRef, useState } from 'react';
import type { FlaggedRow } from '@shared/domain/flagged';
import type { RowSource } from '../../ui/data-table';
import { findHiddenPositions, toUnderlying } from '../join-requests/hiddenRows';
import { hiddenFlagIds, overlayFlagRow, type FlagOverlayEntry } from './overlay';

/** How long a settled entry outlives main's answer: the `queue.changed` refetch lands well within it. */
const SETTLED_TTL_MS = 30_000;

export type NewOverlayEntry = Omit<FlagOverlayEntry, 'key' | 'actionId'>;

/**
 * The queue's rows as the moderator's actions will leave them: acted-on rows that leave
 * the query are gone at once (the next row slides up in the same frame, through
 * join-requests/hiddenRows.ts), those that stay show their new status until the refetch.
 */
export function useFlagOverlay(rows: RowSource<FlaggedRow>) {
  const [entries, setEntries] = useState<readonly FlagOverlayEntry[]>([]);
  const nextKey = useRef(1);

  const begin = useCallback((entry: NewOverlayEntry): number => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { ...entry, key, actionId: null }]);
    return key;
  }, []);
  const settle = useCallback((key: number, actionId: string) => {
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, actionId } : entry)));
    setTimeout(() => setEntries((current) => current.filter((entry) => entry.key !== key)), SETTLED_TTL_MS);
  }, []);
  const fail = useCallback((key: number) => setEntries((current) => current.filter((entry) => entry.key !== key)), []);
  const undone = useCallback((actionId: string) => setEntries((current) => current.filter((entry) => entry.actionId !== actionId)), []);

  const hidden = useMemo(() => hiddenFlagIds(entries, rows.queryKey), [entries, rows.queryKey]);
  const positions = useMemo(
    () => (hidden.size === 0 ? [] : findHiddenPositions((index) => rows.getRow(index)?.id, hidden, rows.total)),
    [hidden, rows],
  );
  const source = useMemo((): RowSource<FlaggedRow> => {
    if (entries.length === 0) return rows;
    // One overlaid object per row while the page stays, so memoized table rows do not re-render for nothing.
    const overlaid = new WeakMap<FlaggedRow, FlaggedRow>();
    const show = (row: FlaggedRow): FlaggedRow => {
      let shown = overlaid.get(row);
      if (!shown) {
        shown = overlayFlagRow(row, entries);
        overlaid.set(row, shown);
      }
      return shown;
    };
    const underlying = (visual: number) => toUnderlying(Math.max(0, visual), positions);
    return {
      ...rows,
      total: Math.max(0, rows.total - positions.length),
      getRow: (visual) => {
        const row = rows.getRow(underlying(visual));
        return row && show(row);
      },
      ensureRange: (start, end) => rows.ensureRange(underlying(start), underlying(end)),
      loadRange: async (start, end) => {
        const loaded = await rows.loadRange(underlying(start), underlying(end));
        return loaded && loaded.filter((row) => !hidden.has(row.id)).map(show);
      },
    };
  }, [entries, hidden, positions, rows]);

  return { source, begin, settle, fail, undone };
}
