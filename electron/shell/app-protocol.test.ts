import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appAssetTarget } from './app-protocol';

const root = resolve('/opt/modboard/out/renderer');

describe('appAssetTarget', () => {
  it('serves index.html for the root and files under the renderer folder', () => {
    expect(appAssetTarget('app://modboard/', root)).toMatchObject({ kind: 'file', filePath: join(root, 'index.html') });
    expect(appAssetTarget('app://modboard/index.html?x=1#/queues', root)).toMatchObject({ kind: 'file', filePath: join(root, 'index.html') });
    expect(appAssetTarget('app://modboard/assets/index-abc.js', root)).toMatchObject({
      kind: 'file',
      filePath: join(root, 'assets', 'index-abc.js'),
      routeFallback: false,
    });
  });

  it.each([
    'app://evil/index.html',
    'app://modboard.evil/index.html',
    'app://user@modboard/index.html',
    'file:///opt/modboard/out/renderer/index.html',
    'https://modboard/index.html',
    'not a url',
  ])('refuses %s', (url) => expect(appAssetTarget(url, root)).toEqual({ kind: 'refused' }));

  it('keeps dot-dot segments that URL parsing resolved inside the renderer folder', () => {
    expect(appAssetTarget('app://modboard/%2e%2e/%2e%2e/etc/passwd', root)).toMatchObject({ filePath: join(root, 'etc', 'passwd') });
    expect(appAssetTarget('app://modboard/../../etc/passwd', root)).toMatchObject({ filePath: join(root, 'etc', 'passwd') });
  });

  it.each([
    'app://modboard/..%2f..%2fetc%2fpasswd',
    'app://modboard/assets%5c..%5c..%5csecret',
    'app://modboard/.env',
    'app://modboard/a%00.js',
    'app://modboard/%E0%A4%A',
  ])('refuses encoded traversal, hidden files and bad encodings: %s', (url) => {
    expect(appAssetTarget(url, root)).toEqual({ kind: 'refused' });
  });
});
