import type { LoopbackReply } from '../loopback';

/**
 * Discord's rate limits as topics/rate-limits.mdx describes them, for the fake:
 * every answer on a limited route carries `X-RateLimit-Limit`, `-Remaining`, `-Reset`
 * (epoch seconds), `-Reset-After` (seconds, float) and `-Bucket`; buckets count per
 * major parameter (channel, guild). Going over answers 429 with
 * `{message, retry_after, global: false}`, `Retry-After` and `X-RateLimit-Scope: user`.
 * The global limit (per bot, all routes) answers 429 with `global: true`,
 * `X-RateLimit-Global: true` and `X-RateLimit-Scope: global`, without bucket headers.
 */
export interface RouteLimit {
  /** Matches `METHOD path` without the /api/v10 prefix. */
  readonly route: RegExp;
  readonly bucket: string;
  readonly limit: number;
  readonly windowMs: number;
}

interface Window {
  startedAt: number;
  used: number;
}

export interface RateLimitDecision {
  /** The answer to give instead of handling the request (a 429), or null to handle it. */
  readonly refuse: LoopbackReply | null;
  /** Headers for the handled answer. */
  readonly headers: Readonly<Record<string, string>>;
}

const MAJOR = /^\/(channels|guilds|webhooks)\/(\d+)/;

export class FakeDiscordLimits {
  readonly routes: RouteLimit[] = [];
  /** Bot-wide requests per second (Discord: 50); Infinity turns it off. */
  globalPerSecond = Number.POSITIVE_INFINITY;
  /** Every 429 this fake answered on its own (not injected ones). */
  readonly refused: { at: number; route: string; global: boolean }[] = [];
  private readonly windows = new Map<string, Window>();
  private globalWindow: Window = { startedAt: 0, used: 0 };

  decide(method: string, path: string, now: number): RateLimitDecision {
    const route = `${method} ${path}`;
    if (this.globalWindow.startedAt + 1_000 <= now) this.globalWindow = { startedAt: now, used: 0 };
    if (this.globalWindow.used >= this.globalPerSecond) {
      const retry = (this.globalWindow.startedAt + 1_000 - now) / 1000;
      this.refused.push({ at: now, route, global: true });
      return {
        refuse: { status: 429, json: { message: 'You are being rate limited.', retry_after: retry, global: true }, headers: { 'retry-after': String(Math.ceil(retry)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' } },
        headers: {},
      };
    }
    this.globalWindow.used += 1;
    const limit = this.routes.find((r) => r.route.test(route));
    if (!limit) return { refuse: null, headers: {} };
    const key = `${limit.bucket}|${MAJOR.exec(path)?.[2] ?? ''}`;
    let window = this.windows.get(key);
    if (!window || window.startedAt + limit.windowMs <= now) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    const resetAt = window.startedAt + limit.windowMs;
    const resetAfter = (resetAt - now) / 1000;
    const headersFor = (remaining: number) => ({
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': limit.bucket,
    });
    if (window.used >= limit.limit) {
      this.refused.push({ at: now, route, global: false });
      return {
        refuse: {
          status: 429,
          json: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          headers: { ...headersFor(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
        },
        headers: {},
      };
    }
    window.used += 1;
    return { refuse: null, headers: headersFor(limit.limit - window.used) };
  }
}
