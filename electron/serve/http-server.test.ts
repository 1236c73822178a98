import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_HTML, SECRET, rawGet, startFixture, type ServeFixture } from './testing';

let fx: ServeFixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.dispose();
});

const withCookie = () => ({ host: fx.host, cookie: fx.cookie });

const expectSecurityHeaders = (headers: Record<string, unknown>) => {
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${fx.server.port} ws://localhost:${fx.server.port}`);
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
};

describe('browser-mode HTTP server', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(fx.server.url).toBe(`http://127.0.0.1:${fx.server.port}/?token=${fx.server.token}`);
  });

  it.each(['/', '/assets/app-1a2b.js', '/queues/join'])('answers 401 to %s without the token, and serves nothing', async (path) => {
    const res = await rawGet(fx.server.port, path, { host: fx.host });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.length).toBeLessThan(100);
    expect(res.body).not.toContain('Modboard</title>');
    expectSecurityHeaders(res.headers);
  });

  it('answers 401 to a wrong token and a wrong cookie', async () => {
    expect((await rawGet(fx.server.port, '/?token=nope', { host: fx.host })).status).toBe(401);
    expect((await rawGet(fx.server.port, '/', { host: fx.host, cookie: `${fx.cookie}x` })).status).toBe(401);
  });

  it('trades ?token= for a cookie and redirects to the same path without it', async () => {
    const res = await rawGet(fx.server.port, `/queues/join?view=2&token=${fx.server.token}`, { host: fx.host });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/queues/join?view=2');
    expect(res.headers['set-cookie']).toEqual([`${fx.cookie}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(res.body).not.toContain(fx.server.token);
    expectSecurityHeaders(res.headers);
  });

  it('then serves the app with the cookie alone', async () => {
    const index = await rawGet(fx.server.port, '/', withCookie());
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(index.headers);

    const script = await rawGet(fx.server.port, '/assets/app-1a2b.js', withCookie());
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expectSecurityHeaders(script.headers);

    const css = await rawGet(fx.server.port, '/assets/app-1a2b.css', withCookie());
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers app routes with index.html and unknown files with 404', async () => {
    const route = await rawGet(fx.server.port, '/queues/join-requests', withCookie());
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    expect((await rawGet(fx.server.port, '/missing.js', withCookie())).status).toBe(404);
    expect((await rawGet(fx.server.port, '/assets/missing.js', withCookie())).status).toBe(404);
  });

  it('never lists a directory: folders read as app routes', async () => {
    for (const path of ['/assets/', '/assets']) {
      const res = await rawGet(fx.server.port, path, withCookie());
      expect(res.body).toBe(INDEX_HTML);
    }
  });

  it('accepts localhost as the Host and refuses any other name, even with the token', async () => {
    expect((await rawGet(fx.server.port, '/', { host: `localhost:${fx.server.port}`, cookie: fx.cookie })).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${fx.server.port}`, `127.0.0.1:${fx.server.port + 1}`]) {
      const res = await rawGet(fx.server.port, `/?token=${fx.server.token}`, { host, cookie: fx.cookie });
      expect(res.status).toBe(421);
      expect(res.headers['set-cookie']).toBeUndefined();
      expectSecurityHeaders(res.headers);
    }
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/%5c..%5cpackage.json',
    '/package.json',
  ])('refuses %s', async (path) => {
    const res = await rawGet(fx.server.port, path, withCookie());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain(SECRET);
  });

  it('serves HEAD without a body and refuses other methods', async () => {
    const head = await rawGet(fx.server.port, '/', withCookie(), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await rawGet(fx.server.port, '/', withCookie(), 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('asks for a WebSocket when /ws is fetched as a page', async () => {
    expect((await rawGet(fx.server.port, '/ws', withCookie())).status).toBe(426);
  });
});
