import type { KeyPress, Shortcut } from './shortcuts';

/**
 * The announcement desk's own keys, on top of the table's and the app's. Pure: the
 * view turns an intent into calls; the `?` overlay lists the same table.
 */
export interface DeskKeyPress extends KeyPress {
  readonly shiftKey: boolean;
}

export type DeskPlace = 'list' | 'preview' | 'receipts' | 'editor';

export type DeskIntent =
  | { readonly kind: 'new' }
  /** Send the draft (or open its confirmation). */
  | { readonly kind: 'send' }
  /** Exclude the focused preview target, or include it back. */
  | { readonly kind: 'toggleExclude' }
  /** Retry the focused failed receipt. */
  | { readonly kind: 'retry' }
  /** Back to the announcements list. */
  | { readonly kind: 'close' }
  | { readonly kind: 'none' };

export const NEW_KEY = 'n';
export const EXCLUDE_KEY = 'e';
export const RETRY_KEY = 'r';

const NONE: DeskIntent = { kind: 'none' };

/**
 * What a key means where it was pressed. Plain letters only act in tables (typing in
 * the editor must stay typing); Mod+Enter sends from anywhere in a draft, Escape in
 * the editor returns to the list.
 */
export function deskKeyIntent(press: DeskKeyPress, place: DeskPlace): DeskIntent {
  const mod = press.ctrlKey || press.metaKey;
  if (mod && !press.altKey && !press.shiftKey && press.key === 'Enter') return place === 'list' ? NONE : { kind: 'send' };
  if (mod || press.altKey || press.shiftKey) return NONE;
  if (press.key === 'Escape' && place === 'editor') return { kind: 'close' };
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  switch (place) {
    case 'list':
      return key === NEW_KEY ? { kind: 'new' } : NONE;
    case 'preview':
      return key === EXCLUDE_KEY ? { kind: 'toggleExclude' } : NONE;
    case 'receipts':
      return key === RETRY_KEY ? { kind: 'retry' } : NONE;
    case 'editor':
      return NONE;
  }
}

/** Listed by the `?` overlay under "In Announcements". */
export const ANNOUNCEMENT_SHORTCUTS: readonly Shortcut[] = [
  { id: 'an-new', keys: [NEW_KEY], description: 'In the list: start a new announcement', scope: 'announcements' },
  { id: 'an-open', keys: ['Enter'], description: 'In the list: open the focused announcement', scope: 'announcements' },
  { id: 'an-exclude', keys: [EXCLUDE_KEY], description: 'In the preview: exclude the focused target, or include it back', scope: 'announcements' },
  { id: 'an-send', keys: ['Mod+Enter'], description: 'In a draft: send (or schedule) it', scope: 'announcements' },
  { id: 'an-retry', keys: [RETRY_KEY], description: 'In the receipts: retry the focused failed target', scope: 'announcements' },
  { id: 'an-close', keys: ['Escape'], description: 'In an announcement: back to the list', scope: 'announcements' },
];
