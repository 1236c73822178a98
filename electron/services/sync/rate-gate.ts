import { rateHintsFor, type Capability, type ConnectorDescriptor, type RateHint, type RateScope } from '@shared/connectors';
import { DEFAULT_TIGHTEN, TokenBucket, type TightenPolicy } from './token-bucket';

/** Who a platform call is for: the connection (account), the capability (route) and, for pushes, the community (target). */
export interface CallScope {
  readonly connectionId: string;
  readonly capability: Capability;
  readonly target: string | null;
}

export interface RateLimitHit {
  readonly scope: RateScope;
  readonly retryAfterMs: number;
}

const UNLIMITED = { perSecond: Number.POSITIVE_INFINITY, burst: 1 };

/**
 * Share of a declared rate the engine uses. Calls spaced exactly at the limit here
 * arrive closer together there (network jitter), and a platform enforcing the same
 * limit would then answer 429 now and again.
 */
export const DEFAULT_HEADROOM = 0.9;

const perSecondOf = (hint: RateHint): number =>
  hint.perSecond ?? (hint.perMinute !== undefined ? hint.perMinute / 60 : Number.POSITIVE_INFINITY);

/** What narrows a scope: nothing for account and global, the community for target, the capability for route. */
function scopeSuffix(scope: RateScope, call: CallScope): string {
  switch (scope) {
    case 'global':
    case 'account':
      return '';
    case 'target':
      return `|${call.target ?? '*'}`;
    case 'route':
      return `|${call.capability}`;
  }
}

/**
 * The token buckets of every connection (DESIGN §5): one per (connection, hint[,
 * target]) seeded from the connector's `rateHints`, and one pause-only bucket per
 * (connection, scope[, target or route]) that a 429 closes until its Retry-After.
 * A 429 also tightens the hint buckets of its scope. Pure apart from the clock.
 */
export class RateGate {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly clock: () => number,
    private readonly tightenPolicy: TightenPolicy = DEFAULT_TIGHTEN,
    private readonly headroom: number = DEFAULT_HEADROOM,
  ) {}

  /** The earliest time the call may go: every bucket it draws from has a token and none is paused. */
  readyAt(descriptor: ConnectorDescriptor, call: CallScope): number {
    const now = this.clock();
    return Math.max(now, ...this.bucketsFor(descriptor, call).map((bucket) => bucket.readyAt(now)));
  }

  /** Takes a token from each bucket of the call; false (taking nothing) when any is not ready. */
  tryTake(descriptor: ConnectorDescriptor, call: CallScope): boolean {
    const now = this.clock();
    const buckets = this.bucketsFor(descriptor, call);
    if (buckets.some((bucket) => bucket.readyAt(now) > now)) return false;
    for (const bucket of buckets) bucket.take(now);
    return true;
  }

  /** The platform said 429: close the scope until its Retry-After passes and slow its buckets down. */
  rateLimited(descriptor: ConnectorDescriptor, call: CallScope, hit: RateLimitHit): void {
    const now = this.clock();
    const scope = hit.scope === 'target' && call.target === null ? 'route' : hit.scope;
    const until = now + hit.retryAfterMs;
    this.bucket(this.pauseKey(scope, call), UNLIMITED, now).pause(until);
    for (const { hint, bucket } of this.hintBuckets(descriptor, call, now)) {
      if (hint.scope !== scope) continue;
      bucket.tighten(now);
      bucket.pause(until);
    }
  }

  private bucketsFor(descriptor: ConnectorDescriptor, call: CallScope): TokenBucket[] {
    const now = this.clock();
    const scopes: RateScope[] = ['global', 'account', 'route', ...(call.target === null ? [] : (['target'] as const))];
    return [
      ...scopes.map((scope) => this.bucket(this.pauseKey(scope, call), UNLIMITED, now)),
      ...this.hintBuckets(descriptor, call, now).map(({ bucket }) => bucket),
    ];
  }

  private hintBuckets(descriptor: ConnectorDescriptor, call: CallScope, now: number) {
    return rateHintsFor(descriptor, call.capability).map((hint) => {
      const index = descriptor.rateHints.indexOf(hint);
      const key = `${call.connectionId}|hint${index}|${hint.scope}${scopeSuffix(hint.scope, call)}`;
      return { hint, bucket: this.bucket(key, { perSecond: perSecondOf(hint) * this.headroom, burst: Math.max(1, hint.burst) }, now) };
    });
  }

  private pauseKey(scope: RateScope, call: CallScope): string {
    return `${call.connectionId}|pause|${scope}${scopeSuffix(scope, call)}`;
  }

  private bucket(key: string, spec: { perSecond: number; burst: number }, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(spec, now, this.tightenPolicy);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
