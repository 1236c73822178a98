import { useRef, type KeyboardEvent } from 'react';
import type { QueueKeyContext, QueueKeyPress } from '@shared/keyboard/queue-keys';

/** As the app's own `g …` handling (useGlobalShortcuts). */
const PREFIX_TIMEOUT_MS = 1200;

type Intent = { readonly kind: string };

/**
 * One handler per intent the queue's key map can return (`prefix` and `none` are handled
 * here). A handler returning `false` leaves the key alone (no saved view at that number).
 */
export type QueueKeyHandlers<I extends Intent> = {
  readonly [K in Exclude<I['kind'], 'prefix' | 'none'>]: (intent: Extract<I, { readonly kind: K }>) => boolean | void;
};

/**
 * A queue's keys (its pure map in shared/keyboard) for the table and the detail pane. Runs
 * before the table's own keys; a claimed key is `preventDefault`ed so neither the table
 * nor the app's shortcuts act on it too.
 */
export function useQueueKeys<I extends Intent>(intentOf: (press: QueueKeyPress, context: QueueKeyContext) => I, handlers: QueueKeyHandlers<I>) {
  const prefixAt = useRef(0);
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const pendingPrefix = Date.now() - prefixAt.current < PREFIX_TIMEOUT_MS;
    const intent = intentOf(event, { pendingPrefix });
    prefixAt.current = intent.kind === 'prefix' ? Date.now() : 0;
    if (intent.kind === 'prefix' || intent.kind === 'none') return;
    const handle = handlers[intent.kind as Exclude<I['kind'], 'prefix' | 'none'>] as (intent: I) => boolean | void;
    if (handle(intent) === false) return;
    event.preventDefault();
  };
}
