import type { HttpAnswer } from '../http/client';

/**
 * Discord's live rate-limit state, read from every answer (topics/rate-limits):
 * - per-route buckets: `X-RateLimit-Bucket` names the bucket a route shares with
 *   others, and `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset-After` (float
 *   seconds) closes it until then. Buckets are per major parameter (the channel,
 *   guild or webhook in the path), so one busy channel does not hold up another.
 * - the global limit: a 429 with `global: true` or `X-RateLimit-Global` closes
 *   every route of the bot for `retry_after`.
 * Respecting these before Discord enforces them matters: 429s count towards the
 * 10,000 invalid requests per 10 minutes that earn a Cloudflare ban.
 */
export interface BucketWait {
  readonly ms: number;
  readonly scope: 'global' | 'route';
  readonly bucket?: string;
}

const MAJOR = /^(channels|guilds|webhooks)\/(\d+)/;

/** The route as Discord buckets it: method, path with ids blanked except the major parameter's. */
function routeOf(method: string, path: string): { route: string; major: string } {
  const major = MAJOR.exec(path);
  const rest = major ? path.slice(major[0].length) : path;
  const template = rest.replace(/\d{5,}/g, '{id}');
  return { route: `${method} ${major ? `${major[1]}/{major}` : ''}${template}`, major: major?.[2] ?? '' };
}

const seconds = (value: string | null): number | null => {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

export class DiscordBuckets {
  /** route → bucket hash, learnt from answers. */
  private readonly hashes = new Map<string, string>();
  /** `${hash}|${major}` → epoch ms the bucket opens again. */
  private readonly closed = new Map<string, number>();
  private globalUntil = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** How long a request must wait, and on what; 0 when it may go now. */
  waitFor(method: string, path: string): BucketWait {
    const now = this.clock();
    const { route, major } = routeOf(method, path);
    const hash = this.hashes.get(route);
    const bucketUntil = hash ? (this.closed.get(`${hash}|${major}`) ?? 0) : 0;
    if (this.globalUntil > now && this.globalUntil >= bucketUntil) return { ms: this.globalUntil - now, scope: 'global' };
    if (bucketUntil > now && hash) return { ms: bucketUntil - now, scope: 'route', bucket: hash };
    return { ms: 0, scope: 'route' };
  }

  /** Learns from one answer: its bucket, whether that bucket is now empty, and any 429. */
  observe(method: string, path: string, answer: HttpAnswer): void {
    const now = this.clock();
    const { route, major } = routeOf(method, path);
    const headers = answer.headers;
    const hash = headers.get('x-ratelimit-bucket') ?? this.hashes.get(route);
    if (hash) this.hashes.set(route, hash);
    const remaining = seconds(headers.get('x-ratelimit-remaining'));
    const resetAfter = seconds(headers.get('x-ratelimit-reset-after'));
    if (hash && remaining === 0 && resetAfter !== null) this.close(`${hash}|${major}`, now + Math.ceil(resetAfter * 1000));
    if (answer.status !== 429) return;
    const body = (answer.body ?? {}) as { retry_after?: unknown; global?: unknown };
    const retryAfter = typeof body.retry_after === 'number' ? body.retry_after : (seconds(headers.get('retry-after')) ?? 1);
    const until = now + Math.ceil(retryAfter * 1000);
    if (body.global === true || headers.get('x-ratelimit-global')?.toLowerCase() === 'true') this.globalUntil = Math.max(this.globalUntil, until);
    else if (hash) this.close(`${hash}|${major}`, until);
  }

  private close(key: string, until: number): void {
    this.closed.set(key, Math.max(this.closed.get(key) ?? 0, until));
  }
}
