import type { RateScope } from './capabilities';

/**
 * The few ways a platform call can fail, each carrying what the engine needs to
 * decide what to do next (wait, re-authenticate, give up, re-fetch, retry).
 */
export type ConnectorError =
  | {
      readonly class: 'rate-limited';
      /** Nothing may be sent to `scope` (and `bucket`, when given) before this many ms pass. */
      readonly retryAfterMs: number;
      readonly scope: RateScope;
      readonly bucket?: string;
    }
  | { readonly class: 'auth'; readonly reason: AuthFailureReason }
  | { readonly class: 'not-found'; readonly what: NotFoundWhat }
  | { readonly class: 'conflict'; readonly reason: ConflictReason; readonly newId?: string }
  | {
      readonly class: 'invalid';
      readonly detail: string;
      /**
       * `cursor-expired`: the platform no longer knows the cursor; pull again from null.
       * `unsupported`: the connector lacks the capability for this call.
       * `too-large`: a media file is over the caller's `maxBytes` (nothing more was read).
       */
      readonly reason?: 'cursor-expired' | 'unsupported' | 'too-large';
      readonly unreadableSuccess?: true;
    }
  | {
      readonly class: 'transient';
      readonly detail: string;
      /**
       * The platform answered 2xx, so it took the call, but the answer could not be read.
       * A push may have taken effect: it is reconciled before anything is sent again.
       */
      readonly unreadableSuccess?: true;
    };

export type ConnectorErrorClass = ConnectorError['class'];

export const AUTH_FAILURE_REASONS = ['invalid-token', 'revoked', 'missing-permission', 'not-admin', 'needs-reauth'] as const;
export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

export const NOT_FOUND_WHATS = ['community', 'user', 'message', 'request', 'report', 'action', 'media'] as const;
export type NotFoundWhat = (typeof NOT_FOUND_WHATS)[number];

/**
 * `stale-version`: the item changed since we read it; re-fetch and re-evaluate.
 * `claimed-by-other`: another moderator holds it. `migrated`: the target moved to `newId`.
 */
export type ConflictReason = 'stale-version' | 'claimed-by-other' | 'migrated';

const ERROR_CLASSES: ReadonlySet<string> = new Set<ConnectorErrorClass>([
  'rate-limited',
  'auth',
  'not-found',
  'conflict',
  'invalid',
  'transient',
]);

/** One line for logs and the outbox's last-error column. */
export function describeConnectorError(error: ConnectorError): string {
  switch (error.class) {
    case 'rate-limited':
      return `rate limited (${error.scope}${error.bucket ? ` ${error.bucket}` : ''}), retry after ${error.retryAfterMs} ms`;
    case 'auth':
      return `authentication failed: ${error.reason}`;
    case 'not-found':
      return `${error.what} not found`;
    case 'conflict':
      return `conflict: ${error.reason}${error.newId ? ` (now ${error.newId})` : ''}`;
    case 'invalid':
      return `rejected: ${error.detail}`;
    case 'transient':
      return `temporary failure: ${error.detail}`;
  }
}

/** Connectors throw this; the sync engine catches it and acts on `error.class`. */
export class ConnectorFailure extends Error {
  constructor(
    readonly error: ConnectorError,
    options?: { cause?: unknown },
  ) {
    super(describeConnectorError(error), options);
    this.name = 'ConnectorFailure';
  }
}

/**
 * True for a ConnectorFailure, also one rebuilt on the far side of a worker or IPC
 * boundary (where `instanceof` no longer holds but the shape survives).
 */
export function isConnectorFailure(value: unknown): value is ConnectorFailure {
  if (value instanceof ConnectorFailure) return true;
  if (!(value instanceof Error) || value.name !== 'ConnectorFailure') return false;
  const error: unknown = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && ERROR_CLASSES.has(String((error as { class?: unknown }).class));
}
