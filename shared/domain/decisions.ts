import type { ConnectionKind } from './connection';
import type { JoinRequestStatus, JoinSignal, ScreeningAnswer, SyncState } from './join-request';

export const JOIN_DECISIONS = ['approve', 'decline', 'decline-ban', 'snooze'] as const;
export type JoinDecisionKind = (typeof JOIN_DECISIONS)[number];

/** How many rows a bulk decision reaches in each community, shown before a large bulk. */
export interface CommunityCount {
  readonly communityId: string;
  readonly communityName: string;
  readonly parentName: string | null;
  readonly count: number;
}

export interface DecisionPreview {
  readonly total: number;
  readonly perCommunity: readonly CommunityCount[];
  /** With a decision: the rows whose platform cannot take it (not in `total`), and why. */
  readonly leftPending?: LeftPending;
}

/**
 * Rows of a selection whose connection cannot take the decision (shared/join-requests/
 * decision-gate.ts): they are left pending, and the moderator is told how many and why.
 */
export interface LeftPending {
  readonly count: number;
  readonly reason: string;
}

export interface DecisionResult {
  readonly actionId: string;
  /** Rows decided: pending rows among the target; others were left as they were. */
  readonly count: number;
  /** Until then `u` takes the action back before anything is pushed. */
  readonly graceUntil: number;
  /** Join requests only: rows of the target left pending because their platform cannot take the decision. */
  readonly leftPending?: LeftPending;
}

/** One entry of the Recent actions drawer. */
export interface RecentAction {
  readonly id: string;
  readonly decision: JoinDecisionKind;
  readonly summary: string;
  readonly count: number;
  readonly createdAt: number;
  readonly graceUntil: number;
  readonly undoneAt: number | null;
  /** Rows whose push has not left yet (or that need no push): undo still reaches them. */
  readonly undoable: number;
  readonly pushed: number;
  readonly failed: number;
}

export interface UndoResult {
  readonly restored: number;
  /** Rows whose decision already reached the platform and stay decided. */
  readonly alreadyPushed: number;
}

export interface DecisionReason {
  readonly id: string;
  readonly position: number;
  readonly label: string;
  readonly text: string;
}

export interface PersonRequest {
  readonly id: string;
  readonly communityName: string;
  readonly status: JoinRequestStatus;
  readonly requestedAt: number;
  readonly decision: string | null;
  readonly decisionReason: string | null;
  readonly decidedAt: number | null;
}

export interface PersonReport {
  readonly flagId: string;
  readonly communityName: string;
  readonly excerpt: string;
  readonly reportedAt: number;
  readonly status: string;
}

export interface PersonNote {
  readonly id: string;
  readonly body: string;
  readonly actor: string;
  readonly createdAt: number;
}

/** This person across all your communities. */
export interface PersonCard {
  readonly memberId: string;
  readonly displayName: string;
  readonly username: string | null;
  readonly profileUrl: string | null;
  readonly accountCreatedAt: number | null;
  readonly requests: readonly PersonRequest[];
  readonly reports: readonly PersonReport[];
  readonly notes: readonly PersonNote[];
}

export interface JoinRequestDetail {
  readonly id: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly parentCommunityName: string | null;
  readonly platform: ConnectionKind;
  readonly requestedAt: number;
  readonly answers: readonly ScreeningAnswer[];
  readonly signals: readonly JoinSignal[];
  readonly status: JoinRequestStatus;
  readonly decision: string | null;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
  readonly syncState: SyncState;
  readonly syncError: string | null;
  readonly handledElsewhereBy: string | null;
  readonly handledElsewhereAt: number | null;
  readonly clusterKey: string | null;
  readonly clusterSize: number;
  readonly person: PersonCard;
}

export interface SavedView<D = unknown> {
  readonly id: string;
  readonly tableKey: string;
  readonly name: string;
  readonly position: number;
  readonly definition: D;
}
