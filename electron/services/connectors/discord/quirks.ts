import type { ConnectorError, NotFoundWhat, Outcome, RateScope } from '@shared/connectors';
import { errorFromResponse, type ErrorResponse } from '../http/errors';
import { dcError } from './wire';
import { safeParseAnswer } from '../http/client';

/**
 * How Discord words its failures:
 * - 429: `retry_after` in the body is float seconds (more precise than the header);
 *   `global: true` or `X-RateLimit-Global` is the bot-wide 50/s limit; otherwise
 *   `X-RateLimit-Scope` says whose limit it was: `user` (this bot's per-route bucket,
 *   named by `X-RateLimit-Bucket`) or `shared` (the resource's, e.g. one channel).
 * - 401 and 403 stop the connection: 10,000 invalid requests (401/403/429) in 10
 *   minutes from one IP earn a temporary Cloudflare ban, so retrying them is the
 *   worst thing to do. (Per-guild rights are checked before calling where possible.)
 * - Some 403s are about one target, not the bot: 50007 (the person's DMs are closed)
 *   is refused for that push alone (`refusals`), never read as a revoked token.
 * - 404 carries a JSON `code` that names what is unknown (10004 guild, 10003
 *   channel, 10007 member, 10008 message, 10013 user, 10026 ban); for some calls
 *   "unknown" is the final state wanted (a deleted message, a member already gone).
 */
export type DiscordReading = { readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'error'; readonly error: ConnectorError };

export interface DiscordContext {
  readonly notFound: NotFoundWhat;
  /** JSON error codes that mean the target is already in the wanted state. */
  readonly doneCodes?: Readonly<Record<number, string>>;
  /** JSON error codes that refuse this one push for a reason of its own (never the token's): `invalid` with this text. */
  readonly refusals?: Readonly<Record<number, string>>;
}

const UNKNOWN: Readonly<Record<number, NotFoundWhat>> = { 10003: 'community', 10004: 'community', 10007: 'user', 10008: 'message', 10013: 'user', 10026: 'user' };
const SCOPES: Readonly<Record<string, RateScope>> = { user: 'route', shared: 'target', global: 'global' };

export function readDiscordFailure(response: ErrorResponse, context: DiscordContext): DiscordReading {
  const parsed = safeParseAnswer(dcError, response.body);
  const body = parsed.success ? parsed.data : null;
  const done = body ? context.doneCodes?.[body.code] : undefined;
  if (done !== undefined) return { kind: 'outcome', outcome: { status: 'already-handled', currentState: done } };
  const refused = body ? context.refusals?.[body.code] : undefined;
  if (refused !== undefined) return { kind: 'error', error: { class: 'invalid', detail: `${refused} (${body?.code})` } };
  const global = body?.global === true || response.headers.get('x-ratelimit-global')?.toLowerCase() === 'true';
  const message = body?.message ? `${body.message}${body.code ? ` (${body.code})` : ''}` : typeof response.body === 'string' ? response.body.slice(0, 200) : '';
  return {
    kind: 'error',
    error: errorFromResponse(response, {
      notFound: context.notFound,
      notFoundWhat: () => (body ? UNKNOWN[body.code] : undefined),
      rateLimit: () => ({
        ...(body?.retry_after !== undefined ? { retryAfterMs: Math.ceil(body.retry_after * 1000) } : {}),
        scope: global ? 'global' : (SCOPES[response.headers.get('x-ratelimit-scope')?.toLowerCase() ?? ''] ?? 'route'),
      }),
      authReason: () => (response.status === 401 ? 'invalid-token' : 'missing-permission'),
      detail: () => message || undefined,
    }),
  };
}
