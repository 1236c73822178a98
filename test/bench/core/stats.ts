/**
 * Summaries of repeated runs. Percentiles interpolate linearly between order
 * statistics (the common "R-7" definition), so a p95 over few samples lies between
 * the two slowest rather than jumping to the maximum.
 */
export interface Summary {
  readonly n: number;
  readonly median: number;
  /** The 95th-percentile-worst sample: high for times, low for throughputs. */
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

export type Better = 'lower' | 'higher';

export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}

export function summarize(samples: readonly number[], better: Better = 'lower'): Summary {
  return {
    n: samples.length,
    median: percentile(samples, 0.5),
    p95: percentile(samples, better === 'lower' ? 0.95 : 0.05),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}
