import { useCallback, useMemo, useState } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';

export interface ReasonInput {
  readonly id?: string;
  readonly label: string;
  readonly text: string;
}

/** The reason library, in its order, with add, edit and delete. */
export function useReasons() {
  const api = useApi();
  const list = useQuery('reasons.list', {});
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  const save = useCallback(
    async (input: ReasonInput): Promise<boolean> => {
      const result = await api.call('reasons.save', input);
      setError(result.ok ? null : `Could not save the reason: ${result.error.message}`);
      if (result.ok) reload();
      return result.ok;
    },
    [api, reload],
  );

  const remove = useCallback(
    async (id: string): Promise<void> => {
      const result = await api.call('reasons.delete', { id });
      setError(result.ok ? null : `Could not delete the reason: ${result.error.message}`);
      if (result.ok) reload();
    },
    [api, reload],
  );

  const reasons = useMemo(
    () => [...(list.data ?? [])].sort((a, b) => a.position - b.position) as readonly DecisionReason[],
    [list.data],
  );
  return {
    reasons,
    loaded: list.data !== undefined,
    error: error ?? (list.error ? `Could not load the reason library: ${list.error.message}` : null),
    save,
    remove,
  };
}
