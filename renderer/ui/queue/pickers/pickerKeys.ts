import type { KeyboardEvent } from 'react';
import { pickerKeyIntent } from '@shared/keyboard/queue-keys';
import { isTextEntry } from '../../dialog';

interface PickerKeys {
  /** Choices the digits can reach; past nine, only clicks. */
  readonly choiceCount: number;
  readonly onPick: (index: number) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The dialog's key handler for a picker: 1–9 pick, Enter confirms, Escape cancels (shared/keyboard/queue-keys.ts). */
export function pickerKeyHandler({ choiceCount, onPick, onConfirm, onCancel }: PickerKeys) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    // The library editor's fields and buttons handle their own keys (Enter saves a reason there).
    if (event.target instanceof Element && event.target.closest('[data-reason-editor]')) return;
    const intent = pickerKeyIntent(event, { choiceCount: Math.min(9, choiceCount), typing: isTextEntry(event.target) });
    switch (intent.kind) {
      case 'pick':
        onPick(intent.index);
        break;
      case 'confirm':
        onConfirm();
        break;
      case 'cancel':
        onCancel();
        break;
      case 'none':
        return;
    }
    event.preventDefault();
  };
}
