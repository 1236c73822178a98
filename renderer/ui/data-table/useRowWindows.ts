import { useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { RowWindowCache, type FetchWindow } from './row-window-cache';
import type { RowSource } from './types';

export interface RowWindowsOptions {
  /** Changes whenever sort, filters or search change (e.g. JSON of the request minus offset/limit). */
  readonly queryKey: string;
  /** Change it when the rows changed under the same query (a `queue.changed` event, a decision applied). */
  readonly refreshToken?: string | number;
  /** Read once, at mount. */
  readonly pageSize?: number;
}

/**
 * Rows of a query, a window at a time, for `DataTable`. The caching rules live
 * in `RowWindowCache`; this only ties it to React's lifecycle.
 */
export function useRowWindows<Row>(fetchWindow: FetchWindow<Row>, options: RowWindowsOptions): RowSource<Row> {
  const { queryKey, refreshToken } = options;
  const [cache] = useState(
    () => new RowWindowCache<Row>({ fetchWindow, queryKey, pageSize: options.pageSize ?? 100 }),
  );
  const seenToken = useRef(refreshToken);

  // Layout effects, so the new query or refresh is in place before the body asks for rows in its effects.
  useLayoutEffect(() => cache.setFetcher(fetchWindow), [cache, fetchWindow]);
  useLayoutEffect(() => cache.setQuery(queryKey), [cache, queryKey]);
  useLayoutEffect(() => {
    if (refreshToken === seenToken.current) return;
    seenToken.current = refreshToken;
    cache.refresh();
  }, [cache, refreshToken]);

  const snapshot = useSyncExternalStore(cache.subscribe, cache.getSnapshot, cache.getSnapshot);
  return useMemo(
    () => ({
      queryKey: snapshot.queryKey,
      total: snapshot.total,
      totalKnown: snapshot.totalKnown,
      loading: snapshot.loading,
      error: snapshot.error,
      getRow: cache.getRow,
      ensureRange: cache.ensureRange,
      loadRange: cache.loadRange,
    }),
    [cache, snapshot],
  );
}
