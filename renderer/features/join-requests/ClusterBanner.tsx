import type { JoinDecisionKind } from '@shared/domain/decisions';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';
import { CLUSTER_DECISIONS } from './clusters';
import { decisionVerb } from './decisionText';

interface Props {
  /** Why the requests are grouped; null until a row of the cluster has loaded. */
  readonly reason: string | null;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  readonly onShowAll: () => void;
}

/** Above the queue while it shows one cluster: what the cluster is, decide it as one, or go back to everything. */
export function ClusterBanner({ reason, onDecide, onShowAll }: Props) {
  return (
    <div className="mb-banner jr-cluster-banner" role="region" aria-label="Showing one cluster">
      <span>
        Showing one cluster{reason && <>: <bdi>{reason}</bdi></>}.
      </span>
      {CLUSTER_DECISIONS.map(({ decision, key }) => (
        <button key={decision} type="button" className="mb-button jr-small" aria-keyshortcuts={`Shift+${key}`} onClick={() => onDecide(decision)}>
          {decisionVerb(decision)} the cluster <kbd aria-hidden="true">⇧{key}</kbd>
        </button>
      ))}
      <button type="button" className="mb-button jr-small" aria-keyshortcuts={CLUSTER_KEY} onClick={onShowAll}>
        Show all requests <kbd aria-hidden="true">{CLUSTER_KEY}</kbd>
      </button>
    </div>
  );
}
