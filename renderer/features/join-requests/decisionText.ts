import type { JoinDecisionKind } from '@shared/domain/decisions';

const DO: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'Approve',
  decline: 'Decline',
  'decline-ban': 'Decline and ban',
  snooze: 'Snooze',
};

const DONE: Readonly<Record<JoinDecisionKind, string>> = {
  approve: 'Approved',
  decline: 'Declined',
  'decline-ban': 'Declined and banned',
  snooze: 'Snoozed',
};

export const SNOOZE_MINUTES = 24 * 60;

export const decisionVerb = (decision: JoinDecisionKind) => DO[decision];
export const decisionDone = (decision: JoinDecisionKind) => DONE[decision];
export const needsReason = (decision: JoinDecisionKind) => decision === 'decline' || decision === 'decline-ban';
