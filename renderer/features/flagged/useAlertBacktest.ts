import { useRef, useState } from 'react';
import type { AlertBacktestResult } from '@shared/domain/flagged-backtest';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { canonicalJson } from '@shared/flags/canonical-json';
import { useApi } from '../../client/ApiProvider';

export type BacktestState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly key: string; readonly definition: AlertRuleDefinition }
  | { readonly kind: 'done'; readonly key: string; readonly definition: AlertRuleDefinition; readonly result: AlertBacktestResult }
  | { readonly kind: 'failed'; readonly key: string; readonly definition: AlertRuleDefinition; readonly message: string };

/** Two definitions are the same rule when their canonical JSON is: what was backtested is what gets enabled. */
export const definitionKey = (definition: AlertRuleDefinition): string => canonicalJson(definition);

/**
 * `alertRules.backtest` for the rule form and the rule list: the latest run only (an older
 * answer never overwrites a newer one), and whether a definition is the one that was tested.
 */
export function useAlertBacktest() {
  const api = useApi();
  const [state, setState] = useState<BacktestState>({ kind: 'idle' });
  const seq = useRef(0);
  const run = async (definition: AlertRuleDefinition) => {
    const mine = ++seq.current;
    const key = definitionKey(definition);
    setState({ kind: 'running', key, definition });
    const result = await api.call('alertRules.backtest', { definition });
    if (mine !== seq.current) return;
    setState(result.ok ? { kind: 'done', key, definition, result: result.value } : { kind: 'failed', key, definition, message: result.error.message });
  };
  const reset = () => {
    seq.current += 1;
    setState({ kind: 'idle' });
  };
  /** A finished backtest of exactly this definition: only then may it be enabled. */
  const testedAs = (definition: AlertRuleDefinition | null) => definition !== null && state.kind === 'done' && state.key === definitionKey(definition);
  return { state, run, reset, testedAs };
}

export type AlertBacktest = ReturnType<typeof useAlertBacktest>;
