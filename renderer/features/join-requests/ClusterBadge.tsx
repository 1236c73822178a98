import { createContext, useContext } from 'react';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';

/** Lets a table cell show a cluster in the queue (the columns are static; the screen provides this). */
export const ShowClusterContext = createContext<((clusterKey: string) => void) | null>(null);

/** "cluster of 14" on a row: why in its title, and a click (or `c`) shows just that cluster. */
export function ClusterBadge({ row }: { row: JoinRequestRow }) {
  const showCluster = useContext(ShowClusterContext);
  if (!row.clusterKey || row.clusterSize < 2) return null;
  const key = row.clusterKey;
  const label = `cluster of ${row.clusterSize.toLocaleString()}`;
  return (
    <button
      type="button"
      tabIndex={-1}
      className="mb-pill mb-pill--warn jr-cluster-badge"
      title={row.clusterReason ?? label}
      aria-label={`Show the ${label}${row.clusterReason ? `: ${row.clusterReason}` : ''}`}
      aria-keyshortcuts={CLUSTER_KEY}
      onClick={(event) => {
        event.stopPropagation();
        showCluster?.(key);
      }}
    >
      {label}
    </button>
  );
}
