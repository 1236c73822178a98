import { FLAGGED_SHORTCUTS } from './flagged-keys';
import { ANNOUNCEMENT_SHORTCUTS } from './announcement-keys';
import { JOIN_REQUEST_SHORTCUTS } from './join-request-keys';

/**
 * The console's keyboard grammar, listed once: the `?` overlay renders this table and
 * the handlers match against it, so help can never drift from behaviour. A queue with
 * keys of its own adds a scope (e.g. `join-requests`, from join-request-keys.ts).
 */
export type ShortcutScope = 'global' | 'table' | 'join-requests' | 'flagged' | 'announcements';

export interface Shortcut {
  readonly id: string;
  /** Key sequence as typed, e.g. ['g', 'j'] or ['Mod+a']. `Mod` is Ctrl, or Cmd on macOS. */
  readonly keys: readonly string[];
  readonly description: string;
  readonly scope: ShortcutScope;
}

export const VIEW_IDS = ['join-requests', 'flagged', 'announcements', 'communities', 'activity', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const VIEW_SHORTCUTS: Readonly<Record<ViewId, string>> = {
  'join-requests': 'j',
  flagged: 'f',
  announcements: 'a',
  communities: 'c',
  activity: 'y',
  settings: 's',
};

const VIEW_LABELS: Readonly<Record<ViewId, string>> = {
  'join-requests': 'Join requests',
  flagged: 'Flagged',
  announcements: 'Announcements',
  communities: 'Communities',
  activity: 'Activity',
  settings: 'Settings',
};

export const viewLabel = (view: ViewId): string => VIEW_LABELS[view];

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', keys: ['?'], description: 'Show or hide this list of shortcuts', scope: 'global' },
  { id: 'search', keys: ['/'], description: 'Search the current queue', scope: 'global' },
  ...VIEW_IDS.map(
    (view): Shortcut => ({
      id: `go-${view}`,
      keys: ['g', VIEW_SHORTCUTS[view]],
      description: `Go to ${VIEW_LABELS[view]}`,
      scope: 'global',
    }),
  ),
  { id: 'down', keys: ['j'], description: 'Next row (also ↓)', scope: 'table' },
  { id: 'up', keys: ['k'], description: 'Previous row (also ↑)', scope: 'table' },
  { id: 'page', keys: ['PageDown'], description: 'Down a page (PageUp goes up)', scope: 'table' },
  { id: 'ends', keys: ['Home'], description: 'First row (End: last row)', scope: 'table' },
  { id: 'toggle', keys: ['x'], description: 'Select or unselect the focused row', scope: 'table' },
  { id: 'extend', keys: ['Shift+j'], description: 'Extend the selection (also Shift+↓ / Shift+↑)', scope: 'table' },
  { id: 'all', keys: ['Mod+a'], description: 'Select every row matching the query', scope: 'table' },
  { id: 'clear', keys: ['Escape'], description: 'Clear the selection, close a panel', scope: 'table' },
  { id: 'open', keys: ['Enter'], description: 'Open the focused row', scope: 'table' },
  ...JOIN_REQUEST_SHORTCUTS,
  ...FLAGGED_SHORTCUTS,
  ...ANNOUNCEMENT_SHORTCUTS,
];

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** What a key press means at app level, given the previous key of a pending `g …` sequence. */
export type GlobalIntent =
  | { readonly kind: 'help' }
  | { readonly kind: 'search' }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'go'; readonly view: ViewId }
  | { readonly kind: 'none' };

export function globalIntent(press: KeyPress, pendingPrefix: boolean): GlobalIntent {
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'none' };
  if (pendingPrefix) {
    const view = VIEW_IDS.find((v) => VIEW_SHORTCUTS[v] === press.key);
    return view ? { kind: 'go', view } : { kind: 'none' };
  }
  if (press.key === '?') return { kind: 'help' };
  if (press.key === '/') return { kind: 'search' };
  if (press.key === 'g') return { kind: 'prefix' };
  return { kind: 'none' };
}
