import type { JoinRequestRow } from '@shared/domain/join-request';
import { ClusterBadge } from './ClusterBadge';
import { SIGNAL_LABELS } from './signals';

/** A row's signals as badges; its cluster as a "cluster of N" button, and the rule that wants a look, by name. */
export function SignalsCell({ row }: { row: JoinRequestRow }) {
  const badge = row.clusterKey !== null && row.clusterSize > 1;
  return (
    <span className="mb-text">
      {badge && <ClusterBadge row={row} />}
      {row.reviewRule && (
        <span className="mb-pill mb-pill--bad" title={`Marked for review by rule ${row.reviewRule}`}>
          review: {row.reviewRule.slice(0, 60)}
        </span>
      )}
      {row.signals
        .filter((signal) => !(badge && signal === 'cluster') && !(row.reviewRule && signal === 'marked-for-review'))
        .map((signal) => (
          <span key={signal} className="mb-pill mb-pill--warn">
            {SIGNAL_LABELS[signal]}
          </span>
        ))}
    </span>
  );
}
