import type { AuthFailureReason, ConflictReason, ConnectorError, NotFoundWhat, RateScope } from '@shared/connectors';
import { parseRetryAfter } from './retry-after';

/** A non-2xx answer, body parsed as JSON when it was JSON (else the raw text). */
export interface ErrorResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * Where a platform says more than its status code. Each hook returns undefined to
 * keep the generic reading. Platform quirks stay in the connector that supplies them.
 */
export interface ErrorHints {
  /** What a 404 means for this call. */
  readonly notFound: NotFoundWhat;
  readonly rateLimit?: (response: ErrorResponse) => { retryAfterMs?: number; scope?: RateScope; bucket?: string } | undefined;
  readonly authReason?: (response: ErrorResponse) => AuthFailureReason | undefined;
  readonly notFoundWhat?: (response: ErrorResponse) => NotFoundWhat | undefined;
  readonly conflict?: (response: ErrorResponse) => { reason: ConflictReason; newId?: string } | undefined;
  /** A human-readable reason from the body, for `invalid` and `transient`. */
  readonly detail?: (response: ErrorResponse) => string | undefined;
}

/** Used when a 429 names no wait at all: short, and the engine's backoff grows it. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

const SCOPE_HEADERS: Readonly<Record<string, RateScope>> = { global: 'global', account: 'account', user: 'account', target: 'target', shared: 'target', route: 'route' };

/**
 * The generic HTTP reading of a failed call: 429 rate-limited, 401/403 auth,
 * 404/410 not-found, 409 conflict, 408/5xx transient, other 4xx invalid.
 */
export function errorFromResponse(response: ErrorResponse, hints: ErrorHints): ConnectorError {
  const { status, headers } = response;
  const detail = () => `HTTP ${status}${withDetail(hints.detail?.(response))}`;
  if (status === 429) {
    const quirk = hints.rateLimit?.(response);
    const bucket = quirk?.bucket ?? headers.get('x-ratelimit-bucket') ?? undefined;
    return {
      class: 'rate-limited',
      retryAfterMs: quirk?.retryAfterMs ?? parseRetryAfter(headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_MS,
      scope: quirk?.scope ?? SCOPE_HEADERS[headers.get('x-ratelimit-scope')?.toLowerCase() ?? ''] ?? 'account',
      ...(bucket ? { bucket } : {}),
    };
  }
  if (status === 401 || status === 403)
    return { class: 'auth', reason: hints.authReason?.(response) ?? (status === 401 ? 'invalid-token' : 'missing-permission') };
  if (status === 404 || status === 410) return { class: 'not-found', what: hints.notFoundWhat?.(response) ?? hints.notFound };
  if (status === 409) return { class: 'conflict', ...(hints.conflict?.(response) ?? { reason: 'stale-version' }) };
  if (status === 408 || status === 425 || status >= 500) return { class: 'transient', detail: detail() };
  return { class: 'invalid', detail: detail() };
}

const withDetail = (text: string | undefined) => (text ? `: ${text}` : '');
