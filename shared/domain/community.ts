import type { ConnectionKind } from './connection';

export const COMMUNITY_KINDS = ['community', 'group', 'announcements', 'forum', 'chat', 'server'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** One row of the Communities table: a community or a sub-group, placed in its tree. */
export interface CommunityRow {
  readonly id: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly platform: ConnectionKind;
  readonly connectionName: string;
  readonly parentId: string | null;
  readonly parentName: string | null;
  /** 0 for a top-level community, 1 for its sub-groups, and so on. */
  readonly depth: number;
  readonly memberCount: number;
  readonly pendingJoinRequests: number;
  readonly openFlags: number;
  readonly tags: readonly string[];
  readonly language: string | null;
  readonly platformUrl: string | null;
  readonly updatedAt: number;
}
