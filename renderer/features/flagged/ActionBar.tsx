import type { FlagActionKind } from '@shared/domain/flagged';
import { FLAGGED_ACTION_KEYS, FLAGGED_EXPORT_KEY, FLAGGED_UNDO_KEY } from '@shared/keyboard/flagged-keys';
import { actionVerb } from './actionText';
import type { ActionBlocks } from './availability';

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
  return (
    <div className="fl-actions" role="group" aria-label="Act">
      {BUTTONS.map(({ action, label }) => {
        const key = FLAGGED_ACTION_KEYS[action];
        const blocked = target === null ? 'Nothing to act on.' : blocks[action];
        return (
          <button
            key={action}
            type="button"
            className="mb-button jr-small"
            disabled={blocked !== null}
            aria-label={target ? `${actionVerb(action)} ${target}` : actionVerb(action)}
            aria-keyshortcuts={key}
            title={blocked ?? `${actionVerb(action)} ${target} (${key})`}
            onClick={() => onAct(action)}
          >
            {label} <kbd aria-hidden="true">{key}</kbd>
          </button>
        );
      })}
      <button type="button" className="mb-button jr-small" aria-label="Undo the last action" aria-keyshortcuts={FLAGGED_UNDO_KEY} onClick={onUndo}>
        Undo <kbd aria-hidden="true">{FLAGGED_UNDO_KEY}</kbd>
      </button>
      <button type="button" className="mb-button jr-small" aria-label="Export the focused case" aria-keyshortcuts={FLAGGED_EXPORT_KEY} disabled={target === null} onClick={onExport}>
        Export <kbd aria-hidden="true">{FLAGGED_EXPORT_KEY}</kbd>
      </button>
    </div>
  );
}
