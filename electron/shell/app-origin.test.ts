import { describe, expect, it } from 'vitest';
import { PRODUCTION_ORIGIN, isAppUrl, originOf, resolveAppOrigin } from './app-origin';

describe('resolveAppOrigin', () => {
  it('serves the built renderer on app://modboard by default', () => {
    expect(resolveAppOrigin({ isPackaged: true })).toEqual({ appOrigin: PRODUCTION_ORIGIN });
    expect(PRODUCTION_ORIGIN.entryUrl).toBe('app://modboard/index.html');
  });

  it('uses a loopback dev server in an unpackaged build', () => {
    expect(resolveAppOrigin({ devServerUrl: 'http://localhost:5173', isPackaged: false }).appOrigin).toEqual({
      origin: 'http://localhost:5173',
      entryUrl: 'http://localhost:5173/',
      devServer: true,
    });
  });

  it.each([
    ['http://localhost:5173', true],
    ['https://evil.example', false],
    ['http://192.168.1.20:5173', false],
    ['http://localhost.evil.example:5173', false],
    ['http://user:pw@localhost:5173', false],
    ['file:///tmp/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('refuses %s when it is not a local dev server (packaged: %s)', (devServerUrl, isPackaged) => {
    const choice = resolveAppOrigin({ devServerUrl, isPackaged });
    expect(choice.appOrigin).toBe(PRODUCTION_ORIGIN);
    expect(choice.refusedDevServer).toBeTruthy();
  });
});

describe('originOf / isAppUrl', () => {
  it('gives app: URLs a real origin instead of "null"', () => {
    expect(originOf('app://modboard/index.html#/queues')).toBe('app://modboard');
    expect(originOf('app://other/index.html')).toBe('app://other');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'about:blank', 'chrome-error://chromewebdata/', 'custom://modboard/', ''])(
    'has no origin for %j',
    (url) => expect(originOf(url)).toBeNull(),
  );

  it('matches only the exact app origin', () => {
    expect(isAppUrl('app://modboard/assets/index.js', PRODUCTION_ORIGIN)).toBe(true);
    expect(isAppUrl('app://modboard.evil/index.html', PRODUCTION_ORIGIN)).toBe(false);
    expect(isAppUrl('app://modboard@evil/index.html', PRODUCTION_ORIGIN)).toBe(false);
    expect(isAppUrl('https://modboard/index.html', PRODUCTION_ORIGIN)).toBe(false);
    const dev = resolveAppOrigin({ devServerUrl: 'http://localhost:5173', isPackaged: false }).appOrigin;
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
  });
});
