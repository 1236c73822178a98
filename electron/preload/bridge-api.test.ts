import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/contract/channels';
import { ok } from '@shared/result';
import { createBridgeApi, type IpcRendererPort } from './bridge-api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer that records channels and can push events like main does. */
function fakeIpc(invokeResult: () => Promise<unknown> = async () => ok('value')) {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn((_channel: string, ..._args: unknown[]) => invokeResult());
  const ipc: IpcRendererPort = {
    invoke,
    on: vi.fn((channel: string, listener: Listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))),
    removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
  };
  const ipcEvent = { sender: { secret: 'ipcRenderer' }, senderId: 0 };
  const emit = (name: unknown, payload: unknown) => {
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener(ipcEvent, name, payload);
  };
  const listenerCount = () => listeners.get(EVENT_CHANNEL)?.size ?? 0;
  return { ipc, invoke, emit, listenerCount, ipcEvent };
}

describe('createBridgeApi', () => {
  it('is frozen and exposes only host, call and subscribe', () => {
    const api = createBridgeApi(fakeIpc().ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['call', 'host', 'subscribe']);
    expect(api.host).toBe('desktop');
    expect(() => {
      (api as unknown as Record<string, unknown>).call = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('sends contract calls on the call channel and returns main’s result', async () => {
    const { ipc, invoke } = fakeIpc();
    const api = createBridgeApi(ipc);
    await expect(api.call('app.info', {})).resolves.toEqual({ ok: true, value: 'value' });
    expect(invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'app.info', {});
  });

  it.each([['ipc.send'], ['__proto__'], ['constructor'], [42], [null]])('refuses %j without touching IPC', async (name) => {
    const { ipc, invoke } = fakeIpc();
    const api = createBridgeApi(ipc);
    const result = await (api.call as (n: unknown, i: unknown) => Promise<unknown>)(name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected invoke into an internal error value', async () => {
    const api = createBridgeApi(fakeIpc(() => Promise.reject(new Error("No handler registered for 'modboard:call'"))).ipc);
    await expect(api.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers only the payload, and only to listeners of that event', () => {
    const { ipc, emit } = fakeIpc();
    const api = createBridgeApi(ipc);
    const onQueue = vi.fn();
    const onSync = vi.fn();
    api.subscribe('queue.changed', onQueue);
    api.subscribe('sync.progress', onSync);

    emit('queue.changed', { queues: ['joinRequests'] });
    expect(onQueue).toHaveBeenCalledTimes(1);
    expect(onQueue.mock.calls[0]).toEqual([{ queues: ['joinRequests'] }]);
    expect(onSync).not.toHaveBeenCalled();
  });

  it('never hands the IPC event object to the page', () => {
    const { ipc, emit, ipcEvent } = fakeIpc();
    const api = createBridgeApi(ipc);
    const listener = vi.fn();
    api.subscribe('settings.changed', listener);
    emit('settings.changed', { theme: 'dark' });
    for (const arg of listener.mock.calls.flat()) expect(arg).not.toBe(ipcEvent);
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('ignores pushed event names outside the contract', () => {
    const { ipc, emit } = fakeIpc();
    const api = createBridgeApi(ipc);
    const listener = vi.fn();
    api.subscribe('queue.changed', listener);
    emit('evil.event', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses to subscribe to unknown events or with a non-function', () => {
    const { ipc, listenerCount } = fakeIpc();
    const subscribe = createBridgeApi(ipc).subscribe as (n: unknown, l: unknown) => () => void;
    expect(() => subscribe('not.an.event', () => {})).toThrow(TypeError);
    expect(() => subscribe('queue.changed', 'alert(1)')).toThrow(TypeError);
    expect(listenerCount()).toBe(0);
  });

  it('unsubscribes each subscription on its own and detaches from IPC when none are left', () => {
    const { ipc, emit, listenerCount } = fakeIpc();
    const api = createBridgeApi(ipc);
    const listener = vi.fn();
    const first = api.subscribe('queue.changed', listener);
    const second = api.subscribe('queue.changed', listener);
    expect(listenerCount()).toBe(1);

    first();
    first();
    emit('queue.changed', { queues: [] });
    expect(listener).toHaveBeenCalledTimes(1);

    second();
    expect(listenerCount()).toBe(0);
    emit('queue.changed', { queues: [] });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const { ipc, emit } = fakeIpc();
    const api = createBridgeApi(ipc);
    const thrown = new Error('listener bug');
    const rethrown = new Promise((resolve) => process.once('uncaughtException', resolve));
    const healthy = vi.fn();
    api.subscribe('queue.changed', () => {
      throw thrown;
    });
    api.subscribe('queue.changed', healthy);
    emit('queue.changed', { queues: [] });
    expect(healthy).toHaveBeenCalledTimes(1);
    await expect(rethrown).resolves.toBe(thrown);
  });
});
