import { useCallback, useMemo, useState } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import { useApi } from '../../../client/ApiProvider';
import { useQuery } from '../../../client/hooks';

export interface ReasonInput {
  readonly id?: string;
  readonly label: string;
  readonly text: string;
}

/** The calls of one reason library: join-request reasons, or the Flagged queue's removal reasons. */
export type ReasonLibraryCalls =
  | { readonly list: 'reasons.list'; readonly save: 'reasons.save'; readonly remove: 'reasons.delete' }
  | { readonly list: 'removalReasons.list'; readonly save: 'removalReasons.save'; readonly remove: 'removalReasons.delete' };

/** How its errors name it: "Could not save the <one>", "Could not load <all>". */
export interface ReasonLibraryNames {
  readonly one: string;
  readonly all: string;
}

/** A reason library, in its order, with add, edit and delete (what the picker and its editor need). */
export interface ReasonLibrary {
  readonly reasons: readonly DecisionReason[];
  readonly loaded: boolean;
  readonly error: string | null;
  save(input: ReasonInput): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export function useReasonLibrary(calls: ReasonLibraryCalls, names: ReasonLibraryNames): ReasonLibrary {
  const api = useApi();
  const list = useQuery(calls.list, {});
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  const save = useCallback(
    async (input: ReasonInput): Promise<boolean> => {
      const result = await api.call(calls.save, input);
      setError(result.ok ? null : `Could not save the ${names.one}: ${result.error.message}`);
      if (result.ok) reload();
      return result.ok;
    },
    [api, calls.save, names.one, reload],
  );

  const remove = useCallback(
    async (id: string): Promise<void> => {
      const result = await api.call(calls.remove, { id });
      setError(result.ok ? null : `Could not delete the ${names.one}: ${result.error.message}`);
      if (result.ok) reload();
    },
    [api, calls.remove, names.one, reload],
  );

  const reasons = useMemo(() => [...(list.data ?? [])].sort((a, b) => a.position - b.position) as readonly DecisionReason[], [list.data]);
  return {
    reasons,
    loaded: list.data !== undefined,
    error: error ?? (list.error ? `Could not load ${names.all}: ${list.error.message}` : null),
    save,
    remove,
  };
}
