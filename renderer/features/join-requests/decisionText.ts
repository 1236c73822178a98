import type { JoinDecisionKind } from '@shared/domain/decisions';
import type { JoinRequestStatus } from '@shared/domain/join-request';
import { JOIN_DECISION_VERBS } from '@shared/join-requests/decision-gate';

const DONE: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'Approved',
  decline: 'Declined',
  'decline-ban': 'Declined and banned',
  snooze: 'Snoozed',
};

export const SNOOZE_MINUTES = 24 * 60;

export const decisionVerb = (decision: JoinDecisionKind) => JOIN_DECISION_VERBS[decision];
export const decisionDone = (decision: JoinDecisionKind) => DONE[decision];
export const needsReason = (decision: JoinDecisionKind) => decision === 'decline' || decision === 'decline-ban';

/** The status a decision leaves its rows in. */
export function statusAfter(decision: JoinDecisionKind): JoinRequestStatus {
  switch (decision) {
    case 'approve':
      return 'approved';
    case 'decline':
    case 'decline-ban':
      return 'declined';
    case 'snooze':
      return 'snoozed';
  }
}
