import type { JoinDecisionKind } from '@shared/domain/decisions';
import { UNDO_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
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
        <KeyButton
          key={decision}
          shortcut={key}
          disabled={target === null}
          ariaLabel={target ? `${decisionVerb(decision)} ${target}` : decisionVerb(decision)}
          title={target ? `${decisionVerb(decision)} ${target} (${key})` : undefined}
          onClick={() => onDecide(decision)}
        >
          {label}
        </KeyButton>
      ))}
      <KeyButton shortcut={UNDO_KEY} ariaLabel="Undo the last action" onClick={onUndo}>
        Undo
      </KeyButton>
    </div>
  );
}
