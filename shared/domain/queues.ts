/** Live counts shown beside each queue in the navigation. */
export interface QueueCounts {
  readonly pendingJoinRequests: number;
  readonly openFlags: number;
  readonly activeAnnouncements: number;
  readonly pendingPushes: number;
  readonly failedPushes: number;
}

export type QueueName = 'join-requests' | 'flagged' | 'announcements' | 'communities' | 'outbox' | 'audit' | 'views';
