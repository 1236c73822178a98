import { useRef, type KeyboardEvent } from 'react';
import type { FlagActionKind } from '@shared/domain/flagged';
import { flaggedKeyIntent } from '@shared/keyboard/flagged-keys';

/** As the app's own `g …` handling (useGlobalShortcuts). */
const PREFIX_TIMEOUT_MS = 1200;

export interface FlaggedKeyHandlers {
  act(action: FlagActionKind, scope: 'target' | 'author'): void;
  undo(): void;
  toggleRecent(): void;
  showNew(): void;
  exportCase(): void;
  /** False when there is no view at that number: the key is then left alone. */
  openSavedView(index: number): boolean;
}

/**
 * The queue's keys (shared/keyboard/flagged-keys.ts) for the table and the conversation
 * pane. Runs before the table's own keys; a claimed key is `preventDefault`ed so neither
 * the table nor the app's shortcuts act on it too.
 */
export function useFlaggedKeys(handlers: FlaggedKeyHandlers) {
  const prefixAt = useRef(0);
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const pendingPrefix = Date.now() - prefixAt.current < PREFIX_TIMEOUT_MS;
    const intent = flaggedKeyIntent(event, { pendingPrefix });
    prefixAt.current = intent.kind === 'prefix' ? Date.now() : 0;
    switch (intent.kind) {
      case 'act':
        handlers.act(intent.action, intent.scope);
        break;
      case 'undo':
        handlers.undo();
        break;
      case 'toggleRecent':
        handlers.toggleRecent();
        break;
      case 'showNew':
        handlers.showNew();
        break;
      case 'export':
        handlers.exportCase();
        break;
      case 'savedView':
        if (!handlers.openSavedView(intent.index)) return;
        break;
      case 'prefix':
      case 'none':
        return;
    }
    event.preventDefault();
  };
}
