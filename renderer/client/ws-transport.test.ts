import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { silentLogger } from '@services/app/logger';
import { sessionCookieName } from '../../electron/serve/cookie';
import { startHttpServer, type RunningHttpServer } from '../../electron/serve/http-server';
import { startFixture, type ServeFixture } from '../../electron/serve/testing';
import { createWebSocketApi, webSocketUrl, type ConnectionState, type WebSocketApi } from './ws-transport';

/**
 * The renderer's WebSocket client against the real browser-mode server (electron/serve). Node 20 has no
 * global WebSocket, so `ws` stands in, sending the cookie a browser would send.
 */
let fx: ServeFixture | undefined;
let api: WebSocketApi | undefined;
let extraServer: RunningHttpServer | undefined;
let cookie = '';

afterEach(async () => {
  api?.close();
  await extraServer?.close();
  await fx?.dispose();
  api = extraServer = fx = undefined;
});

class CookieSocket extends WebSocket {
  constructor(url: string) {
    super(url, { headers: { cookie } });
  }
}

async function connectApi(): Promise<{ f: ServeFixture; api: WebSocketApi; states: ConnectionState[] }> {
  const f = (fx = await startFixture());
  cookie = f.cookie;
  const states: ConnectionState[] = [];
  const client = (api = createWebSocketApi(`ws://${f.host}/ws`, {
    WebSocket: CookieSocket as unknown as typeof globalThis.WebSocket,
    initialRetryMs: 20,
    maxRetryMs: 100,
  }));
  client.onStateChange((state) => states.push(state));
  return { f, api: client, states };
}

const reach = (client: WebSocketApi, target: ConnectionState) =>
  new Promise<void>((resolve) => {
    if (client.getState() === target) return resolve();
    const off = client.onStateChange((state) => {
      if (state !== target) return;
      off();
      resolve();
    });
  });

describe('createWebSocketApi', () => {
  it('derives the socket address from the page', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4321' })).toBe('ws://127.0.0.1:4321/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/ws');
  });

  it('queues calls made while connecting and resolves them by id', async () => {
    const { api, states } = await connectApi();
    expect(api.getState()).toBe('connecting');
    const [a, b] = await Promise.all([api.call('app.info', {}), api.call('settings.get', {})]);
    expect(a).toEqual({ ok: true, value: { echo: {} } });
    expect(b).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(states).toEqual(['open']);
  });

  it('delivers events to subscribers until they unsubscribe', async () => {
    const { f, api } = await connectApi();
    await reach(api, 'open');
    const seen: unknown[] = [];
    const off = api.subscribe('queue.changed', (payload) => seen.push(payload));
    f.services.emit('queue.changed', { queues: ['flagged'] });
    await api.call('app.info', {});
    off();
    f.services.emit('queue.changed', { queues: ['audit'] });
    await api.call('app.info', {});
    expect(seen).toEqual([{ queues: ['flagged'] }]);
  });

  it('fails waiting calls when the connection drops, then reconnects on its own', async () => {
    const { f, api, states } = await connectApi();
    await reach(api, 'open');
    const waiting = api.call('queues.counts', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    const port = f.server.port;
    await f.server.close();
    expect(await waiting).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('Connection to Modboard was lost') },
    });
    expect(api.getState()).not.toBe('open');

    extraServer = await startHttpServer({ port, rendererDir: f.rendererDir, services: f.services, log: silentLogger });
    cookie = `${sessionCookieName(port)}=${extraServer.token}`;
    await reach(api, 'open');
    expect(await api.call('app.info', {})).toEqual({ ok: true, value: { echo: {} } });
    expect(states[0]).toBe('open');
    expect(states).toContain('closed');
    expect(states.at(-1)).toBe('open');
  });

  it('stops for good when closed', async () => {
    const { api } = await connectApi();
    await reach(api, 'open');
    api.close();
    expect(api.getState()).toBe('closed');
    expect(await api.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.getState()).toBe('closed');
  });
});
