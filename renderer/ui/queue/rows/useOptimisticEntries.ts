import { useCallback, useRef, useState } from 'react';
import { dropAction, dropEntry, settleEntry, type OptimisticEntry } from './optimistic';

/**
 * How long a settled entry outlives main's answer. The refetch that follows a decision
 * (`queue.changed`) lands well within it; after it main's rows say the same thing.
 */
const SETTLED_TTL_MS = 30_000;

export type NewOptimisticEntry<Status extends string> = Omit<OptimisticEntry<Status>, 'key' | 'actionId'>;

/** The decisions not yet reflected by main's rows; see optimistic.ts. */
export function useOptimisticEntries<Status extends string>() {
  const [entries, setEntries] = useState<readonly OptimisticEntry<Status>[]>([]);
  const nextKey = useRef(1);

  const begin = useCallback((entry: NewOptimisticEntry<Status>): number => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { ...entry, key, actionId: null }]);
    return key;
  }, []);

  const settle = useCallback((key: number, actionId: string) => {
    setEntries((current) => settleEntry(current, key, actionId));
    setTimeout(() => setEntries((current) => dropEntry(current, key)), SETTLED_TTL_MS);
  }, []);

  const fail = useCallback((key: number) => setEntries((current) => dropEntry(current, key)), []);
  const undone = useCallback((actionId: string) => setEntries((current) => dropAction(current, actionId)), []);

  return { entries, begin, settle, fail, undone };
}
