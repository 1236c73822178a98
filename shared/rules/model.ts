import type { JoinRequestStatus } from '../domain/join-request';
import type { RuleDefinition } from './schema';

/** A rule as the Rules panel lists it: its current version and switch. */
export interface RuleSummary {
  readonly id: string;
  readonly name: string;
  /** Each save makes a new version; hits are logged with the version that acted. */
  readonly version: number;
  readonly enabled: boolean;
  readonly definition: RuleDefinition;
  /** The version a backtest last ran for: enabling requires it to be `version`. */
  readonly backtestedVersion: number | null;
  readonly hits: number;
  readonly lastHitAt: number | null;
  readonly updatedAt: number;
}

export interface RuleVersionEntry {
  readonly version: number;
  readonly definition: RuleDefinition;
  readonly createdAt: number;
  readonly actor: string;
}

/** One stored request shown in a backtest's samples. */
export interface BacktestSample {
  readonly id: string;
  readonly personName: string;
  readonly communityName: string;
  readonly requestedAt: number;
  readonly firstAnswer: string;
  readonly status: JoinRequestStatus;
  /** Who decided it (a person, `rule:…`, or null while pending). */
  readonly decidedBy: string | null;
}

export interface BacktestNearMiss extends BacktestSample {
  /** Index of the one condition it failed. */
  readonly failedCondition: number;
}

export interface BacktestDisagreement extends BacktestSample {
  /** What the human did, where the rule would have done the opposite. */
  readonly humanDecision: 'approved' | 'declined';
}

/** Matches in one community, split by where those requests stand today. */
export interface BacktestCommunity {
  readonly communityId: string;
  readonly communityName: string;
  readonly parentName: string | null;
  readonly matched: number;
  readonly pending: number;
  readonly approved: number;
  readonly declined: number;
  readonly other: number;
}

export interface BacktestResult {
  /** Set when the backtest ran a saved rule's current version (which may then be enabled). */
  readonly ruleId: string | null;
  readonly version: number | null;
  readonly scanned: number;
  readonly matched: number;
  readonly nearMisses: number;
  /** Requests a regex could not decide within its budget: counted as not matching. */
  readonly inconclusive: number;
  readonly elapsedMs: number;
  /** Most matches first; communities beyond the first MAX_BACKTEST_COMMUNITIES are summed in `otherCommunities`. */
  readonly perCommunity: readonly BacktestCommunity[];
  readonly otherCommunities: number;
  readonly samples: readonly BacktestSample[];
  readonly nearMissSamples: readonly BacktestNearMiss[];
  readonly disagreement: {
    /** Matched requests a person (not a rule) approved or declined. */
    readonly decidedByPeople: number;
    readonly personApproved: number;
    readonly personDeclined: number;
    /** Where the rule does the opposite: it declines what a person approved, or approves what a person declined (0 for "review"). */
    readonly count: number;
    readonly samples: readonly BacktestDisagreement[];
  };
}

export const MAX_BACKTEST_COMMUNITIES = 30;
export const BACKTEST_SAMPLE_SIZE = 10;

/** The actor of a rule's decisions and audit entries: who acted, in which version. */
export const ruleActor = (ruleId: string, version: number): string => `rule:${ruleId}@v${version}`;
export const isRuleActor = (actor: string | null): boolean => actor?.startsWith('rule:') ?? false;
