import { useMemo } from 'react';
import type { RowSource } from '../../data-table';
import { findHiddenPositions, toUnderlying } from './hiddenRows';
import { hiddenIds, overlayRow, type DecidableRow, type OptimisticEntry } from './optimistic';

/**
 * The queue's rows as the moderator's decisions will leave them: decided rows that leave
 * the query are gone at once (the next row slides up in the same frame), decided rows
 * that stay show their new status. Both last until the refetch has the same rows.
 * `undecided` is the status a decision moves rows out of ("pending", "open").
 */
export function useOptimisticSource<Row extends DecidableRow>(
  source: RowSource<Row>,
  entries: readonly OptimisticEntry<Row['status']>[],
  undecided: Row['status'],
): RowSource<Row> {
  const hidden = useMemo(() => hiddenIds(entries, source.queryKey), [entries, source.queryKey]);
  const positions = useMemo(
    () => (hidden.size === 0 ? [] : findHiddenPositions((index) => source.getRow(index)?.id, hidden, source.total)),
    [hidden, source],
  );
  return useMemo(() => {
    if (entries.length === 0) return source;
    // One overlaid object per row while the page stays, so memoized table rows do not re-render for nothing.
    const overlaid = new WeakMap<Row, Row>();
    const show = (row: Row): Row => {
      let shown = overlaid.get(row);
      if (!shown) {
        shown = overlayRow(row, entries, source.queryKey, undecided);
        overlaid.set(row, shown);
      }
      return shown;
    };
    const underlying = (visual: number) => toUnderlying(Math.max(0, visual), positions);
    return {
      ...source,
      total: Math.max(0, source.total - positions.length),
      getRow: (visual) => {
        const row = source.getRow(underlying(visual));
        return row && show(row);
      },
      ensureRange: (start, end) => source.ensureRange(underlying(start), underlying(end)),
      loadRange: async (start, end) => {
        const rows = await source.loadRange(underlying(start), underlying(end));
        return rows && rows.filter((row) => !hidden.has(row.id)).map(show);
      },
    };
  }, [entries, hidden, positions, source, undecided]);
}
