import { useCallback, useState } from 'react';
import type { RuleSummary } from '@shared/rules/model';
import type { RuleDefinition } from '@shared/rules/schema';
import { useApi } from '../../../client/ApiProvider';
import { useQuery } from '../../../client/hooks';

/**
 * The rules and what can be done to them. Hits change when requests arrive, so the list
 * refetches with the queue; every change refetches it at once.
 */
export function useRules() {
  const api = useApi();
  const list = useQuery('rules.list', {}, ['join-requests']);
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  const report = useCallback(
    <T,>(what: string, result: { ok: true; value: T } | { ok: false; error: { message: string } }): T | null => {
      setError(result.ok ? null : `${what}: ${result.error.message}`);
      reload();
      return result.ok ? result.value : null;
    },
    [reload],
  );

  const save = useCallback(
    async (definition: RuleDefinition, id?: string): Promise<RuleSummary | null> =>
      report('Could not save the rule', await api.call('rules.save', id ? { id, definition } : { definition })),
    [api, report],
  );

  const setEnabled = useCallback(
    async (id: string, enabled: boolean): Promise<boolean> =>
      report(enabled ? 'Could not enable the rule' : 'Could not pause the rule', await api.call('rules.setEnabled', { id, enabled })) !== null,
    [api, report],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => report('Could not delete the rule', await api.call('rules.delete', { id })) !== null,
    [api, report],
  );

  return {
    rules: list.data ?? [],
    loaded: list.data !== undefined,
    error: error ?? (list.error ? `Could not load the rules: ${list.error.message}` : null),
    save,
    setEnabled,
    remove,
    reload,
  };
}

export type RulesState = ReturnType<typeof useRules>;
