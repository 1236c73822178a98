import { z } from 'zod';
import type { CommunityRow } from '../domain/community';
import { CONNECTION_KINDS } from '../domain/connection';
import { FLAG_SOURCES, FLAG_STATUSES, type FlaggedRow } from '../domain/flagged';
import { JOIN_REQUEST_STATUSES, JOIN_SIGNALS, SYNC_STATES, type JoinRequestRow } from '../domain/join-request';
import type { AuditEntry, OutboxRow } from '../domain/audit';
import { windowRequestSchema, type RowWindow } from '../table/window';
import { call } from './define';

const id = z.string().min(1).max(64);

export const COMMUNITY_SORT_COLUMNS = ['tree', 'name', 'platform', 'memberCount', 'pendingJoinRequests', 'openFlags', 'updatedAt'] as const;
export const communityFiltersSchema = z
  .object({ platform: z.enum(CONNECTION_KINDS).optional(), tag: z.string().max(200).optional() })
  .strict();

export const JOIN_REQUEST_SORT_COLUMNS = ['requestedAt', 'personName', 'communityName', 'accountCreatedAt', 'status'] as const;
const days = z.number().int().min(0).max(36_500);
const hours = z.number().int().min(0).max(24 * 3650);

/** Every way the join-request queue can be sliced; all of them run in SQL. */
export const joinRequestFiltersSchema = z
  .object({
    status: z.enum(JOIN_REQUEST_STATUSES).optional(),
    communityId: id.optional(),
    /** A community and all its sub-groups. */
    communityTree: id.optional(),
    platform: z.enum(CONNECTION_KINDS).optional(),
    accountAgeMinDays: days.optional(),
    accountAgeMaxDays: days.optional(),
    requestedWithinHours: hours.optional(),
    requestedOlderThanHours: hours.optional(),
    answered: z.enum(['answered', 'unanswered']).optional(),
    /** Rows carrying every one of these signals. */
    signals: z.array(z.enum(JOIN_SIGNALS)).max(JOIN_SIGNALS.length).optional(),
    clusterKey: z.string().min(1).max(200).optional(),
  })
  .strict();
export type JoinRequestFilters = z.infer<typeof joinRequestFiltersSchema>;

export const FLAGGED_SORT_COLUMNS = ['lastReportedAt', 'reportCount', 'authorName', 'communityName'] as const;
/** Every way the flagged queue can be sliced; all of them run in SQL (queries/flag-filters.ts). */
export const flaggedFiltersSchema = z
  .object({
    status: z.enum(FLAG_STATUSES).optional(),
    communityId: id.optional(),
    /** A community and all its sub-groups. */
    communityTree: id.optional(),
    platform: z.enum(CONNECTION_KINDS).optional(),
    /** `rule`: raised only by the console's alert rules. */
    source: z.enum(FLAG_SOURCES).optional(),
    minReports: z.number().int().min(1).max(100_000).optional(),
    reportedWithinHours: hours.optional(),
    /** Every flagged message of this author (one platform identity). */
    authorMemberId: id.optional(),
    syncState: z.enum(SYNC_STATES).optional(),
  })
  .strict();
export type FlaggedFilters = z.infer<typeof flaggedFiltersSchema>;

export const AUDIT_SORT_COLUMNS = ['at'] as const;
export const OUTBOX_SORT_COLUMNS = ['createdAt'] as const;
export const outboxFiltersSchema = z
  .object({ state: z.enum(['queued', 'in-flight', 'done', 'failed', 'discarded']).optional() })
  .strict();

export const communityWindowSchema = windowRequestSchema(COMMUNITY_SORT_COLUMNS, communityFiltersSchema);
export const joinRequestWindowSchema = windowRequestSchema(JOIN_REQUEST_SORT_COLUMNS, joinRequestFiltersSchema);
export const flaggedWindowSchema = windowRequestSchema(FLAGGED_SORT_COLUMNS, flaggedFiltersSchema);
export const auditWindowSchema = windowRequestSchema(AUDIT_SORT_COLUMNS, z.object({}).strict());
export const outboxWindowSchema = windowRequestSchema(OUTBOX_SORT_COLUMNS, outboxFiltersSchema);

export const tableCalls = {
  'communities.window': call(communityWindowSchema).returns<RowWindow<CommunityRow>>(),
  'joinRequests.window': call(joinRequestWindowSchema).returns<RowWindow<JoinRequestRow>>(),
  'flagged.window': call(flaggedWindowSchema).returns<RowWindow<FlaggedRow>>(),
  'audit.window': call(auditWindowSchema).returns<RowWindow<AuditEntry>>(),
  'outbox.window': call(outboxWindowSchema).returns<RowWindow<OutboxRow>>(),
} as const;
