import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from './static-path';

const root = resolve('/srv/modboard/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and files under the root', () => {
    expect(resolveStaticPath(root, '/')).toEqual({ kind: 'file', filePath: join(root, 'index.html'), routeFallback: true });
    expect(resolveStaticPath(root, '/assets/app-1a2b.js?v=1')).toEqual({
      kind: 'file',
      filePath: join(root, 'assets', 'app-1a2b.js'),
      routeFallback: false,
    });
  });

  it('lets extension-less paths fall back to the app', () => {
    expect(resolveStaticPath(root, '/queues/join-requests')).toMatchObject({ routeFallback: true });
    expect(resolveStaticPath(root, '/assets/')).toMatchObject({ routeFallback: true });
    expect(resolveStaticPath(root, '/missing.js')).toMatchObject({ routeFallback: false });
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '/.env',
    '/index.html%00.js',
    '/%E0%A4%A',
    'package.json',
  ])('refuses %s', (url) => {
    expect(resolveStaticPath(root, url)).toEqual({ kind: 'refused' });
  });
});

describe('contentTypeFor', () => {
  it('names the types the build produces and falls back to opaque bytes', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
