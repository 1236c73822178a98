/**
 * Optional real rate limits, shaped like the hints the Sandbox connector declares,
 * so a scheduler can be benchmarked against a platform that pushes back. Off unless
 * asked for: random 429s come from the `rateLimit` fault instead.
 */
export interface RateLimitConfig {
  /** Every API call, per token. */
  readonly accountPerSecond: number;
  readonly accountBurst: number;
  /** Announcement posts, edits and deletes, per community. */
  readonly announcePerTargetPerSecond: number;
  readonly announceBurst: number;
}

export const SANDBOX_RATE_LIMITS: RateLimitConfig = {
  accountPerSecond: 20,
  accountBurst: 20,
  announcePerTargetPerSecond: 1,
  announceBurst: 3,
};

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly config: RateLimitConfig) {}

  /** Takes a token from each bucket, or returns how long until the emptiest one refills. */
  take(keys: { readonly account: string; readonly announceTarget: string | null }, now: number): { bucket: string; retryAfterMs: number } | null {
    const wanted: [string, number, number][] = [[keys.account, this.config.accountPerSecond, this.config.accountBurst]];
    if (keys.announceTarget) wanted.push([keys.announceTarget, this.config.announcePerTargetPerSecond, this.config.announceBurst]);
    for (const [key, perSecond, burst] of wanted) {
      const bucket = this.refill(key, perSecond, burst, now);
      if (bucket.tokens < 1) return { bucket: key, retryAfterMs: Math.ceil(((1 - bucket.tokens) / perSecond) * 1000) };
    }
    for (const [key] of wanted) (this.buckets.get(key) as Bucket).tokens -= 1;
    return null;
  }

  private refill(key: string, perSecond: number, burst: number, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}
