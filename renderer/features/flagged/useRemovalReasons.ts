import { useCallback, useMemo, useState } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';

export interface ReasonInput {
  readonly id?: string;
  readonly label: string;
  readonly text: string;
}

/**
 * The removal-reason library (label = the rule, text = the warning template), with add,
 * edit and delete. Same shape as the join-request reason library, so its
 * ReasonLibraryEditor edits this one too.
 */
export function useRemovalReasons() {
  const api = useApi();
  const list = useQuery('removalReasons.list', {});
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  const save = useCallback(
    async (input: ReasonInput): Promise<boolean> => {
      const result = await api.call('removalReasons.save', input);
      setError(result.ok ? null : `Could not save the removal reason: ${result.error.message}`);
      if (result.ok) reload();
      return result.ok;
    },
    [api, reload],
  );
  const remove = useCallback(
    async (id: string): Promise<void> => {
      const result = await api.call('removalReasons.delete', { id });
      setError(result.ok ? null : `Could not delete the removal reason: ${result.error.message}`);
      if (result.ok) reload();
    },
    [api, reload],
  );
  const reasons = useMemo(() => [...(list.data ?? [])].sort((a, b) => a.position - b.position) as readonly DecisionReason[], [list.data]);
  return {
    reasons,
    loaded: list.data !== undefined,
    error: error ?? (list.error ? `Could not load the removal reasons: ${list.error.message}` : null),
    save,
    remove,
  };
}

export type RemovalReasons = ReturnType<typeof useRemovalReasons>;
