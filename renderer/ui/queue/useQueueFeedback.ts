import { useRef, useState } from 'react';
import type { UndoResult } from '@shared/domain/decisions';
import type { Result } from '@shared/result';
import type { Toast } from './ActionToast';

const MAX_UNDO_STACK = 20;

interface Options {
  /** Asks main to take an action back (`actions.undo`, `flagged.undo`). */
  readonly undoCall: (actionId: string) => Promise<Result<UndoResult>>;
  /** After an undo the action's optimistic entry goes, and the rows coming back are not "new". */
  readonly queue: {
    readonly optimistic: { readonly undone: (actionId: string) => void };
    readonly arrivals: { readonly expectReturning: (rows: number) => void };
  };
  /** Ends "N had already reached the platform and …". */
  readonly pushedStay: string;
}

/** "Undone: 3 back in the queue; 1 had already reached the platform and stay decided." */
export function undoneText({ restored, alreadyPushed }: UndoResult, pushedStay: string): string {
  // An action on people only (a lift, a ban of an author whose flags were decided) brings no row back.
  if (restored === 0 && alreadyPushed === 0) return 'Undone: nothing was sent to the platform.';
  const pushed = alreadyPushed > 0 ? `; ${alreadyPushed.toLocaleString()} had already reached the platform and ${pushedStay}` : '';
  return `Undone: ${restored.toLocaleString()} back in the queue${pushed}.`;
}

/**
 * What a queue's decisions tell the moderator: the toast (with undo while the grace period
 * lasts), the error banner, and `u`: this session's actions, undone newest first.
 */
export function useQueueFeedback({ undoCall, queue, pushedStay }: Options) {
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoStack, setUndoStack] = useState<readonly string[]>([]);
  const toastSeq = useRef(0);

  const say = (text: string, action?: { actionId: string; graceUntil: number }) =>
    setToast({ id: ++toastSeq.current, text, actionId: action?.actionId ?? null, graceUntil: action?.graceUntil ?? null });

  /** Main took the decision: `u` can take it back, and the toast says what was done. */
  const done = (text: string, action: { actionId: string; graceUntil: number }) => {
    setUndoStack((stack) => [...stack.slice(-(MAX_UNDO_STACK - 1)), action.actionId]);
    say(text, action);
  };

  /** `u`: the newest action of this session still on the stack, or the one given (Recent actions, the toast). */
  const undo = async (actionId?: string) => {
    const id = actionId ?? undoStack.at(-1);
    if (!id) {
      say('Nothing to undo yet.');
      return;
    }
    setUndoStack((stack) => stack.filter((item) => item !== id));
    const result = await undoCall(id);
    if (!result.ok) {
      setError(`Undo failed: ${result.error.message}`);
      return;
    }
    queue.optimistic.undone(id);
    queue.arrivals.expectReturning(result.value.restored);
    say(undoneText(result.value, pushedStay));
  };

  return { toast, say, done, undo, error, setError, dismissToast: () => setToast(null), dismissError: () => setError(null) };
}
