import { useCallback, useState } from 'react';
import type { RowSource } from '../../data-table';

interface Baseline {
  readonly queryKey: string;
  readonly total: number;
}

/**
 * How many rows arrived since the moderator last looked: the query's total above a
 * baseline. The baseline follows the total down (rows decided or handled elsewhere),
 * so arrivals after a departure still count; `acknowledge` takes it up to the total.
 */
export function useNewArrivals<Row>(source: RowSource<Row>) {
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const { queryKey, total, totalKnown } = source;
  if (totalKnown && (baseline === null || baseline.queryKey !== queryKey || total < baseline.total)) {
    setBaseline({ queryKey, total });
  }
  const count = totalKnown && baseline?.queryKey === queryKey ? Math.max(0, total - baseline.total) : 0;
  const acknowledge = useCallback(() => setBaseline({ queryKey, total }), [queryKey, total]);
  /** Rows coming back that are not new (an undo): raise the baseline by them. */
  const expectReturning = useCallback(
    (rows: number) => setBaseline((current) => current && { ...current, total: current.total + rows }),
    [],
  );
  return { count, acknowledge, expectReturning };
}
