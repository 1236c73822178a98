import { useCallback, useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '@shared/contract';
import type { QueueName } from '@shared/domain/queues';
import type { AppError } from '@shared/result';
import { useApi, useConnection } from './ApiProvider';
import type { LinkState } from './connect';

/** Subscribes to one contract event for the component's lifetime. */
export function useEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): void {
  const api = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.subscribe(name, (payload) => onEvent(payload)), [api, name]);
}

/** A counter that increases whenever one of `queues` changes on the main side. */
export function useQueueVersion(queues: readonly QueueName[]): number {
  const [version, setVersion] = useState(0);
  const key = queues.join(',');
  useEvent('queue.changed', (payload) => {
    if (payload.queues.some((queue) => key.split(',').includes(queue))) setVersion((v) => v + 1);
  });
  return version;
}

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: AppError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Calls `name` with `input` and keeps the answer current: again whenever the input
 * changes or one of `refreshOn` changes on the main side. Older answers never
 * overwrite newer ones.
 */
export function useQuery<K extends CallName>(
  name: K,
  input: CallInput<K>,
  refreshOn: readonly QueueName[] = [],
): QueryState<CallOutput<K>> {
  const api = useApi();
  const version = useQueueVersion(refreshOn);
  const [manual, setManual] = useState(0);
  const [state, setState] = useState<{ data?: CallOutput<K>; error?: AppError; answered?: string }>({});
  const inputKey = JSON.stringify(input);
  const requestKey = `${name}|${inputKey}|${version}|${manual}`;
  useEffect(() => {
    let current = true;
    void api.call(name, JSON.parse(inputKey) as CallInput<K>).then((result) => {
      if (!current) return;
      setState((s) =>
        result.ok ? { data: result.value, answered: requestKey } : { ...s, error: result.error, answered: requestKey },
      );
    });
    return () => {
      current = false;
    };
  }, [api, name, inputKey, requestKey]);
  const reload = useCallback(() => setManual((m) => m + 1), []);
  return { data: state.data, error: state.error, loading: state.answered !== requestKey, reload };
}

/** The transport's link state: always open on desktop, live in browser mode. */
export function useLinkState(): LinkState {
  const connection = useConnection();
  return useSyncExternalStore(connection.onStateChange, connection.getState);
}
