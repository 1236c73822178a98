import { describe, expect, it } from 'vitest';
import type { HttpAnswer } from '../http/client';
import { DiscordBuckets } from './buckets';

const answer = (status: number, headers: Record<string, string>, body: unknown = {}): HttpAnswer => ({ status, headers: new Headers(headers), body, json: true });
const bucket = (remaining: number, resetAfter: number) => ({ 'x-ratelimit-bucket': 'abcd', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset-after': String(resetAfter) });

describe('Discord live rate-limit state', () => {
  it('closes a route bucket at Remaining 0 until Reset-After, per major parameter only', () => {
    let now = 1_000_000;
    const buckets = new DiscordBuckets(() => now);
    buckets.observe('DELETE', 'channels/111111/messages/222222', answer(204, bucket(1, 0.4)));
    expect(buckets.waitFor('DELETE', 'channels/111111/messages/333333').ms).toBe(0);
    buckets.observe('DELETE', 'channels/111111/messages/333333', answer(204, bucket(0, 0.4)));
    expect(buckets.waitFor('DELETE', 'channels/111111/messages/444444')).toEqual({ ms: 400, scope: 'route', bucket: 'abcd' });
    // Another channel is another bucket instance; another route is not in this bucket at all.
    expect(buckets.waitFor('DELETE', 'channels/999999/messages/444444').ms).toBe(0);
    expect(buckets.waitFor('POST', 'channels/111111/messages').ms).toBe(0);
    now += 400;
    expect(buckets.waitFor('DELETE', 'channels/111111/messages/444444').ms).toBe(0);
  });

  it('holds every route after a global 429, and one bucket after a route 429', () => {
    let now = 0;
    const buckets = new DiscordBuckets(() => now);
    buckets.observe('PUT', 'guilds/555555/bans/666666', answer(429, { 'x-ratelimit-global': 'true', 'retry-after': '2' }, { retry_after: 1.25, global: true }));
    expect(buckets.waitFor('GET', 'users/@me/guilds')).toEqual({ ms: 1_250, scope: 'global' });
    now = 1_250;
    buckets.observe('PATCH', 'guilds/555555/members/666666', answer(429, { ...bucket(0, 3), 'x-ratelimit-scope': 'user' }, { retry_after: 3, global: false }));
    expect(buckets.waitFor('PATCH', 'guilds/555555/members/777777')).toEqual({ ms: 3_000, scope: 'route', bucket: 'abcd' });
    expect(buckets.waitFor('GET', 'users/@me/guilds').ms).toBe(0);
  });
});
