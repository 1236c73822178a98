import { useCallback, useMemo } from 'react';
import { useRowWindows, type RowSource } from '../../ui/data-table';

const versions = new WeakMap<object, number>();
let lastVersion = 0;

/** A number per array identity: a new array of rows is a refresh of the same query. */
function versionOf(rows: object): number {
  let version = versions.get(rows);
  if (version === undefined) {
    version = ++lastVersion;
    versions.set(rows, version);
  }
  return version;
}

/**
 * A DataTable source over rows the view already holds (a preview of a few hundred
 * targets). New rows refresh what is shown without resetting focus; a new `queryKey`
 * starts over.
 */
export function useListSource<Row>(rows: readonly Row[], queryKey: string): RowSource<Row> {
  const fetchWindow = useCallback(
    ({ offset, limit }: { offset: number; limit: number }) => Promise.resolve({ rows: rows.slice(offset, offset + limit), total: rows.length, offset }),
    [rows],
  );
  const refreshToken = useMemo(() => versionOf(rows), [rows]);
  const options = useMemo(() => ({ queryKey, refreshToken }), [queryKey, refreshToken]);
  return useRowWindows(fetchWindow, options);
}
