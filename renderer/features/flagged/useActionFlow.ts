import { useRef, useState } from 'react';
import type { FlagAction, LiftSanctionInput } from '@shared/contract/flagged';
import type { DecisionPreview } from '@shared/domain/decisions';
import { MESSAGE_ACTIONS, type FlagActionKind } from '@shared/domain/flagged';
import { useApi } from '../../client/ApiProvider';
import { EMPTY_SELECTION } from '../../ui/data-table';
import { focusAfterDecision } from '../../ui/queue/rows/focus';
import { indexHints } from '../../ui/queue/rows/hiddenRows';
import { loadedRows } from '../../ui/queue/rows/loadedRows';
import { leavesQuery } from '../../ui/queue/rows/optimistic';
import { useQueueFeedback } from '../../ui/queue/useQueueFeedback';
import { actionVerb, doneText, liftText, NEEDS_PICKER, statusAfter } from './actionText';
import type { ActionBlocks } from './availability';
import { resolveFlagTarget, type ResolvedFlagTarget } from './flagTargets';
import type { FlaggedQueue } from './useFlaggedQueue';

export type FlowStep =
  | { readonly kind: 'idle' }
  /** A dialog asks what the action needs (note, warning, duration, scope, window). */
  | { readonly kind: 'pick'; readonly action: FlagActionKind; readonly resolved: ResolvedFlagTarget }
  /** Null preview while main counts. */
  | { readonly kind: 'confirm'; readonly action: FlagAction; readonly resolved: ResolvedFlagTarget; readonly preview: DecisionPreview | null };

interface Options {
  readonly queue: FlaggedQueue;
  readonly blocksFor: (resolved: ResolvedFlagTarget) => ActionBlocks;
  readonly confirmBulkOver: number;
}

const IDLE: FlowStep = { kind: 'idle' };

/**
 * An action from key or button to main, in the join-request grammar: target (selection,
 * focused row, or with Shift the focused author's open flags), the action's picker, a
 * bulk confirmation with counts per community, then the optimistic update, the call and
 * a toast with undo. Also undo, newest first. A platform that cannot do the action stops
 * it before anything happens, with the reason.
 */
export function useActionFlow({ queue, blocksFor, confirmBulkOver }: Options) {
  const api = useApi();
  const [step, setStep] = useState<FlowStep>(IDLE);
  const previewSeq = useRef(0);
  const feedback = useQueueFeedback({
    undoCall: (actionId) => api.call('flagged.undo', { actionId }),
    queue,
    pushedStay: 'stay',
  });
  const { say, setError } = feedback;

  const commit = (action: FlagAction, resolved: ResolvedFlagTarget) => {
    const { source, focus, filters, optimistic } = queue;
    const status = statusAfter(action.kind);
    const idAt = (index: number) => source.getRow(index)?.id;
    // Only open rows change; an author action on decided rows leaves them where they are.
    const changing = resolved.rows.filter((row) => row.status === 'open').map((row) => row.id);
    const hide = resolved.except === null && leavesQuery(filters, status);
    const key = optimistic.begin({ status, hideIn: hide ? source.queryKey : null, ids: indexHints(changing, idAt, focus.focusedIndex, source.total), query: null });
    const next = focusAfterDecision({ decided: changing, everyRowOfQuery: resolved.except !== null, hidden: hide, focusedIndex: focus.focusedIndex, idAt, total: source.total });
    if (next) focus.setAnchor(next);
    queue.setSelection(EMPTY_SELECTION);
    setStep(IDLE);
    setError(null);
    void api.call('flagged.decide', { target: resolved.target, action }).then((result) => {
      if (!result.ok) {
        optimistic.fail(key);
        setError(`${actionVerb(action.kind)} failed: ${result.error.message}`);
        return;
      }
      const { actionId, graceUntil } = result.value;
      optimistic.settle(key, actionId);
      feedback.done(doneText(action, result.value), { actionId, graceUntil });
    });
  };

  const proceed = (action: FlagAction, resolved: ResolvedFlagTarget) => {
    if (resolved.estimate <= confirmBulkOver) {
      commit(action, resolved);
      return;
    }
    const seq = ++previewSeq.current;
    setStep({ kind: 'confirm', action, resolved, preview: null });
    void api.call('flagged.preview', { target: resolved.target, action }).then((result) => {
      if (seq !== previewSeq.current) return;
      if (!result.ok) {
        setStep(IDLE);
        setError(`Could not count the flags this reaches: ${result.error.message}`);
        return;
      }
      setStep({ kind: 'confirm', action, resolved, preview: result.value });
    });
  };

  /** r, w, m, b, i, o, p (Shift: the focused author's open flags) and the action buttons. */
  const start = (kind: FlagActionKind, scope: 'target' | 'author') => {
    const { selection, focus, filters, search, source } = queue;
    const resolved = resolveFlagTarget(scope, { selection, focusedRow: focus.focusedRow, filters, search, total: source.total, loaded: loadedRows(source, focus.focusedIndex) });
    if (!resolved) {
      say(scope === 'author' ? 'The focused message has no known author.' : 'No flagged message to act on.');
      return;
    }
    const block = blocksFor(resolved)[kind];
    if (block) {
      setError(`${actionVerb(kind)} is not possible: ${block}`);
      return;
    }
    const allKnown = resolved.except === null && resolved.rows.length === resolved.ids.length && resolved.rows.length > 0;
    if (MESSAGE_ACTIONS.includes(kind) && allKnown && !resolved.rows.some((row) => row.status === 'open')) {
      say('Those flags were decided already.');
      return;
    }
    if (NEEDS_PICKER.has(kind)) setStep({ kind: 'pick', action: kind, resolved });
    else proceed(kind === 'kick' ? { kind: 'kick' } : { kind: 'remove' }, resolved);
  };

  const choose = (action: FlagAction) => {
    if (step.kind === 'pick') proceed(action, step.resolved);
  };
  const confirm = () => {
    if (step.kind === 'confirm' && step.preview) commit(step.action, step.resolved);
  };
  const cancel = () => {
    previewSeq.current += 1;
    setStep(IDLE);
  };

  /** Lifts a ban or mute that reached the platform; like any action it waits out the grace period, so `u` takes it back. */
  const lift = async (input: LiftSanctionInput): Promise<boolean> => {
    setError(null);
    const result = await api.call('flagged.liftSanction', input);
    if (!result.ok) {
      setError(`Lifting the ${input.kind} failed: ${result.error.message}`);
      return false;
    }
    feedback.done(liftText(input.kind, result.value), { actionId: result.value.actionId, graceUntil: result.value.graceUntil });
    return true;
  };

  const { undo, toast, dismissToast, error, dismissError } = feedback;
  return { step, start, choose, confirm, cancel, lift, undo, toast, dismissToast, error, dismissError, say };
}

export type ActionFlow = ReturnType<typeof useActionFlow>;
