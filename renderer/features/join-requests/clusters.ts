import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { compactFilters } from '../../ui/queue/viewDefinition';

export interface ClusterRef {
  readonly key: string;
  /** Requests a decision on the cluster reaches, as far as the renderer knows (main counts exactly). */
  readonly size: number;
}

/**
 * The cluster Shift+a/d/b/s decide: the focused row's (known from the row itself, so
 * no wait for the detail), else the one the queue is showing. Its size is the detail's
 * pending count when loaded, else the queue's total when it shows just that cluster's
 * pending requests, else the cluster's size.
 */
export function focusedCluster(
  row: JoinRequestRow | undefined,
  detail: { readonly clusterKey: string | null; readonly clusterSize: number } | undefined,
  filters: JoinRequestFilters,
  total: number,
): ClusterRef | null {
  const key = row?.clusterKey ?? filters.clusterKey ?? null;
  if (!key) return null;
  if (detail?.clusterKey === key) return { key, size: detail.clusterSize };
  if (filters.clusterKey === key && filters.status === 'pending') return { key, size: total };
  return { key, size: row?.clusterSize ?? total };
}

/** `c`: show only the focused row's cluster, or, when showing one, everything again. Null: nothing to show. */
export function toggledCluster(filters: JoinRequestFilters, row: JoinRequestRow | undefined): JoinRequestFilters | null {
  if (filters.clusterKey) return compactFilters({ ...filters, clusterKey: undefined });
  return row?.clusterKey ? compactFilters({ ...filters, clusterKey: row.clusterKey }) : null;
}

export const CLUSTER_DECISIONS: readonly { readonly decision: JoinDecisionKind; readonly key: string }[] = [
  { decision: 'approve', key: 'A' },
  { decision: 'decline', key: 'D' },
  { decision: 'decline-ban', key: 'B' },
  { decision: 'snooze', key: 'S' },
];
