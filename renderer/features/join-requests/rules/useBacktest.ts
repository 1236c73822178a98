import { useRef, useState } from 'react';
import type { CallInput } from '@shared/contract';
import type { BacktestResult } from '@shared/rules/model';
import type { RuleDefinition } from '@shared/rules/schema';
import { useApi } from '../../../client/ApiProvider';

export interface BacktestState {
  readonly result: BacktestResult | null;
  /** The definition the result is about (a draft's, or the saved rule's). */
  readonly definition: RuleDefinition | null;
  readonly running: boolean;
  readonly error: string | null;
}

const IDLE: BacktestState = { result: null, definition: null, running: false, error: null };

/** Runs one backtest at a time; a newer run's answer replaces an older one's. */
export function useBacktest(onDone?: () => void) {
  const api = useApi();
  const [state, setState] = useState<BacktestState>(IDLE);
  const seq = useRef(0);

  const run = async (input: CallInput<'rules.backtest'>, definition: RuleDefinition) => {
    const mine = ++seq.current;
    setState({ result: null, definition, running: true, error: null });
    const result = await api.call('rules.backtest', input);
    if (mine !== seq.current) return;
    setState(result.ok ? { result: result.value, definition, running: false, error: null } : { ...IDLE, error: `The backtest failed: ${result.error.message}` });
    onDone?.();
  };

  const clear = () => {
    seq.current += 1;
    setState(IDLE);
  };

  return { ...state, run, clear };
}

export type Backtest = ReturnType<typeof useBacktest>;
