import type { JoinDecisionKind } from '@shared/domain/decisions';
import { decisionVerb } from './decisionText';

const DECISIONS: readonly { decision: JoinDecisionKind; key: string }[] = [
  { decision: 'approve', key: 'A' },
  { decision: 'decline', key: 'D' },
  { decision: 'decline-ban', key: 'B' },
  { decision: 'snooze', key: 'S' },
];

/** A cluster of near-identical requests, decided as one (Shift + the decision's key). */
export function ClusterActions({ size, onDecide }: { size: number; onDecide: (decision: JoinDecisionKind) => void }) {
  return (
    <div className="jr-cluster" role="group" aria-label={`Cluster of ${size} similar requests`}>
      <span>
        Part of a cluster of <strong>{size.toLocaleString()}</strong> similar requests.
      </span>
      {DECISIONS.map(({ decision, key }) => (
        <button
          key={decision}
          type="button"
          className="mb-button jr-small"
          aria-label={`${decisionVerb(decision)} the whole cluster of ${size}`}
          aria-keyshortcuts={`Shift+${key}`}
          onClick={() => onDecide(decision)}
        >
          {decisionVerb(decision)} all <kbd aria-hidden="true">⇧{key}</kbd>
        </button>
      ))}
    </div>
  );
}
