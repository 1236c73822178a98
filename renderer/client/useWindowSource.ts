import { useCallback, useMemo } from 'react';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { QueueName } from '@shared/domain/queues';
import type { RowWindow, SortSpec } from '@shared/table/window';
import { useRowWindows, type RowSource } from '../ui/data-table';
import { useApi } from './ApiProvider';
import { useQueueVersion } from './hooks';

type WindowCall = {
  [K in CallName]: CallOutput<K> extends RowWindow<unknown> ? K : never;
}[CallName];

type RowOf<K extends WindowCall> = CallOutput<K> extends RowWindow<infer R> ? R : never;

export interface WindowQuery<K extends WindowCall> {
  readonly sort: readonly SortSpec[];
  readonly filters: CallInput<K> extends { filters: infer F } ? F : never;
  readonly search?: string;
}

/**
 * Rows of one queue for a DataTable, fetched window by window through the contract.
 * A new query (sort, filters, search) starts over; a change on the main side to one of
 * `refreshOn` refetches what is on screen without clearing it.
 */
export function useWindowSource<K extends WindowCall>(
  name: K,
  query: WindowQuery<K>,
  refreshOn: readonly QueueName[],
): RowSource<RowOf<K>> {
  const api = useApi();
  const refreshToken = useQueueVersion(refreshOn);
  const queryKey = JSON.stringify([name, query.sort, query.filters, query.search ?? '']);
  const fetchWindow = useCallback(
    async ({ offset, limit }: { offset: number; limit: number }) => {
      const parsed = JSON.parse(queryKey) as [K, SortSpec[], unknown, string];
      const input = { offset, limit, sort: parsed[1], filters: parsed[2], ...(parsed[3] ? { search: parsed[3] } : {}) };
      const result = await api.call(name, input as CallInput<K>);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as RowWindow<RowOf<K>>;
    },
    [api, name, queryKey],
  );
  const options = useMemo(() => ({ queryKey, refreshToken }), [queryKey, refreshToken]);
  return useRowWindows(fetchWindow, options);
}
