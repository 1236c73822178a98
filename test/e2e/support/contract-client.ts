import WebSocket from 'ws';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/** Talks to browser mode's WebSocket from Node, as the renderer would (token in the URL). */
export async function connectContract(origin: string, token: string) {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Result<unknown> };
    if (typeof message.id === 'number' && message.result) pending.get(message.id)?.(message.result);
  });
  return {
    call<K extends CallName>(name: K, payload: CallInput<K>): Promise<Result<CallOutput<K>>> {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        socket.send(JSON.stringify({ id, name, payload }));
      });
    },
    close: () => socket.close(),
  };
}

/** Calls until `check` accepts the value or the time is up. */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Until every connection's every stream has finished a pull and none is running: the first
 * full sync is in. The UI's "Synced" can show between two streams of that first pass.
 */
export async function untilFirstSyncDone(contract: Awaited<ReturnType<typeof connectContract>>, timeoutMs = 90_000): Promise<void> {
  await waitFor(
    () => contract.call('sync.overview', {}),
    (result) =>
      result.ok &&
      !result.value.running &&
      result.value.connections.length > 0 &&
      result.value.connections.every((c) => c.streams.length > 0 && c.streams.every((s) => s.lastRunAt !== null)),
    timeoutMs,
  );
}
