import type { JoinDecisionKind } from '@shared/domain/decisions';
import { UNDO_KEY } from '@shared/keyboard/join-request-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
import { decisionLines, type DecisionBlocks } from './availability';
import { BlockedNote } from './BlockedNote';
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
  readonly blocks: DecisionBlocks;
  readonly onDecide: (decision: JoinDecisionKind) => void;
  readonly onUndo: () => void;
}

/**
 * The decision buttons, each also a key; their accessible names say what they act on
 * ("Approve 3 selected requests"). One the target's platforms cannot take is disabled,
 * and why is on screen below, with how many rows of a mixed selection would stay pending.
 */
export function DecisionBar({ target, blocks, onDecide, onUndo }: Props) {
  const lines = target === null ? [] : decisionLines(blocks);
  return (
    <>
      <div className="jr-decisions" role="group" aria-label="Decide" aria-describedby={lines.length > 0 ? 'jr-blocked-note' : undefined}>
        {BUTTONS.map(({ decision, key, label }) => {
          const blocked = target === null ? null : blocks[decision].block;
          const verb = decisionVerb(decision);
          return (
            <KeyButton
              key={decision}
              shortcut={key}
              disabled={target === null || blocked !== null}
              ariaLabel={target ? `${verb} ${target}` : verb}
              title={blocked ?? (target ? `${verb} ${target} (${key})` : undefined)}
              onClick={() => onDecide(decision)}
            >
              {label}
            </KeyButton>
          );
        })}
        <KeyButton shortcut={UNDO_KEY} ariaLabel="Undo the last action" onClick={onUndo}>
          Undo
        </KeyButton>
      </div>
      <BlockedNote id="jr-blocked-note" lines={lines} />
    </>
  );
}
