/** Alert-rule backtests: what a rule would have flagged among the stored messages. */

/** Samples kept per backtest (latest messages first). */
export const ALERT_BACKTEST_SAMPLES = 20;

export interface AlertBacktestCommunity {
  readonly communityId: string;
  readonly communityName: string;
  readonly parentName: string | null;
  readonly matched: number;
  /** Matches a moderator had dismissed as no violation: likely false positives. */
  readonly dismissed: number;
}

export interface AlertBacktestSample {
  readonly messageId: string;
  readonly communityName: string;
  readonly authorName: string;
  readonly excerpt: string;
  readonly sentAt: number;
  /** What matched, in the words a rule report would use ("keyword “airdrop”"). */
  readonly what: string;
  /** The message's flag status when it is flagged already (`dismissed` marks a likely false positive). */
  readonly flagStatus: string | null;
}

export interface AlertBacktestResult {
  readonly scanned: number;
  readonly matched: number;
  readonly dismissed: number;
  /** Busiest first. */
  readonly perCommunity: readonly AlertBacktestCommunity[];
  readonly samples: readonly AlertBacktestSample[];
  /** Matched messages a moderator dismissed, for the false-positive review. */
  readonly dismissedSamples: readonly AlertBacktestSample[];
  readonly elapsedMs: number;
}
