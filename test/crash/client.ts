import WebSocket from 'ws';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { Result } from '@shared/result';

/** The answer never came: the process died (or the socket dropped) with the call in flight. */
export const LOST = 'lost' as const;
export type Answer<T> = Result<T> | typeof LOST;

export interface ContractClient {
  call<K extends CallName>(name: K, payload: CallInput<K>): Promise<Answer<CallOutput<K>>>;
  close(): void;
}

/**
 * The contract over browser mode's WebSocket, as the renderer uses it, except that a
 * call whose process is killed resolves as `lost` instead of hanging: that is exactly
 * the "was it saved?" case the crash harness is about.
 */
export async function connectClient(origin: string, token: string): Promise<ContractClient> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (answer: Answer<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Result<unknown> };
    if (typeof message.id !== 'number' || !message.result) return;
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const loseAll = () => {
    for (const settle of pending.values()) settle(LOST);
    pending.clear();
  };
  socket.on('close', loseAll);
  socket.on('error', loseAll);
  return {
    call<K extends CallName>(name: K, payload: CallInput<K>): Promise<Answer<CallOutput<K>>> {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(LOST);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (answer: Answer<unknown>) => void);
        socket.send(JSON.stringify({ id, name, payload }), (error) => {
          if (error && pending.delete(id)) resolve(LOST);
        });
      });
    },
    close: () => socket.terminate(),
  };
}
