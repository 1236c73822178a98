/** Capped exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^attempts)). */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Full jitter spreads retries of many clients (or many rows) over the whole window
 * instead of bunching them at its end. `random` returns [0, 1) like Math.random.
 */
export function backoffDelay(attempts: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(0, attempts), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
