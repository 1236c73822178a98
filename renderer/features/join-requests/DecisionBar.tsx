import type { JoinDecisionKind } from '@shared/domain/decisions';
import { UNDO_KEY } from '@shared/keyboard/join-request-keys';
import { decisionVerb } from './decisionText';

const BUTTONS: readonly { decision: JoinDecisionKind; key: string; label: string }[] = [
  { decision: 'approve', key: 'a', label: 'Approve' },
  { decision: 'decline', key: 'd', label: 'Decline…' },
  { decision: 'decline-ban', key: 'b', label: 'Ban…' },
  { decision: 'snooze', key: 's', label: 'Snooze' },
];

interface Props {
  /** "the focused request", "3 selected requests", ...; null when there is nothing to decide. */
  readonly target: string | null;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  readonly onUndo: () => void;
}

/** The decision buttons, each also a key; their accessible names say what they act on ("Approve 3 selected requests"). */
export function DecisionBar({ target, onDecide, onUndo }: Props) {
  return (
    <div className="jr-decisions" role="group" aria-label="Decide">
      {BUTTONS.map(({ decision, key, label }) => (
        <button
          key={decision}
          type="button"
          className="mb-button jr-small"
          disabled={target === null}
          aria-label={target ? `${decisionVerb(decision)} ${target}` : decisionVerb(decision)}
          aria-keyshortcuts={key}
          title={target ? `${decisionVerb(decision)} ${target} (${key})` : undefined}
          onClick={() => onDecide(decision)}
        >
          {label} <kbd aria-hidden="true">{key}</kbd>
        </button>
      ))}
      <button type="button" className="mb-button jr-small" aria-label="Undo the last action" aria-keyshortcuts={UNDO_KEY} onClick={onUndo}>
        Undo <kbd aria-hidden="true">{UNDO_KEY}</kbd>
      </button>
    </div>
  );
}
