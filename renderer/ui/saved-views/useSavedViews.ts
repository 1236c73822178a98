import { useCallback, useMemo, useState } from 'react';
import type { VIEW_TABLE_KEYS } from '@shared/contract/views';
import type { SavedView } from '@shared/domain/decisions';
import type { Result } from '@shared/result';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';

export type ViewTableKey = (typeof VIEW_TABLE_KEYS)[number];

/** A table's saved views from the store, in their order, with save, rename and delete. */
export function useSavedViews(tableKey: ViewTableKey) {
  const api = useApi();
  const list = useQuery('views.list', { tableKey });
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  const run = useCallback(
    async <T,>(pending: Promise<Result<T>>): Promise<T | null> => {
      const result = await pending;
      if (!result.ok) {
        setError(result.error.message);
        return null;
      }
      setError(null);
      reload();
      return result.value;
    },
    [reload],
  );

  const save = useCallback(
    (input: { id?: string; name: string; definition: Record<string, unknown> }) => run(api.call('views.save', { tableKey, ...input })),
    [api, run, tableKey],
  );
  const remove = useCallback((id: string) => run(api.call('views.delete', { id })), [api, run]);
  const views = useMemo(() => [...(list.data ?? [])].sort((a, b) => a.position - b.position) as readonly SavedView[], [list.data]);

  return { views, error: error ?? list.error?.message ?? null, save, remove };
}
