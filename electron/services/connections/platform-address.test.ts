import { describe, expect, it } from 'vitest';
import { platformBaseUrl } from './platform-address';

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
});
