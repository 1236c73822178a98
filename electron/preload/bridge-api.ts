import { isCallName, isEventName, type EventName } from '@shared/contract';
import type { DesktopBridge } from '@shared/contract/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/contract/channels';
import { err, type Result } from '@shared/result';

/**
 * Builds `window.modboard` from the contract over the two IPC channels.
 * The page gets three frozen members and no way to name a channel, so a script
 * injected into the renderer can reach only contract calls, which main validates.
 */
type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The slice of Electron's ipcRenderer this needs (structural, so tests pass a fake). */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

interface Subscription {
  readonly listener: (payload: unknown) => void;
}

export function createBridgeApi(ipc: IpcRendererPort): DesktopBridge {
  const subscriptions = new Map<EventName, Set<Subscription>>();
  let relayAttached = false;

  // The IPC event object is dropped here: its `sender` is ipcRenderer itself.
  const relay: IpcListener = (_event, name, payload) => {
    if (!isEventName(name)) return;
    for (const subscription of [...(subscriptions.get(name) ?? [])]) deliver(subscription, payload);
  };

  const setRelay = () => {
    const wanted = [...subscriptions.values()].some((set) => set.size > 0);
    if (wanted && !relayAttached) ipc.on(EVENT_CHANNEL, relay);
    if (!wanted && relayAttached) ipc.removeListener(EVENT_CHANNEL, relay);
    relayAttached = wanted;
  };

  const call = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isCallName(name)) return err('unknown-method', `Unknown method ${describe(name)}.`);
    try {
      return (await ipc.invoke(CALL_CHANNEL, name, input)) as Result<unknown>;
    } catch (error) {
      // Main never rejects on purpose; this is a missing handler or a crash, reported as a value.
      return err('internal', `Call ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const subscribe = (name: unknown, listener: unknown): (() => void) => {
    if (!isEventName(name)) throw new TypeError(`Unknown event ${describe(name)}.`);
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const subscription: Subscription = { listener: listener as Subscription['listener'] };
    const set = subscriptions.get(name) ?? new Set<Subscription>();
    subscriptions.set(name, set.add(subscription));
    setRelay();
    return () => {
      set.delete(subscription);
      setRelay();
    };
  };

  return Object.freeze({
    host: 'desktop' as const,
    call: call as DesktopBridge['call'],
    subscribe: subscribe as DesktopBridge['subscribe'],
  });
}

/** One failing listener must not starve the others; its error still reaches the console. */
function deliver(subscription: Subscription, payload: unknown): void {
  try {
    subscription.listener(payload);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : `(${typeof name})`;
}
