import type { ConnectionKind } from '../domain/connection';

/**
 * What a rule can see of one join request: the same for a backtest over history and
 * for a request that just arrived, so both judge alike.
 */
export interface RuleFacts {
  /** The screening answers' text, in question order (blank ones included). */
  readonly answers: readonly string[];
  /** How old the account was when it asked; null when the platform does not say. */
  readonly accountAgeMs: number | null;
  /** The signal bit set of the row (`signalBit`). */
  readonly signals: number;
  readonly communityId: string;
  /** The community, then its parent, grandparent... */
  readonly communityPath: readonly string[];
  readonly platform: ConnectionKind;
}

/** The stored row fields facts are made of (`join_requests` plus its community and connection). */
export interface RuleFactsSource {
  readonly answers: readonly { readonly answer: string }[];
  readonly requestedAt: number;
  /** 0 or null when unknown. */
  readonly accountCreatedAt: number | null;
  readonly signals: number;
  readonly communityId: string;
  readonly platform: ConnectionKind;
}

/** The community and its ancestors, from a child → parent map; stops at a loop. */
export function communityPath(communityId: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const path: string[] = [];
  for (let current: string | null | undefined = communityId; current && !path.includes(current); current = parentOf.get(current)) path.push(current);
  return path;
}

export function ruleFacts(source: RuleFactsSource, parentOf: ReadonlyMap<string, string | null>): RuleFacts {
  const created = source.accountCreatedAt;
  return {
    answers: source.answers.map((a) => a.answer),
    accountAgeMs: created ? source.requestedAt - created : null,
    signals: source.signals,
    communityId: source.communityId,
    communityPath: communityPath(source.communityId, parentOf),
    platform: source.platform,
  };
}
