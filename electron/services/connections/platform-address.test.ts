import { describe, expect, it } from 'vitest';
import { platformBaseUrl, splitPlatformUrl } from './platform-address';

describe('platformBaseUrl', () => {
  it('defaults to the public API and carries per-connection options in the query', () => {
    expect(platformBaseUrl({ kind: 'telegram', chatIds: ['-1001', '-1002'] })).toBe('https://api.telegram.org?chats=-1001%2C-1002');
    expect(platformBaseUrl({ kind: 'discord', joinRequests: true })).toBe('https://discord.com/api/v10?joinRequests=1');
    expect(platformBaseUrl({ kind: 'discourse', baseUrl: 'https://forum.example.com/', username: 'modbot' })).toBe(
      'https://forum.example.com?username=modbot',
    );
  });

  it('refuses plain http off this machine, credentials in the address, and a Discourse site without an address', () => {
    expect(() => platformBaseUrl({ kind: 'discord', baseUrl: 'http://discord.com/api/v10' })).toThrow(/https/);
    expect(() => platformBaseUrl({ kind: 'telegram', baseUrl: 'https://user:pw@api.telegram.org' })).toThrow(/token field/);
    expect(() => platformBaseUrl({ kind: 'discourse' })).toThrow(/Discourse site/);
    expect(() => platformBaseUrl({ kind: 'telegram', baseUrl: 'javascript:alert(1)' })).toThrow(/https/);
    expect(platformBaseUrl({ kind: 'telegram', baseUrl: 'http://127.0.0.1:9000' })).toBe('http://127.0.0.1:9000');
  });

  it('reads a stored URL back into its address and options, and rebuilds the same URL from them', () => {
    for (const input of [
      { kind: 'telegram', chatIds: ['-1001', '-1002'] },
      { kind: 'telegram', baseUrl: 'http://127.0.0.1:9000' },
      { kind: 'discord', joinRequests: true },
      { kind: 'discord', baseUrl: 'http://127.0.0.1:9001/api/v10' },
      { kind: 'discourse', baseUrl: 'https://forum.example.com/sub', username: 'modbot' },
    ] as const) {
      const stored = platformBaseUrl(input);
      const { address, options } = splitPlatformUrl(input.kind, stored);
      expect(platformBaseUrl({ kind: input.kind, baseUrl: address ?? undefined, ...options })).toBe(stored);
    }
    expect(splitPlatformUrl('telegram', 'https://api.telegram.org?chats=-1001%2C-1002').options).toEqual({ chatIds: ['-1001', '-1002'] });
    expect(splitPlatformUrl('discourse', 'https://forum.example.com').options).toEqual({ username: 'system' });
    expect(splitPlatformUrl('sandbox', 'http://127.0.0.1:1')).toEqual({ address: null, options: {} });
  });
});
