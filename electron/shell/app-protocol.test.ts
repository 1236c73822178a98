import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appAssetTarget, appMediaId } from './app-protocol';

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

describe('appMediaId', () => {
  it('reads the attachment id of app://modboard/media/<id>', () => {
    expect(appMediaId('app://modboard/media/01KZ0ABCDEF')).toBe('01KZ0ABCDEF');
    expect(appMediaId('app://modboard/media/01KZ0ABCDEF?x=1')).toBe('01KZ0ABCDEF');
  });

  it.each([
    'app://evil/media/01KZ0ABCDEF',
    'app://user@modboard/media/01KZ0ABCDEF',
    'https://modboard/media/01KZ0ABCDEF',
    'app://modboard/media/',
    'app://modboard/media/..%2fpackage.json',
    'app://modboard/media/a%00b',
    'app://modboard/assets/index.js',
    'not a url',
  ])('is null for %s (not ours, or not a well-formed media path)', (url) => expect(appMediaId(url)).toBeNull());
});
