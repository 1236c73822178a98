import type { ConnectionKind } from '../domain/connection';

/**
 * What a connector can do. The UI greys out actions a connection lacks, and the
 * sync engine never calls a method whose capability is missing.
 */
export const CAPABILITIES = [
  'communities.list',
  'joinRequests.pull',
  'joinRequests.decide',
  'reports.pull',
  'reports.resolve',
  'messages.pull',
  'message.remove',
  'message.removeBulk',
  'member.kick',
  'member.ban',
  'member.banTimed',
  'member.mute',
  'member.muteTimed',
  'member.warn',
  'member.unban',
  'member.unmute',
  'announce.send',
  'announce.edit',
  'announce.delete',
  /** `fetchMedia`: the bytes of a message attachment, on demand. */
  'media.fetch',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * How a feed reaches us. `list`: the platform can re-list it at any time.
 * `stream-only`: items arrive once on an update stream that the platform keeps for
 * `retentionMs` (Telegram keeps updates 24 h), so a console offline for longer may
 * have missed some and must say so. `none`: the platform has no such feed.
 */
export type FeedDelivery =
  | { readonly mode: 'list' }
  | { readonly mode: 'stream-only'; readonly retentionMs: number }
  | { readonly mode: 'none' };

/** The item feeds a connector pulls (communities are listed, not fed). */
export const FEEDS = ['joinRequests', 'reports', 'messages'] as const;
export type FeedName = (typeof FEEDS)[number];

/**
 * How each feed reaches us. `combined` names the feeds a platform serves on ONE
 * destructive update stream (reading past an update forgets it for every feed, as
 * Telegram's getUpdates does): the engine never pulls those one by one, but reads
 * them together through `pullUpdates`, one cursor for all, so no feed can confirm
 * an update another has not seen. Absent or empty: every feed is pulled on its own.
 */
export interface FeedDeliveries {
  readonly joinRequests: FeedDelivery;
  readonly reports: FeedDelivery;
  readonly messages: FeedDelivery;
  readonly combined?: readonly FeedName[];
}

/**
 * `native`: the platform dedupes by our idempotency key, so a re-send is safe and
 * `reconcile` can ask it directly. `window`: it dedupes only for a short time
 * (Discord nonces). `none`: a re-send repeats the effect; reconcile by reading state.
 */
export type SendIdempotency = 'native' | 'window' | 'none';

export type RateScope = 'global' | 'account' | 'target' | 'route';

/**
 * One token bucket the engine should seed for a connection. Live 429s tighten it.
 * `appliesTo` lists the capabilities whose calls draw from the bucket.
 */
export interface RateHint {
  readonly scope: RateScope;
  readonly perSecond?: number;
  readonly perMinute?: number;
  readonly burst: number;
  readonly appliesTo: 'all' | readonly Capability[];
}

export interface ConnectorLimits {
  /** Largest page a pull may ask for. */
  readonly maxPageSize?: number;
  readonly maxBulkRemove?: number;
  readonly maxBatchDecide?: number;
  readonly maxAnnouncementLength?: number;
  /** Messages older than this cannot be removed (Discord bulk delete: 14 days). */
  readonly maxMessageAgeForDeleteMs?: number;
}

export interface ConnectorDescriptor {
  readonly kind: ConnectionKind;
  /** An array rather than a Set so the descriptor can cross IPC as it is. */
  readonly capabilities: readonly Capability[];
  readonly delivery: FeedDeliveries;
  readonly sendIdempotency: SendIdempotency;
  readonly rateHints: readonly RateHint[];
  readonly limits: ConnectorLimits;
}

export const combinedFeedsOf = (descriptor: ConnectorDescriptor): readonly FeedName[] => descriptor.delivery.combined ?? [];

export const hasCapability = (descriptor: ConnectorDescriptor, capability: Capability): boolean =>
  descriptor.capabilities.includes(capability);

/** The rate hints whose buckets a call for `capability` must draw from. */
export const rateHintsFor = (descriptor: ConnectorDescriptor, capability: Capability): readonly RateHint[] =>
  descriptor.rateHints.filter((hint) => hint.appliesTo === 'all' || hint.appliesTo.includes(capability));
