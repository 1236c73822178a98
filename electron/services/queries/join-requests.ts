import type { ConnectionKind } from '@shared/domain/connection';
import { signalsFromBits, type JoinRequestRow, type JoinRequestStatus, type SyncState } from '@shared/domain/join-request';
import type { JOIN_REQUEST_SORT_COLUMNS, joinRequestFiltersSchema } from '@shared/contract/tables';
import type { z } from 'zod';
import { clusterReasonText } from '../store/repositories/cluster-reason';
import type { ClusterKind } from '../store/repositories/cluster-fingerprints';
import { sql, trusted } from '../store/sql';
import { countableFromCounters, countableFromFacets, facetTotal, joinRequestConditions, joinRequestSearch } from './join-request-filters';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof JOIN_REQUEST_SORT_COLUMNS)[number];
type Filters = z.infer<typeof joinRequestFiltersSchema>;

interface Raw {
  id: string;
  person_name: string;
  community_id: string;
  community_name: string;
  parent_name: string | null;
  connection_id: string;
  platform: ConnectionKind;
  requested_at: number;
  account_created_at: number;
  first_answer: string;
  signals: number;
  status: JoinRequestStatus;
  sync_state: SyncState;
  handled_elsewhere_by: string | null;
  cluster_key: string | null;
  cluster_kind: ClusterKind | null;
  cluster_label: string | null;
  cluster_size: number | null;
  cluster_first_at: number | null;
  cluster_last_at: number | null;
  review_rule_name: string | null;
  review_rule_version: number | null;
}

/** Sort keys are denormalised columns of join_requests, each indexed as (status, key, seq). */
export const joinRequestsWindow: WindowSpec<Column, Filters, Raw, JoinRequestRow> = {
  name: 'join-requests',
  tables: ['join_requests'],
  from: trusted('join_requests j'),
  tiebreak: 'j.seq',
  sortColumns: {
    requestedAt: 'j.requested_at',
    personName: 'j.person_sort',
    communityName: 'j.community_sort',
    accountCreatedAt: 'j.account_created_at',
    status: 'j.status',
  },
  defaultSort: [{ column: 'requestedAt', desc: false }],
  conditions: (filters) => joinRequestConditions(filters),
  fastCount: (filters) => {
    if (filters.status && countableFromCounters(filters))
      return sql`SELECT sum(n) AS n FROM queue_counts WHERE queue = 'join_requests' AND status = ${filters.status}${
        filters.communityId ? sql` AND community_id = ${filters.communityId}` : trusted('')
      }`;
    return countableFromFacets(filters) ? facetTotal(filters) : null;
  },
  search: ({ fts }) => joinRequestSearch(fts),
  searchFrom: (fts) => ({
    from: trusted('join_requests_fts CROSS JOIN join_requests j ON j.seq = join_requests_fts.rowid'),
    match: sql`join_requests_fts MATCH ${fts}`,
  }),
  select: trusted(`j.id, j.person_name, j.community_id, c.name AS community_name, p.name AS parent_name,
    j.connection_id, n.kind AS platform, j.requested_at, j.account_created_at, j.first_answer, j.signals, j.status,
    j.sync_state, j.handled_elsewhere_by, j.cluster_key, k.kind AS cluster_kind, k.label AS cluster_label,
    k.size AS cluster_size, k.first_at AS cluster_first_at, k.last_at AS cluster_last_at,
    r.name AS review_rule_name, j.review_rule_version`),
  outer: trusted(`join_requests j ON j.seq = page.k JOIN communities c ON c.id = j.community_id
    LEFT JOIN communities p ON p.id = c.parent_id JOIN connections n ON n.id = j.connection_id
    LEFT JOIN join_request_clusters k ON k.key = j.cluster_key LEFT JOIN rules r ON r.id = j.review_rule_id`),
  toRow: (r) => ({
    id: r.id,
    personName: r.person_name,
    communityId: r.community_id,
    communityName: r.community_name,
    parentCommunityName: r.parent_name,
    connectionId: r.connection_id,
    platform: r.platform,
    requestedAt: r.requested_at,
    accountCreatedAt: r.account_created_at > 0 ? r.account_created_at : null,
    firstAnswer: r.first_answer,
    signals: signalsFromBits(r.signals),
    status: r.status,
    syncState: r.sync_state,
    handledElsewhereBy: r.handled_elsewhere_by,
    clusterKey: r.cluster_key,
    clusterSize: r.cluster_size ?? 0,
    clusterReason:
      r.cluster_kind && r.cluster_size
        ? clusterReasonText({ kind: r.cluster_kind, label: r.cluster_label ?? '', size: r.cluster_size, firstAt: r.cluster_first_at ?? 0, lastAt: r.cluster_last_at ?? 0 })
        : null,
    reviewRule: r.review_rule_name ? `${r.review_rule_name} (v${r.review_rule_version ?? 1})` : null,
  }),
};
