import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { connectContract } from '../../e2e/support/contract-client';

export interface Contract {
  /** Calls and unwraps; a failure here is a broken bench, so it throws. */
  call<K extends CallName>(name: K, payload: CallInput<K>): Promise<CallOutput<K>>;
  /** The same call, timed from send to answer, in milliseconds. */
  timed<K extends CallName>(name: K, payload: CallInput<K>): Promise<{ ms: number; value: CallOutput<K> }>;
  close(): void;
}

/** The renderer's path to main, from Node: browser mode's WebSocket with the launch token. */
export async function openContract(origin: string, token: string): Promise<Contract> {
  const client = await connectContract(origin, token);
  const call = async <K extends CallName>(name: K, payload: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await client.call(name, payload);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return {
    call,
    async timed(name, payload) {
      const started = performance.now();
      const value = await call(name, payload);
      return { ms: performance.now() - started, value };
    },
    close: () => client.close(),
  };
}
