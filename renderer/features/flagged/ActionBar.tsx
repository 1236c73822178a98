import type { FlagActionKind } from '@shared/domain/flagged';
import { FLAGGED_ACTION_KEYS, FLAGGED_EXPORT_KEY, FLAGGED_UNDO_KEY } from '@shared/keyboard/flagged-keys';
import { KeyButton } from '../../ui/queue/KeyButton';
import { actionVerb } from './actionText';
import { blockedLines, type ActionBlocks } from './availability';

const BUTTONS: readonly { action: FlagActionKind; label: string }[] = [
  { action: 'remove', label: 'Remove' },
  { action: 'remove-warn', label: 'Warn…' },
  { action: 'dismiss', label: 'Dismiss…' },
  { action: 'mute', label: 'Mute…' },
  { action: 'kick', label: 'Kick' },
  { action: 'ban', label: 'Ban…' },
  { action: 'purge', label: 'Purge…' },
];

interface Props {
  /** "the focused message", "3 selected flags", ...; null when there is nothing to act on. */
  readonly target: string | null;
  readonly blocks: ActionBlocks;
  readonly onAct: (action: FlagActionKind) => void;
  readonly onUndo: () => void;
  readonly onExport: () => void;
}

/** The actions, each also a key; a disabled one says why (the platform cannot, or nothing is focused). */
export function ActionBar({ target, blocks, onAct, onUndo, onExport }: Props) {
  const lines = target === null ? [] : blockedLines(blocks);
  return (
    <>
      <div className="fl-actions" role="group" aria-label="Act" aria-describedby={lines.length > 0 ? 'fl-blocked-note' : undefined}>
        {BUTTONS.map(({ action, label }) => {
          const key = FLAGGED_ACTION_KEYS[action];
          const blocked = target === null ? 'Nothing to act on.' : blocks[action];
          const verb = actionVerb(action);
          return (
            <KeyButton
              key={action}
              shortcut={key}
              disabled={blocked !== null}
              ariaLabel={target ? `${verb} ${target}` : verb}
              title={blocked ?? `${verb} ${target} (${key})`}
              onClick={() => onAct(action)}
            >
              {label}
            </KeyButton>
          );
        })}
        <KeyButton shortcut={FLAGGED_UNDO_KEY} ariaLabel="Undo the last action" onClick={onUndo}>
          Undo
        </KeyButton>
        <KeyButton shortcut={FLAGGED_EXPORT_KEY} ariaLabel="Export the focused case" disabled={target === null} onClick={onExport}>
          Export
        </KeyButton>
      </div>
      {lines.length > 0 && (
        <p id="fl-blocked-note" className="mb-muted fl-blocked-note">
          {lines.map((line) => (
            <span key={line}>{line} </span>
          ))}
        </p>
      )}
    </>
  );
}
