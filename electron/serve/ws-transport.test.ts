import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { frames, openSocket, startFixture, type ServeFixture, type SocketOutcome } from './testing';

let fx: ServeFixture | undefined;
afterEach(async () => {
  await fx?.dispose();
  fx = undefined;
});

const start = async (options: { heartbeatMs?: number } = {}) => (fx = await startFixture(options));

const opened = (outcome: SocketOutcome): WebSocket => {
  if (!('opened' in outcome)) throw new Error(`handshake refused with ${outcome.refused}`);
  return outcome.opened;
};

const connect = async (f: ServeFixture, extra: { autoPong?: boolean } = {}) =>
  opened(await openSocket(f.server.port, { headers: { cookie: f.cookie }, origin: `http://${f.host}`, ...extra }));

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('WebSocket handshake', () => {
  it('is refused without the token', async () => {
    const f = await start();
    expect(await openSocket(f.server.port)).toEqual({ refused: 401 });
    expect(await openSocket(f.server.port, { headers: { cookie: `${f.cookie}x` } })).toEqual({ refused: 401 });
  });

  it('is accepted with the cookie or ?token=', async () => {
    const f = await start();
    opened(await openSocket(f.server.port, { headers: { cookie: f.cookie } })).close();
    opened(await openSocket(f.server.port, { path: `/ws?token=${f.server.token}` })).close();
  });

  it('is refused from a foreign origin, even with the token', async () => {
    const f = await start();
    const headers = { cookie: f.cookie };
    expect(await openSocket(f.server.port, { headers, origin: 'http://evil.example' })).toEqual({ refused: 403 });
    expect(await openSocket(f.server.port, { headers, origin: `http://127.0.0.1:${f.server.port + 1}` })).toEqual({ refused: 403 });
    opened(await openSocket(f.server.port, { headers, origin: `http://${f.host}` })).close();
  });

  it('is refused under a foreign Host and on other paths', async () => {
    const f = await start();
    expect(await openSocket(f.server.port, { headers: { cookie: f.cookie, host: `evil.example:${f.server.port}` } })).toEqual({ refused: 421 });
    expect(await openSocket(f.server.port, { path: '/other', headers: { cookie: f.cookie } })).toEqual({ refused: 404 });
  });
});

describe('WebSocket calls', () => {
  it('round-trip whatever dispatch returns, by id', async () => {
    const f = await start();
    const ws = await connect(f);
    const next = frames(ws);
    ws.send(JSON.stringify({ id: 1, name: 'app.info', payload: { hello: 'there' } }));
    ws.send(JSON.stringify({ id: 'two', name: 'settings.get', payload: {} }));
    expect(await next(2)).toEqual([
      { id: 1, result: { ok: true, value: { echo: { hello: 'there' } } } },
      { id: 'two', result: { ok: false, error: { code: 'not-found', message: 'No fake for settings.get' } } },
    ]);
    ws.close();
  });

  it('answer malformed frames with typed errors and keep serving', async () => {
    const f = await start();
    const ws = await connect(f);
    const next = frames(ws);
    ws.send('not json');
    ws.send('[1,2]');
    ws.send(JSON.stringify({ id: 5, name: 42 }));
    ws.send(JSON.stringify({ id: 6, name: 'no.such.call', payload: {} }));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ id: 7, name: 'app.info', payload: 1 }));
    const replies = await next(6);
    expect(replies.slice(0, 5)).toMatchObject([
      { id: null, result: { ok: false, error: { code: 'invalid-input' } } },
      { id: null, result: { ok: false, error: { code: 'invalid-input' } } },
      { id: 5, result: { ok: false, error: { code: 'invalid-input' } } },
      { id: 6, result: { ok: false, error: { code: 'unknown-method' } } },
      { id: null, result: { ok: false, error: { code: 'invalid-input', message: 'Binary frames are not accepted.' } } },
    ]);
    expect(replies[5]).toEqual({ id: 7, result: { ok: true, value: { echo: 1 } } });
    ws.close();
  });

  it('closes a socket that sends an oversized frame, and the server lives on', async () => {
    const f = await start();
    const big = await connect(f);
    const code = closed(big);
    big.send(JSON.stringify({ id: 1, name: 'app.info', payload: 'x'.repeat(1024 * 1024 + 1) }));
    expect(await code).toBe(1009);

    const ws = await connect(f);
    const next = frames(ws);
    ws.send(JSON.stringify({ id: 2, name: 'app.info', payload: {} }));
    expect(await next(1)).toEqual([{ id: 2, result: { ok: true, value: { echo: {} } } }]);
    ws.close();
  });

  it('bounds calls in flight per socket', async () => {
    const f = await start();
    const ws = await connect(f);
    const next = frames(ws);
    for (let id = 1; id <= 65; id++) ws.send(JSON.stringify({ id, name: 'queues.counts', payload: {} }));
    expect((await next(1))[0]).toMatchObject({ id: 65, result: { ok: false, error: { code: 'unavailable' } } });
    f.services.releaseHeld();
    const all = await next(65);
    expect(all.slice(1).every((reply) => (reply as { result: { ok: boolean } }).result.ok)).toBe(true);
    ws.close();
  });
});

describe('WebSocket events', () => {
  it('fan out to every open socket', async () => {
    const f = await start();
    const [a, b] = [await connect(f), await connect(f)];
    const [nextA, nextB] = [frames(a), frames(b)];
    f.services.emit('queue.changed', { queues: ['join-requests'] });
    const expected = [{ event: 'queue.changed', payload: { queues: ['join-requests'] } }];
    expect(await nextA(1)).toEqual(expected);
    expect(await nextB(1)).toEqual(expected);
    a.close();
    b.close();
  });
});

describe('WebSocket lifecycle', () => {
  it('drops a socket that stops answering pings', async () => {
    const f = await start({ heartbeatMs: 50 });
    const silent = await connect(f, { autoPong: false });
    const alive = await connect(f);
    await closed(silent);
    expect(alive.readyState).toBe(alive.OPEN);
    alive.close();
  });

  it('closes sockets with "going away" when the server stops', async () => {
    const f = await start();
    const ws = await connect(f);
    const code = closed(ws);
    await f.server.close();
    expect(await code).toBe(1001);
  });
});
