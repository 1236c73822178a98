import type { ConnectionKind } from './connection';

export const JOIN_REQUEST_STATUSES = [
  'pending',
  'approved',
  'declined',
  'snoozed',
  'handled-elsewhere',
  'withdrawn',
] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** Where a local decision stands relative to the platform. */
export const SYNC_STATES = ['synced', 'pending-push', 'failed', 'conflict'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/**
 * Signals are stored as a bit set so a filter on any of them is one expression.
 * The order is part of the store format: append only.
 */
export const JOIN_SIGNALS = [
  'link-in-answer',
  'empty-answers',
  'new-account',
  'many-requests-today',
  'declined-elsewhere',
  'cluster',
  /** Set by a rule whose action is "mark for review"; which rule is on the row (`reviewRule`). */
  'marked-for-review',
] as const;
export type JoinSignal = (typeof JOIN_SIGNALS)[number];

export const signalBit = (signal: JoinSignal): number => 1 << JOIN_SIGNALS.indexOf(signal);

export function signalsFromBits(bits: number): JoinSignal[] {
  return JOIN_SIGNALS.filter((signal) => (bits & signalBit(signal)) !== 0);
}

export interface ScreeningAnswer {
  readonly question: string;
  readonly answer: string;
}

export interface JoinRequestRow {
  readonly id: string;
  readonly personName: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly parentCommunityName: string | null;
  /** Whose connector decides it: the decision bar checks that connection's capabilities. */
  readonly connectionId: string;
  readonly platform: ConnectionKind;
  readonly requestedAt: number;
  readonly accountCreatedAt: number | null;
  readonly firstAnswer: string;
  readonly signals: readonly JoinSignal[];
  readonly status: JoinRequestStatus;
  readonly syncState: SyncState;
  readonly handledElsewhereBy: string | null;
  /** The burst of near-identical requests this one belongs to (`clusterKey` filter and target), if any. */
  readonly clusterKey: string | null;
  readonly clusterSize: number;
  /** Why they are grouped, in words: "14 requests within 40 min with the same name pattern “crypto gains #”". */
  readonly clusterReason: string | null;
  /** The rule (name and version) that marked this request for review. */
  readonly reviewRule: string | null;
}
