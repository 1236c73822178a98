import {
  ALERT_BACKTEST_SAMPLES,
  type AlertBacktestCommunity,
  type AlertBacktestResult,
  type AlertBacktestSample,
} from '@shared/domain/flagged-backtest';

/** One stored message as the backtest reads it. */
export interface BacktestMessage {
  readonly id: string;
  readonly community_id: string;
  readonly author_name: string;
  readonly body: string;
  readonly sent_at: number;
  /** The message's flag status, when it is flagged. */
  readonly flag_status: string | null;
}

const EXCERPT = 300;

/** Counts per community and samples of a backtest, fed match by match (latest stored first, so samples are the most recent). */
export class AlertBacktestTally {
  private matched = 0;
  private dismissed = 0;
  private readonly communities = new Map<string, { matched: number; dismissed: number }>();
  private readonly samples: (AlertBacktestSample & { communityId: string })[] = [];
  private readonly dismissedSamples: (AlertBacktestSample & { communityId: string })[] = [];

  match(message: BacktestMessage, what: string): void {
    this.matched++;
    const community = this.communities.get(message.community_id) ?? { matched: 0, dismissed: 0 };
    community.matched++;
    const dismissed = message.flag_status === 'dismissed';
    if (dismissed) {
      community.dismissed++;
      this.dismissed++;
    }
    this.communities.set(message.community_id, community);
    const sample = () => ({
      messageId: message.id,
      communityId: message.community_id,
      communityName: '',
      authorName: message.author_name,
      excerpt: message.body.slice(0, EXCERPT),
      sentAt: message.sent_at,
      what,
      flagStatus: message.flag_status,
    });
    if (this.samples.length < ALERT_BACKTEST_SAMPLES) this.samples.push(sample());
    if (dismissed && this.dismissedSamples.length < ALERT_BACKTEST_SAMPLES) this.dismissedSamples.push(sample());
  }

  /** The communities that matched, for looking up their names. */
  communityIds(): string[] {
    return [...this.communities.keys()];
  }

  result(names: ReadonlyMap<string, { name: string; parent: string | null }>, meta: { scanned: number; elapsedMs: number }): AlertBacktestResult {
    const named = ({ communityId, ...sample }: AlertBacktestSample & { communityId: string }): AlertBacktestSample => ({
      ...sample,
      communityName: names.get(communityId)?.name ?? communityId,
    });
    const perCommunity: AlertBacktestCommunity[] = [...this.communities.entries()]
      .map(([communityId, counts]) => ({
        communityId,
        communityName: names.get(communityId)?.name ?? communityId,
        parentName: names.get(communityId)?.parent ?? null,
        ...counts,
      }))
      .sort((a, b) => b.matched - a.matched || a.communityName.localeCompare(b.communityName));
    return {
      scanned: meta.scanned,
      matched: this.matched,
      dismissed: this.dismissed,
      perCommunity,
      samples: this.samples.map(named),
      dismissedSamples: this.dismissedSamples.map(named),
      elapsedMs: meta.elapsedMs,
    };
  }
}
