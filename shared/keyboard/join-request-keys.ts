import type { JoinDecisionKind } from '../domain/decisions';
import { commonQueueIntent, NO_INTENT, readQueueLetter, type CommonQueueIntent, type QueueKeyContext, type QueueKeyPress } from './queue-keys';
import type { Shortcut } from './shortcuts';

/**
 * The Join requests queue's own keys, in the grammar of queue-keys.ts, on top of the
 * table's (j/k, x, Enter, ...) and the app's (`?`, `/`, `g …`). Pure: the view turns an
 * intent into calls; this only decides what a key means, so every binding is unit-tested
 * and the `?` overlay lists the same table.
 */
export type QueueIntent =
  /** A decision on the selection, or on the focused row when nothing is selected. */
  | { readonly kind: 'decide'; readonly decision: JoinDecisionKind; readonly scope: 'target' | 'cluster' }
  /** Show only the focused request's cluster, or everything again. */
  | { readonly kind: 'toggleCluster' }
  | { readonly kind: 'openRules' }
  | CommonQueueIntent;

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

const COMMON_KEYS = { undo: UNDO_KEY, recent: RECENT_KEY, showNew: SHOW_NEW_KEY };

export function queueKeyIntent(press: QueueKeyPress, context: QueueKeyContext): QueueIntent {
  const letter = readQueueLetter(press, context);
  if (letter.kind !== 'letter') return letter;
  const decision = DECISION_KEYS[letter.key];
  if (decision) return { kind: 'decide', decision, scope: letter.shift ? 'cluster' : 'target' };
  if (letter.shift) return letter.key === RULES_KEY.toLowerCase() ? { kind: 'openRules' } : NO_INTENT;
  if (letter.key === CLUSTER_KEY) return { kind: 'toggleCluster' };
  return commonQueueIntent(letter.key, COMMON_KEYS);
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
