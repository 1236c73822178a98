import { NOT_FOUND_WHATS, type ConnectorError, type NotFoundWhat, type Outcome } from '@shared/connectors';
import { wireError, type WireError } from '@services/sandbox/http/wire';
import { errorFromResponse, type ErrorResponse } from '../http/errors';
import { safeParseAnswer } from '../http/client';

/**
 * How the Sandbox words its failures, beyond the status code:
 * - 409 `already_handled` is not an error: someone got there first (an outcome).
 * - 409 `stale_version` / 410 `cursor_expired` carry their own meaning.
 * - 429 bodies give the exact wait in ms (the header rounds up to seconds).
 * - 401 `token_expired` means the user must reconnect.
 */
export type SandboxReading = { readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'error'; readonly error: ConnectorError };

const errorBody = (body: unknown): WireError['error'] | undefined => {
  const parsed = safeParseAnswer(wireError, body);
  return parsed.success ? parsed.data.error : undefined;
};

const isWhat = (value: unknown): value is NotFoundWhat => typeof value === 'string' && (NOT_FOUND_WHATS as readonly string[]).includes(value);

export function readSandboxFailure(response: ErrorResponse, notFound: NotFoundWhat): SandboxReading {
  const error = errorBody(response.body);
  if (response.status === 409 && error?.code === 'already_handled') {
    const by = error.handled_by;
    return {
      kind: 'outcome',
      outcome: { status: 'already-handled', ...(error.current_state ? { currentState: error.current_state } : {}), ...(by ? { by: { name: by.name, at: Date.parse(by.at) } } : {}) },
    };
  }
  if (response.status === 410 && error?.code === 'cursor_expired')
    return { kind: 'error', error: { class: 'invalid', detail: error.message, reason: 'cursor-expired' } };
  return {
    kind: 'error',
    error: errorFromResponse(response, {
      notFound,
      notFoundWhat: () => (isWhat(error?.what) ? error.what : undefined),
      rateLimit: () => (error?.retry_after_ms !== undefined ? { retryAfterMs: error.retry_after_ms, ...(error.scope ? { scope: error.scope } : {}) } : undefined),
      authReason: () => (error?.code === 'token_expired' ? 'needs-reauth' : undefined),
      conflict: () => (error?.code === 'stale_version' ? { reason: 'stale-version' } : undefined),
      detail: () => error?.message ?? (typeof response.body === 'string' ? response.body.slice(0, 200) : undefined),
    }),
  };
}
