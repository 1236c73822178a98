import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawGet, startFixture, type ServeFixture } from './testing';

let fx: ServeFixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.dispose();
});

describe('browser mode: GET /media/<id>', () => {
  it('serves the checked image with its proven type, nosniff, a CSP that runs nothing, and a private cache', async () => {
    const res = await rawGet(fx.server.port, '/media/PNG1', { host: fx.host, cookie: fx.cookie });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'private, max-age=3600',
      'content-length': '12',
    });
    expect(JSON.stringify(res.headers)).not.toContain(fx.server.token);
  });

  it.each([
    ['no cookie', {}],
    ['a wrong cookie', { cookie: 'modboard-session=nope' }],
  ])('refuses a request with %s, and serves nothing', async (_what, extra) => {
    const res = await rawGet(fx.server.port, '/media/PNG1', { host: fx.host, ...extra });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('refuses another site asking with the cookie (Origin check)', async () => {
    const res = await rawGet(fx.server.port, '/media/PNG1', { host: fx.host, cookie: fx.cookie, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it.each(['/media/UNKNOWN', '/media/', '/media/..%2f..%2fpackage.json', '/media/a%00b'])('answers 404 in plain text to %s', async (path) => {
    const res = await rawGet(fx.server.port, path, { host: fx.host, cookie: fx.cookie });
    expect(res.status).toBe(404);
    expect(res.headers).toMatchObject({ 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    expect(res.body).toBe('No such attachment.');
  });
});
