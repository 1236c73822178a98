import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
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

  const subscribe = useCallback((onChange: () => void) => subscribePerFrame(cache, onChange), [cache]);
  const snapshot = useSyncExternalStore(subscribe, cache.getSnapshot, cache.getSnapshot);
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

/**
 * Rows arrive between frames, one answer per message. Rendering each at once
 * dirties the layout that the next scroll event then has to read (a forced
 * layout, then a second one for the scroll's own changes); rendered in the
 * next animation frame, the answers of one frame are one render and one layout,
 * and they are on screen in the same frame as before.
 */
function subscribePerFrame<Row>(cache: RowWindowCache<Row>, onChange: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') return cache.subscribe(onChange);
  let frame: number | null = null;
  const unsubscribe = cache.subscribe(() => {
    frame ??= requestAnimationFrame(() => {
      frame = null;
      onChange();
    });
  });
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    unsubscribe();
  };
}
