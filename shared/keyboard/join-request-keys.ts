import type { JoinDecisionKind } from '../domain/decisions';
import type { KeyPress, Shortcut } from './shortcuts';

/**
 * The Join requests queue's own keys, on top of the table's (j/k, x, Enter, ...) and the
 * app's (`?`, `/`, `g …`). Pure: the view turns an intent into calls; this only decides
 * what a key means, so every binding is unit-tested and the `?` overlay lists the same table.
 */
export interface QueueKeyPress extends KeyPress {
  readonly shiftKey: boolean;
}

export interface QueueKeyContext {
  /** A `g` was pressed just before: the next letter is the app's view switch, not ours. */
  readonly pendingPrefix: boolean;
}

export type QueueIntent =
  /** A decision on the selection, or on the focused row when nothing is selected. */
  | { readonly kind: 'decide'; readonly decision: JoinDecisionKind; readonly scope: 'target' | 'cluster' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'toggleRecent' }
  | { readonly kind: 'showNew' }
  /** Show only the focused request's cluster, or everything again. */
  | { readonly kind: 'toggleCluster' }
  | { readonly kind: 'openRules' }
  /** Saved view 1–9 (0-based `index`). */
  | { readonly kind: 'savedView'; readonly index: number }
  /** Not ours, but starts the app's `g …` sequence: remember it, do not claim it. */
  | { readonly kind: 'prefix' }
  | { readonly kind: 'none' };

const DECISION_KEYS: Readonly<Record<string, JoinDecisionKind>> = {
  a: 'approve',
  d: 'decline',
  b: 'decline-ban',
  s: 'snooze',
};

export const UNDO_KEY = 'u';
export const RECENT_KEY = 'r';
export const SHOW_NEW_KEY = 'n';
export const CLUSTER_KEY = 'c';
/** Shift+r: R for Rules, beside r for Recent actions. */
export const RULES_KEY = 'R';

export function queueKeyIntent(press: QueueKeyPress, context: QueueKeyContext): QueueIntent {
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'none' };
  if (context.pendingPrefix) return { kind: 'none' };
  // Shift turns letters upper-case; compare lower-cased and read shift from the flag.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'g') return press.shiftKey ? { kind: 'none' } : { kind: 'prefix' };
  const decision = DECISION_KEYS[key];
  if (decision) return { kind: 'decide', decision, scope: press.shiftKey ? 'cluster' : 'target' };
  if (press.shiftKey) return key === RULES_KEY.toLowerCase() ? { kind: 'openRules' } : { kind: 'none' };
  if (key === UNDO_KEY) return { kind: 'undo' };
  if (key === RECENT_KEY) return { kind: 'toggleRecent' };
  if (key === SHOW_NEW_KEY) return { kind: 'showNew' };
  if (key === CLUSTER_KEY) return { kind: 'toggleCluster' };
  const digit = digitIndex(key);
  return digit === null ? { kind: 'none' } : { kind: 'savedView', index: digit };
}

export interface PickerKeyContext {
  readonly reasonCount: number;
  /** Focus is in a text field: digits and letters are typing, only Enter and Escape act. */
  readonly typing: boolean;
}

export type PickerIntent =
  | { readonly kind: 'pick'; readonly index: number }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'none' };

/** Keys inside the reason picker: 1–9 pick a reason, Enter confirms, Escape cancels. */
export function reasonPickerIntent(press: QueueKeyPress, context: PickerKeyContext): PickerIntent {
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'none' };
  if (press.key === 'Escape') return { kind: 'cancel' };
  if (press.key === 'Enter' && !press.shiftKey) return { kind: 'confirm' };
  if (context.typing) return { kind: 'none' };
  const digit = digitIndex(press.key);
  return digit !== null && digit < context.reasonCount ? { kind: 'pick', index: digit } : { kind: 'none' };
}

function digitIndex(key: string): number | null {
  return /^[1-9]$/.test(key) ? Number(key) - 1 : null;
}

/** Listed by the `?` overlay under "In Join requests". */
export const JOIN_REQUEST_SHORTCUTS: readonly Shortcut[] = [
  { id: 'jr-approve', keys: ['a'], description: 'Approve the selection, or the focused request', scope: 'join-requests' },
  { id: 'jr-decline', keys: ['d'], description: 'Decline with a reason (opens the reason picker)', scope: 'join-requests' },
  { id: 'jr-ban', keys: ['b'], description: 'Decline and ban (opens the reason picker)', scope: 'join-requests' },
  { id: 'jr-snooze', keys: ['s'], description: 'Snooze for 24 hours', scope: 'join-requests' },
  {
    id: 'jr-cluster',
    keys: ['Shift+a'],
    description: 'Decide the focused request’s whole cluster (also Shift+d, Shift+b, Shift+s)',
    scope: 'join-requests',
  },
  { id: 'jr-cluster-show', keys: [CLUSTER_KEY], description: 'Show only the focused request’s cluster (again: show everything)', scope: 'join-requests' },
  { id: 'jr-rules', keys: ['Shift+r'], description: 'Open Rules: automatic decisions, with a backtest before enabling', scope: 'join-requests' },
  { id: 'jr-undo', keys: [UNDO_KEY], description: 'Undo the last action while its grace period lasts', scope: 'join-requests' },
  { id: 'jr-recent', keys: [RECENT_KEY], description: 'Show or hide Recent actions', scope: 'join-requests' },
  { id: 'jr-new', keys: [SHOW_NEW_KEY], description: 'Bring in newly arrived requests', scope: 'join-requests' },
  { id: 'jr-views', keys: ['1–9'], description: 'Open saved view 1 to 9', scope: 'join-requests' },
  { id: 'jr-detail', keys: ['Enter'], description: 'Open the detail pane (Escape returns to the table)', scope: 'join-requests' },
  { id: 'jr-pick', keys: ['1–9'], description: 'In the reason picker: pick a reason', scope: 'join-requests' },
  { id: 'jr-confirm', keys: ['Enter'], description: 'In a dialog: confirm (Escape cancels)', scope: 'join-requests' },
];
