/**
 * A token bucket with pauses, on an injected clock (pure: no timers). `perSecond` may
 * be Infinity for a bucket that only ever pauses (a scope the platform limits without
 * saying how much).
 */
export interface BucketSpec {
  readonly perSecond: number;
  readonly burst: number;
}

export interface TightenPolicy {
  /** Rate multiplier per live 429 (0.5 halves it). */
  readonly factor: number;
  /** Never below this share of the declared rate. */
  readonly floor: number;
  /** How long after the last 429 the tightened rate holds. */
  readonly holdMs: number;
}

export const DEFAULT_TIGHTEN: TightenPolicy = { factor: 0.5, floor: 1 / 8, holdMs: 60_000 };

export class TokenBucket {
  private tokens: number;
  private at: number;
  private pausedUntil = 0;
  private scale = 1;
  private tightUntil = 0;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
    private readonly tightenPolicy: TightenPolicy = DEFAULT_TIGHTEN,
  ) {
    this.tokens = spec.burst;
    this.at = now;
  }

  /** Tokens per second now, after any tightening. */
  rate(now: number): number {
    if (now >= this.tightUntil) this.scale = 1;
    return this.spec.perSecond * this.scale;
  }

  /** The earliest time a call may take a token (now, if one is there). */
  readyAt(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil;
    this.refill(now);
    if (this.tokens >= 1) return now;
    return now + Math.ceil(((1 - this.tokens) / this.rate(now)) * 1000);
  }

  /** Takes a token if one is there. */
  take(now: number): boolean {
    if (this.readyAt(now) > now) return false;
    if (Number.isFinite(this.spec.perSecond)) this.tokens -= 1;
    return true;
  }

  /**
   * Nothing until `until` (a Retry-After), then one token: no burst straight after
   * the platform pushed back.
   */
  pause(until: number): void {
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.tokens = 1;
    this.at = Math.max(this.at, until);
  }

  /** A live 429 says the declared rate is too generous: slow down for a while. */
  tighten(now: number): void {
    this.refill(now);
    this.scale = Math.max(this.tightenPolicy.floor, this.scale * this.tightenPolicy.factor);
    this.tightUntil = now + this.tightenPolicy.holdMs;
  }

  private refill(now: number): void {
    if (now <= this.at) return;
    const rate = this.rate(now);
    this.tokens = Number.isFinite(rate) ? Math.min(this.spec.burst, this.tokens + ((now - this.at) / 1000) * rate) : this.spec.burst;
    this.at = now;
  }
}
