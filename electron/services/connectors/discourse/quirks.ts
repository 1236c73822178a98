import type { ConnectorError, NotFoundWhat, Outcome } from '@shared/connectors';
import { errorFromResponse, type ErrorResponse } from '../http/errors';
import { dsError } from './wire';
import { safeParseAnswer } from '../http/client';

/**
 * How Discourse words its failures, beyond the status:
 * - 429 carries `Retry-After` (seconds) and `Discourse-Rate-Limit-Error-Code` (which
 *   limiter: admin key per minute, IP per 10 s...); action limiters put the wait in
 *   `extras.wait_seconds` instead. Every limiter is the account's (key or IP).
 * - A bad key or username is a 403 whose message says so ("The API username or key
 *   is invalid"), and only that pauses the connection. Other 403s on a push are about
 *   the target (a staff user cannot be suspended...): `invalid` for that row.
 * - 409 on perform is a stale reviewable `version` (`reviewables.conflict`).
 *   Suspending a suspended user, silencing a silenced one, also answer 409: a final state.
 */
export type DiscourseReading = { readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'error'; readonly error: ConnectorError };

export interface DiscourseContext {
  readonly notFound: NotFoundWhat;
  /** A push rather than a read: a target-specific 403 must not pause the connection. */
  readonly push: boolean;
  /** For calls where 409 means "already in that state": the state to report. */
  readonly alreadyOn409?: string;
}

const BAD_CREDENTIALS = /API username or key is invalid|invalid api key|not logged in/i;

export function readDiscourseFailure(response: ErrorResponse, context: DiscourseContext): DiscourseReading {
  const parsed = safeParseAnswer(dsError, response.body);
  const body = parsed.success ? parsed.data : null;
  const message = body?.errors.join('; ') || (typeof response.body === 'string' ? response.body.slice(0, 200) : '');
  if (response.status === 409 && context.alreadyOn409) return { kind: 'outcome', outcome: { status: 'already-handled', currentState: context.alreadyOn409 } };
  const error = (e: ConnectorError): DiscourseReading => ({ kind: 'error', error: e });
  if (response.status === 403 && BAD_CREDENTIALS.test(message)) return error({ class: 'auth', reason: 'invalid-token' });
  if (response.status === 403 && context.push) return error({ class: 'invalid', detail: `Discourse refused: ${message || 'forbidden'}` });
  const limiter = response.headers.get('discourse-rate-limit-error-code');
  const wait = body?.extras?.wait_seconds;
  return error(
    errorFromResponse(response, {
      notFound: context.notFound,
      rateLimit: () => ({
        ...(response.headers.get('retry-after') === null && wait !== undefined ? { retryAfterMs: Math.ceil(wait * 1000) } : {}),
        scope: 'account',
        ...(limiter ? { bucket: limiter } : {}),
      }),
      detail: () => message || undefined,
    }),
  );
}
