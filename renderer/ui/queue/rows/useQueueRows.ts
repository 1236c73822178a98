import type { RowSource } from '../../data-table';
import type { DecidableRow } from './optimistic';
import { useNewArrivals } from './useNewArrivals';
import { useOptimisticEntries } from './useOptimisticEntries';
import { useOptimisticSource } from './useOptimisticSource';
import { useStableFocus } from './useStableFocus';

/**
 * A queue's rows as the table shows them: main's rows with the moderator's decisions
 * applied at once (`optimistic`), focus that follows its row, and the count of new arrivals.
 * `undecided` is the status decisions move rows out of ("pending", "open").
 */
export function useQueueRows<Row extends DecidableRow>(rows: RowSource<Row>, undecided: Row['status']) {
  const optimistic = useOptimisticEntries<Row['status']>();
  const source = useOptimisticSource(rows, optimistic.entries, undecided);
  const focus = useStableFocus(source);
  const arrivals = useNewArrivals(source);
  return { source, focus, optimistic, arrivals };
}
