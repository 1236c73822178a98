import { useRef, type KeyboardEvent } from 'react';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import { queueKeyIntent } from '@shared/keyboard/join-request-keys';

/** As the app's own `g …` handling (useGlobalShortcuts). */
const PREFIX_TIMEOUT_MS = 1200;

export interface QueueKeyHandlers {
  decide(decision: JoinDecisionKind, scope: 'target' | 'cluster'): void;
  undo(): void;
  toggleRecent(): void;
  showNew(): void;
  toggleCluster(): void;
  openRules(): void;
  /** False when there is no view at that number: the key is then left alone. */
  openSavedView(index: number): boolean;
}

/**
 * The queue's keys (join-request-keys.ts) for the table and the detail pane. Runs before
 * the table's own keys; a claimed key is `preventDefault`ed so neither the table nor
 * the app's shortcuts act on it too.
 */
export function useQueueKeys(handlers: QueueKeyHandlers) {
  const prefixAt = useRef(0);
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const pendingPrefix = Date.now() - prefixAt.current < PREFIX_TIMEOUT_MS;
    const intent = queueKeyIntent(event, { pendingPrefix });
    prefixAt.current = intent.kind === 'prefix' ? Date.now() : 0;
    switch (intent.kind) {
      case 'decide':
        handlers.decide(intent.decision, intent.scope);
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
      case 'toggleCluster':
        handlers.toggleCluster();
        break;
      case 'openRules':
        handlers.openRules();
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
