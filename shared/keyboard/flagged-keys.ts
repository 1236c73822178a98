import type { FlagActionKind } from '../domain/flagged';
import type { QueueKeyPress } from './join-request-keys';
import type { Shortcut } from './shortcuts';

/**
 * The Flagged queue's own keys, in the join-request grammar: one letter per action on the
 * selection (or the focused row), Shift for the focused row's author (all their open
 * flags), `u` undo, 1–9 saved views. Pure, so every binding is unit-tested and the `?`
 * overlay lists the same table. The table's keys (j/k, x, Enter...) and the app's
 * (`?`, `/`, `g …`) are not claimed here.
 */
export interface FlaggedKeyContext {
  /** A `g` was pressed just before: the next letter is the app's view switch, not ours. */
  readonly pendingPrefix: boolean;
}

export type FlaggedIntent =
  | { readonly kind: 'act'; readonly action: FlagActionKind; readonly scope: 'target' | 'author' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'toggleRecent' }
  | { readonly kind: 'showNew' }
  | { readonly kind: 'export' }
  /** Saved view 1–9 (0-based `index`). */
  | { readonly kind: 'savedView'; readonly index: number }
  /** Not ours, but starts the app's `g …` sequence: remember it, do not claim it. */
  | { readonly kind: 'prefix' }
  | { readonly kind: 'none' };

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

export function flaggedKeyIntent(press: QueueKeyPress, context: FlaggedKeyContext): FlaggedIntent {
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'none' };
  if (context.pendingPrefix) return { kind: 'none' };
  // Shift turns letters upper-case; compare lower-cased and read shift from the flag.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'g') return press.shiftKey ? { kind: 'none' } : { kind: 'prefix' };
  const action = ACTION_OF_KEY.get(key);
  if (action) return { kind: 'act', action, scope: press.shiftKey ? 'author' : 'target' };
  if (press.shiftKey) return { kind: 'none' };
  if (key === FLAGGED_UNDO_KEY) return { kind: 'undo' };
  if (key === FLAGGED_RECENT_KEY) return { kind: 'toggleRecent' };
  if (key === FLAGGED_NEW_KEY) return { kind: 'showNew' };
  if (key === FLAGGED_EXPORT_KEY) return { kind: 'export' };
  return /^[1-9]$/.test(key) ? { kind: 'savedView', index: Number(key) - 1 } : { kind: 'none' };
}

/** Listed by the `?` overlay under "In Flagged". */
export const FLAGGED_SHORTCUTS: readonly Shortcut[] = [
  { id: 'fl-remove', keys: ['r'], description: 'Remove the message (the selection, or the focused row)', scope: 'flagged' },
  { id: 'fl-warn', keys: ['w'], description: 'Remove and warn the author (opens the removal reasons)', scope: 'flagged' },
  { id: 'fl-mute', keys: ['m'], description: 'Mute the author (opens the duration picker)', scope: 'flagged' },
  { id: 'fl-ban', keys: ['b'], description: 'Ban the author (opens the scope picker: this, several or all communities)', scope: 'flagged' },
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
