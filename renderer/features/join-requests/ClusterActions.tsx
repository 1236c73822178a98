import type { JoinDecisionKind } from '@shared/domain/decisions';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
import { decisionLines, type DecisionBlocks } from './availability';
import { BlockedNote } from './BlockedNote';
import { CLUSTER_DECISIONS } from './clusters';
import { decisionVerb } from './decisionText';

interface Props {
  readonly size: number;
  /** Why the requests are grouped ("14 requests within 40 min with the same name pattern …"). */
  readonly reason: string | null;
  /** What main says each decision would do to the cluster (useClusterBlocks). */
  readonly blocks: DecisionBlocks;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  /** Shows just the cluster in the queue (`c`); absent when the queue already does. */
  readonly onShow?: () => void;
}

/** A burst of near-identical requests, decided as one (Shift + the decision's key). */
export function ClusterActions({ size, reason, blocks, onDecide, onShow }: Props) {
  const lines = decisionLines(blocks);
  return (
    <div className="jr-cluster" role="group" aria-label={`Cluster of ${size} similar requests`} aria-describedby={lines.length > 0 ? 'jr-cluster-note' : undefined}>
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
          disabled={blocks[decision].block !== null}
          title={blocks[decision].block ?? undefined}
          onClick={() => onDecide(decision)}
        >
          {decisionVerb(decision)} all
        </KeyButton>
      ))}
      <BlockedNote id="jr-cluster-note" lines={lines} />
      {onShow && (
        <KeyButton shortcut={CLUSTER_KEY} onClick={onShow}>
          Show the cluster
        </KeyButton>
      )}
    </div>
  );
}
