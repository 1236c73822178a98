import type { JoinRequestStatus } from '@shared/domain/join-request';
import {
  BACKTEST_SAMPLE_SIZE,
  isRuleActor,
  MAX_BACKTEST_COMMUNITIES,
  type BacktestCommunity,
  type BacktestDisagreement,
  type BacktestNearMiss,
  type BacktestResult,
  type BacktestSample,
} from '@shared/rules/model';
import type { RuleActionKind } from '@shared/rules/schema';
import type { RuleRow, RuleScope } from './rule-rows';

type Bucket = 'pending' | 'approved' | 'declined' | 'other';

const BUCKET: Readonly<Record<JoinRequestStatus, Bucket>> = {
  pending: 'pending',
  snoozed: 'pending',
  approved: 'approved',
  declined: 'declined',
  'handled-elsewhere': 'other',
  withdrawn: 'other',
};

/** What the rule would do, set against what a person did: the opposite is a disagreement. */
const OPPOSITE: Readonly<Record<RuleActionKind, 'approved' | 'declined' | null>> = {
  approve: 'declined',
  decline: 'approved',
  review: null,
};

/** Counts and samples of a backtest, fed row by row (latest stored first, so samples are the most recent). */
export class BacktestTally {
  private matched = 0;
  private nearMisses = 0;
  private inconclusive = 0;
  private readonly communities = new Map<string, { matched: number } & Record<Bucket, number>>();
  private readonly samples: BacktestSample[] = [];
  private readonly nearMissSamples: BacktestNearMiss[] = [];
  private readonly disagreements: BacktestDisagreement[] = [];
  private decidedByPeople = 0;
  private personApproved = 0;
  private personDeclined = 0;

  constructor(
    private readonly action: RuleActionKind,
    private readonly scope: RuleScope,
  ) {}

  private sample(row: RuleRow): BacktestSample {
    return {
      id: row.id,
      personName: row.person_name,
      communityName: this.scope.communityName.get(row.community_id)?.name ?? row.community_id,
      requestedAt: row.requested_at,
      firstAnswer: row.first_answer.slice(0, 300),
      status: row.status,
      decidedBy: row.decided_by,
    };
  }

  match(row: RuleRow): void {
    this.matched++;
    const bucket = BUCKET[row.status];
    const community = this.communities.get(row.community_id) ?? { matched: 0, pending: 0, approved: 0, declined: 0, other: 0 };
    community.matched++;
    community[bucket]++;
    this.communities.set(row.community_id, community);
    if (this.samples.length < BACKTEST_SAMPLE_SIZE) this.samples.push(this.sample(row));
    if ((bucket !== 'approved' && bucket !== 'declined') || !row.decided_by || isRuleActor(row.decided_by)) return;
    this.decidedByPeople++;
    if (bucket === 'approved') this.personApproved++;
    else this.personDeclined++;
    if (OPPOSITE[this.action] === bucket && this.disagreements.length < BACKTEST_SAMPLE_SIZE)
      this.disagreements.push({ ...this.sample(row), humanDecision: bucket });
  }

  nearMiss(row: RuleRow, failedCondition: number): void {
    this.nearMisses++;
    if (this.nearMissSamples.length < BACKTEST_SAMPLE_SIZE) this.nearMissSamples.push({ ...this.sample(row), failedCondition });
  }

  undecided(): void {
    this.inconclusive++;
  }

  result(meta: { ruleId: string | null; version: number | null; scanned: number; elapsedMs: number }): BacktestResult {
    const perCommunity: BacktestCommunity[] = [...this.communities.entries()]
      .map(([communityId, counts]) => {
        const names = this.scope.communityName.get(communityId);
        return { communityId, communityName: names?.name ?? communityId, parentName: names?.parentName ?? null, ...counts };
      })
      .sort((a, b) => b.matched - a.matched || a.communityName.localeCompare(b.communityName));
    const shown = perCommunity.slice(0, MAX_BACKTEST_COMMUNITIES);
    const opposite = OPPOSITE[this.action];
    return {
      ...meta,
      matched: this.matched,
      nearMisses: this.nearMisses,
      inconclusive: this.inconclusive,
      perCommunity: shown,
      otherCommunities: perCommunity.slice(MAX_BACKTEST_COMMUNITIES).reduce((sum, c) => sum + c.matched, 0),
      samples: this.samples,
      nearMissSamples: this.nearMissSamples,
      disagreement: {
        decidedByPeople: this.decidedByPeople,
        personApproved: this.personApproved,
        personDeclined: this.personDeclined,
        count: opposite === 'approved' ? this.personApproved : opposite === 'declined' ? this.personDeclined : 0,
        samples: this.disagreements,
      },
    };
  }
}
