import type { JoinDecisionKind } from '@shared/domain/decisions';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
import { CLUSTER_DECISIONS } from './clusters';
import { decisionVerb } from './decisionText';

interface Props {
  readonly size: number;
  /** Why the requests are grouped ("14 requests within 40 min with the same name pattern …"). */
  readonly reason: string | null;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  /** Shows just the cluster in the queue (`c`); absent when the queue already does. */
  readonly onShow?: () => void;
}

/** A burst of near-identical requests, decided as one (Shift + the decision's key). */
export function ClusterActions({ size, reason, onDecide, onShow }: Props) {
  return (
    <div className="jr-cluster" role="group" aria-label={`Cluster of ${size} similar requests`}>
      <span>
        Part of a cluster of <strong>{size.toLocaleString()}</strong> similar pending requests
        {reason && (
          <>
            : <bdi className="mb-muted">{reason}</bdi>
          </>
        )}
        .
      </span>
      {CLUSTER_DECISIONS.map(({ decision, key }) => (
        <KeyButton
          key={decision}
          shortcut={`Shift+${key}`}
          keyLabel={`⇧${key}`}
          ariaLabel={`${decisionVerb(decision)} the whole cluster of ${size}`}
          onClick={() => onDecide(decision)}
        >
          {decisionVerb(decision)} all
        </KeyButton>
      ))}
      {onShow && (
        <KeyButton shortcut={CLUSTER_KEY} onClick={onShow}>
          Show the cluster
        </KeyButton>
      )}
    </div>
  );
}
