import type { ConnectionKind } from './connection';
import type { SyncState } from './join-request';

export const FLAG_STATUSES = ['open', 'dismissed', 'actioned', 'handled-elsewhere'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** Reports about the same message merge into one flagged row. */
export interface FlaggedRow {
  readonly id: string;
  readonly excerpt: string;
  readonly authorName: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly platform: ConnectionKind;
  readonly reasons: readonly string[];
  readonly reportCount: number;
  readonly source: 'platform' | 'rule';
  readonly firstReportedAt: number;
  readonly lastReportedAt: number;
  readonly status: FlagStatus;
  readonly syncState: SyncState;
}
