import { meetsAll, requirementsBlock, type Requirement } from '../connectors/requirements';
import type { ConnectionKind } from '../domain/connection';
import type { JoinDecisionKind, LeftPending } from '../domain/decisions';
import type { ConnectionCapabilities } from '../domain/flagged';

/** The button's words ("Decline and ban"), also used by main when it refuses. */
export const JOIN_DECISION_VERBS: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'Approve',
  decline: 'Decline',
  'decline-ban': 'Decline and ban',
  snooze: 'Snooze',
};

const DECIDE: Requirement = { anyOf: ['joinRequests.decide'], cannot: 'decide join requests' };

/** What each decision needs of a row's connection. Snoozing is local only. */
export const JOIN_DECISION_REQUIREMENTS: Readonly<Record<JoinDecisionKind, readonly Requirement[]>> = {
  approve: [DECIDE],
  decline: [DECIDE],
  'decline-ban': [DECIDE, { anyOf: ['member.ban'], cannot: 'ban members' }],
  snooze: [],
};

/**
 * Platforms without an API (Facebook Groups): the moderator decided on the platform's own
 * site and the console only records it, never pushes, so the connector needs nothing.
 */
export const RECORDED_BY_HAND: ReadonlySet<ConnectionKind> = new Set(['facebook-manual']);

export const canTakeDecision = (connection: ConnectionCapabilities, decision: JoinDecisionKind): boolean =>
  RECORDED_BY_HAND.has(connection.kind) || meetsAll(connection, JOIN_DECISION_REQUIREMENTS[decision]);

/** How many of a decision's rows sit on one connection. */
export interface ConnectionRows {
  readonly connection: ConnectionCapabilities;
  readonly rows: number;
}

/**
 * How a decision splits over its rows' connections: `able` rows take it, `unable` rows
 * stay as they are, and `reason` names the connections that cannot (null when all can).
 *
 * Why a mixed selection decides the rows that can and leaves the others pending, instead
 * of refusing all or declining-only where a ban is impossible: the moderator's choice is
 * carried out exactly where the platform allows it and nowhere is something else done in
 * its name (a decline without the ban they asked for would look done but not be); the
 * rows left behind stay in the queue, in view, to decide otherwise. Both the bulk
 * confirmation and the toast say how many stay and why. Only when NO row can take it is
 * the decision refused outright.
 */
export interface DecisionReach {
  readonly able: number;
  readonly unable: number;
  readonly reason: string | null;
}

export function decisionReach(decision: JoinDecisionKind, groups: readonly ConnectionRows[]): DecisionReach {
  const unableGroups = groups.filter((group) => !canTakeDecision(group.connection, decision));
  const unable = unableGroups.reduce((sum, group) => sum + group.rows, 0);
  const able = groups.reduce((sum, group) => sum + group.rows, 0) - unable;
  const reason = unableGroups.length === 0 ? null : requirementsBlock(JOIN_DECISION_REQUIREMENTS[decision], unableGroups.map((group) => group.connection));
  return { able, unable, reason };
}

/** Main's refusal and the status line after a blocked key: "Decline and ban is not possible: “Forum” cannot ban members (discourse)." */
export const decisionRefusal = (decision: JoinDecisionKind, reason: string): string => `${refusalPrefix(decision)}${reason}`;

const refusalPrefix = (decision: JoinDecisionKind) => `${JOIN_DECISION_VERBS[decision]} is not possible: `;

/** The reason inside main's refusal, to show beside the button it disables. */
export const refusalReason = (decision: JoinDecisionKind, message: string): string =>
  message.startsWith(refusalPrefix(decision)) ? message.slice(refusalPrefix(decision).length) : message;

/** "2 of 5 stay pending: “Forum” cannot ban members (discourse)." — `decided`: the rows that took the decision. */
export const leftPendingNote = (left: LeftPending, decided: number): string =>
  `${left.count.toLocaleString('en-US')} of ${(decided + left.count).toLocaleString('en-US')} stay pending: ${left.reason}`;
