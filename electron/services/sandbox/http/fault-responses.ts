import type { RateScopeName } from '../request-log';
import { problem, type ApiResponse } from './respond';

/** 429 as the Sandbox sends it: whole seconds in Retry-After, exact ms and the scope in the body and headers. */
export function rateLimited(scope: RateScopeName, bucket: string, retryAfterMs: number): ApiResponse {
  const response = problem(429, 'rate_limited', `Too many requests for ${bucket}`, { retry_after_ms: retryAfterMs, scope, bucket });
  return {
    ...response,
    headers: { 'retry-after': String(Math.ceil(retryAfterMs / 1000)), 'x-ratelimit-scope': scope, 'x-ratelimit-bucket': bucket },
  };
}

export const scopeOfBucket = (bucket: string): RateScopeName => (bucket.startsWith('target:') ? 'target' : bucket === 'global' ? 'global' : 'account');

/** Body text and type of an injected server error; one in three looks like a proxy's HTML page. */
export function serverErrorBody(variant: number): { status: number; text: string; contentType: string; headers: Record<string, string> } {
  if (variant === 0) return { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html', headers: {} };
  if (variant === 1) {
    const text = JSON.stringify({ error: { code: 'unavailable', message: 'Service temporarily unavailable' } });
    return { status: 503, text, contentType: 'application/json', headers: { 'retry-after': '1' } };
  }
  return { status: 500, text: JSON.stringify({ error: { code: 'internal', message: 'Internal error' } }), contentType: 'application/json', headers: {} };
}

/** A body cut short mid-stream (variant 0) or with one field of the wrong type (variant 1). */
export function garble(body: unknown, variant: number): string {
  const text = JSON.stringify(body);
  return variant === 0 ? text.slice(0, Math.max(1, Math.floor(text.length * 0.6))) : JSON.stringify(wrongTyped(body));
}

/** The same value with its first leaf (depth first) replaced by one of another type. */
function wrongTyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [wrongTyped(value[0]), ...value.slice(1)] : 42;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const [first, ...rest] = entries;
    return first ? Object.fromEntries([[first[0], wrongTyped(first[1])], ...rest]) : 42;
  }
  return typeof value === 'string' ? 42 : String(value);
}
