import type { KeyPress } from './shortcuts';

/**
 * The grammar every keyboard-first queue shares (Join requests, Flagged): plain letters
 * act, Shift widens the target, `g` is left to the app's view switch, the digits 1–9
 * open saved views, and in a picker 1–9 choose, Enter confirms, Escape cancels. Each
 * queue's own module (join-request-keys.ts, flagged-keys.ts) adds its letters on top.
 */
export interface QueueKeyPress extends KeyPress {
  readonly shiftKey: boolean;
}

export interface QueueKeyContext {
  /** A `g` was pressed just before: the next letter is the app's view switch, not ours. */
  readonly pendingPrefix: boolean;
}

/** Not ours, but starts the app's `g …` sequence: remember it, do not claim it. */
type PrefixIntent = { readonly kind: 'prefix' };
type NoIntent = { readonly kind: 'none' };

/** What every queue does with the keys it does not define itself. */
export type CommonQueueIntent =
  | { readonly kind: 'undo' }
  | { readonly kind: 'toggleRecent' }
  | { readonly kind: 'showNew' }
  /** Saved view 1–9 (0-based `index`). */
  | { readonly kind: 'savedView'; readonly index: number }
  | PrefixIntent
  | NoIntent;

/** A press a queue may claim: the letter lower-cased (Shift upper-cases it), Shift read from the flag. */
export type QueueLetter = { readonly kind: 'letter'; readonly key: string; readonly shift: boolean } | PrefixIntent | NoIntent;

export const NO_INTENT: NoIntent = { kind: 'none' };

/** Modified keys stay the browser's and the OS's; after `g` the letter is the app's. */
export function readQueueLetter(press: QueueKeyPress, context: QueueKeyContext): QueueLetter {
  if (press.ctrlKey || press.metaKey || press.altKey || context.pendingPrefix) return NO_INTENT;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'g') return press.shiftKey ? NO_INTENT : { kind: 'prefix' };
  return { kind: 'letter', key, shift: press.shiftKey };
}

/** The letters of the intents every queue has; each queue picks its own around its action keys. */
export interface CommonQueueKeys {
  readonly undo: string;
  readonly recent: string;
  readonly showNew: string;
}

/** An unshifted key a queue did not claim for itself: undo, Recent actions, new rows, or saved view 1–9. */
export function commonQueueIntent(key: string, keys: CommonQueueKeys): CommonQueueIntent {
  if (key === keys.undo) return { kind: 'undo' };
  if (key === keys.recent) return { kind: 'toggleRecent' };
  if (key === keys.showNew) return { kind: 'showNew' };
  const digit = digitIndex(key);
  return digit === null ? NO_INTENT : { kind: 'savedView', index: digit };
}

export interface PickerKeyContext {
  /** How many choices the digits reach (at most nine). */
  readonly choiceCount: number;
  /** Focus is in a text field: digits and letters are typing, only Enter and Escape act. */
  readonly typing: boolean;
}

export type PickerIntent = { readonly kind: 'pick'; readonly index: number } | { readonly kind: 'confirm' } | { readonly kind: 'cancel' } | NoIntent;

/** Keys inside a picker dialog (a reason, a duration, a ban's reach): 1–9 pick, Enter confirms, Escape cancels. */
export function pickerKeyIntent(press: QueueKeyPress, context: PickerKeyContext): PickerIntent {
  if (press.ctrlKey || press.metaKey || press.altKey) return NO_INTENT;
  if (press.key === 'Escape') return { kind: 'cancel' };
  if (press.key === 'Enter' && !press.shiftKey) return { kind: 'confirm' };
  if (context.typing) return NO_INTENT;
  const digit = digitIndex(press.key);
  return digit !== null && digit < context.choiceCount ? { kind: 'pick', index: digit } : NO_INTENT;
}

function digitIndex(key: string): number | null {
  return /^[1-9]$/.test(key) ? Number(key) - 1 : null;
}
