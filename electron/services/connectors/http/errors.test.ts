import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, errorFromResponse, type ErrorHints } from './errors';
import { parseRetryAfter } from './retry-after';

const response = (status: number, headers: Record<string, string> = {}, body: unknown = null) => ({ status, headers: new Headers(headers), body });
const hints: ErrorHints = { notFound: 'request' };

describe('errorFromResponse', () => {
  it('reads 429 from Retry-After and the scope headers', () => {
    expect(errorFromResponse(response(429, { 'retry-after': '3', 'x-ratelimit-scope': 'global' }), hints)).toEqual({ class: 'rate-limited', retryAfterMs: 3000, scope: 'global' });
    expect(errorFromResponse(response(429, { 'x-ratelimit-bucket': 'b1' }), hints)).toEqual({ class: 'rate-limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, scope: 'account', bucket: 'b1' });
  });

  it('lets a platform hint override the generic reading', () => {
    const withQuirk: ErrorHints = { ...hints, rateLimit: () => ({ retryAfterMs: 250, scope: 'target' }) };
    expect(errorFromResponse(response(429, { 'retry-after': '1' }), withQuirk)).toEqual({ class: 'rate-limited', retryAfterMs: 250, scope: 'target' });
    expect(errorFromResponse(response(409), { ...hints, conflict: () => ({ reason: 'migrated', newId: '-100' }) })).toEqual({ class: 'conflict', reason: 'migrated', newId: '-100' });
    expect(errorFromResponse(response(401), { ...hints, authReason: () => 'revoked' })).toEqual({ class: 'auth', reason: 'revoked' });
  });

  it.each([
    [401, { class: 'auth', reason: 'invalid-token' }],
    [403, { class: 'auth', reason: 'missing-permission' }],
    [404, { class: 'not-found', what: 'request' }],
    [410, { class: 'not-found', what: 'request' }],
    [409, { class: 'conflict', reason: 'stale-version' }],
    [400, { class: 'invalid', detail: 'HTTP 400' }],
    [422, { class: 'invalid', detail: 'HTTP 422' }],
    [408, { class: 'transient', detail: 'HTTP 408' }],
    [500, { class: 'transient', detail: 'HTTP 500' }],
    [503, { class: 'transient', detail: 'HTTP 503' }],
  ])('maps HTTP %i', (status, expected) => {
    expect(errorFromResponse(response(status), hints)).toEqual(expected);
  });

  it('adds the platform detail to invalid and transient errors', () => {
    expect(errorFromResponse(response(422, {}, { m: 'text too long' }), { ...hints, detail: (r) => (r.body as { m: string }).m })).toEqual({ class: 'invalid', detail: 'HTTP 422: text too long' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });

  it('returns null for nothing or nonsense', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
