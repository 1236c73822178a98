import type { JoinDecisionKind } from '@shared/domain/decisions';
import { CLUSTER_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
import { decisionLines, type DecisionBlocks } from './availability';
import { BlockedNote } from './BlockedNote';
import { CLUSTER_DECISIONS } from './clusters';
import { decisionVerb } from './decisionText';

interface Props {
  /** Why the requests are grouped; null until a row of the cluster has loaded. */
  readonly reason: string | null;
  /** What main says each decision would do to the cluster (useClusterBlocks). */
  readonly blocks: DecisionBlocks;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  readonly onShowAll: () => void;
}

/** Above the queue while it shows one cluster: what the cluster is, decide it as one, or go back to everything. */
export function ClusterBanner({ reason, blocks, onDecide, onShowAll }: Props) {
  const lines = decisionLines(blocks);
  return (
    <div className="mb-banner jr-cluster-banner" role="region" aria-label="Showing one cluster">
      <span>
        Showing one cluster{reason && <>: <bdi>{reason}</bdi></>}.
      </span>
      {CLUSTER_DECISIONS.map(({ decision, key }) => (
        <KeyButton
          key={decision}
          shortcut={`Shift+${key}`}
          keyLabel={`⇧${key}`}
          disabled={blocks[decision].block !== null}
          title={blocks[decision].block ?? undefined}
          onClick={() => onDecide(decision)}
        >
          {decisionVerb(decision)} the cluster
        </KeyButton>
      ))}
      <BlockedNote id="jr-cluster-banner-note" lines={lines} />
      <KeyButton shortcut={CLUSTER_KEY} onClick={onShowAll}>
        Show all requests
      </KeyButton>
    </div>
  );
}
