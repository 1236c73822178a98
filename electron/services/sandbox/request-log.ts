export type RateScopeName = 'global' | 'account' | 'target';

/** Why the Sandbox refused a request, when it did. */
export type Rejection = 'rate-limited' | 'auth' | 'server-error' | 'timeout' | 'dropped';

export interface RequestRecord {
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  /** The rate-limit buckets this request counts against: `global`, `account`, `target:<community>`. */
  readonly buckets: readonly string[];
  readonly status: number | null;
  readonly rejected: Rejection | null;
  /** The bucket and scope of a 429, if this request got one. */
  readonly limitedBucket: string | null;
  readonly limitedScope: RateScopeName | null;
  /** Sent while a Retry-After given earlier for one of its buckets had not expired: a client bug. */
  readonly earlyRetry: boolean;
}

const MAX_RECORDS = 100_000;

/**
 * Every API request with its time, buckets and fate, plus the Retry-After deadlines
 * handed out, so tests can assert that nothing was sent to a scope before its
 * deadline. Keeps the most recent 100,000 requests.
 */
export class RequestLog {
  private readonly records: RequestRecord[] = [];
  private readonly blockedUntil = new Map<string, number>();
  private seq = 0;
  private dropped = 0;

  /** The first of `buckets` still under a Retry-After at `now`. */
  blockingBucket(buckets: readonly string[], now: number): { bucket: string; until: number } | null {
    for (const bucket of buckets) {
      const until = this.blockedUntil.get(bucket);
      if (until !== undefined && now < until) return { bucket, until };
    }
    return null;
  }

  block(bucket: string, until: number): void {
    this.blockedUntil.set(bucket, Math.max(until, this.blockedUntil.get(bucket) ?? 0));
  }

  record(entry: Omit<RequestRecord, 'seq'>): void {
    if (this.records.length >= MAX_RECORDS) {
      this.records.shift();
      this.dropped++;
    }
    this.records.push({ seq: ++this.seq, ...entry });
  }

  entries(): readonly RequestRecord[] {
    return this.records;
  }

  summary() {
    return { recorded: this.records.length, droppedOldest: this.dropped, earlyRetries: this.records.filter((r) => r.earlyRetry).length };
  }
}
