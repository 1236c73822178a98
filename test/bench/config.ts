/**
 * How big and how often. The full run is the one whose results are committed; the
 * quick run is CI's smoke test: same code paths, small sizes, one repetition.
 */
export interface BenchSizes {
  readonly joinRequests: number;
  readonly messages: number;
  readonly ingestRuns: number;
  readonly shellRuns: number;
  readonly windowSamples: number;
  readonly ftsSamples: number;
  readonly bulkRuns: number;
  readonly bulkSize: number;
  readonly coldStarts: number;
  readonly scrollRuns: number;
  readonly scrollFrames: number;
  readonly keyPresses: number;
  readonly uiRuns: number;
  /** Stored messages an alert rule is backtested over, and how many backtests. */
  readonly alertMessages: number;
  readonly alertRuns: number;
}

export const FULL: BenchSizes = {
  joinRequests: 1_000_000,
  messages: 1_000_000,
  ingestRuns: 1,
  shellRuns: 3,
  windowSamples: 10,
  ftsSamples: 12,
  bulkRuns: 5,
  bulkSize: 10_000,
  coldStarts: 3,
  scrollRuns: 3,
  scrollFrames: 300,
  keyPresses: 20,
  uiRuns: 3,
  alertMessages: 100_000,
  alertRuns: 6,
};

export const QUICK: BenchSizes = {
  joinRequests: 20_000,
  messages: 20_000,
  ingestRuns: 1,
  shellRuns: 1,
  windowSamples: 3,
  ftsSamples: 3,
  bulkRuns: 1,
  bulkSize: 1_000,
  coldStarts: 1,
  scrollRuns: 1,
  scrollFrames: 120,
  keyPresses: 3,
  uiRuns: 1,
  alertMessages: 10_000,
  alertRuns: 1,
};
