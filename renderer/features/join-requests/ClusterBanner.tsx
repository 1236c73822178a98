import type { JoinDecisionKind } from '@shared/domain/decisions';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
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
        <KeyButton key={decision} shortcut={`Shift+${key}`} keyLabel={`⇧${key}`} onClick={() => onDecide(decision)}>
          {decisionVerb(decision)} the cluster
        </KeyButton>
      ))}
      <KeyButton shortcut={CLUSTER_KEY} onClick={onShowAll}>
        Show all requests
      </KeyButton>
    </div>
  );
}
