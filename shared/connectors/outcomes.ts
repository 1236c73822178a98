import type { ConnectorError } from './errors';
import type { HandledBy } from './items';

/**
 * What a push achieved. `already-handled` counts as success for the outbox: the
 * item is in a final state on the platform, set by someone else or by an earlier try.
 */
export type Outcome =
  | { readonly status: 'applied'; readonly at: number; readonly externalId?: string; readonly url?: string }
  | { readonly status: 'already-handled'; readonly currentState?: string; readonly by?: HandledBy }
  | {
      readonly status: 'partial';
      readonly succeeded: readonly string[];
      readonly failed: readonly { readonly id: string; readonly error: ConnectorError }[];
    };

/**
 * What the platform knows about a push sent with a given idempotency key, asked after
 * a crash before anything is re-sent. `applied`: it arrived and had `outcome`.
 * `not-applied`: it never arrived or was rejected without effect, so re-sending is
 * safe. `unknown`: the platform cannot tell; reconcile by reading the item's state.
 */
export type ReconcileResult =
  | { readonly state: 'applied'; readonly outcome: Outcome }
  | { readonly state: 'not-applied' }
  | { readonly state: 'unknown' };
