import type { FlagActionKind } from '../domain/flagged';
import { commonQueueIntent, NO_INTENT, readQueueLetter, type CommonQueueIntent, type QueueKeyContext, type QueueKeyPress } from './queue-keys';
import type { Shortcut } from './shortcuts';

/**
 * The Flagged queue's own keys, in the grammar of queue-keys.ts (the join requests'): one
 * letter per action on the selection (or the focused row), Shift for the focused row's
 * author (all their open flags), `u` undo, 1–9 saved views. Pure, so every binding is
 * unit-tested and the `?` overlay lists the same table. The table's keys (j/k, x,
 * Enter...) and the app's (`?`, `/`, `g …`) are not claimed here.
 */
export type FlaggedIntent =
  | { readonly kind: 'act'; readonly action: FlagActionKind; readonly scope: 'target' | 'author' }
  | { readonly kind: 'export' }
  | CommonQueueIntent;

export const FLAGGED_ACTION_KEYS: Readonly<Record<FlagActionKind, string>> = {
  remove: 'r',
  'remove-warn': 'w',
  mute: 'm',
  ban: 'b',
  dismiss: 'i',
  kick: 'o',
  purge: 'p',
};

const ACTION_OF_KEY: ReadonlyMap<string, FlagActionKind> = new Map(
  Object.entries(FLAGGED_ACTION_KEYS).map(([action, key]) => [key, action as FlagActionKind]),
);

export const FLAGGED_UNDO_KEY = 'u';
export const FLAGGED_RECENT_KEY = 'a';
export const FLAGGED_NEW_KEY = 'n';
export const FLAGGED_EXPORT_KEY = 'e';

const COMMON_KEYS = { undo: FLAGGED_UNDO_KEY, recent: FLAGGED_RECENT_KEY, showNew: FLAGGED_NEW_KEY };

export function flaggedKeyIntent(press: QueueKeyPress, context: QueueKeyContext): FlaggedIntent {
  const letter = readQueueLetter(press, context);
  if (letter.kind !== 'letter') return letter;
  const action = ACTION_OF_KEY.get(letter.key);
  if (action) return { kind: 'act', action, scope: letter.shift ? 'author' : 'target' };
  if (letter.shift) return NO_INTENT;
  if (letter.key === FLAGGED_EXPORT_KEY) return { kind: 'export' };
  return commonQueueIntent(letter.key, COMMON_KEYS);
}

/** Listed by the `?` overlay under "In Flagged". */
export const FLAGGED_SHORTCUTS: readonly Shortcut[] = [
  { id: 'fl-remove', keys: ['r'], description: 'Remove the message (the selection, or the focused row)', scope: 'flagged' },
  { id: 'fl-warn', keys: ['w'], description: 'Remove and warn the author (opens the removal reasons)', scope: 'flagged' },
  { id: 'fl-mute', keys: ['m'], description: 'Mute the author (opens the duration picker)', scope: 'flagged' },
  { id: 'fl-ban', keys: ['b'], description: 'Ban the author (opens the scope picker: this, several or all communities; Tab reaches how long and which messages to delete)', scope: 'flagged' },
  { id: 'fl-dismiss', keys: ['i'], description: 'Dismiss: no violation (optional note); resolves every report of the message', scope: 'flagged' },
  { id: 'fl-kick', keys: ['o'], description: 'Kick the author from the community', scope: 'flagged' },
  { id: 'fl-purge', keys: ['p'], description: 'Purge the author’s recent messages', scope: 'flagged' },
  { id: 'fl-author', keys: ['Shift+r'], description: 'Act on all open flags of the focused author (also Shift+w, Shift+i, …)', scope: 'flagged' },
  { id: 'fl-undo', keys: [FLAGGED_UNDO_KEY], description: 'Undo the last action while its grace period lasts', scope: 'flagged' },
  { id: 'fl-recent', keys: [FLAGGED_RECENT_KEY], description: 'Show or hide Recent actions', scope: 'flagged' },
  { id: 'fl-export', keys: [FLAGGED_EXPORT_KEY], description: 'Export the focused case with its evidence (JSON or CSV)', scope: 'flagged' },
  { id: 'fl-new', keys: [FLAGGED_NEW_KEY], description: 'Bring in newly flagged messages', scope: 'flagged' },
  { id: 'fl-views', keys: ['1–9'], description: 'Open saved view 1 to 9 (in a picker: pick option 1 to 9)', scope: 'flagged' },
  { id: 'fl-detail', keys: ['Enter'], description: 'Open the conversation pane (Escape returns to the table)', scope: 'flagged' },
];
